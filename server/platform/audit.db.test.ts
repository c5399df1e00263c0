import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { createTestDatabase, type DatabaseKind, databaseKinds, type TestDatabase } from '../../test/db.ts';
import { systemActor } from './access.ts';
import { recordAudit, verifyAuditChain } from './audit.ts';
import { describe } from 'vitest';

const run = promisify(execFile);
const CLI = new URL('../../bin/tansiq.js', import.meta.url).pathname;

async function write(db: TestDatabase, n: number) {
  for (let i = 0; i < n; i++) {
    await db.db.transaction((tx) => recordAudit(tx, { actor: systemActor('test'), requestId: null }, { action: 'test.event', details: { i, nested: { b: 2, a: [1, 'x'] } } }));
  }
}

/** The sequence number of the newest entry (the seeded template already holds some). */
async function lastSeq(db: TestDatabase): Promise<number> {
  const result = await db.db.execute(sql`select coalesce(max(seq), 0)::int as seq from audit_log`);
  return Number((result as unknown as { rows: { seq: number }[] }).rows[0]!.seq);
}

/** Changes the table as a superuser could, with the append-only triggers switched off. */
async function tamper(db: TestDatabase, ...statements: ReturnType<typeof sql>[]) {
  await db.db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_log disable trigger user`);
    for (const s of statements) await tx.execute(s);
    await tx.execute(sql`alter table audit_log enable trigger user`);
  });
}

/** A fresh database per test: each one tampers with the chain. */
async function withDatabase(kind: DatabaseKind, fn: (db: TestDatabase) => Promise<void>) {
  const db = await createTestDatabase(kind);
  try {
    await fn(db);
  } finally {
    await db.destroy();
  }
}

for (const kind of databaseKinds()) {
  describe(`audit trail [${kind}]`, () => {
    it('refuses UPDATE, DELETE and TRUNCATE at the database', () =>
      withDatabase(kind, async (db) => {
        await write(db, 1);
        await expect(db.db.execute(sql`update audit_log set action = 'x'`)).rejects.toThrow();
        await expect(db.db.execute(sql`delete from audit_log`)).rejects.toThrow();
        await expect(db.db.execute(sql`truncate audit_log`)).rejects.toThrow();
      }));

    it('chains entries written concurrently without forks, and finds an edited entry', () =>
      withDatabase(kind, async (db) => {
        const base = await lastSeq(db);
        await Promise.all(Array.from({ length: 20 }, () => write(db, 1)));
        const intact = await verifyAuditChain(db.db);
        expect(intact.ok).toBe(true);
        await tamper(db, sql`update audit_log set details = '{"i": 999}'::jsonb where seq = ${base + 5}`);
        expect(await verifyAuditChain(db.db)).toMatchObject({ ok: false, brokenSeq: base + 5, reason: 'hash_mismatch' });
      }));

    it('finds a deleted entry, even when the rest is renumbered to hide the gap', () =>
      withDatabase(kind, async (db) => {
        const base = await lastSeq(db);
        await write(db, 5);
        await tamper(db, sql`delete from audit_log where seq = ${base + 3}`);
        expect(await verifyAuditChain(db.db)).toMatchObject({ ok: false, brokenSeq: base + 3, reason: 'missing_entry' });
        // Renumber in two steps so no intermediate value collides with the primary key.
        await tamper(db, sql`update audit_log set seq = -seq where seq > ${base + 3}`, sql`update audit_log set seq = -seq - 1 where seq < 0`);
        expect(await verifyAuditChain(db.db)).toMatchObject({ ok: false, brokenSeq: base + 3, reason: 'wrong_previous_hash' });
      }));

    it('finds reordered entries', () =>
      withDatabase(kind, async (db) => {
        const base = await lastSeq(db);
        await write(db, 5);
        const [a, b] = [base + 3, base + 4];
        await tamper(db, sql`update audit_log set seq = -1 where seq = ${a}`, sql`update audit_log set seq = ${a} where seq = ${b}`, sql`update audit_log set seq = ${b} where seq = -1`);
        expect(await verifyAuditChain(db.db)).toMatchObject({ ok: false, brokenSeq: a, reason: 'wrong_previous_hash' });
      }));

    it('`tansiq audit verify` exits 0 when intact, and 1 naming the first broken entry after tampering', () =>
      withDatabase(kind, async (db) => {
        await write(db, 3);
        const location = db.location.databaseUrl ? { DATABASE_URL: db.location.databaseUrl } : { DATA_DIR: db.location.dataDir };
        const env = { ...process.env, ...location, LOG_LEVEL: 'silent' };
        // PGlite allows one process per folder: let the CLI have it while it runs.
        const cli = async () => {
          if (db.kind === 'pglite') await db.close();
          try {
            return await run('node', [CLI, 'audit', 'verify'], { env }).then((r) => ({ code: 0, ...r }), (e: { code: number; stdout: string; stderr: string }) => e);
          } finally {
            if (db.kind === 'pglite') Object.assign(db, await createReopened(db));
          }
        };
        const ok = await cli();
        expect(ok.code).toBe(0);
        expect(ok.stdout).toMatch(/intact/);
        const target = (await lastSeq(db)) - 1;
        await tamper(db, sql`update audit_log set action = 'nothing.happened' where seq = ${target}`);
        const broken = await cli();
        expect(broken.code).toBe(1);
        expect(broken.stderr).toContain(`BROKEN at entry seq=${target} (hash mismatch)`);
      }));
  });
}

async function createReopened(db: TestDatabase) {
  const { openDatabase } = await import('./db/client.ts');
  const reopened = await openDatabase(db.location);
  return { db: reopened.db, close: reopened.close, ping: reopened.ping, migrate: reopened.migrate };
}
