/** Tables of the crowd-flow planner: versions of each venue's security plan, and the runs made from them. */
import { doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { matches, operations, venues } from '../../platform/db/schema/index.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/** One version of a venue's plan. Signed versions are frozen (the service never updates their document). */
export const crowdPlanVersions = pgTable(
  'crowd_plan_versions',
  {
    id: uuid('id').primaryKey(),
    operationId: uuid('operation_id').notNull().references(() => operations.id),
    venueId: uuid('venue_id').notNull().references(() => venues.id),
    version: integer('version').notNull(),
    /** draft | venue_signed | approved */
    status: text('status').notNull(),
    basedOnVersion: integer('based_on_version'),
    plan: jsonb('plan').$type<Record<string, unknown>>().notNull(),
    createdByLabel: text('created_by_label').notNull(),
    venueSignedById: text('venue_signed_by_id'),
    venueSignedByLabel: text('venue_signed_by_label'),
    venueSignedAt: ts('venue_signed_at'),
    commandSignedById: text('command_signed_by_id'),
    commandSignedByLabel: text('command_signed_by_label'),
    commandSignedAt: ts('command_signed_at'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [uniqueIndex('crowd_plan_versions_venue_version_uq').on(t.venueId, t.version)],
);

/** A simulation or lane recommendation for a match, with everything needed to reproduce it. */
export const crowdRuns = pgTable(
  'crowd_runs',
  {
    id: uuid('id').primaryKey(),
    operationId: uuid('operation_id').notNull().references(() => operations.id),
    matchId: uuid('match_id').notNull().references(() => matches.id),
    venueId: uuid('venue_id').notNull().references(() => venues.id),
    planVersionId: uuid('plan_version_id').notNull().references(() => crowdPlanVersions.id),
    kind: text('kind').notNull(),
    label: text('label'),
    /** queued | running | done | failed */
    status: text('status').notNull(),
    progress: doublePrecision('progress').notNull(),
    inputs: jsonb('inputs').$type<Record<string, unknown>>().notNull(),
    result: jsonb('result').$type<Record<string, unknown>>(),
    /** SHA-256 of the canonical JSON of the result: equal hashes = bit-for-bit equal results. */
    resultHash: text('result_hash'),
    error: text('error'),
    reproducedFrom: uuid('reproduced_from'),
    createdById: text('created_by_id'),
    createdByLabel: text('created_by_label').notNull(),
    createdAt: ts('created_at').notNull(),
    startedAt: ts('started_at'),
    finishedAt: ts('finished_at'),
  },
  (t) => [index('crowd_runs_match_created_idx').on(t.matchId, t.createdAt)],
);
