/**
 * Contracts of the vetting (security screening) capability that other capabilities rely on. The workforce
 * portal submits a person for screening and reads back a neutral outcome; it never sees the hits.
 */
import { z } from 'zod';

/** A person submitted for screening before accreditation. */
export const ScreeningSubject = z.object({
  /** What is being vetted, e.g. `application`, and its id: screenings are kept per subject. */
  subjectType: z.string().min(1).max(40),
  subjectId: z.string().min(1).max(100),
  givenNames: z.string().min(1).max(200),
  familyName: z.string().min(1).max(200),
  /** Full name in Arabic script, when the person has one. */
  nameArabic: z.string().max(200).nullable().optional(),
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  dateOfBirth: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/).nullable().optional(),
  gender: z.enum(['male', 'female']).nullable().optional(),
  /** ISO 3166-1 alpha-2. */
  nationality: z.string().regex(/^[A-Z]{2}$/).nullable().optional(),
});
export type ScreeningSubject = z.infer<typeof ScreeningSubject>;

/**
 * The vetting state of a subject, as other capabilities may see it:
 * `pending` (not screened yet or being screened), `cleared` (no hit, or every hit judged a false
 * positive), `hit_under_review` (hits wait for an officer), `refused` (a confirmed match, four-eyes).
 */
export const VettingState = z.enum(['pending', 'cleared', 'hit_under_review', 'refused']);
export type VettingState = z.infer<typeof VettingState>;

export const VettingOutcome = z.object({
  subjectType: z.string(),
  subjectId: z.string(),
  state: VettingState,
  /** When the state last changed. */
  decidedAt: z.iso.datetime().nullable(),
});
export type VettingOutcome = z.infer<typeof VettingOutcome>;

// ---------------------------------------------------------------- the officers' API

/** The person of `POST /api/screenings`: only what vetting needs; any other field is refused. */
export const ScreenPersonBody = z.strictObject({
  subjectType: ScreeningSubject.shape.subjectType.default('person'),
  subjectId: ScreeningSubject.shape.subjectId,
  givenNames: ScreeningSubject.shape.givenNames,
  familyName: ScreeningSubject.shape.familyName,
  nameArabic: ScreeningSubject.shape.nameArabic,
  dateOfBirth: ScreeningSubject.shape.dateOfBirth,
  gender: ScreeningSubject.shape.gender,
  nationality: ScreeningSubject.shape.nationality,
});
export type ScreenPersonBody = z.infer<typeof ScreenPersonBody>;

/** The screened person as officers see it: the data vetting needs, nothing more. */
export const ScreenedPerson = z.object({
  givenNames: z.string().nullable(),
  familyName: z.string().nullable(),
  /** A full name given as one string (batch files), when there are no separate parts. */
  fullName: z.string().nullable(),
  nameArabic: z.string().nullable(),
  dateOfBirth: z.string().nullable(),
  gender: z.enum(['male', 'female']).nullable(),
  nationality: z.string().nullable(),
});
export type ScreenedPerson = z.infer<typeof ScreenedPerson>;

/**
 * Where a hit stands: `open` (waits for a first officer), `escalated` (possible match, needs more
 * review), `pending_confirmation` (one officer proposed a confirmed match; a second, different officer
 * must confirm), `false_positive`, `confirmed`, `withdrawn` (the list entry was removed or the subject
 * was screened again).
 */
export const HitStatus = z.enum(['open', 'escalated', 'pending_confirmation', 'false_positive', 'confirmed', 'withdrawn']);
export type HitStatus = z.infer<typeof HitStatus>;

/** An officer's decision on a hit. */
export const HitDecisionKind = z.enum(['false_positive', 'possible_match', 'confirmed_match']);
export type HitDecisionKind = z.infer<typeof HitDecisionKind>;

export const DecideBody = z.strictObject({
  decision: HitDecisionKind,
  /** Why: kept in the audit trail with the decision. */
  reason: z.string().trim().min(3).max(2000),
});
export type DecideBody = z.infer<typeof DecideBody>;

export const TokenMatchKind = z.enum(['same', 'variant', 'transliteration', 'phonetic', 'typo', 'initial']);

