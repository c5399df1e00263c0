import { describe, expect, it } from 'vitest';
import { CrowdPlanFile, isAssumed, VenuePlan } from '../../../common/contracts/crowd-plan.ts';
import { CapacityPlan, CrowdScenario, describeIssues } from '../../../common/contracts/crowd-scenario.ts';
import stadiums from '../../seed/data/qatar2022-stadiums.json' with { type: 'json' };
import { compareFigures, diffJson, isFrozen, nextStatus, planToCapacityPlan, planToScenario, seedPlan } from './crowd.rules.ts';
import { checkCapacity, simulateScenario } from './engine/index.ts';

const lusail = () => VenuePlan.parse(seedPlan({ name: 'Lusail Stadium', capacity: 88_966, metroStation: 'Lusail QNB', metroWalkable: true, shuttleRideMinutes: 10 }));
const setup = { attendance: 88_966, arrivals: { kind: 'profile' as const, name: 'late-surge' as const }, seed: 7, options: { assignment: 'split' as const } };

describe('seeded plans', () => {
  it.each(stadiums.map((s) => [s.name, s.tournamentCapacity] as const))('%s: sized to its capacity, valid, every block an assumption', (name, capacity) => {
    const plan = VenuePlan.parse(seedPlan({ name, capacity, metroStation: 'x', metroWalkable: true, shuttleRideMinutes: 10 }));
    expect(plan.sections.reduce((s, x) => s + x.seats, 0)).toBe(capacity);
    expect(plan.gates.length).toBeGreaterThanOrEqual(24);
    expect(Math.abs(plan.gates.length - capacity / 2000)).toBeLessThanOrEqual(4);
    for (const s of plan.sections) expect(s.gateIds.length).toBe(plan.gates.length / 8);
    for (const field of ['gates', 'gates[].screening', 'gates[].turnstiles', 'sections', 'exits', 'transit.metro', 'transit.shuttles']) expect(isAssumed(plan.assumptions, field)).toBe(true);
    const capacityResult = checkCapacity(CapacityPlan.parse(planToCapacityPlan(plan)));
    // Entry, exit and emergency capacities all cover the seats: the holding capacity (P = S = 1) limits.
    expect(capacityResult.venue.final).toBe(capacity);
    expect(capacityResult.venue.limitingFactor).toBe('holding');
  });

  it('Lusail has at least 40 gates and normal egress within the 8-minute Green Guide target', () => {
    const plan = lusail();
    expect(plan.gates.length).toBeGreaterThanOrEqual(40);
    const result = simulateScenario(CrowdScenario.parse(planToScenario(plan, setup)));
    expect(result.egress!.normalEgressMinutes).toBeLessThanOrEqual(8);
    expect(result.egress!.normalEgressMinutes).toBeGreaterThan(6.5);
    expect(result.ingress.admitted).toBe(88_966);
    expect(result.transit).not.toBeNull();
  });
});

describe('plan → scenario', () => {
  it('splits fans by seats, uses the sections gates, and passes the scenario contract', () => {
    const plan = lusail();
    const scenario = planToScenario(plan, setup);
    expect(CrowdScenario.safeParse(scenario).success).toBe(true);
    expect(scenario.sections!.reduce((s, x) => s + x.share, 0)).toBeCloseTo(1, 12);
    expect(scenario.sections![0]!.gates).toEqual(plan.sections[0]!.gateIds);
    expect(scenario.egress!.routes.reduce((s, x) => s + x.share, 0)).toBeCloseTo(1, 12);
    expect(scenario.gates[0]!.turnstiles.ratePerHour).toBe(660);
    expect(scenario.gates[0]!.screening.secondary).toEqual({ rate: 0.1, seconds: 45 });
  });

  it('splits a section among its exits by flow capacity, so its routes empty together', () => {
    const plan = lusail();
    const result = simulateScenario(CrowdScenario.parse(planToScenario(plan, setup)));
    const [level, stair] = result.egress!.routes;
    expect(level!.minutes).toBeCloseTo(stair!.minutes, 9);
  });

  it('applies the what-if options: lanes per gate, lane schedules, shortest queue, emergency time', () => {
    const plan = lusail();
    const s = planToScenario(plan, {
      ...setup,
      options: { assignment: 'shortest-queue', lanesPerGate: 9, laneSchedules: [{ gateId: 'G01', schedule: [{ fromMinute: -120, lanes: 3 }, { fromMinute: -60, lanes: 0 }] }], emergencyEvacuationMinutes: 4 },
    });
    expect(s.gates[1]!.screening.lanes).toBe(9);
    expect(s.gates[0]!.screening.schedule).toEqual([{ fromMinute: -120, lanes: 3 }, { fromMinute: -60, lanes: 9 }]);
    expect(s.sections![0]!.choice).toBe('shortest-queue');
    expect(s.egress!.emergencyEvacuationMinutes).toBe(4);
    expect(CrowdScenario.safeParse(s).success).toBe(true);
  });

  it('leaves emergency-only exits out of normal egress but counts them for evacuation capacity', () => {
    const plan = lusail();
    plan.exits.push({ id: 'EX1', name: 'Emergency', angle: 5, widthMetres: 4, kind: 'level', sectionIds: ['S1'], use: 'emergency-only' });
    expect(planToScenario(plan, setup).egress!.routes.some((r) => r.id === 'EX1')).toBe(false);
    const c = checkCapacity(CapacityPlan.parse(planToCapacityPlan(plan)));
    const s1 = c.sections.find((s) => s.id === 'S1')!;
    expect(s1.emergencyEvacuation).toBeGreaterThan(s1.exit);
  });
});

