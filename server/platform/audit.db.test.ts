import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { createTestDatabase, type DatabaseKind, databaseKinds, type TestDatabase } from '../../test/db.ts';
import { systemActor } from './access.ts';
import { auditHead, chainAudit, entryHash, parseAuditAnchor, recordAudit, verifyAuditChain } from './audit.ts';
import { auditLog } from './db/schema/index.ts';
import { describe } from 'vitest';

const run = promisify(execFile);
const CLI = new URL('../../bin/tansiq.js', import.meta.url).pathname;

async function write(db: TestDatabase, n: number) {
  for (let i = 0; i < n; i++) {
    await db.db.transaction((tx) => recordAudit(tx, { actor: systemActor('test'), requestId: null }, { action: 'test.event', details: { i, nested: { b: 2, a: [1, 'x'] } } }));
  }
}

/** Changes the table as a superuser could, with the append-only triggers switched off. */
async function tamper(db: TestDatabase, ...statements: ReturnType<typeof sql>[]) {
  await db.db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_log disable trigger user`);
    for (const s of statements) await tx.execute(s);
    await tx.execute(sql`alter table audit_log enable trigger user`);
  });
}

function rows<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** The seq and chain position of every entry after the first `skip` chain positions, in chain order. */
async function chainOf(db: TestDatabase, skip: number): Promise<[number, number][]> {
  const r = await db.db.execute(sql`select seq::int as seq, chain_pos::int as pos from audit_log where chain_pos > ${skip} order by chain_pos`);
  return rows<{ seq: number; pos: number }>(r).map((x) => [x.seq, x.pos - skip]);
}

/**
 * A fresh database per test: each one tampers with the chain. The template holds the seed's entries:
 * they are chained first, and `n0` (their count) is where the test's own entries start.
 */
async function withDatabase(kind: DatabaseKind, fn: (db: TestDatabase, n0: number) => Promise<void>) {
  const db = await createTestDatabase(kind);
  try {
    await chainAudit(db.db);
    const [c] = rows<{ n: number }>(await db.db.execute(sql`select count(*)::int as n from audit_log`));
    await fn(db, c!.n);
  } finally {
    await db.destroy();
  }
}

for (const kind of databaseKinds()) {
  describe(`audit trail [${kind}]`, () => {
    it('refuses UPDATE, DELETE and TRUNCATE at the database', () =>
      withDatabase(kind, async (db, n0) => {
        await write(db, 1);
        const mine = sql`chain_pos is null`;
        // unchained: changing content is refused, even together with the chain columns
        await expect(db.db.execute(sql`update audit_log set action = 'x' where ${mine}`)).rejects.toThrow();
        await expect(db.db.execute(sql`update audit_log set action = 'x', chain_pos = ${n0 + 1}, prev_hash = 'a', hash = 'b' where ${mine}`)).rejects.toThrow();
        await expect(db.db.execute(sql`update audit_log set chain_pos = ${n0 + 1} where ${mine}`)).rejects.toThrow(); // all three chain columns at once
        await chainAudit(db.db);
        // chained: nothing may change any more, the chain columns included
        await expect(db.db.execute(sql`update audit_log set action = 'x'`)).rejects.toThrow();
        await expect(db.db.execute(sql`update audit_log set hash = repeat('f', 64) where chain_pos = ${n0 + 1}`)).rejects.toThrow();
        await expect(db.db.execute(sql`update audit_log set chain_pos = -1 where chain_pos = ${n0 + 1}`)).rejects.toThrow();
        await expect(db.db.execute(sql`delete from audit_log`)).rejects.toThrow();
        await expect(db.db.execute(sql`truncate audit_log`)).rejects.toThrow();
        // nobody can insert an entry that is already chained (a forged link, or a squatted position)
        await expect(
          db.db.execute(sql`insert into audit_log (id, at, actor_type, action, outcome, details, chain_pos, prev_hash, hash)
            values (gen_random_uuid(), now(), 'system', 'x.y', 'success', '{}'::jsonb, ${n0 + 2}, repeat('0', 64), repeat('1', 64))`),
        ).rejects.toThrow();
        expect(await verifyAuditChain(db.db)).toEqual({ ok: true, entries: n0 + 1, pending: 0 });
      }));

    it('writes without a lock and chains afterwards; verify chains what waits first', () =>
      withDatabase(kind, async (db, n0) => {
        await write(db, 3);
        expect(rows<{ n: number }>(await db.db.execute(sql`select count(*)::int as n from audit_log where chain_pos is null`))[0]!.n).toBe(3);
        expect(await verifyAuditChain(db.db)).toEqual({ ok: true, entries: n0 + 3, pending: 0 });
        expect(await chainAudit(db.db)).toBe(0);
      }));

    it('an entry whose transaction rolls back leaves no trace and no break', () =>
      withDatabase(kind, async (db, n0) => {
        await write(db, 2);
        await expect(
          db.db.transaction(async (tx) => {
            await recordAudit(tx, { actor: systemActor('test'), requestId: null }, { action: 'test.rolled_back' });
            throw new Error('the change failed');
          }),
        ).rejects.toThrow('the change failed');
        await write(db, 2);
        expect(rows(await db.db.execute(sql`select 1 from audit_log where action = 'test.rolled_back'`))).toHaveLength(0);
        expect(await verifyAuditChain(db.db)).toEqual({ ok: true, entries: n0 + 4, pending: 0 });
        // the rolled-back entry burned a seq: seqs have a gap, chain positions do not
        const seqs = (await chainOf(db, n0)).map(([seq]) => seq);
        expect(seqs.slice(1).map((seq, i) => seq - seqs[i]!)).toEqual([1, 2, 1]);
        expect((await chainOf(db, n0)).map(([, p]) => p)).toEqual([1, 2, 3, 4]);
      }));

    it('chains entries written concurrently without forks, and finds an edited entry', () =>
      withDatabase(kind, async (db, n0) => {
        await Promise.all(Array.from({ length: 20 }, () => write(db, 1)));
        const intact = await verifyAuditChain(db.db);
        expect(intact).toEqual({ ok: true, entries: n0 + 20, pending: 0 });
        await tamper(db, sql`update audit_log set details = '{"i": 999}'::jsonb where chain_pos = ${n0 + 5}`);
        expect(await verifyAuditChain(db.db)).toMatchObject({ ok: false, brokenPos: n0 + 5, reason: 'hash_mismatch' });
      }));

    it('finds an entry whose seq was changed', () =>
      withDatabase(kind, async (db, n0) => {
        await write(db, 5);
        await chainAudit(db.db);
        await tamper(db, sql`update audit_log set seq = 1000000 where chain_pos = ${n0 + 4}`);
        expect(await verifyAuditChain(db.db)).toMatchObject({ ok: false, brokenPos: n0 + 4, brokenSeq: 1000000, reason: 'hash_mismatch' });
      }));

    it('finds a deleted entry, even when the rest is renumbered to hide the gap', () =>
      withDatabase(kind, async (db, n0) => {
        await write(db, 5);
        await chainAudit(db.db);
        const seq4 = (await chainOf(db, n0))[3]![0];
        await tamper(db, sql`delete from audit_log where chain_pos = ${n0 + 3}`);
        expect(await verifyAuditChain(db.db)).toMatchObject({ ok: false, brokenPos: n0 + 3, brokenSeq: seq4, reason: 'missing_entry' });
        // (in two steps: the positions are unique)
        await tamper(db, sql`update audit_log set chain_pos = -(chain_pos - 1) where chain_pos > ${n0 + 3}`, sql`update audit_log set chain_pos = -chain_pos where chain_pos < 0`);
        expect(await verifyAuditChain(db.db)).toMatchObject({ ok: false, brokenPos: n0 + 3, brokenSeq: seq4, reason: 'wrong_previous_hash' });
      }));

    it('finds reordered entries', () =>
      withDatabase(kind, async (db, n0) => {
        await write(db, 5);
        await chainAudit(db.db);
        const seq4 = (await chainOf(db, n0))[3]![0];
        const p3 = n0 + 3;
        const p4 = n0 + 4;
        await tamper(db, sql`update audit_log set chain_pos = -1 where chain_pos = ${p3}`, sql`update audit_log set chain_pos = ${p3} where chain_pos = ${p4}`, sql`update audit_log set chain_pos = ${p4} where chain_pos = -1`);
        expect(await verifyAuditChain(db.db)).toMatchObject({ ok: false, brokenPos: p3, brokenSeq: seq4, reason: 'wrong_previous_hash' });
      }));

    it('names an entry the chainer cannot link', () =>
      withDatabase(kind, async (db, n0) => {
        await write(db, 2);
        await chainAudit(db.db);
        // a half-chained row (inserted with the triggers off): the trigger refuses to chain it, every run fails
        await tamper(db, sql`insert into audit_log (id, at, actor_type, action, outcome, details, hash)
          values (gen_random_uuid(), now(), 'system', 'x.y', 'success', '{}'::jsonb, repeat('1', 64))`);
        const [bad] = rows<{ seq: number }>(await db.db.execute(sql`select seq::int as seq from audit_log where chain_pos is null`));
        expect(await verifyAuditChain(db.db)).toMatchObject({ ok: false, entries: n0 + 2, brokenSeq: bad!.seq, brokenPos: null, reason: 'unchained_entry' });
      }));

    it('an anchor kept outside finds a cut-off tail and a chain rewritten after it, which the chain alone cannot', () =>
      withDatabase(kind, async (db, n0) => {
        await write(db, 6);
        const head = (await auditHead(db.db))!;
        expect(head.chainPos).toBe(n0 + 6);
        const anchor = { chainPos: head.chainPos, hash: head.hash };
        expect(await verifyAuditChain(db.db, { anchors: [anchor] })).toEqual({ ok: true, entries: n0 + 6, pending: 0 });

        // Rewrite entry n0 + 2 and re-hash it and every later entry: a consistent chain again.
        await tamper(db, sql`update audit_log set details = '{"i": -1}'::jsonb where chain_pos = ${n0 + 2}`);
        const later = await db.db.select().from(auditLog).where(sql`chain_pos >= ${n0 + 2}`).orderBy(auditLog.chainPos);
        const [before] = rows<{ hash: string }>(await db.db.execute(sql`select hash from audit_log where chain_pos = ${n0 + 1}`));
        let prev = before!.hash;
        const fixes = later.map((row) => {
          const hash = entryHash({ ...row, prevHash: prev });
          const fix = sql`update audit_log set prev_hash = ${prev}, hash = ${hash} where seq = ${row.seq}`;
          prev = hash;
          return fix;
        });
        await tamper(db, ...fixes);
        expect(await verifyAuditChain(db.db)).toMatchObject({ ok: true });
        expect(await verifyAuditChain(db.db, { anchors: [anchor] })).toMatchObject({ ok: false, brokenPos: n0 + 6, reason: 'anchor_mismatch' });

        // Cut the last two entries off: the shorter chain verifies, but not against the anchor.
        await tamper(db, sql`delete from audit_log where chain_pos > ${n0 + 4}`);
        expect(await verifyAuditChain(db.db)).toMatchObject({ ok: true, entries: n0 + 4 });
        expect(await verifyAuditChain(db.db, { anchors: [anchor] })).toEqual({ ok: false, entries: n0 + 4, pending: 0, brokenPos: n0 + 6, brokenSeq: null, reason: 'truncated' });
        expect(parseAuditAnchor(`${anchor.chainPos}:${anchor.hash}`)).toEqual(anchor);
        expect(parseAuditAnchor('12:xyz')).toBeNull();
      }));

    it('`tansiq audit verify` exits 0 when intact, and 1 naming the first broken entry after tampering', () =>
      withDatabase(kind, async (db, n0) => {
        await write(db, 3);
        const location = db.location.databaseUrl ? { DATABASE_URL: db.location.databaseUrl } : { DATA_DIR: db.location.dataDir };
        const env = { ...process.env, ...location, LOG_LEVEL: 'silent' };
        // PGlite allows one process per folder: let the CLI have it while it runs.
        const cli = async (...args: string[]) => {
          if (db.kind === 'pglite') await db.close();
          try {
            return await run('node', [CLI, ...(args.length ? args : ['audit', 'verify'])], { env }).then((r) => ({ code: 0, ...r }), (e: { code: number; stdout: string; stderr: string }) => e);
          } finally {
            if (db.kind === 'pglite') Object.assign(db, await createReopened(db));
          }
        };
        const ok = await cli();
        expect(ok.code).toBe(0);
        expect(ok.stdout).toContain(`intact: ${n0 + 3} entries.`);
        const head = await cli('audit', 'head');
        const anchor = head.stdout.split('\n')[0] as string;
        expect(anchor).toMatch(new RegExp(`^${n0 + 3}:[0-9a-f]{64}$`));
        const anchored = await cli('audit', 'verify', '--anchor', anchor);
        expect([anchored.code, anchored.stdout]).toEqual([0, `Audit trail intact: ${n0 + 3} entries, 1 anchor matched.\n`]);
        expect((await cli('audit', 'verify', '--anchor', 'yesterday')).code).toBe(2);
        await tamper(db, sql`delete from audit_log where chain_pos = ${n0 + 3}`);
        const cut = await cli('audit', 'verify', '--anchor', anchor);
        expect(cut.code).toBe(1);
        expect(cut.stderr).toContain(`it ends at chain position ${n0 + 2}, before the anchor at ${n0 + 3}`);
        const seq2 = (await chainOf(db, n0))[1]![0];
        await tamper(db, sql`update audit_log set action = 'nothing.happened' where chain_pos = ${n0 + 2}`);
        const broken = await cli();
        expect(broken.code).toBe(1);
        expect(broken.stderr).toContain(`BROKEN at entry seq=${seq2} (hash mismatch) (chain position ${n0 + 2})`);
      }));
  });
}

async function createReopened(db: TestDatabase) {
  const { openDatabase } = await import('./db/client.ts');
  const reopened = await openDatabase(db.location);
  return { db: reopened.db, close: reopened.close, ping: reopened.ping, migrate: reopened.migrate };
}
