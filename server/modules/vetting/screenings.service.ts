/**
 * Screening people and adjudicating their hits: the service other capabilities call
 * (`screenSubject`, `outcomeOf`) and the officers' use cases (screenings, the queue, decisions).
 */
import { and, asc, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type {
  DecideBody,
  Hit,
  HitDecision,
  HitDetail,
  HitExplanation,
  HitStatus,
  QueueItem,
  ScreenedPerson,
  ScreenPersonBody,
  ScreenResult,
  Screening,
  ScreeningSubject,
  ScreeningSummary,
  VettingOutcome,
  VettingState,
  WatchlistEntryView,
} from '../../../common/contracts/vetting.ts';
import { type Actor, can, type RequestContext, requirePermission } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Db } from '../../platform/db/client.ts';
import { escapeLike } from '../../platform/db/sql.ts';
import { AppError, denied, notFound } from '../../platform/errors.ts';
import { decodeCursor, toPage } from '../../platform/http/pagination.ts';
import { newId } from '../../platform/ids.ts';
import type { VettingPlatform } from './vetting.matching.ts';
import { formatBirthDate, type WatchlistEntry } from './engine/index.ts';
import { type Finding, insertHits, insertHitsOf, type ListCache, type OutcomeListeners, refreshState, screenAgainst, toOutcome } from './vetting.matching.ts';
import { decide, subjectState, WAITING_STATUSES } from './vetting.rules.ts';
import { hitDecisions, type ScreenedPersonData, screeningHits, screenings, watchlistEntries, watchlists } from './vetting.schema.ts';

type ScreeningRow = typeof screenings.$inferSelect;
type HitRow = typeof screeningHits.$inferSelect & { watchlistName: string; entryData: WatchlistEntry };

export const toEntryView = (e: WatchlistEntry): WatchlistEntryView => ({
  sourceRef: e.sourceRef,
  names: e.names.map((n) => ({ full: n.full, kind: n.kind })),
  birthDates: e.birthDates.map(formatBirthDate),
  nationalities: e.nationalities,
  gender: e.gender ?? null,
});

const toPersonView = (p: ScreenedPersonData): ScreenedPerson => ({
  givenNames: p.givenNames ?? null,
  familyName: p.familyName ?? null,
  fullName: p.fullName ?? null,
  nameArabic: p.nameArabic ?? null,
  dateOfBirth: p.dateOfBirth ?? null,
  gender: p.gender ?? null,
  nationality: p.nationality ?? null,
});

const toHitView = (h: HitRow): Hit => ({
  id: h.id,
  screeningId: h.screeningId,
  watchlistId: h.watchlistId,
  watchlistName: h.watchlistName,
  sourceRef: h.sourceRef,
  listVersion: h.listVersion,
  score: h.score,
  matchedName: h.matchedName,
  status: h.status,
  foundBy: h.foundBy,
  proposedBy: h.proposedBy,
  explanation: h.explanation as HitExplanation,
  entry: toEntryView(h.entryData),
  createdAt: h.createdAt.toISOString(),
  updatedAt: h.updatedAt.toISOString(),
});


/** Only the fields vetting needs are kept, whatever else a caller's object carries. */
export function personOf(s: ScreeningSubject): ScreenedPersonData {
  return {
    givenNames: s.givenNames,
    familyName: s.familyName,
    fullName: null,
    nameArabic: s.nameArabic ?? null,
    dateOfBirth: s.dateOfBirth ?? null,
    gender: s.gender ?? null,
    nationality: s.nationality ?? null,
  };
}

/** The officer's id for the four-eyes rule: decisions are taken by people, never by tokens or the system. */
function officerOf(actor: Actor): string {
  if (actor.kind !== 'user') throw denied('Only a signed-in officer can decide on a hit');
  return actor.id;
}

