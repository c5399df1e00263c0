/** Use cases on user accounts: list, read (audited: personal data), create, update. */
import { ROLES } from '../../../common/permissions.ts';
import type { User } from '../../../common/contracts/platform.ts';
import { type RequestContext, type RoleAssignment, listScope, requirePermission } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Db } from '../../platform/db/client.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { decodeCursor, toPage } from '../../platform/http/pagination.ts';
import { findUserByEmail, revokeUserSessions } from '../../platform/identity.ts';
import { newId } from '../../platform/ids.ts';
import type { Platform } from '../../platform/platform.ts';
import { hashPassword } from '../../platform/secrets.ts';
import { venues, organisations } from '../../platform/db/schema/index.ts';
import { and, eq, inArray } from 'drizzle-orm';
import * as repo from './users.repository.ts';

export function toUserView(u: repo.UserRow): User {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    organisationId: u.organisationId,
    organisationName: u.organisationName,
    roles: u.roles,
    isActive: u.isActive,
    createdAt: u.createdAt.toISOString(),
  };
}

export function createUsersService(platform: Platform) {
  const { db, clock, operationId } = platform;

  async function checkRoles(tx: Db, roles: RoleAssignment[]): Promise<void> {
    for (const r of roles) {
      const spec = ROLES[r.role];
      if (spec.needsVenue !== (r.venueId !== null)) {
        throw new AppError('user.invalid_role', spec.needsVenue ? `The role ${r.role} needs a venue` : `The role ${r.role} takes no venue`, {
          errors: [{ path: 'body.roles', message: spec.needsVenue ? 'venue required' : 'no venue for this role' }],
        });
      }
    }
    const venueIds = [...new Set(roles.flatMap((r) => (r.venueId ? [r.venueId] : [])))];
    if (venueIds.length) {
      const found = await tx.select({ id: venues.id }).from(venues).where(and(inArray(venues.id, venueIds), eq(venues.operationId, operationId)));
      if (found.length !== venueIds.length) throw new AppError('venue.not_found', 'A venue given for a role does not exist');
    }
  }

  async function checkOrganisation(tx: Db, organisationId: string): Promise<void> {
    const [org] = await tx.select({ id: organisations.id }).from(organisations).where(and(eq(organisations.id, organisationId), eq(organisations.operationId, operationId)));
    if (!org) throw new AppError('organisation.not_found', 'The organisation does not exist', { errors: [{ path: 'body.organisationId', message: 'unknown organisation' }] });
  }

  const dedupeRoles = (roles: RoleAssignment[]) => [...new Map(roles.map((r) => [`${r.role}|${r.venueId}`, r])).values()];

  return {
    /** Lists accounts the actor may see (all, or their organisation's); the read is audited. */
    async list(ctx: RequestContext, q: { q?: string; organisationId?: string; role?: string; cursor?: string; limit: number }) {
      const scope = listScope(ctx.actor, 'user:read');
      if (!scope.all && q.organisationId && !scope.organisationIds.includes(q.organisationId)) throw new AppError('access.denied', 'You may only list users of your organisation');
      const organisationIds = q.organisationId ? [q.organisationId] : scope.all ? undefined : scope.organisationIds;
      const after = decodeCursor(q.cursor, 2) as [string, string] | null;
      return db.transaction(async (tx) => {
        const rows = await repo.listUsers(tx, { operationId, q: q.q, organisationIds, role: q.role, after, limit: q.limit });
        const page = toPage(rows, q.limit, (u) => [u.email.toLowerCase(), u.id], toUserView);
        await recordAudit(tx, ctx, { action: 'user.list', subjectType: 'user', details: { count: page.items.length, organisationId: q.organisationId ?? null, role: q.role ?? null, searched: Boolean(q.q) } }, clock.now());
        return page;
      });
    },

    /** Reads one account (personal data: audited). */
    async get(ctx: RequestContext, id: string): Promise<User> {
      return db.transaction(async (tx) => {
        const user = await repo.findUserById(tx, operationId, id);
        if (!user) throw notFound('User');
        requirePermission(ctx.actor, 'user:read', { organisationId: user.organisationId });
        await recordAudit(tx, ctx, { action: 'user.read', subjectType: 'user', subjectId: id }, clock.now());
        return toUserView(user);
      });
    },

    /** Creates an account with roles. */
    async create(ctx: RequestContext, input: { email: string; name: string; organisationId: string; password: string; roles: RoleAssignment[] }): Promise<User> {
      requirePermission(ctx.actor, 'user:manage', { organisationId: input.organisationId });
      const passwordHash = await hashPassword(input.password);
      const id = newId();
      const roles = dedupeRoles(input.roles);
      await db.transaction(async (tx) => {
        await checkOrganisation(tx, input.organisationId);
        await checkRoles(tx, roles);
        if (await findUserByEmail(tx, input.email)) throw emailTaken();
        const now = clock.now();
        try {
          await repo.insertUser(tx, { id, email: input.email, name: input.name, organisationId: input.organisationId, passwordHash, createdAt: now, updatedAt: now }, roles);
        } catch (err) {
          if (isUniqueViolation(err)) throw emailTaken();
          throw err;
        }
        await recordAudit(tx, ctx, { action: 'user.create', subjectType: 'user', subjectId: id, details: { organisationId: input.organisationId, roles: roles.map((r) => r.role) } }, now);
      });
      return (await this.getUnaudited(id))!;
    },

    /** Changes name, roles, active flag or password; disabling or resetting signs the user out everywhere. */
    async update(ctx: RequestContext, id: string, patch: { name?: string; roles?: RoleAssignment[]; isActive?: boolean; password?: string }): Promise<User> {
      const passwordHash = patch.password ? await hashPassword(patch.password) : undefined;
      await db.transaction(async (tx) => {
        const user = await repo.findUserById(tx, operationId, id);
        if (!user) throw notFound('User');
        requirePermission(ctx.actor, 'user:manage', { organisationId: user.organisationId });
        const roles = patch.roles ? dedupeRoles(patch.roles) : undefined;
        if (ctx.actor.id === id && (patch.isActive === false || (roles && !roles.some((r) => r.role === 'admin')))) {
          throw new AppError('user.self_lockout', 'You cannot disable your own account or remove your own admin role');
        }
        if (roles) await checkRoles(tx, roles);
        const now = clock.now();
        await repo.updateUser(tx, id, {
          ...(patch.name !== undefined ? { name: patch.name } : {}),
          ...(patch.isActive !== undefined ? { isActive: patch.isActive } : {}),
          ...(passwordHash ? { passwordHash } : {}),
          updatedAt: now,
        });
        if (roles) await repo.replaceRoles(tx, id, roles);
        if (patch.isActive === false || passwordHash) await revokeUserSessions(tx, clock, id);
        await recordAudit(tx, ctx, {
          action: 'user.update',
          subjectType: 'user',
          subjectId: id,
          details: { fields: Object.keys(patch).sort(), ...(roles ? { roles: roles.map((r) => r.role) } : {}), ...(patch.isActive !== undefined ? { isActive: patch.isActive } : {}) },
        }, now);
      });
      return (await this.getUnaudited(id))!;
    },

    /** For answering a change the actor just made (the change itself is audited). */
    async getUnaudited(id: string): Promise<User | null> {
      const u = await repo.findUserById(db, operationId, id);
      return u ? toUserView(u) : null;
    },
  };
}

const emailTaken = () => new AppError('user.email_taken', 'Another account already uses this email', { errors: [{ path: 'body.email', message: 'already in use' }] });

export type UsersService = ReturnType<typeof createUsersService>;
