/**
 * The audit trail: append-only and hash-chained. Each entry holds the hash of the previous one, so an
 * edited, deleted or reordered entry breaks the chain, which `verifyAuditChain` (and `tansiq audit
 * verify`) finds. Entries are written with `recordAudit` inside the same transaction as the change they
 * describe; never put secrets or personal data values in `details` (names of changed fields are fine).
 *
 * Writing takes no lock (docs/adr/0002-lock-free-audit-chain.md): `recordAudit` only inserts; `chainAudit`
 * links committed entries into the chain afterwards (a timer in every server process, and `verify`). An
 * entry is protected by the chain from then on, ~0.2 s after its commit; before that, only by the triggers.
 */
import { and, asc, count, desc, gt, inArray, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import type { AuditHead } from '../../common/contracts/platform.ts';
import type { Actor } from './access.ts';
import type { Db } from './db/client.ts';
import { auditLog } from './db/schema/index.ts';
import { newId } from './ids.ts';
import { rowsOf } from './db/statements.ts';
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
/** Held (transaction-scoped) by the chainer only, so one chainer links entries at a time across all instances. Writers take no lock. */
export const CHAIN_LOCK_KEY = 7_301_2023;

/**
 * Appends one entry; call it with the transaction of the change it records. A plain INSERT (no lock): the
 * entry is linked into the hash chain after its transaction commits, by `chainAudit` (within ~0.2 s in a
 * running server, and always before `verifyAuditChain` reports).
 */
export async function recordAudit(tx: Db, source: AuditSource, event: AuditEvent, at: Date = new Date()): Promise<void> {
  await tx.execute(auditInsert(tx, auditRow(source, event, at)));
}

export type AuditRow = ReturnType<typeof auditRow>;

/** The stored row of an entry; with `auditInsert`, for sending it with the change it records (`executeTogether`). */
export function auditRow(source: AuditSource, event: AuditEvent, at: Date) {
  const actor = source.actor;
  return {
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
    // the sequence is the column default (migration 0004); drawn explicitly so the insert never depends on it
    seq: sql`nextval('audit_log_seq_seq')`,
  };
}

export function auditInsert(db: Db, row: AuditRow): SQL {
  return db.insert(auditLog).values(row).getSQL();
}

const CHAIN_BATCH = 2000;

/**
 * Links the committed, not yet chained entries into the chain, in seq order, after the last chained entry:
 * each gets the next chain position, the previous entry's hash and its own hash. Under a transaction-scoped
 * advisory lock, so two chainers (two instances, or a server and `tansiq audit verify`) never fork the chain;
 * `wait: false` gives up at once when another chainer holds it. An entry whose transaction is still open is
 * not visible yet and is simply chained by a later run, after the entries that committed before it: the
 * chain order is the order entries became visible to the chainer. Returns how many entries it chained.
 */
export async function chainAudit(db: Db, options: { wait?: boolean; maxBatches?: number } = {}): Promise<number> {
  let total = 0;
  for (let batch = 0; batch < (options.maxBatches ?? 50); batch++) {
    const n = await db.transaction(async (tx) => {
      if (options.wait) await tx.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK_KEY})`);
      else {
        const got = await tx.execute<{ ok: boolean }>(sql`select pg_try_advisory_xact_lock(${CHAIN_LOCK_KEY}) as ok`);
        if (!rowsOf<{ ok: boolean }>(got)[0]?.ok) return -1;
      }
      // Statements after the lock see every chaining committed before it was granted.
      const [last] = await tx.select({ pos: auditLog.chainPos, hash: auditLog.hash }).from(auditLog).where(isNotNull(auditLog.chainPos)).orderBy(desc(auditLog.chainPos)).limit(1);
      const rows = await tx.select().from(auditLog).where(isNull(auditLog.chainPos)).orderBy(asc(auditLog.seq)).limit(CHAIN_BATCH);
      if (rows.length === 0) return 0;
      let pos = last?.pos ?? 0;
      let prevHash = last?.hash ?? GENESIS;
      const links: { seq: number; pos: number; prev: string; hash: string }[] = [];
      for (const row of rows) {
        pos++;
        const hash = entryHash({ ...row, prevHash });
        links.push({ seq: Number(row.seq), pos, prev: prevHash, hash });
        prevHash = hash;
      }
      await tx.execute(sql`
        update audit_log a set chain_pos = v.pos, prev_hash = v.prev, hash = v.hash
        from jsonb_to_recordset(${JSON.stringify(links)}::jsonb) as v(seq bigint, pos bigint, prev text, hash text)
        where a.seq = v.seq and a.chain_pos is null`);
      return rows.length;
    });
    if (n <= 0) return total;
    total += n;
    if (n < CHAIN_BATCH) return total;
  }
  return total;
}

export interface AuditChainer {
  /** Chains now (coalesced with a run in progress). */
  kick(): Promise<void>;
  stop(): Promise<void>;
}

/** Runs `chainAudit` every `intervalMs` (unref'd timer) until stopped; a failed run is retried by the next tick. */
export function startAuditChainer(db: Db, intervalMs = 200): AuditChainer {
  let running: Promise<void> | null = null;
  let stopped = false;
  const kick = () => {
    if (stopped) return Promise.resolve();
    running ??= chainAudit(db)
      .then(() => undefined, () => undefined)
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(() => void kick(), intervalMs);
  timer.unref();
  return {
    kick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}

type ChainFields = Omit<typeof auditLog.$inferSelect, 'hash' | 'chainPos'>;

/**
 * The hash of an entry: SHA-256 over its fields in a fixed order, details in canonical JSON, and the previous
 * entry's hash. Unchanged from the locked chain, so entries chained before migration 0004 still verify; the
 * chain position is not hashed because the previous-hash links already fix the order (ADR 0002).
 */
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

/**
 * Why a chain is broken. `anchor_mismatch`: the entry at an anchor's position no longer has the anchor's
 * hash (the chain was rewritten from there on); `truncated`: the chain ends before an anchor's position
 * (entries at its end were removed, which the chain alone cannot show).
 */
export type BrokenReason = 'missing_entry' | 'wrong_previous_hash' | 'hash_mismatch' | 'unchained_entry' | 'anchor_mismatch' | 'truncated';

/**
 * A chain position and the hash of the entry there, kept outside Tansiq (a log, a ticket, paper): with
 * it, `verifyAuditChain` finds a chain that was cut short or rewritten after that point, which a hash
 * chain cannot show on its own. `auditHead` gives the current one.
 */
export interface AuditAnchor {
  readonly chainPos: number;
  readonly hash: string;
}

/** The last chained entry (after chaining what waits): its position, hash, seq and time; null for an empty trail. */
export async function auditHead(db: Db): Promise<(AuditAnchor & { seq: number; at: Date }) | null> {
  await chainAudit(db, { wait: true }).catch(() => 0);
  const [row] = await db
    .select({ chainPos: auditLog.chainPos, hash: auditLog.hash, seq: auditLog.seq, at: auditLog.at })
    .from(auditLog)
    .where(isNotNull(auditLog.chainPos))
    .orderBy(desc(auditLog.chainPos))
    .limit(1);
  return row ? { chainPos: Number(row.chainPos), hash: row.hash as string, seq: Number(row.seq), at: row.at } : null;
}

/** An anchor as written outside Tansiq: `POSITION:HASH`. */
export function formatAuditAnchor(anchor: AuditAnchor): string {
  return `${anchor.chainPos}:${anchor.hash}`;
}

/** The chain head as the API and `tansiq audit head --json` give it. */
export async function auditHeadView(db: Db): Promise<AuditHead> {
  const head = await auditHead(db);
  return { head: head && { chainPos: head.chainPos, seq: head.seq, hash: head.hash, at: head.at.toISOString(), anchor: formatAuditAnchor(head) } };
}

/** Parses an anchor written as `POSITION:HASH` (as `formatAuditAnchor` writes it); null when malformed. */
export function parseAuditAnchor(text: string): AuditAnchor | null {
  const m = /^(\d{1,15}):([0-9a-f]{64})$/.exec(text.trim());
  return m ? { chainPos: Number(m[1]), hash: m[2] as string } : null;
}
export type ChainVerdict =
  | { ok: true; entries: number; pending: number }
  | {
      ok: false;
      entries: number;
      pending: number;
      /** Chain position of the first break (null for an entry the chainer cannot link). */
      brokenPos: number | null;
      /** seq of the first entry that no longer chains (after a deleted one: the entry that follows the gap); null when the chain is cut short. */
      brokenSeq: number | null;
      reason: BrokenReason;
    };

/**
 * Chains what is waiting (waiting for a chainer at work), then walks the whole chain in chain order and names
 * the first entry that was edited, deleted or reordered. `pending`: entries that committed after that and are
 * not chained yet (normal under load). An entry that was visible before a chaining run and is still unchained
 * after another one is a failure (`unchained_entry`): the chainer cannot link it. With `anchors`, the entry
 * at each anchor's position must have its hash, and the chain must reach it.
 */
export async function verifyAuditChain(
  db: Db,
  options: { batchSize?: number; chain?: boolean; anchors?: readonly AuditAnchor[] } = {},
): Promise<ChainVerdict> {
  const batchSize = options.batchSize ?? 2000;
  const chain = options.chain ?? true;
  const anchors = new Map((options.anchors ?? []).map((a) => [a.chainPos, a.hash]));
  if (chain) await chainAudit(db, { wait: true, maxBatches: Number.POSITIVE_INFINITY }).catch(() => 0);
  let expectedPos = 1;
  let prevHash = GENESIS;
  let entries = 0;
  const pendingCount = async () => Number((await db.select({ n: count() }).from(auditLog).where(isNull(auditLog.chainPos)))[0]?.n ?? 0);
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.chainPos, expectedPos - 1))
      .orderBy(asc(auditLog.chainPos))
      .limit(batchSize);
    if (rows.length === 0) break;
    for (const row of rows) {
      const pos = Number(row.chainPos);
      const seq = Number(row.seq);
      const broken = (reason: BrokenReason, at: number) => ({ ok: false as const, entries, pending: 0, brokenPos: at, brokenSeq: seq, reason });
      // A gap means an entry was deleted; the entry after the gap is the first one that no longer chains.
      if (pos !== expectedPos) return { ...broken('missing_entry', expectedPos), pending: await pendingCount() };
      if (row.prevHash !== prevHash) return { ...broken('wrong_previous_hash', pos), pending: await pendingCount() };
      if (entryHash(row) !== row.hash) return { ...broken('hash_mismatch', pos), pending: await pendingCount() };
      const anchored = anchors.get(pos);
      if (anchored !== undefined && anchored !== row.hash) return { ...broken('anchor_mismatch', pos), pending: await pendingCount() };
      prevHash = row.hash;
      expectedPos = pos + 1;
      entries++;
    }
  }
  const beyond = Math.max(0, ...anchors.keys());
  if (beyond >= expectedPos) return { ok: false, entries, pending: await pendingCount(), brokenPos: beyond, brokenSeq: null, reason: 'truncated' };
  const waiting = await db.select({ seq: auditLog.seq }).from(auditLog).where(isNull(auditLog.chainPos)).orderBy(asc(auditLog.seq)).limit(1000);
  if (waiting.length > 0 && chain) {
    // They were visible before this run: a working chainer links them now.
    await chainAudit(db, { wait: true, maxBatches: Number.POSITIVE_INFINITY }).catch(() => 0);
    const seqs = waiting.map((w) => Number(w.seq));
    const [stuck] = await db.select({ seq: auditLog.seq }).from(auditLog).where(and(isNull(auditLog.chainPos), inArray(auditLog.seq, seqs))).orderBy(asc(auditLog.seq)).limit(1);
    if (stuck) return { ok: false, entries, pending: await pendingCount(), brokenPos: null, brokenSeq: Number(stuck.seq), reason: 'unchained_entry' };
  }
  return { ok: true, entries, pending: await pendingCount() };
}
