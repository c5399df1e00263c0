/**
 * Live events across server instances, through PostgreSQL only (no broker).
 *
 * A change writes its event with `publishEvent(tx, …)` in the same transaction as the change and its audit
 * entry: the event exists exactly when the change does. `pg_notify` (delivered at commit) wakes every
 * instance; each instance's `EventHub` then sequences and reads the outbox after the last delivery position
 * it has seen and hands the new events to its subscribers (the SSE streams). A poll every few hundred
 * milliseconds covers a lost notification or a dropped LISTEN connection.
 *
 * Writers take no lock (docs/adr/0002-lock-free-audit-chain.md), so their `seq` values commit in any order.
 * Readers follow `pos` instead: `sequenceEvents` gives committed events the next delivery positions, under a
 * transaction-scoped advisory lock held until its commit, so positions become visible strictly in order and
 * a reader that has seen position N never misses one < N. A transaction still open is not visible to the
 * sequencer; its event gets a position when it commits. `PlatformEvent.seq` (the SSE id) is that position.
 *
 * Who receives an event is decided per actor by the visibility rule its module registers for the event
 * type (deny when none is registered), from the event's `audience` data: fan-out reads no table.
 */
import { and, asc, eq, gt, isNotNull, max, type SQL, sql } from 'drizzle-orm';
import pg from 'pg';
import type { Actor } from './access.ts';
import type { Database, Db } from './db/client.ts';
import { eventOutbox } from './db/schema/index.ts';
import { executeTogether, rowsOf } from './db/statements.ts';
import { newId } from './ids.ts';

export const EVENT_CHANNEL = 'tansiq_events';
/** Held by the event sequencer only (never by writers). */
export const EVENT_SEQUENCE_LOCK_KEY = 7_301_2024;

export interface PlatformEvent {
  seq: number;
  id: string;
  at: string;
  type: string;
  operationId: string;
  audience: Record<string, unknown>;
  payload: unknown;
}

export interface NewEvent {
  operationId: string;
  /** `<resource>.<verb>`, e.g. `incident.created`; also the SSE event name. */
  type: string;
  audience: Record<string, unknown>;
  payload: unknown;
}

/** Writes an event in the caller's transaction; it is announced to every instance when that transaction commits. */
export async function publishEvent(tx: Db, event: NewEvent, at: Date): Promise<void> {
  await executeTogether(tx, { event: eventInsert(eventRow(event, at)) }, eventNotice(event.operationId));
}

export type EventRow = ReturnType<typeof eventRow>;

/**
 * The stored row of an event (JSON as text); with `eventInsert` and `eventNotice`, for sending it with the
 * change it announces (`executeTogether`). No lock: positions are given after commit by `sequenceEvents`.
 */
export function eventRow(event: NewEvent, at: Date) {
  return { id: newId(), at: at.toISOString(), operationId: event.operationId, type: event.type, audience: JSON.stringify(event.audience), payload: JSON.stringify(event.payload) };
}

/** `payload` replaces the row's payload by an SQL expression (one that reads a value the same statement produces). */
export function eventInsert(row: EventRow, payload: SQL = sql`${row.payload}::jsonb`): SQL {
  return sql`insert into ${eventOutbox} (id, at, operation_id, type, audience, payload)
    values (${row.id}::uuid, ${row.at}::timestamptz, ${row.operationId}::uuid, ${row.type}, ${row.audience}::jsonb, ${payload})`;
}

/** Wakes every instance's hub when the transaction commits (PostgreSQL delivers notifications at commit). */
export function eventNotice(operationId: string): SQL {
  return sql`select pg_notify(${EVENT_CHANNEL}, ${operationId})`;
}

const SEQUENCE_BATCH = 5000;
/** Payload prefix of the sequencer's notification (writers notify with the operation id). */
const SEQUENCED_PREFIX = 'sequenced:';

/**
 * Gives the committed events that have no delivery position yet the next positions, in seq order, and
 * notifies every instance when it did. Gives up at once (returns -1) when another instance is sequencing:
 * its notification follows its commit. Returns how many events it sequenced.
 */
export async function sequenceEvents(db: Db, notifyAs = ''): Promise<number> {
  return db.transaction(async (tx) => {
    const got = await tx.execute(sql`select pg_try_advisory_xact_lock(${EVENT_SEQUENCE_LOCK_KEY}) as ok`);
    if (!rowsOf<{ ok: boolean }>(got)[0]?.ok) return -1;
    // A statement after the lock: it sees every position committed before the lock was granted.
    const done = await tx.execute(sql`
      with base as (select coalesce(max(pos), 0) as p from ${eventOutbox}),
      todo as (select seq, row_number() over (order by seq) as rn from ${eventOutbox} where pos is null order by seq limit ${SEQUENCE_BATCH}),
      updated as (update ${eventOutbox} e set pos = base.p + todo.rn from todo, base where e.seq = todo.seq returning e.pos)
      select count(*)::int as n from updated`);
    const n = Number(rowsOf<{ n: number }>(done)[0]?.n ?? 0);
    if (n > 0) await tx.execute(sql`select pg_notify(${EVENT_CHANNEL}, ${SEQUENCED_PREFIX + notifyAs})`);
    return n;
  });
}

