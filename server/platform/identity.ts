/**
 * Turns the credentials on a request (session cookie or API token) into an Actor, and manages sessions.
 * Sessions live in the database (revocable); the cookie holds a random secret whose SHA-256 is stored.
 */
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Role } from '../../common/permissions.ts';
import { type Actor, grantsForRoles, grantsForToken, type RoleAssignment } from './access.ts';
import type { Clock } from './clock.ts';
import type { Db } from './db/client.ts';
import { apiTokens, sessions, userRoles, users } from './db/schema/index.ts';
import { newId } from './ids.ts';
import { randomSecret, sha256 } from './secrets.ts';

export const SESSION_COOKIE = 'tansiq_session';
export const TOKEN_PREFIX = 'tsq_';
// Refresh last-seen (and slide the expiry) at most once a minute per session, not on every request.
const TOUCH_INTERVAL_MS = 60_000;

export interface SessionActor {
  actor: Extract<Actor, { kind: 'user' }>;
  csrfToken: string;
}

/** The account with this email (case-insensitive), or null. */
export async function findUserByEmail(db: Db, email: string): Promise<typeof users.$inferSelect | null> {
  const [row] = await db.select().from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`).limit(1);
  return row ?? null;
}

const toRoleAssignment = (r: { role: string; venueId: string | null }): RoleAssignment => ({ role: r.role as Role, venueId: r.venueId });

/** Loads a user's roles as assignments. */
export async function loadRoles(db: Db, userId: string): Promise<RoleAssignment[]> {
  const rows = await db.select({ role: userRoles.role, venueId: userRoles.venueId }).from(userRoles).where(eq(userRoles.userId, userId));
  return rows.map(toRoleAssignment);
}

/** A user's roles as one JSON array column of a query that selects from `users`. */
const rolesOfUser = sql<{ role: string; venueId: string | null }[]>`(select coalesce(json_agg(json_build_object('role', ${userRoles.role}, 'venueId', ${userRoles.venueId})), '[]'::json) from ${userRoles} where ${userRoles.userId} = ${users.id})`;

export function userActor(user: { id: string; email: string; organisationId: string }, roles: RoleAssignment[], sessionId: string | null): Extract<Actor, { kind: 'user' }> {
  return { kind: 'user', id: user.id, label: user.email, organisationId: user.organisationId, roles, grants: grantsForRoles(roles), sessionId };
}

/** Starts a session; returns the cookie secret (only ever held by the browser) and the CSRF token. */
export async function createSession(db: Db, clock: Clock, userId: string, ttlMs: number): Promise<{ id: string; secret: string; csrfToken: string; expiresAt: Date }> {
  const secret = randomSecret();
  const csrfToken = randomSecret();
  const now = clock.now();
  const id = newId();
  const expiresAt = new Date(now.getTime() + ttlMs);
  await db.insert(sessions).values({ id, tokenHash: sha256(secret), csrfToken, userId, createdAt: now, lastSeenAt: now, expiresAt });
  return { id, secret, csrfToken, expiresAt };
}

/**
 * The query behind every signed-in request: the session, its user and the user's roles in one round trip,
 * built once and prepared (planned once per connection on PostgreSQL) for each database.
 */
function buildSessionLookup(db: Db) {
  return db
    .select({ session: sessions, user: { id: users.id, email: users.email, organisationId: users.organisationId, isActive: users.isActive }, roles: rolesOfUser })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, sql.placeholder('tokenHash')), isNull(sessions.revokedAt), gt(sessions.expiresAt, sql.placeholder('now'))))
    .limit(1)
    .prepare('tansiq_session_lookup');
}
const sessionLookups = new WeakMap<Db, ReturnType<typeof buildSessionLookup>>();
function sessionLookup(db: Db): ReturnType<typeof buildSessionLookup> {
  let lookup = sessionLookups.get(db);
  if (!lookup) sessionLookups.set(db, (lookup = buildSessionLookup(db)));
  return lookup;
}

/** The signed-in user behind a session cookie, or null when it is unknown, expired, revoked or the user is disabled. */
export async function resolveSession(db: Db, clock: Clock, secret: string, ttlMs: number): Promise<SessionActor | null> {
  const now = clock.now();
  const [row] = await sessionLookup(db).execute({ tokenHash: sha256(secret), now });
  if (!row || !row.user.isActive) return null;
  if (now.getTime() - row.session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.update(sessions).set({ lastSeenAt: now, expiresAt: new Date(now.getTime() + ttlMs) }).where(eq(sessions.id, row.session.id));
  }
  return { actor: userActor(row.user, row.roles.map(toRoleAssignment), row.session.id), csrfToken: row.session.csrfToken };
}

export async function revokeSession(db: Db, clock: Clock, sessionId: string): Promise<void> {
  await db.update(sessions).set({ revokedAt: clock.now() }).where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}

/** Revokes every open session of a user (password change, disabling the account). */
export async function revokeUserSessions(db: Db, clock: Clock, userId: string, exceptSessionId: string | null = null): Promise<void> {
  const open = await db.select({ id: sessions.id }).from(sessions).where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
  for (const s of open) if (s.id !== exceptSessionId) await revokeSession(db, clock, s.id);
}

/** The machine client behind a bearer token, or null when it is unknown, expired or revoked. */
export async function resolveApiToken(db: Db, clock: Clock, bearer: string): Promise<Actor | null> {
  if (!bearer.startsWith(TOKEN_PREFIX)) return null;
  const now = clock.now();
  const [row] = await db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, sha256(bearer)), isNull(apiTokens.revokedAt)))
    .limit(1);
  if (!row || (row.expiresAt && row.expiresAt <= now)) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.id));
  }
  return { kind: 'token', id: row.id, label: `token:${row.name}`, organisationId: row.organisationId, grants: grantsForToken(row.permissions) };
}

/** A session kept by a module for actors who are not staff (the public portal's applicants), behind its own cookie. */
export interface CookieSessionResolver {
  cookie: string;
  resolve(db: Db, clock: Clock, secret: string): Promise<{ actor: Actor; csrfToken: string } | null>;
}

const cookieSessions = new Map<string, CookieSessionResolver>();

/** A module adds a kind of session; the access hook tries it after the staff session (before it on `applicant` routes). */
export function registerCookieSession(resolver: CookieSessionResolver): void {
  cookieSessions.set(resolver.cookie, resolver);
}

export function cookieSessionResolvers(): CookieSessionResolver[] {
  return [...cookieSessions.values()];
}

/** A new API token secret: a recognisable prefix plus 256 random bits. */
export function newApiTokenSecret(): { secret: string; prefix: string; hash: string } {
  const secret = `${TOKEN_PREFIX}${randomSecret()}`;
  return { secret, prefix: secret.slice(0, 10), hash: sha256(secret) };
}
