import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, inject, it } from 'vitest';
import { createTestDatabase } from './db.ts';

const run = promisify(execFile);
const CLI = new URL('../bin/tansiq.js', import.meta.url).pathname;
const tansiq = (args: string[], env: Record<string, string> = {}) =>
  run('node', [CLI, ...args], { env: { ...process.env, LOG_LEVEL: 'silent', ...env }, maxBuffer: 64 * 1024 * 1024 }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );

describe('the tansiq command', () => {
  it.each([['serve'], ['migrate'], ['seed'], ['user', 'create'], ['audit', 'verify'], ['openapi']])('%s %s --help', async (...args) => {
    const r = await tansiq([...args.filter(Boolean), '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: tansiq /);
  });

  it('exits 2 on an unknown command', async () => {
    expect((await tansiq(['bogus'])).code).toBe(2);
  });

  it('openapi prints the OpenAPI 3.1 description', async () => {
    const r = await tansiq(['openapi']);
    const spec = JSON.parse(r.stdout);
    expect(spec.openapi).toBe('3.1.0');
    expect(spec.paths['/api/venues/{id}']).toBeDefined();
  });

  it.runIf(inject('postgresUrl'))('migrate, seed and user create work against PostgreSQL; the user can sign in', async () => {
    const db = await createTestDatabase('postgres');
    try {
      const env = { DATABASE_URL: db.location.databaseUrl! };
      expect((await tansiq(['migrate'], env)).stdout).toContain('Migrations applied');
      expect((await tansiq(['seed'], env)).stdout).toContain('already seeded');
      const created = await tansiq(['user', 'create', '--email', 'liaison@test.tansiq.org', '--name', 'Liaison', '--organisation', 'GR', '--role', 'partner_commander'], { ...env, TANSIQ_PASSWORD: 'a long cli password' });
      expect(created.code).toBe(0);
      expect(created.stdout).toContain('Created liaison@test.tansiq.org (partner_commander) in Royal Gendarmerie');
      const again = await tansiq(['user', 'create', '--email', 'liaison@test.tansiq.org', '--name', 'L', '--organisation', 'GR'], { ...env, TANSIQ_PASSWORD: 'a long cli password' });
      expect(again.code).toBe(2);
      expect(again.stderr).toContain('already uses this email');
      const badRole = await tansiq(['user', 'create', '--email', 'x@test.tansiq.org', '--name', 'X', '--organisation', 'GR', '--role', 'king'], { ...env, TANSIQ_PASSWORD: 'a long cli password' });
      expect(badRole.code).toBe(2);
      const { verifyAuditChain } = await import('../server/platform/audit.ts');
      expect((await verifyAuditChain(db.db)).ok).toBe(true);
    } finally {
      await db.destroy();
    }
  });
});
