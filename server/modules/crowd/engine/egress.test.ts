import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeEgress, flowTimeMinutes, GREEN_GUIDE_RATES, REALISTIC_RATE_PER_METRE_MINUTE } from './egress.ts';
import { simulateTransitDispersal } from './transit.ts';

describe('egress by the Green Guide flow-rate method', () => {
  it('time = people ÷ (rate × width), exactly', () => {
    // 8,200 people through 10 m of level route at 82 p/(m·min): 8,200 / 820 = 10 minutes.
    expect(flowTimeMinutes(8_200, 10, 82)).toBe(10);
    const result = computeEgress(
      {
        routes: [
          { id: 'L', widthMetres: 10, kind: 'level', share: 0.5 },
          { id: 'S', widthMetres: 5, kind: 'stair', share: 0.25 },
          { id: 'R', widthMetres: 5, kind: 'ramp', share: 0.25 },
        ],
        emergencyEvacuationMinutes: 2.5,
      },
      26_400,
    );
    const [level, stair, ramp] = result.routes;
    expect(level?.minutes).toBe(13_200 / (82 * 10));
    expect(stair?.minutes).toBe(6_600 / (66 * 5)); // exactly 20
    expect(ramp?.minutes).toBe(6_600 / (82 * 5));
    expect(result.normalEgressMinutes).toBe(20);
    expect(result.meetsTarget).toBe(false);
    expect(result.targetMinutes).toBe(8);
    expect(stair?.realisticMinutes).toBe(6_600 / (60 * 5));
    expect(result.emergency).toEqual({ evacuationMinutes: 2.5, worstRouteMinutes: 20, meets: false });
  });

  it('uses the default rates 82 level/ramp and 66 stairs, and overrides when given', () => {
    expect(GREEN_GUIDE_RATES).toEqual({ level: 82, ramp: 82, stair: 66 });
    const r = computeEgress({ routes: [{ id: 'A', widthMetres: 2, kind: 'level', share: 1 }], ratePerMetreMinute: { level: 109 } }, 1_090);
    expect(r.routes[0]?.minutes).toBe(5);
    expect(r.meetsTarget).toBe(true);
  });

  it('lab bottleneck flows exceed the design rates (Seyfried et al. 2009; REFERENCE.md §2)', () => {
    // Width (m) → flow (p/s) from the bottleneck experiments; specific flow in p/(m·min) = 60 × flow / width.
    const seyfried: Array<[number, number]> = [[0.8, 1.29], [0.9, 1.67], [1.0, 1.9], [1.1, 2.12], [1.2, 2.36]];
    const series = [seyfried];
    // The shared data set, when present, holds more experiments in the same two columns.
    const dir = '/work/shared/data/crowd/bottleneck';
    if (existsSync(dir))
      for (const f of readdirSync(dir))
        series.push(
          readFileSync(`${dir}/${f}`, 'utf8')
            .trim()
            .split('\n')
            .map((line) => line.trim().split(/\s+/).map(Number) as [number, number]),
        );
    for (const points of series)
      for (const [width, flow] of points) {
        const specific = (60 * flow) / width;
        expect(specific).toBeGreaterThan(GREEN_GUIDE_RATES.level);
        expect(specific).toBeGreaterThan(REALISTIC_RATE_PER_METRE_MINUTE);
      }
  });
});

describe('transit dispersal', () => {
  it('trains every 3 minutes with 1,000 seats carry 6,000 metro riders in the sixth train (hand count)', () => {
    // Everyone is out of the stadium at once (egress 0) and at the station after 0 minutes; trains at 0, 3, 6, …
    const r = simulateTransitDispersal({ metro: { trainsPerHour: 20, peoplePerTrain: 1_000, share: 1 } }, 6_000, 0);
    expect(r.lastDepartureMinute).toBe(15);
    expect(r.departedByMinute.slice(0, 4)).toEqual([1_000, 1_000, 1_000, 2_000]);
    expect(r.departedByMinute.at(-1)).toBe(6_000);
  });

  it('buses leave when full and come back after the round trip', () => {
    // 10 buses × 50 seats, 30-minute round trip, 1,200 riders all waiting: loads at 0 (500), 30 (500), 60 (200).
    const r = simulateTransitDispersal({ buses: { count: 10, capacity: 50, roundTripMinutes: 30, share: 1 } }, 1_200, 0);
    expect(r.lastDepartureMinute).toBe(60);
    expect(r.departedByMinute[0]).toBe(500);
    expect(r.departedByMinute[30]).toBe(1_000);
    expect(r.departedByMinute[60]).toBe(1_200);
  });

  it('walkers leave with the egress flow; the curve ends with everyone gone', () => {
    const r = simulateTransitDispersal({ metro: { trainsPerHour: 30, peoplePerTrain: 1_000, share: 0.5, walkMinutes: 10 } }, 10_000, 8);
    expect(r.modes.find((m) => m.mode === 'walk')?.people).toBe(5_000);
    expect(r.departedByMinute[8]).toBeGreaterThanOrEqual(5_000);
    expect(r.departedByMinute.at(-1)).toBe(10_000);
    // The metro riders reach the station from minute 10 to 18; 2 trains a… every 2 minutes carry 1,000.
    expect(r.lastDepartureMinute).toBeGreaterThanOrEqual(18);
  });
});
