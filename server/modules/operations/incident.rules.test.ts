import { describe, expect, it } from 'vitest';
import { INCIDENT_CATEGORIES, INCIDENT_STATUSES, type IncidentStatus } from '../../../common/contracts/operations.ts';
import { type Actor, grantsForRoles } from '../../platform/access.ts';
import { type Capacity, canRestrict, canSeeIncident, capacitiesOf, checkMove, isRestricted, MOVES, movesFrom } from './incident.rules.ts';

const ALBAYT = 'venue-al-bayt';
const LUSAIL = 'venue-lusail';
const HOST = 'org-host';
const DGSN = 'org-dgsn';
const user = (id: string, org: string, roles: { role: string; venueId: string | null }[]): Actor => ({ kind: 'user', id, label: id, organisationId: org, roles: roles as never, grants: grantsForRoles(roles as never), sessionId: null });
const commander = user('commander', HOST, [{ role: 'commander', venueId: null }]);
const venueManager = user('venue', HOST, [{ role: 'venue_manager', venueId: ALBAYT }]);
const officer = user('officer', DGSN, [{ role: 'officer', venueId: ALBAYT }]);
const partner = user('partner', DGSN, [{ role: 'partner_commander', venueId: null }]);
const analyst = user('analyst', 'org-dgst', [{ role: 'analyst', venueId: null }]);
const auditor = user('auditor', HOST, [{ role: 'auditor', venueId: null }]);

/** The lifecycle, written out once more by hand: every allowed move with who may make it. */
const EXPECTED: Record<string, Capacity[]> = {
  'reported>acknowledged': ['triage'],
  'acknowledged>dispatched': ['triage'],
  'acknowledged>resolved': ['triage'],
  'dispatched>on_scene': ['triage', 'assignee'],
  'dispatched>resolved': ['triage'],
  'on_scene>resolved': ['triage', 'assignee'],
  'resolved>closed': ['triage'],
  'resolved>acknowledged': ['triage'],
  'closed>acknowledged': ['triage'],
};

describe('incident lifecycle', () => {
  const capacitySets: [string, Set<Capacity>][] = [
    ['nobody', new Set()],
    ['triage', new Set(['triage'])],
    ['assignee', new Set(['assignee'])],
    ['triage+assignee', new Set(['triage', 'assignee'])],
  ];
  for (const from of INCIDENT_STATUSES) {
    for (const to of INCIDENT_STATUSES) {
      for (const [name, caps] of capacitySets) {
        const allowedBy = EXPECTED[`${from}>${to}`];
        const ok = allowedBy?.some((c) => caps.has(c)) ?? false;
        it(`${from} → ${to} by ${name}: ${ok ? 'allowed' : 'refused'}`, () => {
          const verdict = checkMove(from, to, caps, true);
          expect(verdict.ok).toBe(ok);
          if (!ok) expect(verdict.ok === false && verdict.reason).toBe(allowedBy === undefined ? 'no_such_move' : 'not_yours');
        });
      }
    }
  }

  it('the table has exactly the moves written above', () => {
    expect(Object.fromEntries(MOVES.map((m) => [`${m.from}>${m.to}`, [...m.by]]))).toEqual(EXPECTED);
  });

  it('marking dispatched needs someone dispatched; reopening is flagged', () => {
    expect(checkMove('acknowledged', 'dispatched', new Set(['triage']), false)).toEqual({ ok: false, reason: 'needs_assignment' });
    const reopen = checkMove('closed', 'acknowledged', new Set(['triage']), false);
    expect(reopen.ok && reopen.move.reopen).toBe(true);
  });

  it('every status can be reached from reported and every finished incident can be reopened', () => {
    const reach = new Set<IncidentStatus>(['reported']);
    for (let i = 0; i < 6; i++) for (const m of MOVES) if (reach.has(m.from)) reach.add(m.to);
    expect([...reach].sort()).toEqual([...INCIDENT_STATUSES].sort());
    expect(movesFrom('closed', new Set(['triage']), false)).toEqual(['acknowledged']);
    expect(movesFrom('dispatched', new Set(['assignee']), true)).toEqual(['on_scene']);
  });
});

describe('who may triage and who sees an incident', () => {
  const ordinary = (venueId = ALBAYT, organisationIds = [HOST]) => ({ venueId, organisationIds, restricted: false, assigneeUserIds: [] as string[] });

  it('terrorist threats are always restricted', () => {
    for (const c of INCIDENT_CATEGORIES) expect(isRestricted(c, false)).toBe(c === 'terrorist_threat');
    expect(isRestricted('medical', true)).toBe(true);
  });

  it('command triages everywhere, the venue manager only at their venue, officers and partners never', () => {
    expect(capacitiesOf(commander, LUSAIL, []).has('triage')).toBe(true);
    expect(capacitiesOf(venueManager, ALBAYT, []).has('triage')).toBe(true);
    expect(capacitiesOf(venueManager, LUSAIL, []).has('triage')).toBe(false);
    expect(capacitiesOf(officer, ALBAYT, []).size).toBe(0);
    expect(capacitiesOf(officer, ALBAYT, ['officer'])).toEqual(new Set(['assignee']));
    expect(capacitiesOf(partner, ALBAYT, []).size).toBe(0);
  });

  it('ordinary incidents: the venues one works at, or one’s organisation’s for a partner commander', () => {
    expect(canSeeIncident(commander, ordinary(LUSAIL))).toBe(true);
    expect(canSeeIncident(analyst, ordinary(LUSAIL))).toBe(true);
    expect(canSeeIncident(venueManager, ordinary())).toBe(true);
    expect(canSeeIncident(venueManager, ordinary(LUSAIL))).toBe(false);
    expect(canSeeIncident(officer, ordinary())).toBe(true);
    expect(canSeeIncident(officer, ordinary(LUSAIL))).toBe(false);
    expect(canSeeIncident(partner, ordinary(LUSAIL, [HOST]))).toBe(false);
    expect(canSeeIncident(partner, ordinary(LUSAIL, [HOST, DGSN]))).toBe(true);
    expect(canSeeIncident(auditor, ordinary())).toBe(false);
  });

  it('restricted incidents: command and intelligence only, plus a person command dispatched', () => {
    const restricted = { ...ordinary(ALBAYT, [HOST, DGSN]), restricted: true };
    expect(canSeeIncident(commander, restricted)).toBe(true);
    expect(canSeeIncident(analyst, restricted)).toBe(true);
    for (const a of [venueManager, officer, partner, auditor]) expect(canSeeIncident(a, restricted)).toBe(false);
    expect(canSeeIncident(officer, { ...restricted, assigneeUserIds: ['officer'] })).toBe(true);
  });
});

describe('restricting an incident after the report', () => {
  it('is for command and intelligence only, and never lifts a terrorist threat', () => {
    for (const category of INCIDENT_CATEGORIES) {
      const expected = category !== 'terrorist_threat';
      expect(canRestrict(commander, category, ALBAYT), category).toBe(expected);
      expect(canRestrict(analyst, category, LUSAIL), category).toBe(expected);
      for (const other of [venueManager, officer, partner, auditor]) expect(canRestrict(other, category, ALBAYT), `${other.label} ${category}`).toBe(false);
    }
  });
});
