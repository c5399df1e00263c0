import { describe, expect, it } from 'vitest';
import type { SimulationResult } from '../../../common/contracts/crowd-scenario.ts';
import { expectedAt, gateCurve } from './expected-curve.rules.ts';

const sim = {
  ingress: {
    admitted: 1000,
    gates: [
      { id: 'G1', admitted: 250 },
      { id: 'G2', admitted: 750 },
    ],
    series: { startMinute: -10, inside: [100, 400, 1000] },
  },
} as unknown as SimulationResult;

describe('expected admissions per gate', () => {
  it("apportions the run's inside curve by the gate's share", () => {
    expect(gateCurve(sim, 'G1')).toEqual({ startMinute: -10, cumulative: [25, 100, 250] });
    expect(gateCurve(sim, 'G9')).toBeNull();
  });

  it('interpolates within a minute and holds before and after the curve', () => {
    const c = gateCurve(sim, 'G2')!;
    expect(expectedAt(c, -20)).toBe(0);
    expect(expectedAt(c, -9.5)).toBeCloseTo(37.5);
    expect(expectedAt(c, -9)).toBe(75);
    expect(expectedAt(c, -8.5)).toBeCloseTo(187.5);
    expect(expectedAt(c, 30)).toBe(750);
  });
});
