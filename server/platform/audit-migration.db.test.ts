/**
 * Migration 0004 on a database that already holds entries chained under the old lock (ADR 0002): they keep
 * their hashes, get chain positions, still verify, and new entries chain after them; old events keep their ids.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { databaseKinds } from '../../test/db.ts';
import { systemActor } from './access.ts';
import { entryHash, recordAudit, verifyAuditChain } from './audit.ts';
import { type Database, openDatabase, PLATFORM_MIGRATIONS } from './db/client.ts';

/** The platform's migrations up to 0002 (before ADR 0002), in a folder of their own. */
function migrationsBeforeLockFree(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tansiq-mig-'));
  cpSync(PLATFORM_MIGRATIONS.folder, dir, { recursive: true });
  const journalPath = join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  journal.entries = journal.entries.filter((e) => e.tag < '0003');
  writeFileSync(journalPath, JSON.stringify(journal));
  return dir;
}

async function emptyDatabase(kind: 'pglite' | 'postgres'): Promise<{ db: Database; drop: () => Promise<void> }> {
  if (kind === 'pglite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'tansiq-empty-'));
    const db = await openDatabase({ databaseUrl: null, dataDir });
    return { db, drop: async () => { await db.close(); rmSync(dataDir, { recursive: true, force: true }); } };
  }
  const adminUrl = inject('postgresUrl');
  const name = `m_${randomUUID().replace(/-/g, '')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const db = await openDatabase({ databaseUrl: adminUrl.replace(/\/[^/]*$/, `/${name}`), dataDir: null });
  return {
    db,
    drop: async () => {
      await db.close();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

for (const kind of databaseKinds()) {
  describe(`audit migration 0004 [${kind}]`, () => {
    it('keeps entries chained under the old lock intact and chains new ones after them', async () => {
      const old = migrationsBeforeLockFree();
      const { db: database, drop } = await emptyDatabase(kind);
      try {
        await database.migrate([{ ...PLATFORM_MIGRATIONS, folder: old }]);
        // three entries as the old recordAudit wrote them: seq 1..3, each with the previous hash
        let prevHash = '0'.repeat(64);
        for (let seq = 1; seq <= 3; seq++) {
          const row = { seq, id: randomUUID(), at: new Date(Date.UTC(2022, 10, 20, 16, seq)), actorType: 'system' as const, actorId: 'seed', actorLabel: 'seed', organisationId: null, action: 'old.entry', subjectType: null, subjectId: null, outcome: 'success' as const, requestId: null, details: { seq }, prevHash };
          const hash = entryHash(row);
          await database.db.execute(sql`insert into audit_log (seq, id, at, actor_type, actor_id, actor_label, action, outcome, details, prev_hash, hash)
            values (${seq}, ${row.id}::uuid, ${row.at.toISOString()}::timestamptz, 'system', 'seed', 'seed', 'old.entry', 'success', ${JSON.stringify(row.details)}::jsonb, ${prevHash}, ${hash})`);
          prevHash = hash;
        }
        await database.db.execute(sql`insert into event_outbox (id, at, operation_id, type, audience, payload)
          values (gen_random_uuid(), now(), gen_random_uuid(), 'old.event', '{}'::jsonb, '{}'::jsonb)`);
        await database.migrate([PLATFORM_MIGRATIONS]);
        const ev = await database.db.execute(sql`select seq::int as seq, pos::int as pos from event_outbox`);
        expect(Array.isArray(ev) ? ev : (ev as { rows: unknown[] }).rows).toEqual([{ seq: 1, pos: 1 }]); // its delivery position: its old seq (Last-Event-ID keeps working)
        expect(await verifyAuditChain(database.db)).toEqual({ ok: true, entries: 3, pending: 0 });
        for (let i = 0; i < 2; i++) await database.db.transaction((tx) => recordAudit(tx, { actor: systemActor('test'), requestId: null }, { action: 'new.entry' }));
        expect(await verifyAuditChain(database.db)).toEqual({ ok: true, entries: 5, pending: 0 });
        const r = await database.db.execute(sql`select seq::int as seq, chain_pos::int as pos, prev_hash = ${prevHash} as links from audit_log order by chain_pos`);
        const rows = (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows) as { seq: number; pos: number; links: boolean }[];
        expect(rows.map((x) => [x.seq, x.pos])).toEqual([[1, 1], [2, 2], [3, 3], [4, 4], [5, 5]]);
        expect(rows[3]!.links).toBe(true); // the first new entry follows the last old one
      } finally {
        await drop();
        rmSync(old, { recursive: true, force: true });
      }
    });
  });
}
