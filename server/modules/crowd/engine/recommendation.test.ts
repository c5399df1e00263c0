import { describe, expect, it } from 'vitest';
import { CrowdScenario } from '../../../../common/contracts/crowd-scenario.ts';
import { lusailScenario } from './examples/lusail-scenario.ts';
import { simulateIngress } from './ingress-simulation.ts';
import { recommendLanes } from './recommendation.ts';

/** The scenario with each gate's lanes replaced by a recommended schedule. */
function withSchedule(scenario: CrowdScenario, schedules: Map<string, Array<{ fromMinute: number; lanes: number }>>): CrowdScenario {
  return {
    ...scenario,
    gates: scenario.gates.map((g) => {
      const [first, ...rest] = schedules.get(g.id) ?? [];
      return { ...g, screening: { ...g.screening, lanes: first?.lanes ?? 1, schedule: rest } };
    }),
  };
}

describe('lane recommendation', () => {
  const scenario = lusailScenario(12_000, 6);
  const rec = recommendLanes(scenario, { targetP95WaitMinutes: 10 });
  const schedules = new Map(rec.gates.map((g) => [g.id, g.schedule]));

  it('meets the target: simulated with the recommended schedules, every slot keeps p95 under 10 minutes', () => {
    expect(rec.gates.every((g) => g.feasible)).toBe(true);
    const { ingress } = simulateIngress(withSchedule(scenario, schedules));
    expect(ingress.p95WaitMinutes).toBeLessThanOrEqual(10);
    for (const g of rec.gates) expect(g.p95WaitMinutes).toBeLessThanOrEqual(10);
  });

  it('is minimal: one lane fewer in the busiest slot of a gate breaks the target or the kickoff deadline', () => {
    const gate = rec.gates[0];
    if (!gate) throw new Error('no gate');
    const busiest = gate.schedule.reduce((best, s, j) => (s.lanes > (gate.schedule[best]?.lanes ?? 0) ? j : best), 0);
    const fewer = gate.schedule.map((s, j) => (j === busiest ? { ...s, lanes: s.lanes - 1 } : s));
    const single = CrowdScenario.parse({
      ...scenario,
      gates: scenario.gates.filter((g) => g.id === gate.id).map((g) => ({ ...g, share: 1 })),
      attendance: simulateIngress(scenario).ingress.gates[0]?.assigned,
    });
    const { ingress } = simulateIngress(withSchedule(single, new Map([[gate.id, fewer]])));
    const seatedLate = ingress.inByKickoffShare < simulateIngress(withSchedule(single, new Map([[gate.id, gate.schedule]]))).ingress.inByKickoffShare;
    expect(ingress.p95WaitMinutes > 10 || seatedLate || ingress.series.maxWaitMinutes.some((w) => w > 10)).toBe(true);
  });

  it('counts stewards: one per lane and per turnstile bank, plus one mobile per 250 spectators (SGSA)', () => {
    expect(rec.mobileStewards).toBe(Math.ceil(12_000 / 250));
    for (const slot of rec.slots) expect(slot.stewards).toBe(slot.lanes + 6 + 48);
    expect(rec.peakStewards).toBe(Math.max(...rec.slots.map((s) => s.stewards)));
  });

  it('reports a gate it cannot fix with lanes (one turnstile for thousands of fans)', () => {
    const bad = CrowdScenario.parse({
      attendance: 3_000,
      arrivals: { kind: 'uniform', from: -60, to: -30 },
      gates: [{ id: 'G', share: 1, screening: { lanes: 1, service: { kind: 'fixed', seconds: 6 } }, turnstiles: { count: 1 } }],
    });
    const r = recommendLanes(bad, { maxLanes: 10 });
    expect(r.gates[0]?.feasible).toBe(false);
    expect(r.gates[0]?.reason).toMatch(/target not met/);
  });
});
