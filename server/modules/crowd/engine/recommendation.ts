/**
 * Recommends the fewest screening lanes per gate per time slot that keep the 95th-percentile wait
 * under a target and keep every fan who could be seated by kickoff from missing it because of a screening
 * queue, and the stewards
 * those lanes need (a static post at every lane and turnstile bank, plus one mobile steward per 250
 * spectators: SGSA stewarding guidance, REFERENCE.md §1).
 */
import type { CrowdScenario, LaneRecommendation } from '../../../../common/contracts/crowd-scenario.ts';
import { createGateQueueOutput, type GateQueueOutput, simulateGateQueue } from './gate-queue.ts';
import { type PreparedGate, prepareIngress } from './ingress-preparation.ts';
import { releaseKernelMemory } from './kernels.ts';
import { resolveSeed } from './ingress-simulation.ts';
import { percentileInPlace } from './percentile.ts';
import { compileSchedule } from './server-pool.ts';

/** Options of the lane recommendation; every figure has the default named in its comment. */
export interface RecommendationOptions {
  readonly seed?: number | undefined;
  /** Target for the 95th-percentile wait of the fans arriving in each slot (default 15 minutes). */
  readonly targetP95WaitMinutes?: number | undefined;
  /** Length of a staffing slot (default 15 minutes). */
  readonly slotMinutes?: number | undefined;
  /** Most lanes a gate can open (default 40). */
  readonly maxLanes?: number | undefined;
  /** Static stewards per open lane (default 1). */
  readonly stewardsPerLane?: number | undefined;
  /** Static stewards per turnstile bank, one bank per gate (default 1). */
  readonly stewardsPerTurnstileBank?: number | undefined;
  /** Spectators per mobile steward (default 250, SGSA). */
  readonly spectatorsPerMobileSteward?: number | undefined;
}

/**
 * Searches each gate on its own (with assignment fixed, gates do not interact), slot by slot from the
 * earliest: the fewest lanes for slot j, held for the rest of the day, such that every slot up to j
 * still meets the target; binary search on the lane count, since more lanes never delay a FIFO queue
 * whose service times are fixed per fan. Only fans arriving up to the end of slot j are simulated.
 */
export function recommendLanes(scenario: CrowdScenario, options: RecommendationOptions = {}): LaneRecommendation {
  const seed = resolveSeed(scenario, options.seed);
  const target = (options.targetP95WaitMinutes ?? 15) * 60;
  const slotMinutes = options.slotMinutes ?? 15;
  const maxLanes = options.maxLanes ?? 40;
  const prepared = prepareIngress(scenario, seed);

  let minArrival = Number.POSITIVE_INFINITY;
  let maxArrival = Number.NEGATIVE_INFINITY;
  for (const g of prepared.gates) {
    if (g.arrivals.length === 0) continue;
    minArrival = Math.min(minArrival, g.arrivals[0] as number);
    maxArrival = Math.max(maxArrival, g.arrivals[g.arrivals.length - 1] as number);
  }
  const slotSeconds = slotMinutes * 60;
  const firstSlot = Math.floor(minArrival / slotSeconds);
  const slotCount = Math.max(1, Math.floor(maxArrival / slotSeconds) - firstSlot + 1);
  const slotStartMinute = (j: number): number => (firstSlot + j) * slotMinutes;

  const gates = prepared.gates.map((gate) => recommendGate(gate, { target, slotSeconds, firstSlot, slotCount, maxLanes, slotStartMinute }));
  releaseKernelMemory();

  const perLane = options.stewardsPerLane ?? 1;
  const perBank = options.stewardsPerTurnstileBank ?? 1;
  const mobile = Math.ceil(scenario.attendance / (options.spectatorsPerMobileSteward ?? 250));
  const banks = prepared.gates.filter((g) => g.turnstiles.max > 0).length;
  const slots = Array.from({ length: slotCount }, (_, j) => {
    const lanes = gates.reduce((sum, g) => sum + (g.lanes[j] as number), 0);
    return { fromMinute: slotStartMinute(j), lanes, stewards: lanes * perLane + banks * perBank + mobile };
  });
  return {
    slotMinutes,
    targetP95WaitMinutes: target / 60,
    slots,
    peakStewards: Math.max(...slots.map((s) => s.stewards)),
    mobileStewards: mobile,
    gates: gates.map((g, i) => ({
      id: (prepared.gates[i] as PreparedGate).id,
      feasible: g.reason === null,
      reason: g.reason,
      schedule: g.lanes.map((lanes, j) => ({ fromMinute: slotStartMinute(j), lanes })),
      laneSlots: g.lanes.reduce((a, b) => a + b, 0),
      p95WaitMinutes: g.p95 / 60,
      lastEntryMinute: g.lastEntry === null ? null : g.lastEntry / 60,
    })),
  };
}

