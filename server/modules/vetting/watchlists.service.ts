/**
 * Watchlists: create, import a new version of a list (UN Consolidated List XML, OpenSanctions FtM JSON
 * lines, CSV), see what each version added, changed and removed, activate or deactivate a list. Each
 * change that can produce new hits screens everyone screened before against the changed part only.
 */
import { createHash } from 'node:crypto';
import { and, asc, desc, eq, inArray, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import type { ImportResult, RescreenSummary, Watchlist, WatchlistDetail, WatchlistDiff, WatchlistFormat, WatchlistVersion } from '../../../common/contracts/vetting.ts';
import { type RequestContext, requirePermission } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Db } from '../../platform/db/client.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { decodeCursor, toPage } from '../../platform/http/pagination.ts';
import { newId } from '../../platform/ids.ts';
import type { OutcomeListeners, VettingPlatform } from './vetting.matching.ts';
import { diffWatchlists, parseWatchlist, ScreeningInputError, type WatchlistEntry } from './engine/index.ts';
import { toEntryView } from './screenings.service.ts';
import { applyRescreen, currentEntryRows, type EntryRow, indexRows, refreshState, screenAgainst } from './vetting.matching.ts';
import { isWaiting } from './vetting.rules.ts';
import { type ScreenedAgainst, screeningHits, screenings, watchlistEntries, watchlists, watchlistVersions } from './vetting.schema.ts';

type WatchlistRow = typeof watchlists.$inferSelect;
type VersionRow = typeof watchlistVersions.$inferSelect;

const toVersionView = (v: VersionRow): WatchlistVersion => ({
  id: v.id,
  version: v.version,
  fileName: v.fileName,
  entryCount: v.entryCount,
  added: v.added,
  changed: v.changed,
  removed: v.removed,
  importedBy: v.importedBy,
  importedAt: v.importedAt.toISOString(),
});

const nameTaken = () => new AppError('watchlist.name_taken', 'Another watchlist already has this name', { errors: [{ path: 'body.name', message: 'already in use' }] });

const primaryName = (e: WatchlistEntry) => (e.names.find((n) => n.kind === 'primary') ?? e.names[0])?.full ?? e.sourceRef;

/** One entry per source reference (the first one wins), so a version never holds a reference twice. */
function uniqueByRef(entries: WatchlistEntry[]): WatchlistEntry[] {
  const seen = new Set<string>();
  return entries.filter((e) => {
    if (seen.has(e.sourceRef)) return false;
    seen.add(e.sourceRef);
    return true;
  });
}

