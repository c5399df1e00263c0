/**
 * The real server process: start-up output, the PGlite folder lock, PostgreSQL via DATABASE_URL, no demo
 * accounts in production, a clear stop on bad configuration, and graceful shutdown on SIGTERM.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './db.ts';
import { freePort } from './postgres-cluster.ts';
import { startServerProcess } from './serve.ts';

const CLI = new URL('../bin/tansiq.js', import.meta.url).pathname;
const running: ChildProcess[] = [];
const databases: TestDatabase[] = [];

afterEach(async () => {
  for (const p of running.splice(0)) if (p.exitCode === null) p.kill('SIGKILL');
  for (const d of databases.splice(0)) await d.destroy();
});

async function runToExit(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const proc = spawn('node', [CLI, 'serve'], { env: { ...process.env, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  running.push(proc);
  let output = '';
  proc.stdout!.on('data', (d) => (output += d));
  proc.stderr!.on('data', (d) => (output += d));
  const code = await new Promise<number | null>((resolve) => proc.on('exit', resolve));
  return { code, output };
}

const login = (url: string) => fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'commander@demo.tansiq.org', password: 'tansiq-demo-2022' }) });

describe('server process on PGlite', () => {
  it('prints the URL and demo accounts, locks its folder, and finishes in-flight requests on SIGTERM', async () => {
    const db = await createTestDatabase('pglite');
    databases.push(db);
    await db.close();
    const server = await startServerProcess({ DATA_DIR: db.location.dataDir });
    running.push(server.proc);
    expect(server.output()).toMatch(/Tansiq is running at http:\/\/localhost:\d+/);
    expect(server.output()).toContain('commander@demo.tansiq.org');
    expect(server.output()).toContain('tansiq-demo-2022');
    expect(existsSync(join(db.location.dataDir, 'tansiq.lock'))).toBe(true);

    const second = await runToExit({ DATA_DIR: db.location.dataDir, PORT: String(await freePort()) });
    expect(second.code).toBe(2);
    expect(second.output).toMatch(/data folder is in use by process \d+/);

    // Requests in flight when SIGTERM arrives: each has sent its headers and half its body. The server must
    // wait for them, let them finish and answer, and only then exit.
    const body = JSON.stringify({ email: 'commander@demo.tansiq.org', password: 'tansiq-demo-2022' });
    const port = Number(new URL(server.url).port);
    const halfSent = Array.from({ length: 4 }, () => {
      const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/api/auth/login', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), connection: 'close' } });
      const answered = new Promise<number>((resolve, reject) => {
        req.on('response', (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
      });
      req.write(body.slice(0, 20));
      return { req, answered };
    });
    await new Promise((r) => setTimeout(r, 500));
    server.proc.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    for (const h of halfSent) h.req.end(body.slice(20));
    expect(await Promise.all(halfSent.map((h) => h.answered))).toEqual([200, 200, 200, 200]);
    expect(await server.exited).toBe(0);
    expect(existsSync(join(db.location.dataDir, 'tansiq.lock'))).toBe(false);
  });

  it('stops at start-up with a clear message on a bad configuration value', async () => {
    const r = await runToExit({ PORT: 'eighty', DATA_DIR: '/tmp/never-used' });
    expect(r.code).toBe(2);
    expect(r.output).toContain('Invalid configuration');
    expect(r.output).toContain('PORT');
  });
});

describe.runIf(inject('postgresUrl'))('server process on PostgreSQL', () => {
  it('migrates an empty database, seeds it, and in production creates no demo account', async () => {
    const admin = new pg.Client({ connectionString: inject('postgresUrl') });
    await admin.connect();
    const name = `empty_${Date.now()}`;
    await admin.query(`create database ${name}`);
    const url = inject('postgresUrl').replace(/\/[^/]*$/, `/${name}`);
    try {
      const server = await startServerProcess({ DATABASE_URL: url, NODE_ENV: 'production' });
      running.push(server.proc);
      expect(server.output()).not.toContain('Demo accounts');
      expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
      expect((await login(server.url)).status).toBe(401);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const counts = await client.query('select (select count(*) from users)::int as users, (select count(*) from venues)::int as venues, (select count(*) from matches)::int as matches');
      await client.end();
      expect(counts.rows[0]).toEqual({ users: 0, venues: 8, matches: 64 });
      server.proc.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
