/** The append-only, hash-chained audit trail (see server/platform/audit.ts). */
import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const auditLog = pgTable(
  'audit_log',
  {
    /** Drawn from the sequence `audit_log_seq_seq` at insert (migration 0004); gaps are normal (rolled-back transactions). */
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    id: uuid('id').notNull().unique(),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    actorType: text('actor_type', { enum: ['user', 'token', 'system', 'anonymous', 'applicant'] }).notNull(),
    actorId: text('actor_id'),
    actorLabel: text('actor_label'),
    organisationId: uuid('organisation_id'),
    action: text('action').notNull(),
    subjectType: text('subject_type'),
    subjectId: text('subject_id'),
    outcome: text('outcome', { enum: ['success', 'failure', 'denied'] }).notNull(),
    requestId: text('request_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull(),
    /** Position in the hash chain, 1, 2, 3 … without gaps; NULL (with the two hashes) until the chainer links the entry after its commit. */
    chainPos: bigint('chain_pos', { mode: 'number' }),
    prevHash: text('prev_hash'),
    hash: text('hash'),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_actor_idx').on(t.actorId),
    index('audit_log_subject_idx').on(t.subjectType, t.subjectId),
    index('audit_log_action_idx').on(t.action),
    uniqueIndex('audit_log_chain_pos_uq').on(t.chainPos),
    index('audit_log_unchained_idx').on(t.seq).where(sql`chain_pos is null`),
  ],
);
