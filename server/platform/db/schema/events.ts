/** The event outbox (see server/platform/events.ts): written in the transaction of each change, read by every server instance. */
import { sql } from 'drizzle-orm';
import { bigint, bigserial, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const eventOutbox = pgTable(
  'event_outbox',
  {
    /** Drawn at insert, so in no particular commit order; not what readers follow (see `pos`). */
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    /** Delivery position, assigned after commit by the sequencer in visibility order (1, 2, 3 …); NULL until then. The SSE event id. */
    pos: bigint('pos', { mode: 'number' }),
    id: uuid('id').notNull().unique(),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    operationId: uuid('operation_id').notNull(),
    type: text('type').notNull(),
    /** What a visibility rule needs to decide who receives the event (venue, organisations, restricted …), so fan-out reads no table. */
    audience: jsonb('audience').$type<Record<string, unknown>>().notNull(),
    payload: jsonb('payload').$type<unknown>().notNull(),
  },
  (t) => [
    index('event_outbox_operation_seq_idx').on(t.operationId, t.seq),
    index('event_outbox_at_idx').on(t.at),
    uniqueIndex('event_outbox_pos_uq').on(t.pos),
    index('event_outbox_operation_pos_idx').on(t.operationId, t.pos),
    index('event_outbox_unsequenced_idx').on(t.seq).where(sql`pos is null`),
  ],
);