/** Why a person hit a list entry (the engine's explanation), rendered side by side with the applicant's data. */
export const HitExplanation = z.looseObject({
  queryName: z.string(),
  matchedName: z.string(),
  matchedNameKind: z.string(),
  tokens: z.array(
    z.looseObject({ query: z.string(), entry: z.string(), kind: z.string(), similarity: z.number(), weight: z.number(), isGeneric: z.boolean() }),
  ),
  unmatchedQuery: z.array(z.string()),
  unmatchedEntry: z.array(z.string()),
  particles: z.array(z.string()),
  nameScore: z.number(),
  genericOnly: z.boolean(),
  birthDate: z.looseObject({ outcome: z.string(), query: z.string().optional(), entry: z.string().optional(), adjustment: z.number() }),
  nationality: z.looseObject({ outcome: z.string(), query: z.string().optional(), entry: z.array(z.string()), adjustment: z.number() }),
  gender: z.looseObject({ outcome: z.string(), adjustment: z.number() }),
  score: z.number(),
  threshold: z.number(),
});
export type HitExplanation = z.infer<typeof HitExplanation>;

/** A watchlist entry as officers see it. */
export const WatchlistEntryView = z.object({
  sourceRef: z.string(),
  names: z.array(z.object({ full: z.string(), kind: z.string() })),
  birthDates: z.array(z.string()),
  nationalities: z.array(z.string()),
  gender: z.enum(['male', 'female']).nullable(),
});
export type WatchlistEntryView = z.infer<typeof WatchlistEntryView>;

export const HitDecision = z.object({
  id: z.uuid(),
  decision: HitDecisionKind,
  reason: z.string(),
  officerId: z.uuid().nullable(),
  officerLabel: z.string(),
  statusBefore: HitStatus,
  statusAfter: HitStatus,
  decidedAt: z.iso.datetime(),
});
export type HitDecision = z.infer<typeof HitDecision>;