/**
 * Deletes the events that happened before `before`, except the newest sequenced one: its position is where
 * the sequencer goes on from, so positions never repeat. A browser reconnecting with an older Last-Event-ID
 * catches up from what is left. Returns how many were deleted.
 */
export async function pruneEvents(db: Db, before: Date): Promise<number> {
  const done = await db.execute(sql`
    with gone as (
      delete from ${eventOutbox}
      where at < ${before.toISOString()}::timestamptz and pos < (select max(pos) from ${eventOutbox})
      returning 1
    )
    select count(*)::int as n from gone`);
  return Number(rowsOf<{ n: number }>(done)[0]?.n ?? 0);
}

export type EventVisibility = (actor: Actor, event: PlatformEvent) => boolean;
const visibilityRules = new Map<string, EventVisibility>();

/** A module says who may receive its events, by type prefix (`incident.` covers `incident.created`). */
export function registerEventVisibility(typePrefix: string, rule: EventVisibility): void {
  visibilityRules.set(typePrefix, rule);
}

/** Whether this actor may receive this event: the rule of the longest matching prefix; none → no. */
export function canReceive(actor: Actor, event: PlatformEvent): boolean {
  let best: [string, EventVisibility] | null = null;
  for (const entry of visibilityRules) if (event.type.startsWith(entry[0]) && (!best || entry[0].length > best[0].length)) best = entry;
  return best ? best[1](actor, event) : false;
}

type Row = typeof eventOutbox.$inferSelect;
const toEvent = (r: Row): PlatformEvent => ({ seq: Number(r.pos), id: r.id, at: r.at.toISOString(), type: r.type, operationId: r.operationId, audience: r.audience, payload: r.payload });

/** Events of an operation after a delivery position, oldest first (catch-up after a reconnect). */
export async function readEventsSince(db: Db, operationId: string, afterSeq: number, limit: number): Promise<PlatformEvent[]> {
  const rows = await db.select().from(eventOutbox).where(and(eq(eventOutbox.operationId, operationId), gt(eventOutbox.pos, afterSeq))).orderBy(asc(eventOutbox.pos)).limit(limit);
  return rows.map(toEvent);
}

export type EventListener = (events: PlatformEvent[]) => void;

export interface EventHubOptions {
  /** Fallback poll interval when no notification arrives (ms). */
  pollMs?: number;
  /**
   * Least time between two reads while notifications keep coming (ms). Under a stream of writes each read
   * (sequencing transaction + outbox read) would otherwise follow the last at once, costing the database
   * as much as the writes themselves; waiting a little lets one read collect many events.
   */
  batchMs?: number;
  /** Events older than this are deleted, hourly (ms; none when unset). */
  retentionMs?: number;
}

const PRUNE_EVERY_MS = 3_600_000;

/**
 * One per database per process: listens for notifications, reads new outbox rows once, and fans them out
 * to every subscriber. Reads are coalesced: many notifications during a read cause one more read, not many.
 */
export class EventHub {
  private listeners = new Set<EventListener>();
  private lastSeq = 0;
  private started: Promise<void> | null = null;
  private stopped = false;
  private reading: Promise<void> | null = null;
  private again = false;
  private pollTimer: NodeJS.Timeout | null = null;
  private pruneTimer: NodeJS.Timeout | null = null;
  private stopListening: (() => Promise<void>) | null = null;
  private pgClient: pg.Client | null = null;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private readonly pollMs: number;
  private readonly batchMs: number;
  /** Whether the next read should run the sequencer first (a writer notified, or the poll fired). */
  private sequenceWanted = true;
  private readonly self = newId();

  constructor(
    private readonly database: Database,
    private readonly options: EventHubOptions = {},
  ) {
    this.pollMs = options.pollMs ?? 500;
    this.batchMs = options.batchMs ?? 20;
  }

  /** The delivery position of the newest event this hub has delivered. */
  get position(): number {
    return this.lastSeq;
  }

