import { describe, expect, it } from 'vitest';
import { createGateQueueOutput, type GateQueueInput, simulateGateQueue } from './gate-queue.ts';
import { generateArrivals } from './arrivals.ts';
import { erlangC, mmcMeanWait } from './queueing-theory.ts';
import { createRandom } from './random.ts';
import { compileSchedule } from './server-pool.ts';

/** Evenly spaced arrivals: t0, t0 + step, … (n of them). */
function regular(n: number, t0: number, step: number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => t0 + i * step);
}

function gate(overrides: Partial<GateQueueInput> & { arrivals: Float64Array; laneSeconds: Float64Array }): GateQueueInput {
  return {
    extraSeconds: null,
    walkSeconds: 0,
    lanes: compileSchedule(1),
    turnstiles: compileSchedule(100),
    turnstileSeconds: 1,
    ...overrides,
  };
}

describe('deterministic arrivals and fixed service (hand-computed)', () => {
  it('one lane at 3 s with a fan every 2 s: fan i waits i seconds and the queue grows by one every 6 s', () => {
    const n = 300;
    const t0 = -600;
    const input = gate({ arrivals: regular(n, t0, 2), laneSeconds: new Float64Array(n).fill(3) });
    const out = createGateQueueOutput(n);
    simulateGateQueue(input, out);
    for (let i = 0; i < n; i++) {
      // The lane is the bottleneck: fan i starts at t0 + 3i (FIFO, busy from the first arrival).
      expect(out.screeningStart[i]).toBe(t0 + 3 * i);
      // 100 turnstiles at 1 s each never queue: the turnstile wait is 0.
      expect(out.turnstileStart[i]).toBe(t0 + 3 * i + 3);
    }
    // Queue at t0 + s: arrivals so far (⌊s/2⌋ + 1) minus starts so far (⌊s/3⌋ + 1); at s = 6k that is k.
    const queueAt = (s: number) => out.screeningStart.filter((x) => x > t0 + s).length - input.arrivals.filter((a) => a > t0 + s).length;
    for (let k = 0; k < 99; k++) expect(queueAt(6 * k)).toBe(k);
  });

  it('one turnstile at 1,800/h (2 s) fed every 1 s after a 30 s walk: turnstile wait of fan i is i seconds', () => {
    const n = 120;
    const input = gate({
      arrivals: regular(n, -120, 1),
      laneSeconds: new Float64Array(n).fill(1),
      lanes: compileSchedule(100),
      walkSeconds: 30,
      turnstiles: compileSchedule(1),
      turnstileSeconds: 3600 / 1800,
    });
    const out = createGateQueueOutput(n);
    simulateGateQueue(input, out);
    for (let i = 0; i < n; i++) {
      expect(out.screeningStart[i]).toBe(-120 + i);
      expect(out.turnstileArrival[i]).toBe(-120 + i + 1 + 30);
      expect(out.turnstileStart[i]).toBe(-89 + 2 * i);
    }
  });

  it('two lanes at 5 s, a fan every 2 s: starts alternate 5k and 5k + 2 (heap path with a schedule, ring path without)', () => {
    const n = 200;
    for (const lanes of [compileSchedule(2), compileSchedule(2, [{ fromMinute: 100, count: 2 }])]) {
      const out = createGateQueueOutput(n);
      simulateGateQueue(gate({ arrivals: regular(n, 0, 2), laneSeconds: new Float64Array(n).fill(5), lanes }), out);
      for (let k = 0; 2 * k + 1 < n; k++) {
        expect(out.screeningStart[2 * k]).toBe(5 * k);
        expect(out.screeningStart[2 * k + 1]).toBe(5 * k + 2);
      }
    }
  });

  it('opening two more lanes at minute −9 drains the queue three at a time', () => {
    const n = 60;
    const out = createGateQueueOutput(n);
    simulateGateQueue(
      gate({ arrivals: regular(n, -600, 2), laneSeconds: new Float64Array(n).fill(3), lanes: compileSchedule(1, [{ fromMinute: -9, count: 3 }]) }),
      out,
    );
    // Until −540 the single lane serves fan i at −600 + 3i (fans 0–19); then three lanes start three fans every 3 s.
    for (let i = 0; i < 20; i++) expect(out.screeningStart[i]).toBe(-600 + 3 * i);
    expect([out.screeningStart[20], out.screeningStart[21], out.screeningStart[22]]).toEqual([-540, -540, -540]);
    expect([out.screeningStart[23], out.screeningStart[24], out.screeningStart[25]]).toEqual([-537, -537, -537]);
    // Once the queue is gone (arrival later than the next free lane), fans start on arrival.
    expect(out.screeningStart[n - 1]).toBe(-600 + 2 * (n - 1));
  });

  it('closing lanes lets the current fan finish but starts nobody new on a closed lane', () => {
    const n = 10;
    const out = createGateQueueOutput(n);
    // Everyone arrives at 0; 2 lanes of 10 s until 15 s, then 1 lane.
    simulateGateQueue(
      gate({ arrivals: new Float64Array(n), laneSeconds: new Float64Array(n).fill(10), lanes: compileSchedule(2, [{ fromMinute: 0.25, count: 1 }]) }),
      out,
    );
    expect(Array.from(out.screeningStart)).toEqual([0, 0, 10, 10, 20, 30, 40, 50, 60, 70]);
  });

  it('a saturated lane screens 3600 / service seconds fans an hour', () => {
    const n = 2000;
    const out = createGateQueueOutput(n);
    simulateGateQueue(gate({ arrivals: new Float64Array(n), laneSeconds: new Float64Array(n).fill(6) }), out);
    const startedInFirstHour = out.screeningStart.filter((s) => s < 3600).length;
    expect(startedInFirstHour).toBe(3600 / 6);
  });
});

