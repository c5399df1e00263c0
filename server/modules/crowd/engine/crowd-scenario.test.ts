// biome-ignore-all lint/suspicious/noExplicitAny: the edits deliberately break the scenario's types
import { describe, expect, it } from 'vitest';
import { CapacityPlan, CrowdScenario, describeIssues } from '../../../../common/contracts/crowd-scenario.ts';

const valid = {
  attendance: 1000,
  arrivals: { kind: 'uniform', from: -180, to: -30 },
  gates: [
    {
      id: 'G1',
      share: 0.5,
      screening: { lanes: 10, service: { kind: 'fixed', seconds: 6 }, secondary: { rate: 0.1, seconds: 45 } },
      walkSeconds: 60,
      turnstiles: { count: 12, ratePerHour: 660 },
    },
    { id: 'G2', share: 0.5, screening: { lanes: 4, service: { kind: 'lognormal', meanSeconds: 6, sdSeconds: 2 } }, turnstiles: { count: 6 } },
  ],
  egress: { routes: [{ id: 'E1', widthMetres: 3.2, kind: 'level', share: 1 }], ratePerMetreMinute: { level: 82, ramp: 82, stair: 66 } },
};

/** Applies `edit` to a deep copy of the valid scenario and returns the validation messages. */
function errorsOf(edit: (s: any) => void): string[] {
  const copy = structuredClone(valid);
  edit(copy);
  const r = CrowdScenario.safeParse(copy);
  return r.success ? [] : describeIssues(r.error);
}

describe('scenario validation names the field', () => {
  it('accepts the documented example', () => {
    expect(errorsOf(() => {})).toEqual([]);
  });

  it.each([
    ['negative lanes', (s: any) => (s.gates[1].screening.lanes = -1), 'gates[1].screening.lanes'],
    ['fractional attendance', (s: any) => (s.attendance = 10.5), 'attendance'],
    ['unknown arrival kind', (s: any) => (s.arrivals = { kind: 'gaussian' }), 'arrivals.kind'],
    ['window backwards', (s: any) => (s.arrivals.to = -200), 'arrivals.to'],
    ['shares not summing to 1', (s: any) => (s.gates[0].share = 0.7), 'gates: gate shares must sum to 1'],
    ['a typo in a gate field', (s: any) => (s.gates[0].walkSecond = 5), 'gates[0].walkSecond: unknown field'],
    ['missing service', (s: any) => delete s.gates[0].screening.service, 'gates[0].screening.service'],
    ['lognormal without sd', (s: any) => delete s.gates[1].screening.service.sdSeconds, 'gates[1].screening.service.sdSeconds'],
    ['secondary rate above 1', (s: any) => (s.gates[0].screening.secondary.rate = 1.5), 'gates[0].screening.secondary.rate'],
    ['duplicate gate id', (s: any) => (s.gates[1].id = 'G1'), 'gates[1].id: duplicate id'],
    ['bad route kind', (s: any) => (s.egress.routes[0].kind = 'escalator'), 'egress.routes[0].kind'],
    ['emergency time over 8', (s: any) => (s.egress.emergencyEvacuationMinutes = 9), 'egress.emergencyEvacuationMinutes'],
    ['profile going down', (s: any) => (s.arrivals = { kind: 'profile', points: [[-240, 0], [-120, 0.6], [-60, 0.4], [0, 1]] }), 'arrivals.points[2][1]'],
    ['profile not ending at 1', (s: any) => (s.arrivals = { kind: 'profile', points: [[-240, 0], [0, 0.9]] }), 'arrivals.points[1][1]'],
    ['schedule that closes the gate for good', (s: any) => (s.gates[0].screening.schedule = [{ fromMinute: -60, lanes: 0 }]), 'gates[0].screening.schedule[0].lanes'],
    ['zero turnstiles', (s: any) => (s.gates[0].turnstiles.count = 0), 'gates[0].turnstiles.count'],
    ['a section naming an unknown gate', (s: any) => (s.sections = [{ id: 'S', share: 1, gates: ['G9'] }]), 'sections[0].gates[0]'],
  ])('%s', (_name, edit, expected) => {
    expect(errorsOf(edit).join('\n')).toContain(expected);
  });

  it('accepts a named profile and rejects an unknown one', () => {
    expect(errorsOf((s) => (s.arrivals = { kind: 'profile', name: 'late-surge' }))).toEqual([]);
    expect(errorsOf((s) => (s.arrivals = { kind: 'profile', name: 'very-late' })).join()).toContain('arrivals.name');
  });

  it('capacity plans: unknown section, emergency time out of range', () => {
    const r = CapacityPlan.safeParse({
      emergencyEvacuationMinutes: 1,
      sections: [{ id: 'A', seats: 100, physicalFactor: 1, safetyFactor: 1 }],
      gates: [{ id: 'G', turnstiles: 1, sections: ['B'] }],
      exits: [{ id: 'X', widthMetres: 1, kind: 'level', sections: ['A'] }],
    });
    const messages = r.success ? '' : describeIssues(r.error).join('\n');
    expect(messages).toContain('emergencyEvacuationMinutes');
    expect(messages).toContain('gates[0].sections[0]: unknown section "B"');
  });
});
