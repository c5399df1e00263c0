/**
 * The lock-free audit chain and event sequencer under real concurrency (docs/adr/0002-lock-free-audit-chain.md):
 * many connections, transactions committing out of seq order, and chainers in several processes at once.
 * PostgreSQL only where it takes several connections (PGlite has one).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../test/db.ts';
import { systemActor } from './access.ts';
import { chainAudit, recordAudit, verifyAuditChain } from './audit.ts';
import { openDatabase } from './db/client.ts';
import { EventHub, type PlatformEvent, publishEvent, readEventsSince } from './events.ts';

const run = promisify(execFile);
const CLI = new URL('../../bin/tansiq.js', import.meta.url).pathname;
const source = { actor: systemActor('test'), requestId: null };

function rows<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

async function withDatabase(fn: (db: TestDatabase) => Promise<void>) {
  const db = await createTestDatabase('postgres');
  try {
    await fn(db);
  } finally {
    await db.destroy();
  }
}

/** A transaction held open at a gate: it has written, and commits when `commit()` is called. */
function openTransaction(db: TestDatabase, work: (tx: TestDatabase['db']) => Promise<void>) {
  let commit: () => void = () => {};
  const gate = new Promise<void>((r) => {
    commit = r;
  });
  let written: () => void = () => {};
  const didWrite = new Promise<void>((r) => {
    written = r;
  });
  const done = db.db.transaction(async (tx) => {
    await work(tx);
    written();
    await gate;
  });
  return { didWrite, commit: () => (commit(), done) };
}

const OPERATION = '00000000-0000-4000-8000-00000000abcd';

describe.runIf(databaseKinds().includes('postgres'))('lock-free chain under concurrency [postgres]', () => {
  it('concurrent writers on many connections, with chainers running meanwhile, make one unbroken chain', () =>
    withDatabase(async (db) => {
      const other = await openDatabase(db.location); // a second instance: its own pool
      try {
        let writing = true;
        const chainers = [db, other].map(async (d) => {
          while (writing) await chainAudit(d.db);
        });
        await Promise.all(
          Array.from({ length: 400 }, (_, i) => (i % 2 ? db : other).db.transaction((tx) => recordAudit(tx, source, { action: 'test.concurrent', details: { i } }))),
        );
        writing = false;
        await Promise.all(chainers);
        const verdict = await verifyAuditChain(db.db);
        expect(verdict).toMatchObject({ ok: true, pending: 0 });
        const [c] = rows<{ n: number; maxpos: number; mine: number }>(
          await db.db.execute(sql`select count(*)::int as n, max(chain_pos)::int as maxpos, count(*) filter (where action = 'test.concurrent')::int as mine from audit_log`),
        );
        expect(c).toEqual({ n: verdict.entries, maxpos: verdict.entries, mine: 400 });
      } finally {
        await other.close();
      }
    }));

  it('a long transaction that commits after later ones is still chained, after them, and verified', () =>
    withDatabase(async (db) => {
      await chainAudit(db.db);
      const long = openTransaction(db, (tx) => recordAudit(tx, source, { action: 'test.long' }));
      await long.didWrite;
      for (let i = 0; i < 3; i++) await db.db.transaction((tx) => recordAudit(tx, source, { action: 'test.short' }));
      expect(await chainAudit(db.db)).toBe(3); // the long one is not visible yet: not a hole, just not there
      const waiting = await verifyAuditChain(db.db);
      expect(waiting).toMatchObject({ ok: true, pending: 0 });
      await long.commit();
      const after = await verifyAuditChain(db.db);
      expect(after).toEqual({ ok: true, entries: waiting.entries + 1, pending: 0 });
      const tail = rows<{ action: string; seq: number }>(await db.db.execute(sql`select action, seq::int as seq from audit_log order by chain_pos desc limit 4`)).reverse();
      expect(tail.map((r) => r.action)).toEqual(['test.short', 'test.short', 'test.short', 'test.long']);
      expect(tail[3]!.seq).toBeLessThan(tail[0]!.seq); // chained in visibility order, not seq order
    }));

  it('chainers in two processes at once do not fork the chain', () =>
    withDatabase(async (db) => {
      const env = { ...process.env, DATABASE_URL: db.location.databaseUrl!, LOG_LEVEL: 'silent' };
      let writing = true;
      const writers = (async () => {
        let i = 0;
        while (writing) await Promise.all(Array.from({ length: 8 }, () => db.db.transaction((tx) => recordAudit(tx, source, { action: 'test.during_verify', details: { i: i++ } }))));
      })();
      const verifies = await Promise.all([1, 2, 3].map(() => run('node', [CLI, 'audit', 'verify'], { env })));
      writing = false;
      await writers;
      for (const v of verifies) expect(v.stdout).toMatch(/Audit trail intact/);
      expect(await verifyAuditChain(db.db)).toMatchObject({ ok: true, pending: 0 });
    }));

  it('an event whose transaction commits after a later one is delivered once, after it, and caught up', () =>
    withDatabase(async (db) => {
      const hub = new EventHub(db, { pollMs: 60_000 });
      await hub.start();
      const got: PlatformEvent[] = [];
      hub.subscribe((events) => got.push(...events));
      try {
        const event = (type: string) => ({ operationId: OPERATION, type, audience: {}, payload: { type } });
        const early = openTransaction(db, (tx) => publishEvent(tx, event('test.early'), new Date()));
        await early.didWrite;
        await db.db.transaction((tx) => publishEvent(tx, event('test.late'), new Date()));
        await hub.wake();
        expect(got.map((e) => e.type)).toEqual(['test.late']);
        await early.commit();
        await hub.wake();
        await hub.wake();
        expect(got.map((e) => e.type)).toEqual(['test.late', 'test.early']);
        expect(got[1]!.seq).toBe(got[0]!.seq + 1); // delivery positions are contiguous, in delivery order
        expect((await readEventsSince(db.db, OPERATION, 0, 10)).map((e) => e.type)).toEqual(['test.late', 'test.early']);
        expect((await readEventsSince(db.db, OPERATION, got[0]!.seq, 10)).map((e) => e.type)).toEqual(['test.early']);
      } finally {
        await hub.stop();
      }
    }));

  it('hubs on two instances deliver each of many concurrent events exactly once, in the same order', () =>
    withDatabase(async (db) => {
      const other = await openDatabase(db.location);
      const hubs = [new EventHub(db, { pollMs: 100 }), new EventHub(other, { pollMs: 100 })];
      const got: PlatformEvent[][] = [[], []];
      try {
        for (const [i, hub] of hubs.entries()) {
          await hub.start();
          hub.subscribe((events) => got[i]!.push(...events));
        }
        await Promise.all(
          Array.from({ length: 300 }, (_, i) =>
            (i % 2 ? db : other).db.transaction((tx) => publishEvent(tx, { operationId: OPERATION, type: 'test.many', audience: {}, payload: { i } }, new Date())),
          ),
        );
        const deadline = Date.now() + 10_000;
        while ((got[0]!.length < 300 || got[1]!.length < 300) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
        for (const list of got) {
          expect(list).toHaveLength(300);
          expect(new Set(list.map((e) => e.id)).size).toBe(300);
          expect(list.map((e) => e.seq)).toEqual(list.map((_, i) => list[0]!.seq + i));
        }
        expect(got[0]!.map((e) => e.id)).toEqual(got[1]!.map((e) => e.id));
      } finally {
        for (const hub of hubs) await hub.stop();
        await other.close();
      }
    }));
});