describe('random service against queueing theory (long runs, fixed seeds)', () => {
  /**
   * Mean screening-queue wait over `reps` independent runs of n fans each: Poisson arrivals at λ per
   * second and lane times from `laneTimes`. Averaging replications keeps the estimate's error near 1 %.
   */
  function meanScreeningWait(reps: number, n: number, lambda: number, lanes: number, laneTimes: (seed: number) => Float64Array): number {
    let total = 0;
    for (let r = 0; r < reps; r++) {
      const arrivals = new Float64Array(n);
      generateArrivals({ kind: 'poisson', ratePerMinute: lambda * 60, from: 0, to: 1 }, createRandom(1000 + r), arrivals);
      const out = createGateQueueOutput(n);
      simulateGateQueue(gate({ arrivals, laneSeconds: laneTimes(2000 + r), lanes: compileSchedule(lanes) }), out);
      let sum = 0;
      for (let i = 0; i < n; i++) sum += (out.screeningStart[i] as number) - (arrivals[i] as number);
      total += sum / n;
    }
    return total / reps;
  }

  const exponential = (n: number, mean: number) => (seed: number) => {
    const out = new Float64Array(n);
    createRandom(seed).fill(out);
    for (let i = 0; i < n; i++) out[i] = -mean * Math.log(out[i] as number);
    return out;
  };

  it('Erlang C helper matches textbook values: C(2, 1) = 1/3, and C(1, ρ) = ρ', () => {
    // M/M/2 with a = 1 Erlang: C = (a²/2!·c/(c−a)) / (1 + a + a²/2!·c/(c−a)) = 1/3.
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 12);
    expect(erlangC(1, 0.6)).toBeCloseTo(0.6, 12);
  });

  it('M/M/4 at 60 % load (6 s lanes, 0.4 fans/s): mean wait in queue within 3 % of Erlang C', () => {
    const n = 250_000;
    const simulated = meanScreeningWait(8, n, 0.4, 4, exponential(n, 6));
    const theory = mmcMeanWait(4, 0.4, 1 / 6);
    expect(theory).toBeCloseTo(1.0764, 3);
    expect(Math.abs(simulated - theory) / theory).toBeLessThan(0.03);
  });

  it('M/M/1 at 50 % load: mean wait within 3 % of ρ/(μ − λ)', () => {
    const n = 250_000;
    const simulated = meanScreeningWait(8, n, 1 / 12, 1, exponential(n, 6));
    const theory = 0.5 / (1 / 6 - 1 / 12);
    expect(mmcMeanWait(1, 1 / 12, 1 / 6)).toBeCloseTo(theory, 10);
    expect(Math.abs(simulated - theory) / theory).toBeLessThan(0.03);
  });

  it('M/D/1 at 60 % load (fixed 6 s): mean wait within 3 % of Pollaczek–Khinchine ρ·D / (2(1 − ρ))', () => {
    const n = 250_000;
    const simulated = meanScreeningWait(8, n, 0.1, 1, () => new Float64Array(n).fill(6));
    const theory = (0.6 * 6) / (2 * (1 - 0.6));
    expect(Math.abs(simulated - theory) / theory).toBeLessThan(0.03);
  });
});
