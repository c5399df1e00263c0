import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS, gateState, isAlertState } from './telemetry.rules.ts';

describe('gate state', () => {
  it('flags a queue at or above the threshold', () => {
    expect(gateState({ admitted: 100, queueEstimate: DEFAULT_THRESHOLDS.queueAlert }, null)).toBe('queue');
    expect(gateState({ admitted: 100, queueEstimate: DEFAULT_THRESHOLDS.queueAlert - 1 }, null)).toBe('ok');
  });
  it('without a plan a gate is never behind plan', () => {
    expect(gateState({ admitted: 0, queueEstimate: null }, null)).toBe('ok');
  });
  it('behind plan needs both the share and the minimum shortfall', () => {
    expect(gateState({ admitted: 700, queueEstimate: null }, 1000)).toBe('behind_plan');
    expect(gateState({ admitted: 850, queueEstimate: null }, 1000)).toBe('ok');
    expect(gateState({ admitted: 100, queueEstimate: null }, 300)).toBe('ok');
  });
  it('alerts on queue and behind plan only', () => {
    expect(['ok', 'queue', 'behind_plan', 'no_data'].filter((s) => isAlertState(s as never))).toEqual(['queue', 'behind_plan']);
  });
});
