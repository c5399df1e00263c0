/**
 * The audit trail: append-only and hash-chained. Each entry holds the hash of the previous one, so an
 * edited, deleted or reordered entry breaks the chain, which `verifyAuditChain` (and `tansiq audit
 * verify`) finds. Entries are written with `recordAudit` inside the same transaction as the change they
 * describe; never put secrets or personal data values in `details` (names of changed fields are fine).
 */
import { asc, desc, gt } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import type { Actor } from './access.ts';
import type { Db } from './db/client.ts';
import { auditLog } from './db/schema/index.ts';
import { newId } from './ids.ts';
import { sha256 } from './secrets.ts';

export type AuditOutcome = 'success' | 'failure' | 'denied';

export interface AuditEvent {
  /** Namespaced verb, e.g. `user.create`, `auth.login`, `user.read`. */
  action: string;
  subjectType?: string | null;
  subjectId?: string | null;
  outcome?: AuditOutcome;
  details?: Record<string, unknown>;
}

export interface AuditSource {
  /** null for an anonymous request (e.g. a failed sign-in). */
  actor: Actor | null;
  requestId: string | null;
  /** Set when the actor is anonymous but claims an identity (the email typed at sign-in). */
  claimedLabel?: string;
}

const GENESIS = '0'.repeat(64);
// Serialises writers of the chain across connections and processes until their transaction ends.
// The event outbox takes the same lock (server/platform/events.ts), so one lock orders both and none can deadlock.
export const CHAIN_LOCK_KEY = 7_301_2023;

/** Appends one entry to the chain; call it with the transaction of the change it records. */
export async function recordAudit(tx: Db, source: AuditSource, event: AuditEvent, at: Date = new Date()): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK_KEY})`);
  const [last] = await tx.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  const actor = source.actor;
  const row = {
    seq: (last ? Number(last.seq) : 0) + 1,
    id: newId(),
    at: new Date(at.getTime()),
    actorType: actor ? actor.kind : ('anonymous' as const),
    actorId: actor?.id ?? null,
    actorLabel: actor?.label ?? source.claimedLabel ?? null,
    organisationId: actor?.organisationId ?? null,
    action: event.action,
    subjectType: event.subjectType ?? null,
    subjectId: event.subjectId ?? null,
    outcome: event.outcome ?? 'success',
    requestId: source.requestId,
    details: event.details ?? {},
    prevHash: last?.hash ?? GENESIS,
  };
  await tx.insert(auditLog).values({ ...row, hash: entryHash(row) });
}

type ChainFields = Omit<typeof auditLog.$inferSelect, 'hash'>;

/** The hash of an entry: SHA-256 over its fields in a fixed order, details in canonical JSON. */
export function entryHash(e: ChainFields): string {
  return sha256(
    canonicalJson([
      Number(e.seq),
      e.id,
      e.at.toISOString(),
      e.actorType,
      e.actorId,
      e.actorLabel,
      e.organisationId,
      e.action,
      e.subjectType,
      e.subjectId,
      e.outcome,
      e.requestId,
      e.details,
      e.prevHash,
    ]),
  );
}

/** JSON with object keys sorted at every depth, so the same value always hashes the same (jsonb reorders keys). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export type ChainVerdict =
  | { ok: true; entries: number }
  | { ok: false; entries: number; brokenSeq: number; reason: 'missing_entry' | 'wrong_previous_hash' | 'hash_mismatch' };

/** Walks the whole chain in order and names the first entry that was edited, deleted or reordered. */
export async function verifyAuditChain(db: Db, batchSize = 2000): Promise<ChainVerdict> {
  let expectedSeq = 1;
  let prevHash = GENESIS;
  let count = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.seq, expectedSeq - 1))
      .orderBy(asc(auditLog.seq))
      .limit(batchSize);
    if (rows.length === 0) return { ok: true, entries: count };
    for (const row of rows) {
      const seq = Number(row.seq);
      // A gap means an entry was deleted; the entry after the gap is the first one that no longer chains.
      if (seq !== expectedSeq) return { ok: false, entries: count, brokenSeq: expectedSeq, reason: 'missing_entry' };
      if (row.prevHash !== prevHash) return { ok: false, entries: count, brokenSeq: seq, reason: 'wrong_previous_hash' };
      if (entryHash(row) !== row.hash) return { ok: false, entries: count, brokenSeq: seq, reason: 'hash_mismatch' };
      prevHash = row.hash;
      expectedSeq = seq + 1;
      count++;
    }
  }
}
