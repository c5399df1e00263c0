/** Openings: published ones are public; employers (and the organiser for volunteer roles) manage their own. */
import { and, asc, eq, ilike, or, sql } from 'drizzle-orm';
import type { Opening } from '../../../common/contracts/workforce.ts';
import { listScope, type RequestContext, requirePermission } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import { organisations, venues } from '../../platform/db/schema/index.ts';
import { escapeLike } from '../../platform/db/sql.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { decodeCursor, toPage } from '../../platform/http/pagination.ts';
import type { Platform } from '../../platform/platform.ts';
import { type LocalizedText, openings } from './workforce.schema.ts';

type Row = typeof openings.$inferSelect & { orgName: string; orgNameAr: string | null; orgNameFr: string | null; venueName: string | null; venueNameAr: string | null };

export const toOpeningView = (r: Row): Opening => ({
  id: r.id,
  organisationId: r.organisationId,
  organisationName: r.orgName,
  organisationNameAr: r.orgNameAr,
  organisationNameFr: r.orgNameFr,
  kind: r.kind,
  title: r.title,
  description: r.description,
  requirements: r.requirements,
  venueId: r.venueId,
  venueName: r.venueName,
  venueNameAr: r.venueNameAr,
  location: r.location,
  places: r.places,
  startsOn: r.startsOn,
  endsOn: r.endsOn,
  sponsorsVisa: r.sponsorsVisa,
  status: r.status,
  createdAt: r.createdAt.toISOString(),
});

export interface OpeningInput {
  kind: 'job' | 'volunteer';
  title: LocalizedText;
  description: LocalizedText;
  requirements: LocalizedText;
  venueId: string | null;
  location: string | null;
  places: number;
  startsOn: string;
  endsOn: string;
  sponsorsVisa: boolean;
  status: 'draft' | 'published';
}

export function createOpeningsService({ db, clock, operationId }: Platform) {
  const columns = { o: openings, orgName: organisations.name, orgNameAr: organisations.nameAr, orgNameFr: organisations.nameFr, venueName: venues.name, venueNameAr: venues.nameAr };
  const base = () => db.select(columns).from(openings).innerJoin(organisations, eq(organisations.id, openings.organisationId)).leftJoin(venues, eq(venues.id, openings.venueId));
  const flat = (r: { o: typeof openings.$inferSelect } & Omit<Row, keyof typeof openings.$inferSelect>): Row => ({ ...r.o, orgName: r.orgName, orgNameAr: r.orgNameAr, orgNameFr: r.orgNameFr, venueName: r.venueName, venueNameAr: r.venueNameAr });

  async function find(id: string): Promise<Row> {
    const [r] = await base().where(and(eq(openings.id, id), eq(openings.operationId, operationId)));
    if (!r) throw notFound('Opening');
    return flat(r);
  }

  async function checkVenue(venueId: string | null | undefined) {
    if (!venueId) return;
    const [v] = await db.select({ id: venues.id }).from(venues).where(and(eq(venues.id, venueId), eq(venues.operationId, operationId)));
    if (!v) throw new AppError('venue.not_found', 'No such venue', { errors: [{ path: 'body.venueId', message: 'unknown venue' }] });
  }

  async function list(q: { kind?: 'job' | 'volunteer'; q?: string; status?: string; cursor?: string; limit: number }, extra: ReturnType<typeof eq>[]) {
    const after = decodeCursor(q.cursor, 2);
    const conditions = [eq(openings.operationId, operationId), ...extra];
    if (q.kind) conditions.push(eq(openings.kind, q.kind));
    if (q.q) {
      const like = `%${escapeLike(q.q)}%`;
      conditions.push(or(ilike(sql`${openings.title}::text`, like), ilike(organisations.name, like), ilike(sql`coalesce(${openings.location}, '')`, like))!);
    }
    if (after) conditions.push(sql`(${openings.startsOn}::text, ${openings.id}) > (${after[0]}, ${after[1]}::uuid)`);
    const rows = await base().where(and(...conditions)).orderBy(asc(openings.startsOn), asc(openings.id)).limit(q.limit + 1);
    return toPage(rows.map(flat), q.limit, (r) => [r.startsOn, r.id], toOpeningView);
  }

  return {
    find,

    /** Published openings, for anyone (the public portal). */
    async listPublished(q: { kind?: 'job' | 'volunteer'; q?: string; cursor?: string; limit: number }) {
      return list(q, [eq(openings.status, 'published')]);
    },

    /** One published opening. */
    async getPublished(id: string): Promise<Opening> {
      const r = await find(id);
      if (r.status !== 'published') throw notFound('Opening');
      return toOpeningView(r);
    },

    /** The openings an employer manages: their organisation's, drafts and closed ones included. */
    async listManaged(ctx: RequestContext, q: { kind?: 'job' | 'volunteer'; q?: string; status?: 'draft' | 'published' | 'closed'; cursor?: string; limit: number }) {
      const scope = listScope(ctx.actor, 'opening:manage');
      const extra = [];
      if (!scope.all) extra.push(sql`${openings.organisationId} in (${sql.join(scope.organisationIds.length ? scope.organisationIds.map((id) => sql`${id}::uuid`) : [sql`null`], sql`, `)})`);
      if (q.status) extra.push(eq(openings.status, q.status));
      return list(q, extra as ReturnType<typeof eq>[]);
    },

    /** Creates an opening for the actor's organisation. */
    async create(ctx: RequestContext, input: OpeningInput): Promise<Opening> {
      const organisationId = ctx.actor.organisationId;
      requirePermission(ctx.actor, 'opening:manage', { organisationId });
      await checkVenue(input.venueId);
      const id = newId();
      const now = clock.now();
      await db.transaction(async (tx) => {
        await tx.insert(openings).values({ id, operationId, organisationId: organisationId!, ...input, createdAt: now, updatedAt: now });
        await recordAudit(tx, ctx, { action: 'opening.create', subjectType: 'opening', subjectId: id, details: { kind: input.kind, status: input.status, places: input.places } }, now);
      });
      return toOpeningView(await find(id));
    },

    /** Edits, publishes or closes one of the organisation's openings. */
    async update(ctx: RequestContext, id: string, patch: Partial<Omit<OpeningInput, 'status'>> & { status?: 'draft' | 'published' | 'closed' }): Promise<Opening> {
      const current = await find(id);
      requirePermission(ctx.actor, 'opening:manage', { organisationId: current.organisationId });
      await checkVenue(patch.venueId);
      const startsOn = patch.startsOn ?? current.startsOn;
      const endsOn = patch.endsOn ?? current.endsOn;
      if (endsOn < startsOn) throw new AppError('request.invalid', 'The opening ends before it starts', { errors: [{ path: 'body.endsOn', message: 'ends before it starts' }] });
      await db.transaction(async (tx) => {
        const now = clock.now();
        await tx.update(openings).set({ ...patch, updatedAt: now }).where(eq(openings.id, id));
        await recordAudit(tx, ctx, { action: 'opening.update', subjectType: 'opening', subjectId: id, details: { fields: Object.keys(patch).sort(), ...(patch.status ? { status: patch.status } : {}) } }, now);
      });
      return toOpeningView(await find(id));
    },
  };
}

export type OpeningsService = ReturnType<typeof createOpeningsService>;
