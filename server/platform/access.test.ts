import { describe, expect, it } from 'vitest';
import { ROLES, ROLE_NAMES } from '../../common/permissions.ts';
import { type Actor, can, canSeeRecord, grantsForRoles, grantsForToken, listScope, routeAdmits } from './access.ts';

const ORG_A = 'org-a';
const ORG_B = 'org-b';
const user = (roles: Parameters<typeof grantsForRoles>[0], organisationId = ORG_A): Actor => ({ kind: 'user', id: 'u', label: 'u', organisationId, roles, grants: grantsForRoles(roles), sessionId: null });

describe('grants', () => {
  it('every role grants only declared permissions, and venue roles are flagged', () => {
    for (const r of ROLE_NAMES) expect(Object.keys(ROLES[r].grants).length).toBeGreaterThan(0);
    expect(ROLES.venue_manager.needsVenue).toBe(true);
  });

  it('merges venue lists and lets the widest scope win', () => {
    const grants = grantsForRoles([
      { role: 'venue_manager', venueId: 'v1' },
      { role: 'venue_manager', venueId: 'v2' },
    ]);
    expect(grants.find((g) => g.permission === 'venue:update')).toEqual({ permission: 'venue:update', scope: 'venue', venueIds: ['v1', 'v2'] });
    const both = grantsForRoles([{ role: 'venue_manager', venueId: 'v1' }, { role: 'commander', venueId: null }]);
    expect(both.find((g) => g.permission === 'venue:update')?.scope).toBe('operation');
  });

  it('gives tokens only grantable permissions, at their fixed scope', () => {
    expect(grantsForToken(['venue:read', 'user:manage', 'nonsense'])).toEqual([{ permission: 'venue:read', scope: 'operation', venueIds: [] }]);
  });
});

describe('can', () => {
  const manager = user([{ role: 'venue_manager', venueId: 'v1' }]);
  const partner = user([{ role: 'partner_commander', venueId: null }]);

  it('checks venue scope', () => {
    expect(can(manager, 'venue:update', { venueId: 'v1' })).toBe(true);
    expect(can(manager, 'venue:update', { venueId: 'v2' })).toBe(false);
    expect(can(manager, 'venue:update')).toBe(false);
  });

  it('checks organisation scope', () => {
    expect(can(partner, 'user:read', { organisationId: ORG_A })).toBe(true);
    expect(can(partner, 'user:read', { organisationId: ORG_B })).toBe(false);
    expect(listScope(partner, 'user:read')).toEqual({ all: false, organisationIds: [ORG_A], venueIds: [] });
    expect(() => listScope(manager, 'user:read')).toThrow(/permission/);
  });

  it('admits routes: public, authenticated, permission', () => {
    expect(routeAdmits('public', null)).toBe('ok');
    expect(routeAdmits('authenticated', null)).toBe('unauthenticated');
    expect(routeAdmits('audit:read', partner)).toBe('forbidden');
    expect(routeAdmits('user:read', partner)).toBe('ok');
  });
});

describe('record distribution and TLP', () => {
  const reader = user([{ role: 'analyst', venueId: null }], ORG_B);
  const record = (distribution: Parameters<typeof canSeeRecord>[1]['distribution'], tlp: Parameters<typeof canSeeRecord>[1]['tlp'] = 'AMBER') => ({ ownerOrganisationId: ORG_A, distribution, tlp });

  it('owner organisation only', () => {
    expect(canSeeRecord(reader, record({ kind: 'organisation' }), new Set())).toBe(false);
    expect(canSeeRecord(user([], ORG_A), record({ kind: 'organisation' }), new Set())).toBe(true);
  });

  it('a named sharing group', () => {
    expect(canSeeRecord(reader, record({ kind: 'sharing_group', sharingGroupId: 'g1' }), new Set(['g1']))).toBe(true);
    expect(canSeeRecord(reader, record({ kind: 'sharing_group', sharingGroupId: 'g1' }), new Set(['g2']))).toBe(false);
  });

  it('the whole operation, except TLP:RED which never leaves the owner', () => {
    expect(canSeeRecord(reader, record({ kind: 'operation' }, 'GREEN'), new Set())).toBe(true);
    expect(canSeeRecord(reader, record({ kind: 'operation' }, 'RED'), new Set())).toBe(false);
  });
});