export function createWatchlistsService({ db, clock, operationId }: VettingPlatform, outcomes: OutcomeListeners) {
  async function findList(tx: Db, id: string, lock = false): Promise<WatchlistRow> {
    const q = tx.select().from(watchlists).where(and(eq(watchlists.id, id), eq(watchlists.operationId, operationId)));
    const [row] = lock ? await q.for('update') : await q;
    if (!row) throw notFound('Watchlist');
    return row;
  }

  async function entryCounts(tx: Db, ids: string[]): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    const rows = await tx
      .select({ id: watchlistEntries.watchlistId, n: sql<number>`count(*)::int` })
      .from(watchlistEntries)
      .where(and(inArray(watchlistEntries.watchlistId, ids), isNull(watchlistEntries.untilVersion)))
      .groupBy(watchlistEntries.watchlistId);
    return new Map(rows.map((r) => [r.id, Number(r.n)]));
  }

  const toView = (w: WatchlistRow, entryCount: number): Watchlist => ({
    id: w.id,
    name: w.name,
    description: w.description,
    format: w.format,
    isActive: w.isActive,
    currentVersion: w.currentVersion,
    entryCount,
    createdAt: w.createdAt.toISOString(),
    updatedAt: w.updatedAt.toISOString(),
  });

  async function view(tx: Db, id: string): Promise<Watchlist> {
    const w = await findList(tx, id);
    return toView(w, (await entryCounts(tx, [id])).get(id) ?? 0);
  }

  /**
   * Screens every current, not refused screening again against what changed in a list since the
   * version each was compared with (the whole list for subjects never compared with it): only the
   * entries added or changed since then are indexed and compared.
   */
  async function rescreen(tx: Db, ctx: RequestContext, list: WatchlistRow, now: Date): Promise<RescreenSummary> {
    const version = list.currentVersion;
    const summary: RescreenSummary = { subjects: 0, entriesCompared: 0, newHits: 0, updatedHits: 0, withdrawnHits: 0 };
    if (!version) return summary;
    const current: (EntryRow & { fromVersion: number })[] = await tx
      .select({ id: watchlistEntries.id, sourceRef: watchlistEntries.sourceRef, data: watchlistEntries.data, fromVersion: watchlistEntries.fromVersion })
      .from(watchlistEntries)
      .where(and(eq(watchlistEntries.watchlistId, list.id), isNull(watchlistEntries.untilVersion)))
      .orderBy(asc(watchlistEntries.sourceRef));
    const currentRefs = new Set(current.map((r) => r.sourceRef));
    const closed = await tx
      .select({ sourceRef: watchlistEntries.sourceRef, untilVersion: watchlistEntries.untilVersion })
      .from(watchlistEntries)
      .where(and(eq(watchlistEntries.watchlistId, list.id), isNotNull(watchlistEntries.untilVersion)));
    const subjects = await tx
      .select({ id: screenings.id, subjectId: screenings.subjectId, person: screenings.person, screenedAgainst: screenings.screenedAgainst })
      .from(screenings)
      .where(and(eq(screenings.operationId, operationId), eq(screenings.isCurrent, true), ne(screenings.state, 'refused')));
    // Subjects grouped by the version of this list they were last compared with (0: never).
    const groups = new Map<number, typeof subjects>();
    for (const s of subjects) {
      const seen = s.screenedAgainst.find((a) => a.watchlistId === list.id)?.version ?? 0;
      if (seen >= version) continue;
      groups.set(seen, [...(groups.get(seen) ?? []), s]);
    }
    const waiting = await tx
      .select({ screeningId: screeningHits.screeningId, sourceRef: screeningHits.sourceRef, status: screeningHits.status })
      .from(screeningHits)
      .innerJoin(screenings, eq(screenings.id, screeningHits.screeningId))
      .where(and(eq(screeningHits.watchlistId, list.id), eq(screenings.isCurrent, true)));
    const waitingRefsOf = new Map<string, Set<string>>();
    for (const h of waiting) if (isWaiting(h.status)) waitingRefsOf.set(h.screeningId, (waitingRefsOf.get(h.screeningId) ?? new Set()).add(h.sourceRef));
    const compared = new Set<string>();
    const changedScreenings: string[] = [];
    for (const [seen, group] of groups) {
      const delta = current.filter((r) => r.fromVersion > seen);
      const removed = new Set(closed.filter((r) => (r.untilVersion as number) > seen && !currentRefs.has(r.sourceRef)).map((r) => r.sourceRef));
      const rescreened = new Set(delta.map((r) => r.sourceRef));
      for (const r of delta) compared.add(r.id);
      const indexed = { watchlistId: list.id, version, ...indexRows(delta, current) };
      const quiet: string[] = [];
      for (const s of group) {
        summary.subjects++;
        const findings = delta.length > 0 ? screenAgainst([indexed], s.subjectId, s.person) : [];
        const affected = [...(waitingRefsOf.get(s.id) ?? [])].some((ref) => removed.has(ref) || rescreened.has(ref));
        if (findings.length === 0 && !affected) {
          quiet.push(s.id);
          continue;
        }
        const counts = await applyRescreen(tx, operationId, s.id, list.id, findings, { removed, rescreened }, now);
        summary.newHits += counts.newHits;
        summary.updatedHits += counts.updatedHits;
        summary.withdrawnHits += counts.withdrawnHits;
        const { changed } = await refreshState(tx, s.id, withVersion(s.screenedAgainst, list.id, version), now);
        if (changed) changedScreenings.push(s.id);
      }
      if (quiet.length > 0) {
        // Nothing found and nothing to withdraw: only the list version moves on (and a never-compared subject is now cleared).
        await tx
          .update(screenings)
          .set({ screenedAgainst: sql`coalesce((select jsonb_agg(e) from jsonb_array_elements(${screenings.screenedAgainst}) e where e->>'watchlistId' <> ${list.id}), '[]'::jsonb) || jsonb_build_array(jsonb_build_object('watchlistId', ${list.id}::text, 'version', ${version}::int))` })
          .where(inArray(screenings.id, quiet));
        const cleared = await tx
          .update(screenings)
          .set({ state: 'cleared', stateChangedAt: now })
          .where(and(inArray(screenings.id, quiet), eq(screenings.state, 'pending')))
          .returning({ id: screenings.id });
        changedScreenings.push(...cleared.map((c) => c.id));
      }
    }
    summary.entriesCompared = compared.size;
    // The subjects' capabilities act in this transaction (a new hit holds an accreditation back).
    await outcomes.notify(tx, changedScreenings, ctx.requestId);
    await recordAudit(tx, ctx, { action: 'vetting.rescreen', subjectType: 'watchlist', subjectId: list.id, details: { version, ...summary } }, now);
    return summary;
  }

  return {
    /** Lists the operation's watchlists by name. */
    async list(ctx: RequestContext, q: { cursor?: string; limit: number }) {
      requirePermission(ctx.actor, 'watchlist:read');
      const after = decodeCursor(q.cursor, 2);
      const conditions = [eq(watchlists.operationId, operationId)];
      if (after) conditions.push(sql`(lower(${watchlists.name}), ${watchlists.id}) > (${after[0]}, ${after[1]}::uuid)`);
      const rows = await db.select().from(watchlists).where(and(...conditions)).orderBy(sql`lower(${watchlists.name})`, asc(watchlists.id)).limit(q.limit + 1);
      const counts = await entryCounts(db, rows.map((r) => r.id));
      return toPage(rows, q.limit, (w) => [w.name.toLowerCase(), w.id], (w) => toView(w, counts.get(w.id) ?? 0));
    },

    /** Reads a watchlist with its versions, newest first. */
    async get(ctx: RequestContext, id: string): Promise<WatchlistDetail> {
      requirePermission(ctx.actor, 'watchlist:read');
      const versions = await db.select().from(watchlistVersions).where(eq(watchlistVersions.watchlistId, id)).orderBy(desc(watchlistVersions.version));
      return { ...(await view(db, id)), versions: versions.map(toVersionView) };
    },

    /** Creates an empty watchlist of a given format (import its first version next). */
    async create(ctx: RequestContext, input: { name: string; description?: string | null; format: WatchlistFormat; isActive: boolean }): Promise<Watchlist> {
      requirePermission(ctx.actor, 'watchlist:manage');
      const id = newId();
      try {
        await db.transaction(async (tx) => {
          const now = clock.now();
          await tx.insert(watchlists).values({ id, operationId, name: input.name, description: input.description ?? null, format: input.format, isActive: input.isActive, createdAt: now, updatedAt: now });
          await recordAudit(tx, ctx, { action: 'watchlist.create', subjectType: 'watchlist', subjectId: id, details: { format: input.format, isActive: input.isActive } }, now);
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw nameTaken();
        throw err;
      }
      return view(db, id);
    },

    /**
     * Imports a file as the next version of a list: parsed by the engine in the list's format, compared
     * with the current version (added / changed / removed, by source reference), stored, audited; when
     * the list is active, everyone screened before is screened again against the changed part only.
     */
    async importVersion(ctx: RequestContext, id: string, file: string, fileName: string | null): Promise<ImportResult> {
      requirePermission(ctx.actor, 'watchlist:manage');
      const list0 = await findList(db, id);
      let parsed: WatchlistEntry[];
      try {
        parsed = uniqueByRef(parseWatchlist(list0.format, file));
      } catch (err) {
        if (err instanceof ScreeningInputError) throw new AppError('watchlist.invalid_file', err.message);
        throw err;
      }
      if (parsed.length === 0) throw new AppError('watchlist.invalid_file', `The file holds no person entries readable as ${list0.format}`);
      const sha = createHash('sha256').update(file).digest('hex');
      return db.transaction(async (tx) => {
        const list = await findList(tx, id, true);
        const previous = await currentEntryRows(tx, id);
        const rowOf = new Map(previous.map((r) => [r.sourceRef, r.id]));
        const diff = diffWatchlists(previous.map((r) => r.data), parsed);
        const version = (list.currentVersion ?? 0) + 1;
        const now = clock.now();
        const closing = [...diff.removed, ...diff.changed.map((c) => c.before)].map((e) => rowOf.get(e.sourceRef)).filter((x): x is string => Boolean(x));
        for (let i = 0; i < closing.length; i += 1000) {
          await tx.update(watchlistEntries).set({ untilVersion: version }).where(inArray(watchlistEntries.id, closing.slice(i, i + 1000)));
        }
        const opening = [
          ...diff.added.map((e) => ({ e, change: 'added' as const, fields: [] as string[] })),
          ...diff.changed.map((c) => ({ e: c.after, change: 'changed' as const, fields: c.fields as string[] })),
        ];
        for (let i = 0; i < opening.length; i += 500) {
          await tx.insert(watchlistEntries).values(
            opening.slice(i, i + 500).map(({ e, change, fields }) => ({ id: newId(), watchlistId: id, sourceRef: e.sourceRef, primaryName: primaryName(e), data: e, fromVersion: version, change, changedFields: fields })),
          );
        }
        const versionRow: VersionRow = {
          id: newId(),
          watchlistId: id,
          version,
          fileName,
          fileSha256: sha,
          entryCount: parsed.length,
          added: diff.added.length,
          changed: diff.changed.length,
          removed: diff.removed.length,
          importedBy: ctx.actor.label,
          importedAt: now,
        };
        await tx.insert(watchlistVersions).values(versionRow);
        await tx.update(watchlists).set({ currentVersion: version, updatedAt: now }).where(eq(watchlists.id, id));
        await recordAudit(tx, ctx, {
          action: 'watchlist.import',
          subjectType: 'watchlist',
          subjectId: id,
          details: { version, entries: parsed.length, added: diff.added.length, changed: diff.changed.length, removed: diff.removed.length, sha256: sha },
        }, now);
        const updated = await findList(tx, id);
        const rescreenSummary = updated.isActive ? await rescreen(tx, ctx, updated, now) : null;
        return { watchlist: toView(updated, parsed.length), version: toVersionView(versionRow), rescreen: rescreenSummary };
      });
    },

    /** What a version added, changed (before and after, with the fields) and removed. */
    async diff(ctx: RequestContext, id: string, version: number, limit: number): Promise<WatchlistDiff> {
      requirePermission(ctx.actor, 'watchlist:read');
      await findList(db, id);
      const [v] = await db.select().from(watchlistVersions).where(and(eq(watchlistVersions.watchlistId, id), eq(watchlistVersions.version, version)));
      if (!v) throw notFound('Watchlist version');
      const opened = await db.select().from(watchlistEntries).where(and(eq(watchlistEntries.watchlistId, id), eq(watchlistEntries.fromVersion, version))).orderBy(asc(watchlistEntries.sourceRef));
      const closedHere = await db.select().from(watchlistEntries).where(and(eq(watchlistEntries.watchlistId, id), eq(watchlistEntries.untilVersion, version))).orderBy(asc(watchlistEntries.sourceRef));
      const beforeOf = new Map(closedHere.map((r) => [r.sourceRef, r]));
      const openedRefs = new Set(opened.map((r) => r.sourceRef));
      const added = opened.filter((r) => r.change === 'added');
      const changed = opened.filter((r) => r.change === 'changed');
      const removed = closedHere.filter((r) => !openedRefs.has(r.sourceRef));
      return {
        version,
        counts: { added: v.added, changed: v.changed, removed: v.removed },
        added: added.slice(0, limit).map((r) => toEntryView(r.data)),
        changed: changed.slice(0, limit).flatMap((r) => {
          const before = beforeOf.get(r.sourceRef);
          return before ? [{ before: toEntryView(before.data), after: toEntryView(r.data), fields: r.changedFields }] : [];
        }),
        removed: removed.slice(0, limit).map((r) => toEntryView(r.data)),
        truncated: added.length > limit || changed.length > limit || removed.length > limit,
      };
    },

    /** Activates or deactivates a list; activating screens everyone against what they have not been compared with yet. */
    async setActive(ctx: RequestContext, id: string, isActive: boolean): Promise<Watchlist> {
      requirePermission(ctx.actor, 'watchlist:manage');
      await db.transaction(async (tx) => {
        const list = await findList(tx, id, true);
        if (list.isActive === isActive) return;
        const now = clock.now();
        await tx.update(watchlists).set({ isActive, updatedAt: now }).where(eq(watchlists.id, id));
        await recordAudit(tx, ctx, { action: isActive ? 'watchlist.activate' : 'watchlist.deactivate', subjectType: 'watchlist', subjectId: id }, now);
        if (isActive) await rescreen(tx, ctx, { ...list, isActive }, now);
      });
      return view(db, id);
    },
  };
}

/** The list of compared versions with this list at `version`. */
export function withVersion(against: readonly ScreenedAgainst[], watchlistId: string, version: number): ScreenedAgainst[] {
  return [...against.filter((a) => a.watchlistId !== watchlistId), { watchlistId, version }];
}

export type WatchlistsService = ReturnType<typeof createWatchlistsService>;