interface SlotPlan {
  readonly target: number;
  readonly slotSeconds: number;
  readonly firstSlot: number;
  readonly slotCount: number;
  readonly maxLanes: number;
  readonly slotStartMinute: (j: number) => number;
}

/** The lane schedule of one gate, whether it meets the target, and its resulting p95 wait and last entry. */
function recommendGate(
  gate: PreparedGate,
  plan: SlotPlan,
): { lanes: number[]; reason: string | null; p95: number; lastEntry: number | null } {
  const n = gate.arrivals.length;
  const lanes = new Array<number>(plan.slotCount).fill(0);
  if (n === 0) {
    lanes[plan.slotCount - 1] = 1;
    return { lanes, reason: null, p95: 0, lastEntry: null };
  }
  // Fans arriving in slot j are gate.arrivals[bounds[j], bounds[j + 1]).
  const bounds = new Int32Array(plan.slotCount + 1);
  for (let j = 0, i = 0; j < plan.slotCount; j++) {
    const end = (plan.firstSlot + j + 1) * plan.slotSeconds;
    while (i < n && ((gate.arrivals[i] as number) < end || j === plan.slotCount - 1)) i++;
    bounds[j + 1] = i;
  }
  const out = createGateQueueOutput(n);
  const scratch = new Float64Array(n);
  const failed = new Uint8Array(plan.slotCount);
  let reason: string | null = null;

  const run = (upTo: number, m: number): GateQueueOutput => {
    const view: GateQueueOutput = {
      screeningStart: out.screeningStart.subarray(0, m),
      turnstileArrival: out.turnstileArrival.subarray(0, m),
      turnstileStart: out.turnstileStart.subarray(0, m),
    };
    const changes = [];
    for (let j = 1; j <= upTo; j++) changes.push({ fromMinute: plan.slotStartMinute(j), count: lanes[j] as number });
    simulateGateQueue(
      {
        ...gate,
        arrivals: gate.arrivals.subarray(0, m),
        laneSeconds: gate.laneSeconds.subarray(0, m),
        extraSeconds: gate.extraSeconds === null ? null : gate.extraSeconds.subarray(0, m),
        lanes: compileSchedule(lanes[0] as number, changes),
      },
      view,
    );
    return view;
  };
  /** Whether every slot up to j (except those already known to fail) meets both criteria. */
  const meets = (j: number): boolean => {
    const m = bounds[j + 1] as number;
    const o = run(j, m);
    const fixed = gate.walkSeconds + gate.turnstileSeconds;
    for (let k = 0; k <= j; k++) {
      if (failed[k] === 1) continue;
      const lo = bounds[k] as number;
      const hi = bounds[k + 1] as number;
      if (hi === lo) continue;
      for (let i = lo; i < hi; i++) {
        const a = gate.arrivals[i] as number;
        const start2 = o.turnstileStart[i] as number;
        const screeningWait = (o.screeningStart[i] as number) - a;
        scratch[i] = screeningWait + start2 - (o.turnstileArrival[i] as number);
        // A fan who could be seated by kickoff with no queue must not miss kickoff because of a screening
        // queue (lanes cannot shorten the turnstile queue, so lateness from it alone is not counted here).
        if (screeningWait > 1e-9 && start2 + gate.turnstileSeconds > 1e-6) {
          const unqueued = a + (gate.laneSeconds[i] as number) + (gate.extraSeconds?.[i] ?? 0) + fixed;
          if (unqueued <= 0) return false;
        }
      }
      if (percentileInPlace(scratch, 95, lo, hi) > plan.target + 1e-6) return false;
    }
    return true;
  };

  for (let j = 0; j < plan.slotCount; j++) {
    lanes[j] = plan.maxLanes;
    if (!meets(j)) {
      failed[j] = 1;
      reason ??= `target not met from minute ${plan.slotStartMinute(j)} even with ${plan.maxLanes} lanes (turnstiles or arrivals too close to kickoff may limit)`;
      continue;
    }
    let lo = 0;
    let hi = plan.maxLanes;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      lanes[j] = mid;
      if (meets(j)) hi = mid;
      else lo = mid + 1;
    }
    lanes[j] = lo;
  }
  // The schedule must end with a lane open for stragglers.
  if ((lanes[plan.slotCount - 1] as number) < 1) lanes[plan.slotCount - 1] = 1;

  const o = run(plan.slotCount - 1, n);
  let lastEntry = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const start2 = o.turnstileStart[i] as number;
    scratch[i] = (o.screeningStart[i] as number) - (gate.arrivals[i] as number) + start2 - (o.turnstileArrival[i] as number);
    lastEntry = Math.max(lastEntry, start2 + gate.turnstileSeconds);
  }
  return { lanes, reason, p95: percentileInPlace(scratch, 95, 0, n), lastEntry };
}
