/** API tokens for machine clients: created by an admin for an organisation, shown once, stored hashed, revocable. */
import { and, desc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { PERMISSIONS, type Permission } from '../../../common/permissions.ts';
import type { ApiToken } from '../../../common/contracts/platform.ts';
import { type RequestContext, requirePermission } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import { apiTokens, organisations } from '../../platform/db/schema/index.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { decodeCursor, toPage } from '../../platform/http/pagination.ts';
import { newApiTokenSecret } from '../../platform/identity.ts';
import { newId } from '../../platform/ids.ts';
import type { Platform } from '../../platform/platform.ts';

type Row = typeof apiTokens.$inferSelect & { organisationName: string };

const toView = (t: Row): ApiToken => ({
  id: t.id,
  name: t.name,
  organisationId: t.organisationId,
  organisationName: t.organisationName,
  prefix: t.prefix,
  permissions: t.permissions,
  createdAt: t.createdAt.toISOString(),
  expiresAt: t.expiresAt?.toISOString() ?? null,
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  revokedAt: t.revokedAt?.toISOString() ?? null,
});

export function createApiTokensService({ db, clock, operationId }: Platform) {
  const columns = { token: apiTokens, organisationName: organisations.name };

  async function find(id: string): Promise<Row> {
    const [row] = await db.select(columns).from(apiTokens).innerJoin(organisations, eq(organisations.id, apiTokens.organisationId)).where(and(eq(apiTokens.id, id), eq(organisations.operationId, operationId)));
    if (!row) throw notFound('API token');
    return { ...row.token, organisationName: row.organisationName };
  }

  return {
    /** Lists tokens (never their secrets), newest first. */
    async list(ctx: RequestContext, q: { organisationId?: string; includeRevoked?: 'true' | 'false'; cursor?: string; limit: number }) {
      requirePermission(ctx.actor, 'api_token:manage');
      const after = decodeCursor(q.cursor, 2);
      const c = [eq(organisations.operationId, operationId)];
      if (q.organisationId) c.push(eq(apiTokens.organisationId, q.organisationId));
      if (q.includeRevoked !== 'true') c.push(isNull(apiTokens.revokedAt));
      if (after) c.push(or(lt(apiTokens.createdAt, new Date(String(after[0]))), and(eq(apiTokens.createdAt, new Date(String(after[0]))), sql`${apiTokens.id} < ${after[1]}::uuid`))!);
      const rows = await db.select(columns).from(apiTokens).innerJoin(organisations, eq(organisations.id, apiTokens.organisationId)).where(and(...c)).orderBy(desc(apiTokens.createdAt), desc(apiTokens.id)).limit(q.limit + 1);
      return toPage(rows.map((r) => ({ ...r.token, organisationName: r.organisationName })), q.limit, (t) => [t.createdAt.toISOString(), t.id], toView);
    },

    /** Creates a token; the secret is returned this once and only its hash is kept. */
    async create(ctx: RequestContext, input: { name: string; organisationId: string; permissions: string[]; expiresAt?: string | null }) {
      requirePermission(ctx.actor, 'api_token:manage');
      const refused = input.permissions.filter((p) => PERMISSIONS[p as Permission]?.tokenScope == null);
      if (refused.length) {
        throw new AppError('api_token.permission_not_grantable', `These permissions cannot be given to a machine client: ${refused.join(', ')}`, { errors: [{ path: 'body.permissions', message: `not grantable: ${refused.join(', ')}` }] });
      }
      const [org] = await db.select({ id: organisations.id }).from(organisations).where(and(eq(organisations.id, input.organisationId), eq(organisations.operationId, operationId)));
      if (!org) throw new AppError('organisation.not_found', 'The organisation does not exist', { errors: [{ path: 'body.organisationId', message: 'unknown organisation' }] });
      const { secret, prefix, hash } = newApiTokenSecret();
      const id = newId();
      const now = clock.now();
      const permissions = [...new Set(input.permissions)].sort();
      await db.transaction(async (tx) => {
        await tx.insert(apiTokens).values({
          id,
          organisationId: input.organisationId,
          name: input.name,
          prefix,
          tokenHash: hash,
          permissions,
          createdBy: ctx.actor.kind === 'user' ? ctx.actor.id : null,
          createdAt: now,
          expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
        });
        await recordAudit(tx, ctx, { action: 'api_token.create', subjectType: 'api_token', subjectId: id, details: { organisationId: input.organisationId, permissions } }, now);
      });
      return { token: toView(await find(id)), secret };
    },

    /** Revokes a token at once; requests with it then get 401. */
    async revoke(ctx: RequestContext, id: string): Promise<ApiToken> {
      requirePermission(ctx.actor, 'api_token:manage');
      const token = await find(id);
      if (token.revokedAt) throw new AppError('api_token.already_revoked', 'This token is already revoked');
      await db.transaction(async (tx) => {
        const now = clock.now();
        await tx.update(apiTokens).set({ revokedAt: now }).where(eq(apiTokens.id, id));
        await recordAudit(tx, ctx, { action: 'api_token.revoke', subjectType: 'api_token', subjectId: id }, now);
      });
      return toView(await find(id));
    },
  };
}

export type ApiTokensService = ReturnType<typeof createApiTokensService>;
