/** SQL for accounts and their roles. */
import { and, asc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type { Role } from '../../../common/permissions.ts';
import type { RoleAssignment } from '../../platform/access.ts';
import type { Db } from '../../platform/db/client.ts';
import { organisations, userRoles, users } from '../../platform/db/schema/index.ts';
import { newId } from '../../platform/ids.ts';
import { escapeLike } from '../../platform/db/sql.ts';

export type UserRow = typeof users.$inferSelect & { organisationName: string; organisationKind: string; roles: RoleAssignment[] };

const columns = { user: users, organisationName: organisations.name, organisationKind: organisations.kind };

async function withRoles(db: Db, rows: { user: typeof users.$inferSelect; organisationName: string; organisationKind: string }[]): Promise<UserRow[]> {
  if (rows.length === 0) return [];
  const roleRows = await db.select().from(userRoles).where(inArray(userRoles.userId, rows.map((r) => r.user.id)));
  return rows.map((r) => ({
    ...r.user,
    organisationName: r.organisationName,
    organisationKind: r.organisationKind,
    roles: roleRows
      .filter((x) => x.userId === r.user.id)
      .map((x) => ({ role: x.role as Role, venueId: x.venueId }))
      .sort((a, b) => a.role.localeCompare(b.role)),
  }));
}

export async function findUserById(db: Db, operationId: string, id: string): Promise<UserRow | null> {
  const rows = await db
    .select(columns)
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(eq(users.id, id), eq(organisations.operationId, operationId)));
  return (await withRoles(db, rows))[0] ?? null;
}

export interface UserFilter {
  operationId: string;
  q?: string;
  organisationIds?: string[];
  role?: string;
  after: [string, string] | null;
  limit: number;
}

export async function listUsers(db: Db, f: UserFilter): Promise<UserRow[]> {
  const conditions = [eq(organisations.operationId, f.operationId)];
  if (f.q) conditions.push(or(ilike(users.email, `%${escapeLike(f.q)}%`), ilike(users.name, `%${escapeLike(f.q)}%`))!);
  if (f.organisationIds) conditions.push(inArray(users.organisationId, f.organisationIds));
  if (f.role) conditions.push(sql`exists (select 1 from user_roles r where r.user_id = ${users.id} and r.role = ${f.role})`);
  if (f.after) conditions.push(sql`(lower(${users.email}), ${users.id}) > (${f.after[0]}, ${f.after[1]}::uuid)`);
  const rows = await db
    .select(columns)
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(...conditions))
    .orderBy(asc(sql`lower(${users.email})`), asc(users.id))
    .limit(f.limit + 1);
  return withRoles(db, rows);
}

export async function insertUser(db: Db, u: typeof users.$inferInsert, roles: RoleAssignment[]): Promise<void> {
  await db.insert(users).values(u);
  await replaceRoles(db, u.id, roles);
}

export async function updateUser(db: Db, id: string, patch: Partial<typeof users.$inferInsert>): Promise<void> {
  await db.update(users).set(patch).where(eq(users.id, id));
}

export async function replaceRoles(db: Db, userId: string, roles: RoleAssignment[]): Promise<void> {
  await db.delete(userRoles).where(eq(userRoles.userId, userId));
  if (roles.length) await db.insert(userRoles).values(roles.map((r) => ({ id: newId(), userId, role: r.role, venueId: r.venueId })));
}


