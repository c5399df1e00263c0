/**
 * The planned admissions through a gate over time, from a stored simulation of the match: the run's
 * per-minute "fans inside" curve apportioned by the gate's share of the admitted fans. The engine keeps
 * no per-gate entry series, so within a minute a gate is assumed to admit in proportion to its total.
 */
import type { SimulationResult } from '../../../common/contracts/crowd-scenario.ts';

export interface GateCurve {
  /** Minute of kickoff-relative time of `inside[0]`'s minute start. */
  startMinute: number;
  /** Fans expected through the gate by the end of each minute. */
  cumulative: number[];
}

/** The gate's planned cumulative admissions, or null when the run has no such gate. */
export function gateCurve(sim: SimulationResult, gateId: string): GateCurve | null {
  const gate = sim.ingress.gates.find((g) => g.id === gateId);
  if (!gate || sim.ingress.admitted === 0) return null;
  const share = gate.admitted / sim.ingress.admitted;
  return { startMinute: sim.ingress.series.startMinute, cumulative: sim.ingress.series.inside.map((n) => n * share) };
}

/** Expected admitted by `minute` (kickoff-relative, fractional), interpolating within the minute. */
export function expectedAt(curve: GateCurve, minute: number): number {
  const i = minute - curve.startMinute;
  if (i <= 0) return 0;
  const last = curve.cumulative.length - 1;
  if (last < 0) return 0;
  if (i >= last + 1) return curve.cumulative[last]!;
  const whole = Math.floor(i);
  const before = whole === 0 ? 0 : curve.cumulative[whole - 1]!;
  const after = curve.cumulative[whole]!;
  return before + (after - before) * (i - whole);
}
