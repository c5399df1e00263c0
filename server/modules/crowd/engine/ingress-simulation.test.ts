import { describe, expect, it } from 'vitest';
import { CrowdScenario, DEFAULT_CROWD_SEED, type GateSpec } from '../../../../common/contracts/crowd-scenario.ts';
import { apportion } from './arrivals.ts';
import { lusailScenario } from './examples/lusail-scenario.ts';
import { prepareIngress } from './ingress-preparation.ts';
import type { PreparedGate } from './ingress-preparation.ts';
import { runPreparedGates, simulateIngress } from './ingress-simulation.ts';
import { summariseIngress } from './ingress-statistics.ts';
import { compileSchedule } from './server-pool.ts';
import { simulateScenario } from './scenario-simulation.ts';

function fixedGate(id: string, share: number, lanes: number, seconds: number, extra: Partial<GateSpec> = {}): GateSpec {
  return {
    id,
    share,
    screening: { lanes, service: { kind: 'fixed', seconds } },
    turnstiles: { count: 100, ratePerHour: 3600 },
    ...extra,
  };
}

describe('ingress simulation of a scenario', () => {
  it('regular arrivals every 2 s at one 3 s lane: last entry, waits and queue series exact to the second', () => {
    // 300 fans evenly over minutes −10 … 0: fan i arrives at −600 + 2i s, starts screening at −600 + 3i,
    // reaches the turnstile at −597 + 3i (no walk) and is in after 1 s: last entry −596 + 3·299 = 301 s.
    const scenario = CrowdScenario.parse({
      attendance: 300,
      arrivals: { kind: 'regular', from: -10, to: 0 },
      gates: [fixedGate('G1', 1, 1, 3)],
    });
    const { ingress } = simulateIngress(scenario);
    expect(ingress.lastEntryMinute * 60).toBeCloseTo(301, 9);
    expect(ingress.meanWaitMinutes * 60).toBeCloseTo(149.5, 9); // mean of 0 … 299 s
    expect(ingress.maxWaitMinutes * 60).toBeCloseTo(299, 9);
    expect(ingress.p95WaitMinutes * 60).toBeCloseTo(284, 9); // nearest rank: ⌈0.95·300⌉ = 285th smallest
    // Fans in by kickoff: −596 + 3i ≤ 0 ⇔ i ≤ 198, so 199 of 300.
    expect(ingress.inByKickoffShare).toBeCloseTo(199 / 300, 12);
    // Queue at −600 + s is ⌊s/2⌋ − ⌊s/3⌋; its peak within minute m (s = 60m … 60m + 59) is 10m + 10.
    const gate = ingress.gates[0];
    expect(gate?.queue.startMinute).toBe(-10);
    expect(gate?.queue.values.slice(0, 10)).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    expect(gate?.maxQueue).toBe(100);
    expect(gate?.lastEntryMinute).toBeCloseTo(301 / 60, 12);
    expect(ingress.series.inside.at(-1)).toBe(300);
  });

  it('is deterministic for a seed and changes with the seed', () => {
    const scenario = lusailScenario(20_000, 10);
    const a = simulateScenario(scenario, { seed: 5 });
    const b = simulateScenario(scenario, { seed: 5 });
    const c = simulateScenario(scenario, { seed: 6 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(c.ingress.meanWaitMinutes).not.toBe(a.ingress.meanWaitMinutes);
    expect(JSON.stringify(c.ingress.series.arrivals)).not.toBe(JSON.stringify(a.ingress.series.arrivals));
  });

  it('uses the scenario seed, else the documented default; an explicit seed overrides both', () => {
    const base = lusailScenario(2_000, 4);
    expect(simulateIngress(base).seed).toBe(DEFAULT_CROWD_SEED);
    expect(simulateIngress({ ...base, seed: 3 }).seed).toBe(3);
    expect(simulateIngress({ ...base, seed: 3 }, { seed: 9 }).seed).toBe(9);
  });

  it('admits exactly the attendance, split by share with the largest-remainder method', () => {
    expect(apportion(10, [1 / 3, 1 / 3, 1 / 3])).toEqual([4, 3, 3]);
    // 3.5, 1.75, 1.75: floors 3, 1, 1 and the two spare places go to the largest remainders (0.75, 0.75).
    expect(apportion(7, [0.5, 0.25, 0.25])).toEqual([3, 2, 2]);
    const scenario = CrowdScenario.parse({
      attendance: 1001,
      arrivals: { kind: 'uniform', from: -180, to: -30 },
      gates: [fixedGate('A', 0.5, 2, 6), fixedGate('B', 0.3, 2, 6), fixedGate('C', 0.2, 2, 6)],
    });
    const { ingress } = simulateIngress(scenario);
    expect(ingress.admitted).toBe(1001);
    expect(ingress.gates.map((g) => g.assigned)).toEqual([501, 300, 200]);
    expect(ingress.firstArrivalMinute).toBeGreaterThanOrEqual(-180);
  });

  it('Poisson arrivals: still N fans, arriving at the given rate from "from" (rate-driven)', () => {
    const scenario = CrowdScenario.parse({
      attendance: 30_000,
      arrivals: { kind: 'poisson', ratePerMinute: 200, from: -180, to: -30 },
      gates: [fixedGate('A', 0.5, 4, 6), fixedGate('B', 0.5, 4, 6)],
    });
    const prepared = prepareIngress(scenario, 1);
    expect(prepared.gates.reduce((s, g) => s + g.arrivals.length, 0)).toBe(30_000);
    // 15,000 fans per gate at 100/min take about 150 minutes: the last arrives near −30.
    for (const g of prepared.gates) expect((g.arrivals.at(-1) as number) / 60).toBeCloseTo(-30, -1);
    const late = prepareIngress({ ...scenario, arrivals: { kind: 'poisson', ratePerMinute: 100, from: -180, to: -30 } }, 1);
    expect(late.warnings.join()).toMatch(/after "to"/);
  });

  it('profile arrivals follow the cumulative curve', () => {
    const scenario = CrowdScenario.parse({
      attendance: 100_000,
      arrivals: { kind: 'profile', points: [[-240, 0], [-120, 0.4], [0, 1]] },
      gates: [fixedGate('A', 1, 40, 1)],
    });
    const arrivals = prepareIngress(scenario, 1).gates[0]?.arrivals as Float64Array;
    const byMinus120 = arrivals.filter((t) => t <= -120 * 60).length / arrivals.length;
    const byMinus60 = arrivals.filter((t) => t <= -60 * 60).length / arrivals.length;
    expect(byMinus120).toBeCloseTo(0.4, 2);
    expect(byMinus60).toBeCloseTo(0.7, 2);
    expect(arrivals[0]).toBeGreaterThanOrEqual(-240 * 60);
    expect(arrivals.at(-1)).toBeLessThanOrEqual(0);
  });

  it('by section with the shortest queue: fans spread over the section gates and wait less than with a fixed split', () => {
    const gates = [fixedGate('A', 0, 1, 6), fixedGate('B', 0, 1, 6), fixedGate('C', 0, 1, 6)].map(({ share: _, ...g }) => g);
    const base = {
      attendance: 1_500,
      arrivals: { kind: 'uniform', from: -30, to: 0 },
      gates,
    };
    const split = CrowdScenario.parse({ ...base, sections: [{ id: 'S', share: 1, gates: ['A', 'B', 'C'], split: [2, 1, 0] }] });
    const shortest = CrowdScenario.parse({ ...base, sections: [{ id: 'S', share: 1, gates: ['A', 'B', 'C'], choice: 'shortest-queue' }] });
    const s = simulateIngress(split).ingress;
    expect(s.gates.map((g) => g.assigned)).toEqual([1000, 500, 0]);
    const q = simulateIngress(shortest).ingress;
    expect(q.admitted).toBe(1500);
    for (const g of q.gates) expect(g.assigned).toBeGreaterThan(400);
    expect(q.p95WaitMinutes).toBeLessThan(s.p95WaitMinutes);
  });

  it('secondary search beside the lane delays the fan but not the lane; blocking it costs lane time', () => {
    const mk = (blocksLane: boolean) =>
      CrowdScenario.parse({
        attendance: 5_000,
        arrivals: { kind: 'uniform', from: -60, to: 0 },
        gates: [{ ...fixedGate('A', 1, 2, 6), screening: { lanes: 2, service: { kind: 'fixed', seconds: 6 }, secondary: { rate: 0.15, seconds: 45, blocksLane } } }],
      });
    const beside = simulateIngress(mk(false)).ingress;
    const blocking = simulateIngress(mk(true)).ingress;
    expect(blocking.meanWaitMinutes).toBeGreaterThan(beside.meanWaitMinutes * 2);
  });

  it('through the engine API, fans who never get in (a gate whose turnstiles never open) are summarised without harm to the other gates', () => {
    const scenario = CrowdScenario.parse({
      attendance: 600,
      arrivals: { kind: 'regular', from: -10, to: 0 },
      gates: [fixedGate('A', 0.5, 1, 1), fixedGate('B', 0.5, 1, 10)],
    });
    const prepared = prepareIngress(scenario, 1);
    const closed = prepared.gates[1] as PreparedGate;
    // Not a valid scenario (validation requires a schedule to end open), but the engine's API allows it.
    prepared.gates[1] = { ...closed, turnstiles: compileSchedule(0) };
    const both = summariseIngress(600, runPreparedGates(prepared));
    const alone = simulateIngress({ ...scenario, attendance: 300, gates: [fixedGate('A', 1, 1, 1)] }).ingress;
    expect(both.gates[1]).toMatchObject({ assigned: 300, admitted: 0, lastEntryMinute: null });
    expect(both.admitted).toBe(300);
    expect(both.gates[0]?.queue.values).toEqual(alone.gates[0]?.queue.values);
    // The grid ends at A's last entry, kickoff; B screens one fan every 10 s from −600 s, far beyond it,
    // and lets no one in. At kickoff fans 61…299 still wait for screening, fan 60 is in the lane and fans
    // 0…59 wait at the turnstiles (their later events, off the grid, are counted at the sentinel).
    expect(both.series.screeningQueue.at(-1)).toBe(239);
    expect(both.series.turnstileQueue.at(-1)).toBe(60);
  });
});
