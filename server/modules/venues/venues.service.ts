/** Use cases on venues and their matches. Reading is operation-wide; editing is scoped to the venue. */
import { and, asc, eq, gte, ilike, lt, or, sql } from 'drizzle-orm';
import type { Match, Venue } from '../../../common/contracts/platform.ts';
import { type RequestContext, requirePermission } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import { matches, venues } from '../../platform/db/schema/index.ts';
import { escapeLike } from '../../platform/db/sql.ts';
import { notFound } from '../../platform/errors.ts';
import { decodeCursor, toPage } from '../../platform/http/pagination.ts';
import type { Platform } from '../../platform/platform.ts';

type VenueRow = typeof venues.$inferSelect;
type MatchRow = typeof matches.$inferSelect & { venueName: string };

export const toVenueView = (v: VenueRow): Venue => ({
  id: v.id,
  name: v.name,
  nameAr: v.nameAr,
  city: v.city,
  capacity: v.capacity,
  lat: v.lat,
  lon: v.lon,
  metroStation: v.metroStation,
  metroLine: v.metroLine,
  metroAccess: v.metroAccess,
  metroVerified: v.metroVerified,
  translations: v.translations,
  matchesHosted: v.matchesHosted,
  totalAttendance: v.totalAttendance,
});

export const toMatchView = (m: MatchRow): Match => ({
  id: m.id,
  number: m.number,
  stage: m.stage,
  venueId: m.venueId,
  venueName: m.venueName,
  kickoffAt: m.kickoffAt.toISOString(),
  home: m.home,
  away: m.away,
  homeCode: m.homeCode,
  awayCode: m.awayCode,
  attendance: m.attendance,
  expectedAttendance: m.expectedAttendance,
  riskCategory: m.riskCategory,
  score: m.score,
});

/** `2022-11-20` means the start of that day (UTC); a date-time is taken as given. */
const toInstant = (s: string) => new Date(s.length === 10 ? `${s}T00:00:00Z` : s);

export function createVenuesService({ db, clock, operationId }: Platform) {
  const matchColumns = { match: matches, venueName: venues.name };

  async function findVenue(id: string): Promise<VenueRow> {
    const [row] = await db.select().from(venues).where(and(eq(venues.id, id), eq(venues.operationId, operationId)));
    if (!row) throw notFound('Venue');
    return row;
  }

  async function findMatch(id: string): Promise<MatchRow> {
    const [row] = await db.select(matchColumns).from(matches).innerJoin(venues, eq(venues.id, matches.venueId)).where(and(eq(matches.id, id), eq(matches.operationId, operationId)));
    if (!row) throw notFound('Match');
    return { ...row.match, venueName: row.venueName };
  }

  return {
    /** Lists venues by name, searchable by name (any script) and city. */
    async listVenues(ctx: RequestContext, q: { q?: string; city?: string; cursor?: string; limit: number }) {
      requirePermission(ctx.actor, 'venue:read');
      const after = decodeCursor(q.cursor, 2);
      const conditions = [eq(venues.operationId, operationId)];
      if (q.q) {
        const like = `%${escapeLike(q.q)}%`;
        conditions.push(or(ilike(venues.name, like), ilike(venues.nameAr, like), ilike(venues.city, like))!);
      }
      if (q.city) conditions.push(eq(venues.city, q.city));
      if (after) conditions.push(sql`(${venues.name}, ${venues.id}) > (${after[0]}, ${after[1]}::uuid)`);
      const rows = await db.select().from(venues).where(and(...conditions)).orderBy(asc(venues.name), asc(venues.id)).limit(q.limit + 1);
      return toPage(rows, q.limit, (v) => [v.name, v.id], toVenueView);
    },

    /** Reads one venue. */
    async getVenue(ctx: RequestContext, id: string): Promise<Venue> {
      requirePermission(ctx.actor, 'venue:read');
      return toVenueView(await findVenue(id));
    },

    /** Edits a venue's Arabic name or capacity (venue managers: their venue only). */
    async updateVenue(ctx: RequestContext, id: string, patch: { nameAr?: string | null; capacity?: number }): Promise<Venue> {
      await findVenue(id);
      requirePermission(ctx.actor, 'venue:update', { venueId: id });
      await db.transaction(async (tx) => {
        const now = clock.now();
        await tx.update(venues).set({ ...patch, updatedAt: now }).where(eq(venues.id, id));
        await recordAudit(tx, ctx, { action: 'venue.update', subjectType: 'venue', subjectId: id, details: { ...patch } }, now);
      });
      return toVenueView(await findVenue(id));
    },

    /** Lists matches by kickoff, filtered by venue, time window, stage and team. */
    async listMatches(ctx: RequestContext, q: { venueId?: string; from?: string; to?: string; stage?: string; q?: string; cursor?: string; limit: number }) {
      requirePermission(ctx.actor, 'match:read');
      const after = decodeCursor(q.cursor, 3);
      const conditions = [eq(matches.operationId, operationId)];
      if (q.venueId) conditions.push(eq(matches.venueId, q.venueId));
      if (q.from) conditions.push(gte(matches.kickoffAt, toInstant(q.from)));
      if (q.to) conditions.push(lt(matches.kickoffAt, toInstant(q.to)));
      if (q.stage) conditions.push(ilike(matches.stage, `${escapeLike(q.stage)}%`));
      if (q.q) {
        const like = `%${escapeLike(q.q)}%`;
        conditions.push(or(ilike(matches.home, like), ilike(matches.away, like), ilike(matches.homeCode, like), ilike(matches.awayCode, like))!);
      }
      if (after) conditions.push(sql`(${matches.kickoffAt}, ${matches.number}, ${matches.id}) > (${after[0]}::timestamptz, ${after[1]}::int, ${after[2]}::uuid)`);
      const rows = await db
        .select(matchColumns)
        .from(matches)
        .innerJoin(venues, eq(venues.id, matches.venueId))
        .where(and(...conditions))
        .orderBy(asc(matches.kickoffAt), asc(matches.number), asc(matches.id))
        .limit(q.limit + 1);
      return toPage(rows.map((r) => ({ ...r.match, venueName: r.venueName })), q.limit, (m) => [m.kickoffAt.toISOString(), m.number, m.id], toMatchView);
    },

    /** Reads one match. */
    async getMatch(ctx: RequestContext, id: string): Promise<Match> {
      requirePermission(ctx.actor, 'match:read');
      return toMatchView(await findMatch(id));
    },

    /** Sets a match's expected attendance and risk category (venue managers: their venue's matches only). */
    async updateMatch(ctx: RequestContext, id: string, patch: { expectedAttendance?: number | null; riskCategory?: MatchRow['riskCategory'] }): Promise<Match> {
      const match = await findMatch(id);
      requirePermission(ctx.actor, 'match:update', { venueId: match.venueId });
      await db.transaction(async (tx) => {
        const now = clock.now();
        await tx.update(matches).set({ ...patch, updatedAt: now }).where(eq(matches.id, id));
        await recordAudit(tx, ctx, { action: 'match.update', subjectType: 'match', subjectId: id, details: { ...patch } }, now);
      });
      return toMatchView(await findMatch(id));
    },
  };
}

export type VenuesService = ReturnType<typeof createVenuesService>;
