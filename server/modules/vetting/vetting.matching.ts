/**
 * Between the engine and the database: loads the active lists (an index per list version, cached in
 * memory — a version never changes once imported), turns a screened person into engine input, screens,
 * and writes what a screening found into the hits of a screening.
 */
import { and, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { HitStatus, VettingOutcome, VettingState } from '../../../common/contracts/vetting.ts';
import type { Db } from '../../platform/db/client.ts';
import type { Platform } from '../../platform/platform.ts';
import { newId } from '../../platform/ids.ts';
import { buildIndex, type Hit as EngineHit, type PersonInput, screenPerson, type WatchlistEntry, type WatchlistIndex } from './engine/index.ts';
import { type ScreenedAgainst, type ScreenedPersonData, screeningHits, screenings, watchlistEntries, watchlists } from './vetting.schema.ts';
import { hitsToWithdraw, onFoundAgain, subjectState } from './vetting.rules.ts';

/** One active list at its current version, indexed. */
export interface IndexedList {
  watchlistId: string;
  version: number;
  index: WatchlistIndex;
  /** List entry row of each source reference in this version. */
  rowIdByRef: Map<string, string>;
}

/** A hit found by the engine, tied to the list entry row it was found on. */
export interface Finding {
  watchlistId: string;
  version: number;
  entryId: string;
  sourceRef: string;
  score: number;
  matchedName: string;
  explanation: Record<string, unknown>;
}

export interface EntryRow {
  id: string;
  sourceRef: string;
  data: WatchlistEntry;
}

/** The engine inputs of one person: the Latin-script name parts, and the Arabic-script name when given. */
export function toPersonInputs(id: string, p: ScreenedPersonData): PersonInput[] {
  const evidence: Omit<PersonInput, 'id'> = {
    ...(p.dateOfBirth ? { dateOfBirth: p.dateOfBirth } : {}),
    ...(p.gender ? { gender: p.gender } : {}),
    ...(p.nationality ? { nationality: p.nationality } : {}),
  };
  const out: PersonInput[] = [];
  const latin: PersonInput = { id, ...evidence };
  if (p.fullName) latin.fullName = p.fullName;
  if (p.givenNames) latin.firstName = p.givenNames;
  if (p.familyName) latin.lastName = p.familyName;
  if (latin.fullName || latin.firstName || latin.lastName) out.push(latin);
  if (p.nameArabic) out.push({ id, fullName: p.nameArabic, ...evidence });
  return out;
}

/** Best hit per list entry over several engine results (e.g. the Latin and the Arabic name). */
export function mergeHits(results: readonly EngineHit[][]): EngineHit[] {
  const best = new Map<string, EngineHit>();
  for (const hits of results) for (const h of hits) {
    const prev = best.get(h.entryId);
    if (!prev || h.score > prev.score) best.set(h.entryId, h);
  }
  return [...best.values()].sort((a, b) => b.score - a.score);
}

export function toFindings(list: { watchlistId: string; version: number; rowIdByRef: Map<string, string> }, hits: readonly EngineHit[]): Finding[] {
  return hits.flatMap((h) => {
    const entryId = list.rowIdByRef.get(h.sourceRef);
    if (!entryId) return [];
    return [{ watchlistId: list.watchlistId, version: list.version, entryId, sourceRef: h.sourceRef, score: h.score, matchedName: h.matchedName, explanation: h.explanation as unknown as Record<string, unknown> }];
  });
}

/** Indexes list entries; `population` (the whole list) weighs name parts when `rows` is only a delta of it. */
export const indexRows = (rows: readonly EntryRow[], population?: readonly EntryRow[]) => ({
  index: buildIndex(
    rows.map((r) => r.data),
    population ? { frequenciesFrom: population.map((r) => r.data) } : {},
  ),
  rowIdByRef: new Map(rows.map((r) => [r.sourceRef, r.id])),
});

/** Screens one person against indexed lists, in this thread (a few milliseconds). */
export function screenAgainst(lists: readonly IndexedList[], id: string, person: ScreenedPersonData): Finding[] {
  const inputs = toPersonInputs(id, person);
  return lists.flatMap((l) => toFindings(l, mergeHits(inputs.map((i) => screenPerson(l.index, i)))));
}

/**
 * An entry read back from jsonb, with its keys in the order the engine's parsers write them: jsonb
 * reorders object keys, and the engine's `diffWatchlists` compares entries through JSON.stringify, so a
 * stored entry would otherwise look changed against the same entry freshly parsed.
 */
export function canonicalEntry(e: WatchlistEntry): WatchlistEntry {
  const out: WatchlistEntry = {
    id: e.id,
    source: e.source,
    sourceRef: e.sourceRef,
    names: e.names.map((n) => ({ full: n.full, kind: n.kind })),
    birthDates: e.birthDates.map((d) => {
      if (d.kind === 'range') return { kind: d.kind, fromYear: d.fromYear, toYear: d.toYear };
      if (d.kind === 'approximate') return { kind: d.kind, year: d.year };
      return { kind: d.kind, year: d.year, ...(d.month !== undefined ? { month: d.month } : {}), ...(d.day !== undefined ? { day: d.day } : {}) };
    }),
    nationalities: [...e.nationalities],
  };
  if (e.gender) out.gender = e.gender;
  if (e.extra) out.extra = e.extra;
  return out;
}

/** Entry rows of a list's current version. */
export async function currentEntryRows(db: Db, watchlistId: string): Promise<EntryRow[]> {
  const rows = await db
    .select({ id: watchlistEntries.id, sourceRef: watchlistEntries.sourceRef, data: watchlistEntries.data })
    .from(watchlistEntries)
    .where(and(eq(watchlistEntries.watchlistId, watchlistId), isNull(watchlistEntries.untilVersion)))
    .orderBy(watchlistEntries.sourceRef);
  return rows.map((r) => ({ ...r, data: canonicalEntry(r.data) }));
}

/** A cache of list indexes by list version (versions are immutable once imported). */
export function createListCache(db: Db, operationId: string) {
  const cache = new Map<string, IndexedList>();
  return {
    /** The operation's active lists that have a version, indexed. */
    async activeLists(): Promise<IndexedList[]> {
      const lists = await db
        .select({ id: watchlists.id, version: watchlists.currentVersion })
        .from(watchlists)
        .where(and(eq(watchlists.operationId, operationId), eq(watchlists.isActive, true), isNotNull(watchlists.currentVersion)))
        .orderBy(watchlists.createdAt);
      const out: IndexedList[] = [];
      for (const l of lists) {
        const version = l.version as number;
        let cached = cache.get(l.id);
        if (!cached || cached.version !== version) {
          cached = { watchlistId: l.id, version, ...indexRows(await currentEntryRows(db, l.id)) };
          cache.set(l.id, cached);
        }
        out.push(cached);
      }
      return out;
    },
  };
}
export type ListCache = ReturnType<typeof createListCache>;

/** Inserts the hits of a new screening (all open). */
export async function insertHits(tx: Db, operationId: string, screeningId: string, findings: readonly Finding[], foundBy: 'screening' | 'rescreen', now: Date): Promise<void> {
  await insertHitsOf(tx, operationId, [{ screeningId, findings }], foundBy, now);
}

/** Inserts the hits of several screenings (all open), in statements of at most 500 rows. */
export async function insertHitsOf(tx: Db, operationId: string, groups: readonly { screeningId: string; findings: readonly Finding[] }[], foundBy: 'screening' | 'rescreen', now: Date): Promise<void> {
  const all = groups.flatMap((g) => g.findings.map((f) => ({ screeningId: g.screeningId, f })));
  for (let i = 0; i < all.length; i += 500) {
    await tx.insert(screeningHits).values(
      all.slice(i, i + 500).map(({ screeningId, f }) => ({
        id: newId(),
        operationId,
        screeningId,
        watchlistId: f.watchlistId,
        entryId: f.entryId,
        sourceRef: f.sourceRef,
        listVersion: f.version,
        score: f.score,
        matchedName: f.matchedName,
        explanation: f.explanation,
        status: 'open' as const,
        foundBy,
        createdAt: now,
        updatedAt: now,
      })),
    );
  }
}

export interface RescreenCounts {
  newHits: number;
  updatedHits: number;
  withdrawnHits: number;
}

/**
 * Applies what re-screening one subject against the changed part of a list found: new hits go to the
 * queue, entries found again create no duplicate, waiting hits on removed or no-longer-matching entries
 * are withdrawn (rules: `onFoundAgain`, `hitsToWithdraw`).
 */
export async function applyRescreen(
  tx: Db,
  operationId: string,
  screeningId: string,
  watchlistId: string,
  findings: readonly Finding[],
  refs: { removed: ReadonlySet<string>; rescreened: ReadonlySet<string> },
  now: Date,
): Promise<RescreenCounts> {
  const known = await tx
    .select({ id: screeningHits.id, entryId: screeningHits.entryId, status: screeningHits.status, sourceRef: screeningHits.sourceRef })
    .from(screeningHits)
    .where(and(eq(screeningHits.screeningId, screeningId), eq(screeningHits.watchlistId, watchlistId)));
  const counts: RescreenCounts = { newHits: 0, updatedHits: 0, withdrawnHits: 0 };
  const inserts: Finding[] = [];
  for (const f of findings) {
    const action = onFoundAgain(known.filter((h) => h.sourceRef === f.sourceRef), f.entryId);
    if (action.kind === 'insert') inserts.push(f);
    if (action.kind === 'update') {
      await tx
        .update(screeningHits)
        .set({ entryId: f.entryId, listVersion: f.version, score: f.score, matchedName: f.matchedName, explanation: f.explanation, updatedAt: now })
        .where(eq(screeningHits.id, action.hitId));
      counts.updatedHits++;
    }
  }
  await insertHits(tx, operationId, screeningId, inserts, 'rescreen', now);
  counts.newHits = inserts.length;
  const withdraw = hitsToWithdraw(known, refs.removed, refs.rescreened, new Set(findings.map((f) => f.sourceRef)));
  if (withdraw.length > 0) {
    await tx.update(screeningHits).set({ status: 'withdrawn', updatedAt: now }).where(inArray(screeningHits.id, withdraw));
    counts.withdrawnHits = withdraw.length;
  }
  return counts;
}

/** Recomputes a screening's state from its hits; returns the state and whether it changed. */
export async function refreshState(tx: Db, screeningId: string, screenedAgainst: readonly ScreenedAgainst[], now: Date): Promise<{ state: ReturnType<typeof subjectState>; changed: boolean }> {
  const [row] = await tx.select({ state: screenings.state }).from(screenings).where(eq(screenings.id, screeningId));
  const statuses = await tx.select({ status: screeningHits.status }).from(screeningHits).where(eq(screeningHits.screeningId, screeningId));
  const state = subjectState(statuses.map((s) => s.status as HitStatus), screenedAgainst.length);
  const changed = row?.state !== state;
  await tx
    .update(screenings)
    .set({ state, screenedAgainst: [...screenedAgainst], ...(changed ? { stateChangedAt: now } : {}) })
    .where(eq(screenings.id, screeningId));
  return { state, changed };
}

/** A screening's outcome as other capabilities see it. */
export const toOutcome = (s: { subjectType: string; subjectId: string; state: VettingState; stateChangedAt: Date }): VettingOutcome => ({
  subjectType: s.subjectType,
  subjectId: s.subjectId,
  state: s.state,
  decidedAt: s.stateChangedAt.toISOString(),
});

/**
 * A capability's handler for its subjects' vetting outcomes (e.g. the workforce portal for applications),
 * called in the transaction that changed the outcome: an officer's decision, or re-screening after a list
 * changed. It must use that transaction only.
 */
export type OutcomeListener = (tx: Db, outcome: VettingOutcome, requestId: string | null) => Promise<void>;

/** Who is told when a subject's vetting state changes, by subject type. */
export function createOutcomeListeners() {
  const listeners = new Map<string, OutcomeListener[]>();
  return {
    /** Registers a handler for one subject type's outcomes. */
    subscribe(subjectType: string, listener: OutcomeListener): void {
      listeners.set(subjectType, [...(listeners.get(subjectType) ?? []), listener]);
    },
    /** Tells the subjects' capabilities the current state of these screenings (the current ones only). */
    async notify(tx: Db, screeningIds: readonly string[], requestId: string | null): Promise<void> {
      if (screeningIds.length === 0 || listeners.size === 0) return;
      const rows = await tx
        .select({ subjectType: screenings.subjectType, subjectId: screenings.subjectId, state: screenings.state, stateChangedAt: screenings.stateChangedAt })
        .from(screenings)
        .where(and(inArray(screenings.id, [...screeningIds]), eq(screenings.isCurrent, true)));
      for (const r of rows) for (const listener of listeners.get(r.subjectType) ?? []) await listener(tx, toOutcome(r), requestId);
    },
  };
}
export type OutcomeListeners = ReturnType<typeof createOutcomeListeners>;

/** What the vetting services need of the platform (the seed builds them from a bare database too). */
export type VettingPlatform = Pick<Platform, 'db' | 'clock' | 'operationId'>;
