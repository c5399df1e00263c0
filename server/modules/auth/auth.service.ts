/**
 * Sign-in, sign-out, the signed-in user's profile and password. Failed sign-ins are counted per email
 * (hashed, known or not, so the answer never tells whether an account exists) and lock it for a while.
 */
import { and, eq } from 'drizzle-orm';
import type { Me } from '../../../common/contracts/platform.ts';
import type { Locale } from '../../../common/contracts/common.ts';
import type { Actor, RequestContext } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Db } from '../../platform/db/client.ts';
import { loginThrottle, organisations, users } from '../../platform/db/schema/index.ts';
import { AppError } from '../../platform/errors.ts';
import { createSession, findUserByEmail, loadRoles, revokeSession, revokeUserSessions, userActor } from '../../platform/identity.ts';
import type { Platform } from '../../platform/platform.ts';
import { decoyPasswordHash, hashPassword, sha256, verifyPassword } from '../../platform/secrets.ts';

export function createAuthService(platform: Platform) {
  const { db, clock, config } = platform;

  async function me(tx: Db, actor: Extract<Actor, { kind: 'user' }>): Promise<Me> {
    const [row] = await tx
      .select({ user: users, orgName: organisations.name, orgKind: organisations.kind })
      .from(users)
      .innerJoin(organisations, eq(organisations.id, users.organisationId))
      .where(eq(users.id, actor.id));
    if (!row) throw new AppError('auth.unauthenticated', 'Sign in first');
    return {
      id: row.user.id,
      email: row.user.email,
      name: row.user.name,
      locale: row.user.locale ?? null,
      organisation: { id: row.user.organisationId, name: row.orgName, kind: row.orgKind },
      roles: actor.roles,
      permissions: actor.grants.map((g) => ({ permission: g.permission, scope: g.scope, venueIds: g.venueIds })),
    };
  }

  function requireUser(ctx: RequestContext): Extract<Actor, { kind: 'user' }> {
    if (ctx.actor.kind !== 'user') throw new AppError('access.denied', 'Only people signed in with a session can do this');
    return ctx.actor;
  }

  return {
    /** Checks the password and opens a session; wrong email and wrong password get the same answer. */
    async login(requestId: string, email: string, password: string) {
      const now = clock.now();
      const emailHash = sha256(email.trim().toLowerCase());
      const [throttle] = await db.select().from(loginThrottle).where(eq(loginThrottle.emailHash, emailHash));
      if (throttle?.lockedUntil && throttle.lockedUntil > now) {
        await db.transaction((tx) => recordAudit(tx, { actor: null, requestId, claimedLabel: email }, { action: 'auth.login', outcome: 'denied', details: { reason: 'locked' } }, now));
        const seconds = Math.ceil((throttle.lockedUntil.getTime() - now.getTime()) / 1000);
        throw new AppError('auth.locked', 'Too many failed sign-ins. Try again later.', { headers: { 'retry-after': String(seconds) } });
      }
      const user = await findUserByEmail(db, email.trim());
      const ok = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password);
      if (!user || !ok || !user.isActive) {
        const failures = (throttle?.failures ?? 0) + 1;
        const lockedUntil = failures >= config.login.maxFailures ? new Date(now.getTime() + config.login.lockMs) : null;
        await db.transaction(async (tx) => {
          await tx
            .insert(loginThrottle)
            .values({ emailHash, failures, lockedUntil, updatedAt: now })
            .onConflictDoUpdate({ target: loginThrottle.emailHash, set: { failures: lockedUntil ? 0 : failures, lockedUntil, updatedAt: now } });
          await recordAudit(tx, { actor: null, requestId, claimedLabel: email }, {
            action: 'auth.login',
            outcome: 'failure',
            subjectType: user ? 'user' : null,
            subjectId: user?.id ?? null,
            details: { reason: !user ? 'unknown_email' : !ok ? 'wrong_password' : 'disabled', locked: lockedUntil !== null },
          }, now);
        });
        throw new AppError('auth.invalid_credentials', 'Wrong email or password');
      }
      const roles = await loadRoles(db, user.id);
      return db.transaction(async (tx) => {
        await tx.delete(loginThrottle).where(eq(loginThrottle.emailHash, emailHash));
        const session = await createSession(tx, clock, user.id, config.sessionTtlMs);
        const actor = userActor(user, roles, session.id);
        await recordAudit(tx, { actor, requestId }, { action: 'auth.login', subjectType: 'user', subjectId: user.id }, now);
        return { session, user: await me(tx, actor) };
      });
    },

    /** Ends the current session. */
    async logout(ctx: RequestContext): Promise<void> {
      const actor = requireUser(ctx);
      await db.transaction(async (tx) => {
        if (actor.sessionId) await revokeSession(tx, clock, actor.sessionId);
        await recordAudit(tx, ctx, { action: 'auth.logout', subjectType: 'user', subjectId: actor.id }, clock.now());
      });
    },

    /** The signed-in user, their organisation, roles and effective permissions. */
    async me(ctx: RequestContext): Promise<Me> {
      return me(db, requireUser(ctx));
    },

    /** Changes the user's own name or language. */
    async updateMe(ctx: RequestContext, patch: { locale?: Locale | null; name?: string }): Promise<Me> {
      const actor = requireUser(ctx);
      return db.transaction(async (tx) => {
        const now = clock.now();
        await tx.update(users).set({ ...patch, updatedAt: now }).where(eq(users.id, actor.id));
        await recordAudit(tx, ctx, { action: 'user.update_self', subjectType: 'user', subjectId: actor.id, details: { fields: Object.keys(patch).sort() } }, now);
        return me(tx, actor);
      });
    },

    /** Changes the user's own password after checking the current one; other sessions are signed out. */
    async changePassword(ctx: RequestContext, currentPassword: string, newPassword: string): Promise<void> {
      const actor = requireUser(ctx);
      const [user] = await db.select().from(users).where(and(eq(users.id, actor.id), eq(users.isActive, true)));
      if (!user) throw new AppError('auth.unauthenticated', 'Sign in first');
      if (!(await verifyPassword(user.passwordHash, currentPassword))) {
        await db.transaction((tx) => recordAudit(tx, ctx, { action: 'user.password_change', subjectType: 'user', subjectId: actor.id, outcome: 'failure' }, clock.now()));
        throw new AppError('auth.wrong_password', 'The current password is wrong', { errors: [{ path: 'body.currentPassword', message: 'wrong password' }] });
      }
      const passwordHash = await hashPassword(newPassword);
      await db.transaction(async (tx) => {
        const now = clock.now();
        await tx.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, actor.id));
        await revokeUserSessions(tx, clock, actor.id, actor.sessionId);
        await recordAudit(tx, ctx, { action: 'user.password_change', subjectType: 'user', subjectId: actor.id }, now);
      });
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
