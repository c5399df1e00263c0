/** When a gate needs attention: pure rules over its latest count and the crowd plan's expectation. */
import type { GateStatus } from '../../../common/contracts/operations.ts';

export interface GateThresholds {
  /** People waiting at a gate above which it is flagged (default 1,000). */
  queueAlert: number;
  /** A gate is behind plan when it has admitted less than this share of what the plan expected by now … */
  behindShare: number;
  /** … and the shortfall is at least this many people (so a quiet opening minute raises nothing). */
  behindMinimum: number;
}

export const DEFAULT_THRESHOLDS: GateThresholds = { queueAlert: 1000, behindShare: 0.8, behindMinimum: 300 };

/** The state of a gate from its latest count; `expected` null means the venue has no crowd plan yet. */
export function gateState(latest: { admitted: number; queueEstimate: number | null }, expected: number | null, th: GateThresholds = DEFAULT_THRESHOLDS): GateStatus['state'] {
  if (latest.queueEstimate !== null && latest.queueEstimate >= th.queueAlert) return 'queue';
  if (expected !== null && latest.admitted < expected * th.behindShare && expected - latest.admitted >= th.behindMinimum) return 'behind_plan';
  return 'ok';
}

/** Whether a change of state is one to raise an alert for (entering queue or behind plan). */
export const isAlertState = (s: GateStatus['state']): boolean => s === 'queue' || s === 'behind_plan';
