/** The personnel incidents can be dispatched to: a simple list per organisation (the full roster comes later). */
import { and, asc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Personnel } from '../../../common/contracts/operations.ts';
import { listScope, type RequestContext, requirePermission } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Db } from '../../platform/db/client.ts';
import { organisations, users } from '../../platform/db/schema/index.ts';
import { escapeLike } from '../../platform/db/sql.ts';
import { AppError, denied } from '../../platform/errors.ts';
import { decodeCursor, toPage } from '../../platform/http/pagination.ts';
import { newId } from '../../platform/ids.ts';
import type { Platform } from '../../platform/platform.ts';
import { personnel } from './operations.schema.ts';

const columns = { p: personnel, organisationName: organisations.name };
type Row = { p: typeof personnel.$inferSelect; organisationName: string };
const toView = ({ p, organisationName }: Row): Personnel => ({ id: p.id, organisationId: p.organisationId, organisationName, name: p.name, rank: p.rank, unit: p.unit, phone: p.phone, userId: p.userId });

/** Demo personnel (marked `is_demo`) for the seeded organisations, so dispatch can be tried at once. */
export const DEMO_PERSONNEL: { org: string; name: string; rank: string; unit: string; userEmail?: string }[] = [
  { org: 'MOI-SSOC', name: 'Khalid Al-Marri', rank: 'Captain', unit: 'Lekhwiya Rapid Response 1' },
  { org: 'MOI-SSOC', name: 'Noora Al-Kuwari', rank: 'Lieutenant', unit: 'Ambulance liaison' },
  { org: 'MOI-SSOC', name: 'Civil Defence Team 4', rank: 'Team', unit: 'Civil Defence' },
  { org: 'DGSN', name: 'Field Officer (demo)', rank: 'Inspector', unit: 'DGSN Crowd Unit A', userEmail: 'officer@demo.tansiq.org' },
  { org: 'DGSN', name: 'Youssef Benali', rank: 'Principal Officer', unit: 'DGSN Crowd Unit A' },
  { org: 'GR', name: 'Hicham Ouazzani', rank: 'Adjudant', unit: 'Gendarmerie Royale Mobile Squad' },
  { org: 'PN', name: 'Claire Martin', rank: 'Commandant', unit: 'Police nationale Liaison' },
];

/** Seeds the demo personnel in the seed's transaction (outside production only). */
export async function seedDemoPersonnel(tx: Db, operationId: string, now: Date): Promise<void> {
  const orgs = await tx.select({ id: organisations.id, shortName: organisations.shortName }).from(organisations).where(eq(organisations.operationId, operationId));
  const orgId = new Map(orgs.map((o) => [o.shortName, o.id]));
  const emails = DEMO_PERSONNEL.flatMap((p) => (p.userEmail ? [p.userEmail] : []));
  const linked = emails.length ? await tx.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, emails)) : [];
  const userId = new Map(linked.map((u) => [u.email, u.id]));
  const rows = DEMO_PERSONNEL.filter((p) => orgId.has(p.org)).map((p) => ({
    id: newId(),
    operationId,
    organisationId: orgId.get(p.org)!,
    name: p.name,
    rank: p.rank,
    unit: p.unit,
    userId: p.userEmail ? (userId.get(p.userEmail) ?? null) : null,
    isDemo: true,
    createdAt: now,
  }));
  if (rows.length) await tx.insert(personnel).values(rows);
}

export function createPersonnelService({ db, clock, operationId }: Platform) {
  return {
    /** Lists personnel by name: everyone's for command, one's own organisation's for a partner commander. */
    async list(ctx: RequestContext, q: { organisationId?: string; q?: string; cursor?: string; limit: number }) {
      const scope = listScope(ctx.actor, 'personnel:read');
      if (!scope.all && q.organisationId && !scope.organisationIds.includes(q.organisationId)) throw denied('You may only list your organisation\'s personnel');
      const c: SQL[] = [eq(personnel.operationId, operationId)];
      if (q.organisationId) c.push(eq(personnel.organisationId, q.organisationId));
      else if (!scope.all) c.push(inArray(personnel.organisationId, scope.organisationIds.length ? scope.organisationIds : ['00000000-0000-0000-0000-000000000000']));
      if (q.q) {
        const like = `%${escapeLike(q.q)}%`;
        c.push(or(ilike(personnel.name, like), ilike(personnel.unit, like), ilike(personnel.rank, like))!);
      }
      const after = decodeCursor(q.cursor, 2);
      if (after) c.push(sql`(${personnel.name}, ${personnel.id}) > (${after[0]}, ${after[1]}::uuid)`);
      const rows = await db.select(columns).from(personnel).innerJoin(organisations, eq(organisations.id, personnel.organisationId)).where(and(...c)).orderBy(asc(personnel.name), asc(personnel.id)).limit(q.limit + 1);
      return toPage(rows, q.limit, (r) => [r.p.name, r.p.id], toView);
    },

    /** Adds a person to an organisation's list (command: any organisation; partner commander: their own). */
    async create(ctx: RequestContext, input: { organisationId: string; name: string; rank?: string; unit?: string; phone?: string; userId?: string }): Promise<Personnel> {
      requirePermission(ctx.actor, 'personnel:manage', { organisationId: input.organisationId });
      const [org] = await db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(and(eq(organisations.id, input.organisationId), eq(organisations.operationId, operationId)));
      if (!org) throw new AppError('organisation.not_found', 'The organisation does not exist', { errors: [{ path: 'body.organisationId', message: 'unknown organisation' }] });
      if (input.userId) {
        const [u] = await db.select({ organisationId: users.organisationId }).from(users).where(eq(users.id, input.userId));
        if (!u || u.organisationId !== input.organisationId) throw new AppError('request.invalid', 'The linked account must belong to the same organisation', { errors: [{ path: 'body.userId', message: 'not in this organisation' }] });
      }
      const id = newId();
      const now = clock.now();
      await db.transaction(async (tx) => {
        await tx.insert(personnel).values({ id, operationId, organisationId: input.organisationId, name: input.name, rank: input.rank ?? null, unit: input.unit ?? null, phone: input.phone ?? null, userId: input.userId ?? null, createdAt: now });
        await recordAudit(tx, ctx, { action: 'personnel.create', subjectType: 'personnel', subjectId: id, details: { organisationId: input.organisationId } }, now);
      });
      const [row] = await db.select(columns).from(personnel).innerJoin(organisations, eq(organisations.id, personnel.organisationId)).where(eq(personnel.id, id));
      return toView(row!);
    },
  };
}

export type PersonnelService = ReturnType<typeof createPersonnelService>;
