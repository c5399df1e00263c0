import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createGateQueueOutput, simulateGateQueue } from './gate-queue.ts';
import { compileSchedule, createServerPool } from './server-pool.ts';

/** A small random gate: sorted arrivals, per-fan lane and off-lane times, lanes (maybe on a schedule), turnstiles. */
const gateArb = fc
  .record({
    gaps: fc.array(fc.double({ min: 0, max: 20, noNaN: true }), { minLength: 1, maxLength: 120 }),
    laneTimes: fc.array(fc.double({ min: 0.5, max: 30, noNaN: true }), { minLength: 120, maxLength: 120 }),
    extras: fc.array(fc.constantFrom(0, 0, 0, 45), { minLength: 120, maxLength: 120 }),
    lanes: fc.integer({ min: 1, max: 6 }),
    change: fc.option(fc.record({ minute: fc.integer({ min: 0, max: 20 }), lanes: fc.integer({ min: 1, max: 6 }) })),
    turnstiles: fc.integer({ min: 1, max: 4 }),
    walk: fc.integer({ min: 0, max: 90 }),
  })
  .map((g) => {
    const n = g.gaps.length;
    const arrivals = new Float64Array(n);
    let t = 0;
    g.gaps.forEach((gap, i) => {
      t += gap;
      arrivals[i] = t;
    });
    return {
      arrivals,
      laneSeconds: Float64Array.from(g.laneTimes.slice(0, n)),
      extraSeconds: Float64Array.from(g.extras.slice(0, n)),
      walkSeconds: g.walk,
      lanes: compileSchedule(g.lanes, g.change ? [{ fromMinute: g.change.minute, count: g.change.lanes }] : []),
      turnstiles: compileSchedule(g.turnstiles),
      turnstileSeconds: 3600 / 660,
      base: g.lanes,
      change: g.change,
    };
  });

describe('gate queue invariants (property-based)', () => {
  it('FIFO order, no negative waits, causality, and at most the open number of lanes busy', () => {
    fc.assert(
      fc.property(gateArb, (input) => {
        const n = input.arrivals.length;
        const out = createGateQueueOutput(n);
        simulateGateQueue(input, out);
        for (let i = 0; i < n; i++) {
          const a = input.arrivals[i] as number;
          const s1 = out.screeningStart[i] as number;
          const a2 = out.turnstileArrival[i] as number;
          const s2 = out.turnstileStart[i] as number;
          expect(s1).toBeGreaterThanOrEqual(a);
          if (i > 0) expect(s1).toBeGreaterThanOrEqual(out.screeningStart[i - 1] as number);
          expect(a2).toBeCloseTo(s1 + (input.laneSeconds[i] as number) + (input.extraSeconds[i] as number) + input.walkSeconds, 9);
          expect(s2).toBeGreaterThanOrEqual(a2);
        }
        // At any screening start, the fans in service (started, not finished) never exceed the lanes open.
        for (let i = 0; i < n; i++) {
          const t = out.screeningStart[i] as number;
          let busy = 0;
          for (let j = 0; j <= i; j++) {
            const s = out.screeningStart[j] as number;
            if (s <= t && s + (input.laneSeconds[j] as number) > t) busy++;
          }
          const open = input.change && t >= input.change.minute * 60 ? Math.max(input.change.lanes, 0) : input.base;
          // A lane closing at the change may still be finishing its fan: allow the larger of the two counts.
          expect(busy).toBeLessThanOrEqual(Math.max(open, input.base, input.change?.lanes ?? 0));
          if (!input.change) expect(busy).toBeLessThanOrEqual(input.base);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('one more lane never makes any fan start screening later (monotone in the number of lanes)', () => {
    fc.assert(
      fc.property(gateArb, (input) => {
        const n = input.arrivals.length;
        const fewer = createGateQueueOutput(n);
        const more = createGateQueueOutput(n);
        simulateGateQueue({ ...input, lanes: compileSchedule(input.base) }, fewer);
        simulateGateQueue({ ...input, lanes: compileSchedule(input.base + 1) }, more);
        for (let i = 0; i < n; i++) expect(more.screeningStart[i] as number).toBeLessThanOrEqual((fewer.screeningStart[i] as number) + 1e-9);
      }),
      { numRuns: 150 },
    );
  });

  it('gives exactly the times of a plain FIFO reference built on ServerPool (JavaScript), rings, heaps and schedules alike', () => {
    fc.assert(
      fc.property(gateArb, fc.boolean(), (input, equal) => {
        const n = input.arrivals.length;
        // With `equal`, every fan holds a lane equally long and no one is searched: the kernel uses a ring.
        const laneSeconds = equal ? new Float64Array(n).fill(input.laneSeconds[0] as number) : input.laneSeconds;
        const extraSeconds = equal ? null : input.extraSeconds;
        const out = createGateQueueOutput(n);
        const last = simulateGateQueue({ ...input, laneSeconds, extraSeconds }, out);

        // Reference: screening in arrival order; turnstiles in order of screening completion (ties: arrival order).
        const lanes = createServerPool(input.lanes, equal);
        const turnstiles = createServerPool(input.turnstiles, true);
        const start1 = new Float64Array(n);
        let previous = Number.NEGATIVE_INFINITY;
        for (let i = 0; i < n; i++) {
          previous = lanes.serve(Math.max(input.arrivals[i] as number, previous), laneSeconds[i] as number);
          start1[i] = previous;
        }
        const done = (i: number) => (start1[i] as number) + (laneSeconds[i] as number) + (extraSeconds ? (extraSeconds[i] as number) : 0);
        const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => done(x) - done(y) || x - y);
        let latest = Number.NEGATIVE_INFINITY;
        for (const i of order) {
          const a2 = done(i) + input.walkSeconds;
          latest = turnstiles.serve(a2, input.turnstileSeconds);
          expect(out.turnstileArrival[i]).toBe(a2);
          expect(out.turnstileStart[i]).toBe(latest);
        }
        expect(Array.from(out.screeningStart)).toEqual(Array.from(start1));
        expect(last).toBe(latest);
      }),
      { numRuns: 300 },
    );
  });
});