describe('plan contract', () => {
  it('names the field of every problem', () => {
    const plan = lusail() as unknown as Record<string, unknown> & { gates: { screening: { lanes: number } }[]; sections: { gateIds: string[] }[] };
    plan.gates[3]!.screening.lanes = -1;
    plan.sections[0]!.gateIds.push('NOPE');
    const r = CrowdPlanFile.safeParse({ format: 'tansiq.crowd-plan', formatVersion: 1, plan });
    expect(r.success).toBe(false);
    const lines = describeIssues(r.error!);
    expect(lines.some((l) => l.startsWith('plan.gates[3].screening.lanes:'))).toBe(true);
  });

  it('refuses unknown gate references and sections without a normal exit', () => {
    const plan = lusail();
    plan.sections[0]!.gateIds = ['NOPE'];
    plan.exits = plan.exits.filter((e) => !e.sectionIds.includes('S2'));
    const r = VenuePlan.safeParse(plan);
    const lines = describeIssues(r.error!);
    expect(lines).toContain('sections[0].gateIds[0]: unknown gate "NOPE"');
    expect(lines).toContain('sections[1].id: section "S2" has no normal exit route');
  });
});

describe('sign-off', () => {
  it('goes draft → venue_signed → approved, in that order only', () => {
    expect(nextStatus('draft', 'venue')).toBe('venue_signed');
    expect(nextStatus('venue_signed', 'command')).toBe('approved');
    expect(nextStatus('draft', 'command')).toEqual({ refused: 'the venue manager signs first' });
    expect(nextStatus('venue_signed', 'venue')).toHaveProperty('refused');
    expect(nextStatus('approved', 'venue')).toHaveProperty('refused');
    expect(nextStatus('approved', 'command')).toHaveProperty('refused');
  });

  it('freezes a version at the first signature', () => {
    expect(isFrozen('draft')).toBe(false);
    expect(isFrozen('venue_signed')).toBe(true);
    expect(isFrozen('approved')).toBe(true);
  });
});

describe('comparison', () => {
  it('lists the inputs that differ by path', () => {
    expect(diffJson({ seed: 1, options: { lanesPerGate: 4, assignment: 'split' } }, { seed: 1, options: { lanesPerGate: 6, assignment: 'split' } })).toEqual([
      { path: 'options.lanesPerGate', a: 4, b: 6 },
    ]);
  });

  it('puts figures side by side with their difference', () => {
    const plan = lusail();
    const capacity = checkCapacity(CapacityPlan.parse(planToCapacityPlan(plan)));
    const a = simulateScenario(CrowdScenario.parse(planToScenario(plan, setup)));
    const b = simulateScenario(CrowdScenario.parse(planToScenario(plan, { ...setup, options: { assignment: 'split', lanesPerGate: 2 } })));
    const { figures } = compareFigures({ simulation: a, recommendation: null, capacity }, { simulation: b, recommendation: null, capacity });
    const p95 = figures.find((f) => f.key === 'p95WaitMinutes')!;
    expect(p95.delta).toBeCloseTo(p95.b! - p95.a!, 12);
    expect(p95.b!).toBeGreaterThan(p95.a!);
  });
});
