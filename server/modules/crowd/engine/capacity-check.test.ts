import { describe, expect, it } from 'vitest';
import { CapacityPlan } from '../../../../common/contracts/crowd-scenario.ts';
import { checkCapacity } from './capacity-check.ts';

describe('Green Guide capacity check (hand-computed)', () => {
  const plan = CapacityPlan.parse({
    venue: 'Hand example',
    emergencyEvacuationMinutes: 2.5,
    sections: [
      { id: 'North', seats: 10_000, physicalFactor: 0.95, safetyFactor: 0.9 },
      { id: 'South', seats: 8_000, physicalFactor: 1, safetyFactor: 1 },
      { id: 'East', seats: 4_000, physicalFactor: 1, safetyFactor: 1 },
    ],
    gates: [
      { id: 'G1', turnstiles: 10, sections: ['North'] },
      { id: 'G2', turnstiles: 20, sections: ['South'] },
      { id: 'G3', turnstiles: 10, sections: ['East'] },
    ],
    exits: [
      { id: 'X1', widthMetres: 20, kind: 'level', sections: ['North'] },
      { id: 'X2', widthMetres: 10, kind: 'stair', sections: ['South'] },
      { id: 'X3', widthMetres: 30, kind: 'level', sections: ['East'] },
    ],
  });
  const result = checkCapacity(plan);
  const section = (id: string) => result.sections.find((s) => s.id === id);

  it('North: holding 10,000 × min(0.95, 0.9) = 9,000; entry 10 × 660 = 6,600 limits', () => {
    expect(section('North')).toMatchObject({
      holding: 9_000,
      entry: 6_600,
      exit: 20 * 82 * 8, // 13,120
      emergencyEvacuation: 20 * 82 * 2.5, // 4,100
      final: 4_100,
      limitingFactor: 'emergency-evacuation',
    });
  });

  it('South: exit 10 m of stairs × 66 × 8 = 5,280 limits below holding 8,000 and entry 13,200', () => {
    expect(section('South')).toMatchObject({ holding: 8_000, entry: 13_200, exit: 5_280, emergencyEvacuation: 1_650 });
    expect(section('South')?.limitingFactor).toBe('emergency-evacuation');
  });

  it('East: holding 4,000 limits (entry 6,600, exit 19,680, emergency 6,150)', () => {
    expect(section('East')).toMatchObject({ holding: 4_000, entry: 6_600, exit: 19_680, emergencyEvacuation: 6_150, final: 4_000, limitingFactor: 'holding' });
  });

  it('the venue capacity is the sum of section finals, limited most by emergency evacuation', () => {
    expect(result.venue.final).toBe(4_100 + 1_650 + 4_000);
    expect(result.venue.holding).toBe(21_000);
    expect(result.venue.entry).toBe(40 * 660);
    expect(result.venue.limitingFactor).toBe('emergency-evacuation');
    expect(result.venue.limitedBy).toEqual({ 'emergency-evacuation': 2, holding: 1 });
  });

  it('with an 8-minute evacuation time the limiting factors become entry, exit and holding', () => {
    const r = checkCapacity({ ...plan, emergencyEvacuationMinutes: 8 });
    expect(r.sections.map((s) => [s.id, s.final, s.limitingFactor])).toEqual([
      ['North', 6_600, 'entry'],
      ['South', 5_280, 'exit'],
      ['East', 4_000, 'holding'],
    ]);
  });

  it('a gate serving two sections is shared in proportion to their holding capacities', () => {
    const shared = checkCapacity(
      CapacityPlan.parse({
        emergencyEvacuationMinutes: 8,
        sections: [
          { id: 'A', seats: 3_000, physicalFactor: 1, safetyFactor: 1 },
          { id: 'B', seats: 1_000, physicalFactor: 1, safetyFactor: 1 },
        ],
        gates: [{ id: 'G', turnstiles: 4, ratePerHour: 1_000, sections: ['A', 'B'] }],
        exits: [{ id: 'X', widthMetres: 10, kind: 'level', sections: ['A', 'B'] }],
      }),
    );
    expect(shared.sections.map((s) => s.entry)).toEqual([3_000, 1_000]);
    expect(shared.sections.map((s) => s.exit)).toEqual([4_920, 1_640]);
  });
});
