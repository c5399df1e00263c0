/**
 * Tables of the vetting capability: watchlists and their versions (entries kept with the range of
 * versions they belong to), screenings per subject, the hits officers adjudicate, their decisions, and
 * batch screening jobs. Migrations: `npm run db:generate -- vetting` (docs/adr/0001-migrations-per-module.md).
 */
import { sql } from 'drizzle-orm';
import { boolean, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { operations } from '../../platform/db/schema/operation.ts';
import type { WatchlistEntry } from './engine/index.ts';

export const WATCHLIST_FORMATS = ['un-xml', 'ftm', 'csv'] as const;

export const watchlists = pgTable(
  'watchlists',
  {
    id: uuid('id').primaryKey(),
    operationId: uuid('operation_id').notNull().references(() => operations.id),
    name: text('name').notNull(),
    description: text('description'),
    format: text('format', { enum: WATCHLIST_FORMATS }).notNull(),
    isActive: boolean('is_active').notNull().default(true),
    /** Latest imported version; null before the first import. */
    currentVersion: integer('current_version'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('watchlists_operation_name_uq').on(t.operationId, sql`lower(${t.name})`)],
);

export const watchlistVersions = pgTable(
  'watchlist_versions',
  {
    id: uuid('id').primaryKey(),
    watchlistId: uuid('watchlist_id').notNull().references(() => watchlists.id),
    version: integer('version').notNull(),
    fileName: text('file_name'),
    /** SHA-256 of the imported file, to recognise the same file imported twice. */
    fileSha256: text('file_sha256').notNull(),
    entryCount: integer('entry_count').notNull(),
    added: integer('added').notNull(),
    changed: integer('changed').notNull(),
    removed: integer('removed').notNull(),
    importedBy: text('imported_by').notNull(),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('watchlist_versions_uq').on(t.watchlistId, t.version)],
);

/**
 * One row per content of a list entry: it belongs to versions `fromVersion` up to (not including)
 * `untilVersion` (null: still in the current version). A change closes the row and opens a new one.
 */
export const watchlistEntries = pgTable(
  'watchlist_entries',
  {
    id: uuid('id').primaryKey(),
    watchlistId: uuid('watchlist_id').notNull().references(() => watchlists.id),
    sourceRef: text('source_ref').notNull(),
    primaryName: text('primary_name').notNull(),
    data: jsonb('data').$type<WatchlistEntry>().notNull(),
    fromVersion: integer('from_version').notNull(),
    untilVersion: integer('until_version'),
    /** How the entry came into `fromVersion`: new to the list, or a changed earlier entry. */
    change: text('change', { enum: ['added', 'changed'] }).notNull(),
    changedFields: jsonb('changed_fields').$type<string[]>().notNull().default([]),
  },
  (t) => [
    index('watchlist_entries_current_idx').on(t.watchlistId, t.untilVersion),
    index('watchlist_entries_from_idx').on(t.watchlistId, t.fromVersion),
    index('watchlist_entries_ref_idx').on(t.watchlistId, t.sourceRef),
  ],
);

/** The person data that vetting needs, and nothing more (no document numbers, no contact details). */
export interface ScreenedPersonData {
  givenNames: string | null;
  familyName: string | null;
  /** A full name given as one string (batch files), when there are no separate parts. */
  fullName: string | null;
  nameArabic: string | null;
  dateOfBirth: string | null;
  gender: 'male' | 'female' | null;
  nationality: string | null;
}

/** Which version of which list a screening was compared with. */
export interface ScreenedAgainst {
  watchlistId: string;
  version: number;
}

export const SCREENING_STATES = ['pending', 'cleared', 'hit_under_review', 'refused'] as const;

export const screenings = pgTable(
  'screenings',
  {
    id: uuid('id').primaryKey(),
    operationId: uuid('operation_id').notNull().references(() => operations.id),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    person: jsonb('person').$type<ScreenedPersonData>().notNull(),
    state: text('state', { enum: SCREENING_STATES }).notNull(),
    /** False once a newer screening of the same subject replaced it. */
    isCurrent: boolean('is_current').notNull(),
    screenedAgainst: jsonb('screened_against').$type<ScreenedAgainst[]>().notNull(),
    batchId: uuid('batch_id'),
    requestedBy: text('requested_by').notNull(),
    screenedAt: timestamp('screened_at', { withTimezone: true }).notNull(),
    stateChangedAt: timestamp('state_changed_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('screenings_current_subject_uq').on(t.operationId, t.subjectType, t.subjectId).where(sql`${t.isCurrent}`),
    index('screenings_operation_screened_idx').on(t.operationId, t.screenedAt),
    index('screenings_batch_idx').on(t.batchId),
  ],
);

export const HIT_STATUSES = ['open', 'escalated', 'pending_confirmation', 'false_positive', 'confirmed', 'withdrawn'] as const;

export const screeningHits = pgTable(
  'screening_hits',
  {
    id: uuid('id').primaryKey(),
    operationId: uuid('operation_id').notNull().references(() => operations.id),
    screeningId: uuid('screening_id').notNull().references(() => screenings.id),
    watchlistId: uuid('watchlist_id').notNull().references(() => watchlists.id),
    entryId: uuid('entry_id').notNull().references(() => watchlistEntries.id),
    sourceRef: text('source_ref').notNull(),
    listVersion: integer('list_version').notNull(),
    score: doublePrecision('score').notNull(),
    matchedName: text('matched_name').notNull(),
    /** The engine's structured explanation (engine `Explanation`). */
    explanation: jsonb('explanation').$type<Record<string, unknown>>().notNull(),
    status: text('status', { enum: HIT_STATUSES }).notNull(),
    /** How the hit was found: when the subject was screened, or when a list changed afterwards. */
    foundBy: text('found_by', { enum: ['screening', 'rescreen'] }).notNull(),
    /** The officer who proposed a confirmed match, waiting for a second officer. */
    proposedBy: uuid('proposed_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('screening_hits_queue_idx').on(t.operationId, t.status, t.createdAt),
    index('screening_hits_screening_idx').on(t.screeningId),
  ],
);

export const HIT_DECISIONS = ['false_positive', 'possible_match', 'confirmed_match'] as const;

export const hitDecisions = pgTable(
  'hit_decisions',
  {
    id: uuid('id').primaryKey(),
    hitId: uuid('hit_id').notNull().references(() => screeningHits.id),
    decision: text('decision', { enum: HIT_DECISIONS }).notNull(),
    reason: text('reason').notNull(),
    officerId: uuid('officer_id'),
    officerLabel: text('officer_label').notNull(),
    statusBefore: text('status_before', { enum: HIT_STATUSES }).notNull(),
    statusAfter: text('status_after', { enum: HIT_STATUSES }).notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('hit_decisions_hit_idx').on(t.hitId, t.decidedAt)],
);

export const screeningBatches = pgTable(
  'screening_batches',
  {
    id: uuid('id').primaryKey(),
    operationId: uuid('operation_id').notNull().references(() => operations.id),
    subjectType: text('subject_type').notNull(),
    fileName: text('file_name'),
    status: text('status', { enum: ['queued', 'running', 'done', 'failed'] }).notNull(),
    total: integer('total').notNull(),
    done: integer('done').notNull().default(0),
    subjectsWithHits: integer('subjects_with_hits').notNull().default(0),
    hits: integer('hits').notNull().default(0),
    error: text('error'),
    requestedBy: text('requested_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('screening_batches_operation_idx').on(t.operationId, t.createdAt)],
);
