/** The event outbox (see server/platform/events.ts): written in the transaction of each change, read by every server instance. */
import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const eventOutbox = pgTable(
  'event_outbox',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    id: uuid('id').notNull().unique(),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    operationId: uuid('operation_id').notNull(),
    type: text('type').notNull(),
    /** What a visibility rule needs to decide who receives the event (venue, organisations, restricted …), so fan-out reads no table. */
    audience: jsonb('audience').$type<Record<string, unknown>>().notNull(),
    payload: jsonb('payload').$type<unknown>().notNull(),
  },
  (t) => [index('event_outbox_operation_seq_idx').on(t.operationId, t.seq), index('event_outbox_at_idx').on(t.at)],
);
