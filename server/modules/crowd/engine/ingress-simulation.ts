/**
 * Discrete-event simulation of match-day ingress, fan by fan: arrivals → gate → screening queue and
 * lanes → walk → turnstile queue and turnstiles → seated. Deterministic for a given seed.
 */
import { type CrowdScenario, DEFAULT_CROWD_SEED, type IngressResult } from '../../../../common/contracts/crowd-scenario.ts';
import { type GateQueueOutput, simulateGateQueue } from './gate-queue.ts';
import { type PreparedIngress, prepareIngress } from './ingress-preparation.ts';
import { type GateRun, summariseIngress } from './ingress-statistics.ts';
import { releaseKernelMemory } from './kernels.ts';

/** Options of an ingress run. */
export interface IngressOptions {
  /** Overrides the scenario's seed; default: the scenario's seed, else DEFAULT_CROWD_SEED. */
  readonly seed?: number | undefined;
}

/** An ingress run's result, the seed it used and warnings about the scenario. */
export interface IngressRun {
  readonly seed: number;
  readonly warnings: string[];
  readonly ingress: IngressResult;
}

/** The seed a run uses: the caller's, else the scenario's, else the documented default. */
export function resolveSeed(scenario: Pick<CrowdScenario, 'seed'>, seed?: number): number {
  return seed ?? scenario.seed ?? DEFAULT_CROWD_SEED;
}

/** Simulates every prepared gate (gates are independent once fans are assigned) and returns their runs. */
export function runPreparedGates(prepared: PreparedIngress): GateRun[] {
  const n = prepared.gates.reduce((s, g) => s + g.arrivals.length, 0);
  const start1 = new Float64Array(n);
  const arrival2 = new Float64Array(n);
  const start2 = new Float64Array(n);
  let offset = 0;
  return prepared.gates.map((gate) => {
    const m = gate.arrivals.length;
    const out: GateQueueOutput = {
      screeningStart: start1.subarray(offset, offset + m),
      turnstileArrival: arrival2.subarray(offset, offset + m),
      turnstileStart: start2.subarray(offset, offset + m),
    };
    offset += m;
    const lastTurnstileStart = simulateGateQueue(gate, out);
    return { gate, out, lastTurnstileStart };
  });
}

/** Simulates the ingress of a validated scenario and summarises it. */
export function simulateIngress(scenario: CrowdScenario, options: IngressOptions = {}): IngressRun {
  const seed = resolveSeed(scenario, options.seed);
  const prepared = prepareIngress(scenario, seed);
  const runs = runPreparedGates(prepared);
  const ingress = summariseIngress(scenario.attendance, runs);
  releaseKernelMemory();
  return { seed, warnings: prepared.warnings, ingress };
}