  start(): Promise<void> {
    this.started ??= (async () => {
      const [row] = await this.database.db.select({ seq: max(eventOutbox.pos) }).from(eventOutbox);
      this.lastSeq = Number(row?.seq ?? 0);
      await this.listen();
      this.pollTimer = setInterval(() => this.wake(), this.pollMs);
      this.pollTimer.unref();
      const { retentionMs } = this.options;
      if (retentionMs) {
        // Every instance prunes: deleting what another already deleted costs nothing.
        this.pruneTimer = setInterval(() => void pruneEvents(this.database.db, new Date(Date.now() - retentionMs)).catch(() => {}), PRUNE_EVERY_MS);
        this.pruneTimer.unref();
      }
    })();
    return this.started;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.pollTimer) clearInterval(this.pollTimer);
    if (this.pruneTimer) clearInterval(this.pruneTimer);
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.listeners.clear();
    await this.stopListening?.().catch(() => {});
    await this.reading?.catch(() => {});
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Reads new events now (a notification arrived, the poll fired, or a test wants them). */
  wake(): Promise<void> {
    this.sequenceWanted = true;
    return this.read();
  }

  /**
   * A notification: a writer's (sequence, then read), another instance's sequencer (positions were just
   * given: read only), or this hub's own sequencer (it reads right after sequencing anyway: nothing to do).
   */
  private notified(payload: string | undefined): void {
    if (payload?.startsWith(SEQUENCED_PREFIX)) {
      if (payload !== SEQUENCED_PREFIX + this.self) void this.read();
      return;
    }
    void this.wake();
  }

  private read(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.reading) {
      this.again = true;
      return this.reading;
    }
    this.reading = (async () => {
      try {
        for (;;) {
          this.again = false;
          const started = performance.now();
          await this.readNew();
          if (!this.again || this.stopped) break;
          const wait = this.batchMs - (performance.now() - started);
          if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
          if (this.stopped) break;
        }
      } finally {
        this.reading = null;
      }
    })();
    return this.reading;
  }

  private async readNew(): Promise<void> {
    if (this.sequenceWanted) {
      this.sequenceWanted = false;
      try {
        await sequenceEvents(this.database.db, this.self);
      } catch {
        this.sequenceWanted = true; // another attempt at the next notification or poll
      }
    }
    for (;;) {
      let rows: Row[];
      try {
        rows = await this.database.db.select().from(eventOutbox).where(and(isNotNull(eventOutbox.pos), gt(eventOutbox.pos, this.lastSeq))).orderBy(asc(eventOutbox.pos)).limit(1000);
      } catch {
        return; // the database is away; the next poll tries again
      }
      if (rows.length === 0) return;
      const events = rows.map(toEvent);
      this.lastSeq = events[events.length - 1]!.seq;
      for (const listener of this.listeners) {
        try {
          listener(events);
        } catch {
          // one broken subscriber must not stop the others
        }
      }
      if (rows.length < 1000) return;
    }
  }

  private async listen(): Promise<void> {
    const client = (this.database.db as unknown as { $client: unknown }).$client;
    if (this.database.kind === 'pglite') {
      const lite = client as { listen(channel: string, cb: (payload: string) => void): Promise<() => Promise<void>> };
      this.stopListening = await lite.listen(EVENT_CHANNEL, (payload) => this.notified(payload));
      return;
    }
    await this.connectPg((client as pg.Pool).options as pg.ClientConfig);
  }

  /** A dedicated connection for LISTEN (a pooled one would be handed back); reconnects with back-off. */
  private async connectPg(config: pg.ClientConfig, attempt = 0): Promise<void> {
    if (this.stopped) return;
    const c = new pg.Client(config);
    const retry = () => {
      if (this.stopped || this.pgClient !== c) return;
      this.pgClient = null;
      c.removeAllListeners();
      c.end().catch(() => {});
      this.reconnectTimer = setTimeout(() => void this.connectPg(config, attempt + 1), Math.min(5000, 200 * 2 ** attempt));
      this.reconnectTimer.unref();
    };
    this.pgClient = c;
    c.on('error', retry);
    c.on('end', retry);
    c.on('notification', (msg) => this.notified(msg.payload));
    try {
      await c.connect();
      await c.query(`LISTEN ${EVENT_CHANNEL}`);
      attempt = 0;
      this.stopListening = async () => {
        this.pgClient = null;
        c.removeAllListeners();
        c.on('error', () => {});
        await c.end();
      };
      void this.wake(); // catch up on whatever was published while we were not listening
    } catch {
      retry();
    }
  }
}

const hubs = new WeakMap<Database, { hub: EventHub; users: number }>();

/** The process's hub for this database, shared by every app built on it; release it when the app closes. */
export function acquireEventHub(database: Database, options?: EventHubOptions): { hub: EventHub; release: () => Promise<void> } {
  let entry = hubs.get(database);
  if (!entry) {
    entry = { hub: new EventHub(database, options), users: 0 };
    hubs.set(database, entry);
  }
  entry.users++;
  const e = entry;
  let released = false;
  return {
    hub: e.hub,
    async release() {
      if (released) return;
      released = true;
      if (--e.users === 0) {
        hubs.delete(database);
        await e.hub.stop();
      }
    },
  };
}