export function createScreeningsService({ db, clock, operationId }: VettingPlatform, lists: ListCache, outcomes: OutcomeListeners) {
  const hitColumns = { hit: screeningHits, watchlistName: watchlists.name, entryData: watchlistEntries.data };
  const selectHits = (tx: Db, where: SQL | undefined) =>
    tx
      .select(hitColumns)
      .from(screeningHits)
      .innerJoin(watchlists, eq(watchlists.id, screeningHits.watchlistId))
      .innerJoin(watchlistEntries, eq(watchlistEntries.id, screeningHits.entryId))
      .where(and(eq(screeningHits.operationId, operationId), where))
      .orderBy(desc(screeningHits.score), asc(screeningHits.createdAt), asc(screeningHits.id))
      .then((rows) => rows.map((r) => ({ ...r.hit, watchlistName: r.watchlistName, entryData: r.entryData }) as HitRow));

  async function findScreening(tx: Db, id: string): Promise<ScreeningRow> {
    const [row] = await tx.select().from(screenings).where(and(eq(screenings.id, id), eq(screenings.operationId, operationId)));
    if (!row) throw notFound('Screening');
    return row;
  }

  async function screeningView(tx: Db, row: ScreeningRow): Promise<Screening> {
    const hits = (await selectHits(tx, eq(screeningHits.screeningId, row.id))).map(toHitView);
    const ids = row.screenedAgainst.map((s) => s.watchlistId);
    const names = ids.length ? await tx.select({ id: watchlists.id, name: watchlists.name }).from(watchlists).where(inArray(watchlists.id, ids)) : [];
    const nameOf = new Map(names.map((n) => [n.id, n.name]));
    return {
      ...summaryView(row, hits.filter((h) => WAITING_STATUSES.includes(h.status)).length),
      screenedAgainst: row.screenedAgainst.map((s) => ({ watchlistId: s.watchlistId, watchlistName: nameOf.get(s.watchlistId) ?? '', version: s.version })),
      requestedBy: row.requestedBy,
      hits,
    };
  }

  const summaryView = (row: ScreeningRow, openHits: number): ScreeningSummary => ({
    id: row.id,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    person: toPersonView(row.person),
    state: row.state,
    isCurrent: row.isCurrent,
    openHits,
    batchId: row.batchId,
    screenedAt: row.screenedAt.toISOString(),
    stateChangedAt: row.stateChangedAt.toISOString(),
  });

  async function hitDetail(tx: Db, id: string): Promise<HitDetail> {
    const [hit] = await selectHits(tx, eq(screeningHits.id, id));
    if (!hit) throw notFound('Hit');
    const screening = await findScreening(tx, hit.screeningId);
    const decisions = await tx.select().from(hitDecisions).where(eq(hitDecisions.hitId, id)).orderBy(asc(hitDecisions.decidedAt), asc(hitDecisions.id));
    return {
      ...toHitView(hit),
      subjectType: screening.subjectType,
      subjectId: screening.subjectId,
      subjectState: screening.state,
      person: toPersonView(screening.person),
      decisions: decisions.map(
        (d): HitDecision => ({
          id: d.id,
          decision: d.decision,
          reason: d.reason,
          officerId: d.officerId,
          officerLabel: d.officerLabel,
          statusBefore: d.statusBefore,
          statusAfter: d.statusAfter,
          decidedAt: d.decidedAt.toISOString(),
        }),
      ),
    };
  }

  /**
   * Records a screening of one subject with what the engine found, replacing the subject's current
   * screening (its waiting hits are withdrawn). Submitting the same data again changes nothing: the
   * current screening and its decisions stand (list changes reach it through re-screening). A refused
   * subject stays refused: a confirmed match, decided by two officers, is not undone by resubmitting.
   */
  async function recordScreening(
    tx: Db,
    ctx: RequestContext,
    subject: { subjectType: string; subjectId: string; person: ScreenedPersonData; batchId: string | null },
    findings: readonly Finding[],
    screenedAgainst: { watchlistId: string; version: number }[],
    now: Date,
  ): Promise<{ screening: ScreeningRow; replaced: boolean; keptRefusal: boolean; unchanged: boolean }> {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`vetting:${operationId}:${subject.subjectType}:${subject.subjectId}`}, 0))`);
    const [current] = await tx
      .select()
      .from(screenings)
      .where(and(eq(screenings.operationId, operationId), eq(screenings.subjectType, subject.subjectType), eq(screenings.subjectId, subject.subjectId), eq(screenings.isCurrent, true)));
    if (current && samePerson(current.person, subject.person)) return { screening: current, replaced: false, keptRefusal: current.state === 'refused', unchanged: true };
    if (current?.state === 'refused') return { screening: current, replaced: false, keptRefusal: true, unchanged: false };
    if (current) {
      await tx.update(screenings).set({ isCurrent: false }).where(eq(screenings.id, current.id));
      await tx
        .update(screeningHits)
        .set({ status: 'withdrawn', updatedAt: now })
        .where(and(eq(screeningHits.screeningId, current.id), inArray(screeningHits.status, [...WAITING_STATUSES])));
    }
    // Every hit of a new screening is open, so its state is known without reading anything back.
    const row: ScreeningRow = {
      id: newId(),
      operationId,
      subjectType: subject.subjectType,
      subjectId: subject.subjectId,
      person: subject.person,
      state: subjectState(findings.map(() => 'open' as const), screenedAgainst.length),
      isCurrent: true,
      screenedAgainst,
      batchId: subject.batchId,
      requestedBy: ctx.actor.label,
      screenedAt: now,
      stateChangedAt: now,
    };
    await tx.insert(screenings).values(row);
    await insertHits(tx, operationId, row.id, findings, 'screening', now);
    return { screening: row, replaced: Boolean(current), keptRefusal: false, unchanged: false };
  }

  /**
   * `recordScreening` for many subjects at once (a batch chunk): the same rules — a refused subject stays
   * refused, a current screening is replaced and its waiting hits withdrawn — in a few statements instead
   * of several per person. Subjects are locked in sorted order, so two writers cannot deadlock.
   */
  async function recordScreenings(
    tx: Db,
    ctx: RequestContext,
    subjectType: string,
    batchId: string | null,
    items: readonly { subjectId: string; person: ScreenedPersonData; findings: readonly Finding[] }[],
    screenedAgainst: { watchlistId: string; version: number }[],
    now: Date,
  ): Promise<{ written: number; withHits: number; hits: number }> {
    // A subject given twice in one chunk: the last row wins, as if it had been submitted twice.
    const bySubject = new Map(items.map((i) => [i.subjectId, i]));
    const ids = [...bySubject.keys()].sort();
    if (ids.length === 0) return { written: 0, withHits: 0, hits: 0 };
    const keys = ids.map((id) => sql`${`vetting:${operationId}:${subjectType}:${id}`}`);
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(k, 0)) from unnest(array[${sql.join(keys, sql`, `)}]::text[]) with ordinality as u(k, n) order by n`);
    const current = await tx
      .select({ id: screenings.id, subjectId: screenings.subjectId, state: screenings.state, person: screenings.person })
      .from(screenings)
      .where(and(eq(screenings.operationId, operationId), eq(screenings.subjectType, subjectType), eq(screenings.isCurrent, true), inArray(screenings.subjectId, ids)));
    // Kept as they are: refused subjects, and subjects submitted again with the same data.
    const kept = current.filter((c) => c.state === 'refused' || samePerson(c.person, bySubject.get(c.subjectId)!.person));
    const refused = new Set(kept.map((c) => c.subjectId));
    const replaced = current.filter((c) => !refused.has(c.subjectId)).map((c) => c.id);
    if (replaced.length > 0) {
      await tx.update(screenings).set({ isCurrent: false }).where(inArray(screenings.id, replaced));
      await tx.update(screeningHits).set({ status: 'withdrawn', updatedAt: now }).where(and(inArray(screeningHits.screeningId, replaced), inArray(screeningHits.status, [...WAITING_STATUSES])));
    }
    const rows: (typeof screenings.$inferInsert)[] = [];
    const hitRows: { screeningId: string; findings: readonly Finding[] }[] = [];
    let hits = 0;
    let withHits = 0;
    for (const id of ids) {
      if (refused.has(id)) continue;
      const item = bySubject.get(id)!;
      const screeningId = newId();
      const state = subjectState(item.findings.map(() => 'open' as const), screenedAgainst.length);
      rows.push({ id: screeningId, operationId, subjectType, subjectId: id, person: item.person, state, isCurrent: true, screenedAgainst, batchId, requestedBy: ctx.actor.label, screenedAt: now, stateChangedAt: now });
      if (item.findings.length > 0) {
        hitRows.push({ screeningId, findings: item.findings });
        withHits++;
        hits += item.findings.length;
      }
    }
    if (rows.length > 0) await tx.insert(screenings).values(rows);
    await insertHitsOf(tx, operationId, hitRows, 'screening', now);
    return { written: rows.length, withHits, hits };
  }

  const service = {
    /**
     * Screens one subject against every active watchlist, synchronously (a few milliseconds), records
     * the screening and its hits, audits it, and returns the neutral outcome. Screening the same subject
     * again with changed data replaces its screening; with the same data it changes nothing (decisions
     * stand). For other capabilities: needs `vetting:screen`.
     */
    async screenSubject(ctx: RequestContext, subject: ScreeningSubject): Promise<VettingOutcome> {
      return (await service.screenWithDetail(ctx, subject)).outcome;
    },

    /** `screenSubject`, also returning the screening's id (for `POST /api/screenings`). */
    async screenWithDetail(ctx: RequestContext, subject: ScreeningSubject): Promise<{ outcome: VettingOutcome; screeningId: string }> {
      requirePermission(ctx.actor, 'vetting:screen');
      const person = personOf(subject);
      const active = await lists.activeLists();
      const findings = screenAgainst(active, subject.subjectId, person);
      const screenedAgainst = active.map((l) => ({ watchlistId: l.watchlistId, version: l.version }));
      return db.transaction(async (tx) => {
        const now = clock.now();
        const r = await recordScreening(tx, ctx, { subjectType: subject.subjectType, subjectId: subject.subjectId, person, batchId: null }, findings, screenedAgainst, now);
        await recordAudit(tx, ctx, {
          action: 'vetting.screen',
          subjectType: 'screening',
          subjectId: r.screening.id,
          details: { subjectType: subject.subjectType, subjectId: subject.subjectId, lists: screenedAgainst.length, hits: r.keptRefusal || r.unchanged ? 0 : findings.length, state: r.screening.state, replaced: r.replaced, keptRefusal: r.keptRefusal, unchanged: r.unchanged },
        }, now);
        return { outcome: toOutcome(r.screening), screeningId: r.screening.id };
      });
    },

    /** The neutral vetting state of a subject (`pending` when it was never screened). Needs `vetting:screen` or `vetting:read`. */
    async outcomeOf(ctx: RequestContext, subjectType: string, subjectId: string): Promise<VettingOutcome> {
      if (!can(ctx.actor, 'vetting:screen') && !can(ctx.actor, 'vetting:read')) throw denied();
      const [row] = await db
        .select({ subjectType: screenings.subjectType, subjectId: screenings.subjectId, state: screenings.state, stateChangedAt: screenings.stateChangedAt })
        .from(screenings)
        .where(and(eq(screenings.operationId, operationId), eq(screenings.subjectType, subjectType), eq(screenings.subjectId, subjectId), eq(screenings.isCurrent, true)));
      return row ? toOutcome(row) : { subjectType, subjectId, state: 'pending', decidedAt: null };
    },

    /** `POST /api/screenings`: screens one person; officers who may read hits also get the screening with its hits. */
    async screen(ctx: RequestContext, body: ScreenPersonBody): Promise<ScreenResult> {
      const { outcome, screeningId } = await service.screenWithDetail(ctx, body);
      if (!can(ctx.actor, 'vetting:read')) return { outcome, screening: null };
      return { outcome, screening: await screeningView(db, await findScreening(db, screeningId)) };
    },

    /** Lists screenings (current ones by default), newest first; the read is audited. */
    async listScreenings(ctx: RequestContext, q: { state?: VettingState; subjectType?: string; batchId?: string; q?: string; cursor?: string; limit: number }) {
      requirePermission(ctx.actor, 'vetting:read');
      const after = decodeCursor(q.cursor, 2);
      const conditions: SQL[] = [eq(screenings.operationId, operationId), eq(screenings.isCurrent, true)];
      if (q.state) conditions.push(eq(screenings.state, q.state));
      if (q.subjectType) conditions.push(eq(screenings.subjectType, q.subjectType));
      if (q.batchId) conditions.push(eq(screenings.batchId, q.batchId));
      if (q.q) conditions.push(personMatches(q.q));
      if (after) conditions.push(sql`(${screenings.screenedAt}, ${screenings.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
      return db.transaction(async (tx) => {
        const rows = await tx.select().from(screenings).where(and(...conditions)).orderBy(desc(screenings.screenedAt), desc(screenings.id)).limit(q.limit + 1);
        const ids = rows.map((r) => r.id);
        const open = ids.length
          ? await tx
              .select({ screeningId: screeningHits.screeningId, n: sql<number>`count(*)::int` })
              .from(screeningHits)
              .where(and(inArray(screeningHits.screeningId, ids), inArray(screeningHits.status, [...WAITING_STATUSES])))
              .groupBy(screeningHits.screeningId)
          : [];
        const openOf = new Map(open.map((o) => [o.screeningId, Number(o.n)]));
        const page = toPage(rows, q.limit, (r) => [r.screenedAt.toISOString(), r.id], (r) => summaryView(r, openOf.get(r.id) ?? 0));
        await recordAudit(tx, ctx, { action: 'screening.list', subjectType: 'screening', details: { count: page.items.length, state: q.state ?? null, batchId: q.batchId ?? null, searched: Boolean(q.q) } }, clock.now());
        return page;
      });
    },

    /** Reads one screening with its person and hits (personal data: audited). */
    async getScreening(ctx: RequestContext, id: string): Promise<Screening> {
      requirePermission(ctx.actor, 'vetting:read');
      return db.transaction(async (tx) => {
        const view = await screeningView(tx, await findScreening(tx, id));
        await recordAudit(tx, ctx, { action: 'screening.read', subjectType: 'screening', subjectId: id }, clock.now());
        return view;
      });
    },

    /** The adjudication queue: hits waiting for an officer, oldest first; the read is audited. */
    async queue(ctx: RequestContext, q: { status: 'open' | 'escalated' | 'pending_confirmation' | 'waiting'; watchlistId?: string; minScore?: number; q?: string; cursor?: string; limit: number }) {
      requirePermission(ctx.actor, 'vetting:read');
      const after = decodeCursor(q.cursor, 2);
      const statuses: HitStatus[] = q.status === 'waiting' ? [...WAITING_STATUSES] : [q.status];
      const conditions: SQL[] = [eq(screeningHits.operationId, operationId), inArray(screeningHits.status, statuses), eq(screenings.isCurrent, true)];
      if (q.watchlistId) conditions.push(eq(screeningHits.watchlistId, q.watchlistId));
      if (q.minScore !== undefined) conditions.push(sql`${screeningHits.score} >= ${q.minScore}`);
      if (q.q) conditions.push(or(personMatches(q.q), ilike(screeningHits.matchedName, `%${escapeLike(q.q)}%`))!);
      if (after) conditions.push(sql`(${screeningHits.createdAt}, ${screeningHits.id}) > (${after[0]}::timestamptz, ${after[1]}::uuid)`);
      return db.transaction(async (tx) => {
        const rows = await tx
          .select({ hit: screeningHits, watchlistName: watchlists.name, subjectType: screenings.subjectType, subjectId: screenings.subjectId, person: screenings.person })
          .from(screeningHits)
          .innerJoin(screenings, eq(screenings.id, screeningHits.screeningId))
          .innerJoin(watchlists, eq(watchlists.id, screeningHits.watchlistId))
          .where(and(...conditions))
          .orderBy(asc(screeningHits.createdAt), asc(screeningHits.id))
          .limit(q.limit + 1);
        const page = toPage(
          rows,
          q.limit,
          (r) => [r.hit.createdAt.toISOString(), r.hit.id],
          (r): QueueItem => ({
            id: r.hit.id,
            screeningId: r.hit.screeningId,
            subjectType: r.subjectType,
            subjectId: r.subjectId,
            person: toPersonView(r.person),
            watchlistId: r.hit.watchlistId,
            watchlistName: r.watchlistName,
            sourceRef: r.hit.sourceRef,
            matchedName: r.hit.matchedName,
            score: r.hit.score,
            status: r.hit.status,
            foundBy: r.hit.foundBy,
            proposedBy: r.hit.proposedBy,
            createdAt: r.hit.createdAt.toISOString(),
          }),
        );
        await recordAudit(tx, ctx, { action: 'vetting.queue_read', subjectType: 'screening_hit', details: { count: page.items.length, status: q.status } }, clock.now());
        return page;
      });
    },

    /** Reads one hit with the applicant's data, the list entry, the explanation and the decisions (audited). */
    async getHit(ctx: RequestContext, id: string): Promise<HitDetail> {
      requirePermission(ctx.actor, 'vetting:read');
      return db.transaction(async (tx) => {
        const detail = await hitDetail(tx, id);
        await recordAudit(tx, ctx, { action: 'vetting.hit_read', subjectType: 'screening_hit', subjectId: id }, clock.now());
        return detail;
      });
    },

    /**
     * An officer's decision on a hit, with its reason (rules: `decide`; a confirmed match needs a second,
     * different officer). The decision, its reason and the subject's new state are audited together.
     */
    async decide(ctx: RequestContext, hitId: string, body: DecideBody): Promise<HitDetail> {
      requirePermission(ctx.actor, 'vetting:adjudicate');
      const officerId = officerOf(ctx.actor);
      return db.transaction(async (tx) => {
        const [hit] = await tx.select().from(screeningHits).where(and(eq(screeningHits.id, hitId), eq(screeningHits.operationId, operationId))).for('update');
        if (!hit) throw notFound('Hit');
        const verdict = decide({ status: hit.status, proposedBy: hit.proposedBy }, body.decision, officerId);
        if (!verdict.ok) throw refusal(verdict.reason, hit.status);
        const now = clock.now();
        await tx.update(screeningHits).set({ status: verdict.next.status, proposedBy: verdict.next.proposedBy, updatedAt: now }).where(eq(screeningHits.id, hitId));
        await tx.insert(hitDecisions).values({
          id: newId(),
          hitId,
          decision: body.decision,
          reason: body.reason,
          officerId,
          officerLabel: ctx.actor.label,
          statusBefore: hit.status,
          statusAfter: verdict.next.status,
          decidedAt: now,
        });
        const screening = await findScreening(tx, hit.screeningId);
        const { state, changed } = await refreshState(tx, screening.id, screening.screenedAgainst, now);
        // The subject's capability acts in this transaction: a confirmed match suspends a badge at once.
        if (changed) await outcomes.notify(tx, [screening.id], ctx.requestId);
        await recordAudit(tx, ctx, {
          action: 'vetting.decide',
          subjectType: 'screening_hit',
          subjectId: hitId,
          details: { decision: body.decision, reason: body.reason, statusBefore: hit.status, statusAfter: verdict.next.status, screeningId: screening.id, subjectState: state },
        }, now);
        return hitDetail(tx, hitId);
      });
    },

    recordScreening,
    recordScreenings,
    /** Registers another capability's handler for its subjects' outcome changes (see OutcomeListener). */
    onOutcomeChange: outcomes.subscribe,
  };
  return service;
}

/** Whether two submissions carry the same vetting data (then the current screening and its decisions stand). */
export function samePerson(a: ScreenedPersonData, b: ScreenedPersonData): boolean {
  const keys = ['givenNames', 'familyName', 'fullName', 'nameArabic', 'dateOfBirth', 'gender', 'nationality'] as const;
  return keys.every((k) => (a[k] ?? null) === (b[k] ?? null));
}

/** Search in a screened person's names, any script. */
function personMatches(q: string): SQL {
  const like = `%${escapeLike(q)}%`;
  return sql`(${screenings.person}->>'givenNames' ilike ${like} or ${screenings.person}->>'familyName' ilike ${like} or ${screenings.person}->>'fullName' ilike ${like} or ${screenings.person}->>'nameArabic' ilike ${like} or ${screenings.subjectId} ilike ${like})`;
}

function refusal(reason: 'hit_closed' | 'invalid_decision' | 'same_officer', status: HitStatus): AppError {
  switch (reason) {
    case 'hit_closed':
      return new AppError('vetting.hit_closed', `The hit is ${status.replace('_', ' ')} and takes no more decisions`);
    case 'invalid_decision':
      return new AppError('vetting.invalid_decision', 'The hit is already escalated as a possible match');
    case 'same_officer':
      return new AppError('vetting.same_officer', 'You proposed this confirmed match; a second, different officer must confirm it');
  }
}

export type ScreeningsService = ReturnType<typeof createScreeningsService>;