export const Hit = z.object({
  id: z.uuid(),
  screeningId: z.uuid(),
  watchlistId: z.uuid(),
  watchlistName: z.string(),
  sourceRef: z.string(),
  listVersion: z.number().int(),
  score: z.number(),
  matchedName: z.string(),
  status: HitStatus,
  foundBy: z.enum(['screening', 'rescreen']),
  /** The officer who proposed a confirmed match (awaiting a second officer). */
  proposedBy: z.uuid().nullable(),
  explanation: HitExplanation,
  entry: WatchlistEntryView,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Hit = z.infer<typeof Hit>;

/** A hit with its subject and decisions: the page an officer adjudicates on. */
export const HitDetail = Hit.extend({
  subjectType: z.string(),
  subjectId: z.string(),
  subjectState: VettingState,
  person: ScreenedPerson,
  decisions: z.array(HitDecision),
});
export type HitDetail = z.infer<typeof HitDetail>;

export const ScreeningSummary = z.object({
  id: z.uuid(),
  subjectType: z.string(),
  subjectId: z.string(),
  person: ScreenedPerson,
  state: VettingState,
  isCurrent: z.boolean(),
  openHits: z.number().int(),
  batchId: z.uuid().nullable(),
  screenedAt: z.iso.datetime(),
  stateChangedAt: z.iso.datetime(),
});
export type ScreeningSummary = z.infer<typeof ScreeningSummary>;

export const Screening = ScreeningSummary.extend({
  screenedAgainst: z.array(z.object({ watchlistId: z.uuid(), watchlistName: z.string(), version: z.number().int() })),
  requestedBy: z.string(),
  hits: z.array(Hit),
});
export type Screening = z.infer<typeof Screening>;

/** Answer of `POST /api/screenings`: the neutral outcome, and the screening with its hits for officers who may read them. */
export const ScreenResult = z.object({
  outcome: VettingOutcome,
  screening: Screening.nullable(),
});
export type ScreenResult = z.infer<typeof ScreenResult>;

const PageParams = z.strictObject({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const ScreeningQuery = PageParams.extend({
  state: VettingState.optional(),
  subjectType: z.string().max(40).optional(),
  batchId: z.uuid().optional(),
  /** Search in the person's names (any script). */
  q: z.string().max(100).optional(),
});

/** The adjudication queue: hits waiting for a decision, oldest first. */
export const QueueQuery = PageParams.extend({
  /** Default: every status that waits for an officer (open, escalated, pending_confirmation). */
  status: z.enum(['open', 'escalated', 'pending_confirmation', 'waiting']).default('waiting'),
  watchlistId: z.uuid().optional(),
  minScore: z.coerce.number().min(0).max(1).optional(),
  q: z.string().max(100).optional(),
});

export const QueueItem = z.object({
  id: z.uuid(),
  screeningId: z.uuid(),
  subjectType: z.string(),
  subjectId: z.string(),
  person: ScreenedPerson,
  watchlistId: z.uuid(),
  watchlistName: z.string(),
  sourceRef: z.string(),
  matchedName: z.string(),
  score: z.number(),
  status: HitStatus,
  foundBy: z.enum(['screening', 'rescreen']),
  proposedBy: z.uuid().nullable(),
  createdAt: z.iso.datetime(),
});
export type QueueItem = z.infer<typeof QueueItem>;

// ---------------------------------------------------------------- watchlists

export const WatchlistFormat = z.enum(['un-xml', 'ftm', 'csv']);
export type WatchlistFormat = z.infer<typeof WatchlistFormat>;

export const Watchlist = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  format: WatchlistFormat,
  isActive: z.boolean(),
  currentVersion: z.number().int().nullable(),
  entryCount: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Watchlist = z.infer<typeof Watchlist>;

export const CreateWatchlistBody = z.strictObject({
  name: z.string().trim().min(2).max(120),
  description: z.string().trim().max(500).nullable().optional(),
  format: WatchlistFormat,
  isActive: z.boolean().default(true),
});

export const UpdateWatchlistBody = z.strictObject({ isActive: z.boolean() });

export const WatchlistQuery = PageParams;

/** What a list change caused: subjects screened again against the changed and added entries only. */
export const RescreenSummary = z.object({
  subjects: z.number().int(),
  entriesCompared: z.number().int(),
  newHits: z.number().int(),
  updatedHits: z.number().int(),
  withdrawnHits: z.number().int(),
});
export type RescreenSummary = z.infer<typeof RescreenSummary>;

export const WatchlistVersion = z.object({
  id: z.uuid(),
  version: z.number().int(),
  fileName: z.string().nullable(),
  entryCount: z.number().int(),
  added: z.number().int(),
  changed: z.number().int(),
  removed: z.number().int(),
  importedBy: z.string(),
  importedAt: z.iso.datetime(),
});
export type WatchlistVersion = z.infer<typeof WatchlistVersion>;

export const WatchlistDetail = Watchlist.extend({ versions: z.array(WatchlistVersion) });
export type WatchlistDetail = z.infer<typeof WatchlistDetail>;

export const ImportResult = z.object({ watchlist: Watchlist, version: WatchlistVersion, rescreen: RescreenSummary.nullable() });
export type ImportResult = z.infer<typeof ImportResult>;

export const ImportQuery = z.strictObject({ fileName: z.string().max(200).optional() });

export const VersionParams = z.strictObject({ id: z.uuid(), version: z.coerce.number().int().min(1) });

export const DiffQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(1000).default(200) });

export const WatchlistDiff = z.object({
  version: z.number().int(),
  counts: z.object({ added: z.number().int(), changed: z.number().int(), removed: z.number().int() }),
  added: z.array(WatchlistEntryView),
  changed: z.array(z.object({ before: WatchlistEntryView, after: WatchlistEntryView, fields: z.array(z.string()) })),
  removed: z.array(WatchlistEntryView),
  /** True when a group has more entries than `limit`. */
  truncated: z.boolean(),
});
export type WatchlistDiff = z.infer<typeof WatchlistDiff>;

// ---------------------------------------------------------------- batches

export const BatchQuery = z.strictObject({
  subjectType: z.string().min(1).max(40).default('person'),
  fileName: z.string().max(200).optional(),
});

export const ScreeningBatch = z.object({
  id: z.uuid(),
  subjectType: z.string(),
  fileName: z.string().nullable(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  total: z.number().int(),
  done: z.number().int(),
  subjectsWithHits: z.number().int(),
  hits: z.number().int(),
  error: z.string().nullable(),
  requestedBy: z.string(),
  createdAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
});
export type ScreeningBatch = z.infer<typeof ScreeningBatch>;
