/** Use cases on the operation's organisations (agencies, organiser, employers). */
import { and, asc, eq, ilike, or, sql } from 'drizzle-orm';
import type { Organisation } from '../../../common/contracts/platform.ts';
import { type RequestContext, requirePermission } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { organisations } from '../../platform/db/schema/index.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { decodeCursor, toPage } from '../../platform/http/pagination.ts';
import { newId } from '../../platform/ids.ts';
import type { Platform } from '../../platform/platform.ts';
import { escapeLike } from '../../platform/db/sql.ts';

type Row = typeof organisations.$inferSelect;
type OrgInput = { name: string; nameFr?: string | null; nameAr?: string | null; shortName: string; kind: Row['kind']; country: string };

export const toOrganisationView = (o: Row): Organisation => ({
  id: o.id,
  name: o.name,
  nameFr: o.nameFr,
  nameAr: o.nameAr,
  shortName: o.shortName,
  kind: o.kind,
  country: o.country,
  createdAt: o.createdAt.toISOString(),
});

const nameTaken = () => new AppError('organisation.name_taken', 'Another organisation already has this name', { errors: [{ path: 'body.name', message: 'already in use' }] });

export function createOrganisationsService({ db, clock, operationId }: Platform) {
  async function find(id: string): Promise<Row> {
    const [row] = await db.select().from(organisations).where(and(eq(organisations.id, id), eq(organisations.operationId, operationId)));
    if (!row) throw notFound('Organisation');
    return row;
  }

  return {
    /** Lists organisations, searchable by name and filtered by kind and country. */
    async list(ctx: RequestContext, q: { q?: string; kind?: Row['kind']; country?: string; cursor?: string; limit: number }) {
      requirePermission(ctx.actor, 'organisation:read');
      const after = decodeCursor(q.cursor, 2);
      const conditions = [eq(organisations.operationId, operationId)];
      if (q.q) {
        const like = `%${escapeLike(q.q)}%`;
        conditions.push(or(ilike(organisations.name, like), ilike(organisations.shortName, like), ilike(organisations.nameFr, like), ilike(organisations.nameAr, like))!);
      }
      if (q.kind) conditions.push(eq(organisations.kind, q.kind));
      if (q.country) conditions.push(eq(organisations.country, q.country));
      if (after) conditions.push(sql`(${organisations.name}, ${organisations.id}) > (${after[0]}, ${after[1]}::uuid)`);
      const rows = await db.select().from(organisations).where(and(...conditions)).orderBy(asc(organisations.name), asc(organisations.id)).limit(q.limit + 1);
      return toPage(rows, q.limit, (o) => [o.name, o.id], toOrganisationView);
    },

    /** Reads one organisation. */
    async get(ctx: RequestContext, id: string): Promise<Organisation> {
      requirePermission(ctx.actor, 'organisation:read');
      return toOrganisationView(await find(id));
    },

    /** Adds an organisation to the operation. */
    async create(ctx: RequestContext, input: OrgInput): Promise<Organisation> {
      requirePermission(ctx.actor, 'organisation:manage');
      const now = clock.now();
      const row: Row = { id: newId(), operationId, name: input.name, nameFr: input.nameFr ?? null, nameAr: input.nameAr ?? null, shortName: input.shortName, kind: input.kind, country: input.country, createdAt: now, updatedAt: now };
      try {
        await db.transaction(async (tx) => {
          await tx.insert(organisations).values(row);
          await recordAudit(tx, ctx, { action: 'organisation.create', subjectType: 'organisation', subjectId: row.id, details: { name: row.name, kind: row.kind } }, now);
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw nameTaken();
        throw err;
      }
      return toOrganisationView(row);
    },

    /** Edits an organisation's names, kind or country. */
    async update(ctx: RequestContext, id: string, patch: Partial<OrgInput>): Promise<Organisation> {
      requirePermission(ctx.actor, 'organisation:manage', { organisationId: id });
      const now = clock.now();
      try {
        await db.transaction(async (tx) => {
          const [row] = await tx.select({ id: organisations.id }).from(organisations).where(and(eq(organisations.id, id), eq(organisations.operationId, operationId)));
          if (!row) throw notFound('Organisation');
          await tx.update(organisations).set({ ...patch, updatedAt: now }).where(eq(organisations.id, id));
          await recordAudit(tx, ctx, { action: 'organisation.update', subjectType: 'organisation', subjectId: id, details: { fields: Object.keys(patch).sort() } }, now);
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw nameTaken();
        throw err;
      }
      return toOrganisationView(await find(id));
    },
  };
}

export type OrganisationsService = ReturnType<typeof createOrganisationsService>;
