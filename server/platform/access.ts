/**
 * Access control in one place. Routes declare the permission they need (checked before the handler);
 * services call `requirePermission` with the record's organisation/venue to check the scope; lists ask
 * `listScope` for the filter to apply; shared records (intelligence, restricted incidents) ask
 * `canSeeRecord` for distribution and TLP.
 */
import {
  type Distribution,
  PERMISSIONS,
  type Permission,
  ROLES,
  type Role,
  type RouteAccess,
  type ScopeKind,
  type Tlp,
} from '../../common/permissions.ts';
import { denied } from './errors.ts';

export interface Grant {
  permission: Permission;
  scope: ScopeKind;
  /** For venue-scoped grants: the venues the role was assigned for. */
  venueIds: string[];
}

export interface RoleAssignment {
  role: Role;
  venueId: string | null;
}

export type Actor =
  | { kind: 'user'; id: string; label: string; organisationId: string; roles: RoleAssignment[]; grants: Grant[]; sessionId: string | null }
  | { kind: 'token'; id: string; label: string; organisationId: string; grants: Grant[] }
  | { kind: 'system'; id: null; label: string; organisationId: null; grants: Grant[] }
  // A worker or volunteer signed in to the public portal: no organisation, no permissions, only `applicant` routes.
  | { kind: 'applicant'; id: string; label: string; organisationId: null; grants: Grant[]; sessionId: string };

/** Who is acting and for which request: the first argument of every service function. */
export interface RequestContext {
  actor: Actor;
  requestId: string | null;
}

/** The record an action touches, for scope checks. */
export interface Target {
  organisationId?: string | null;
  venueId?: string | null;
}

/** Turns role assignments into grants, merging venue lists; the widest scope of a permission wins. */
export function grantsForRoles(roles: RoleAssignment[]): Grant[] {
  const byPermission = new Map<Permission, Grant>();
  for (const { role, venueId } of roles) {
    const spec = ROLES[role];
    if (!spec) continue;
    for (const [permission, scope] of Object.entries(spec.grants) as [Permission, ScopeKind][]) {
      const existing = byPermission.get(permission);
      const venueIds = scope === 'venue' && venueId ? [venueId] : [];
      if (!existing) byPermission.set(permission, { permission, scope, venueIds });
      else if (SCOPE_RANK[scope] > SCOPE_RANK[existing.scope]) byPermission.set(permission, { permission, scope, venueIds });
      else if (scope === 'venue' && existing.scope === 'venue') existing.venueIds = [...new Set([...existing.venueIds, ...venueIds])];
    }
  }
  return [...byPermission.values()];
}

/** A machine client's grants: each permission at the scope `PERMISSIONS[p].tokenScope` fixes. */
export function grantsForToken(permissions: string[]): Grant[] {
  const grants: Grant[] = [];
  for (const p of permissions) {
    const scope = PERMISSIONS[p as Permission]?.tokenScope;
    if (scope) grants.push({ permission: p as Permission, scope, venueIds: [] });
  }
  return grants;
}

const SCOPE_RANK: Record<ScopeKind, number> = { venue: 0, organisation: 1, operation: 2 };

/** True when the actor holds the permission at all (any scope): the route-level check. */
export function hasPermission(actor: Actor, permission: Permission): boolean {
  return actor.grants.some((g) => g.permission === permission);
}

/** Whether the route's declared access admits this actor (null actor = anonymous). */
export function routeAdmits(access: RouteAccess, actor: Actor | null): 'ok' | 'unauthenticated' | 'forbidden' {
  if (access === 'public') return 'ok';
  if (!actor) return 'unauthenticated';
  // Applicants and staff never reach each other's routes.
  if (access === 'applicant') return actor.kind === 'applicant' ? 'ok' : 'forbidden';
  if (actor.kind === 'applicant') return 'forbidden';
  if (access === 'authenticated') return 'ok';
  return hasPermission(actor, access) ? 'ok' : 'forbidden';
}

/** True when the actor holds the permission with a scope that covers the target record. */
export function can(actor: Actor, permission: Permission, target: Target = {}): boolean {
  return actor.grants.some((g) => g.permission === permission && covers(g, actor, target));
}

function covers(grant: Grant, actor: Actor, target: Target): boolean {
  switch (grant.scope) {
    case 'operation':
      return true;
    case 'organisation':
      return target.organisationId != null && target.organisationId === actor.organisationId;
    case 'venue':
      return target.venueId != null && grant.venueIds.includes(target.venueId);
  }
}

/** Throws `access.denied` unless `can(actor, permission, target)`. */
export function requirePermission(actor: Actor, permission: Permission, target: Target = {}): void {
  if (!can(actor, permission, target)) throw denied();
}

/** What part of the data a list may show: everything, or only these organisations' / venues' records. */
export type ListScope = { all: true } | { all: false; organisationIds: string[]; venueIds: string[] };

/** The filter a list query applies for this permission; throws when the actor has none. */
export function listScope(actor: Actor, permission: Permission): ListScope {
  const grants = actor.grants.filter((g) => g.permission === permission);
  if (grants.length === 0) throw denied();
  if (grants.some((g) => g.scope === 'operation')) return { all: true };
  return {
    all: false,
    organisationIds: grants.some((g) => g.scope === 'organisation') && actor.organisationId ? [actor.organisationId] : [],
    venueIds: grants.flatMap((g) => (g.scope === 'venue' ? g.venueIds : [])),
  };
}

/** A record shared under explicit rules (intelligence, restricted incidents). */
export interface SharedRecord {
  ownerOrganisationId: string;
  distribution: Distribution;
  tlp: Tlp;
}

/**
 * Record-level visibility: the owner organisation always sees its records; others see a record when its
 * distribution reaches them (the whole operation, or a sharing group they belong to), and TLP:RED never
 * leaves the owner organisation (FIRST TLP 2.0: RED is for the named recipients only, who are managed
 * inside the owner's own distribution).
 */
export function canSeeRecord(actor: Actor, record: SharedRecord, sharingGroupsOfActorOrg: ReadonlySet<string>): boolean {
  if (actor.kind === 'system') return true;
  if (actor.organisationId === record.ownerOrganisationId) return true;
  if (record.tlp === 'RED') return false;
  switch (record.distribution.kind) {
    case 'organisation':
      return false;
    case 'operation':
      return true;
    case 'sharing_group':
      return sharingGroupsOfActorOrg.has(record.distribution.sharingGroupId);
  }
}

export const systemActor = (label: string): Actor => ({ kind: 'system', id: null, label, organisationId: null, grants: [] });
