/**
 * The crowd-flow engine: pure, deterministic for a seed, no I/O. Safe to run in a worker thread.
 */
export { ARRIVAL_PROFILES, apportion, generateArrivals, profilePoints } from './arrivals.ts';
export { checkCapacity, ENTRY_WINDOW_MINUTES } from './capacity-check.ts';
export {
  computeEgress,
  flowTimeMinutes,
  GREEN_GUIDE_RATES,
  NORMAL_EGRESS_TARGET_MINUTES,
  REALISTIC_RATE_PER_METRE_MINUTE,
  resolveRates,
} from './egress.ts';
export { createGateQueueOutput, type GateQueueInput, type GateQueueOutput, simulateGateQueue } from './gate-queue.ts';
export { DEFAULT_TURNSTILE_RATE_PER_HOUR, type PreparedGate, type PreparedIngress, prepareIngress } from './ingress-preparation.ts';
export { type IngressOptions, type IngressRun, resolveSeed, runPreparedGates, simulateIngress } from './ingress-simulation.ts';
export { type GateRun, summariseIngress } from './ingress-statistics.ts';
export { nearestRankIndex, percentileInPlace, selectInPlace } from './percentile.ts';
export { erlangC, mmcMeanWait } from './queueing-theory.ts';
export { createRandom, deriveSeed, type Random } from './random.ts';
export { type RecommendationOptions, recommendLanes } from './recommendation.ts';
export { simulateScenario } from './scenario-simulation.ts';
export { drawScreeningTimes, meanLaneSeconds, normalQuantile, type SecondarySearchSpec } from './screening-service.ts';
export { compileSchedule, createServerPool, type ServerPool, type ServerSchedule } from './server-pool.ts';
export { simulateTransitDispersal } from './transit.ts';
