/**
 * Summaries of a simulated ingress: waits, percentiles, last entry, share seated at kickoff, and queue
 * lengths over time. Queue lengths are exact counts at every whole second (fans arrived minus fans
 * started, from difference arrays), reported as the peak within each minute.
 */
import type { GateIngressResult, IngressResult } from '../../../../common/contracts/crowd-scenario.ts';
import type { GateQueueOutput } from './gate-queue.ts';
import type { PreparedGate } from './ingress-preparation.ts';
import { allocate, f64, i32, kernels } from './kernels.ts';
import { nearestRankIndex } from './percentile.ts';

/** One simulated gate: its inputs and the per-fan times the simulation wrote. */
export interface GateRun {
  readonly gate: PreparedGate;
  readonly out: GateQueueOutput;
  /** The latest turnstile start (what simulateGateQueue returns). */
  readonly lastTurnstileStart: number;
}

/** Longest ingress summarised (30 days): beyond it the per-second queue arrays would be needlessly large. */
const MAX_HORIZON_SECONDS = 30 * 86_400;

/** How many gates `busiestGates` lists. */
const BUSIEST_GATES = 5;

/** Initial gate totals: nobody admitted yet, and the last entry before any time. */
const EMPTY_TOTALS = [0, 0, 0, 0, Number.NEGATIVE_INFINITY, 0];

/** Builds the ingress result from every gate's simulated fans. */
export function summariseIngress(attendance: number, runs: readonly GateRun[]): IngressResult {
  let total = 0;
  let minArrival = Number.POSITIVE_INFINITY;
  let maxEntry = Number.NEGATIVE_INFINITY;
  let maxArrival = Number.NEGATIVE_INFINITY;
  let largest = 0;
  // Loops over fans and seconds run in the kernels (wasm/statistics.ts): this function runs once per call.
  for (const { gate, lastTurnstileStart } of runs) {
    const n = gate.arrivals.length;
    total += n;
    largest = Math.max(largest, n);
    if (n === 0) continue;
    minArrival = Math.min(minArrival, gate.arrivals[0] as number);
    maxArrival = Math.max(maxArrival, gate.arrivals[n - 1] as number);
    if (lastTurnstileStart !== Number.POSITIVE_INFINITY) maxEntry = Math.max(maxEntry, lastTurnstileStart + gate.turnstileSeconds);
  }
  // The grid ends at the last entry, which follows every arrival when everyone gets in; when some never
  // do (possible only through the engine's API: a valid scenario always ends with lanes and turnstiles
  // open), it still reaches the last arrival, and the kernel counts later events at the sentinel.
  maxEntry = Math.max(maxEntry, maxArrival);

  const origin = Math.floor(minArrival);
  const horizon = Math.ceil(maxEntry) - origin + 2;
  if (horizon > MAX_HORIZON_SECONDS)
    throw new RangeError(
      `ingress would last ${Math.round(horizon / 86_400)} days: the scenario cannot admit its fans (too few lanes or turnstiles, or too low an arrival rate)`,
    );
  const startMinute = Math.floor(origin / 60);
  const minutes = Math.floor((origin + horizon - 1) / 60) - startMinute + 1;
  // Second k of the grid is time origin + k and lies in series minute ⌊(k + offset) / 60⌋: minute
  // boundaries are whole seconds, so a time's minute is its whole second's minute.
  const offset = origin - 60 * startMinute;

  // Kernel memory (wasm/statistics.ts): ±1 arrays over the grid's seconds (index `horizon` collects events
  // that never happen or fall beyond the grid) for the venue and the current gate, wait counts per bucket (exactly 0, or a whole
  // second: see countBucket) likewise, per-minute totals of the venue, every fan's wait, the selection's
  // scratch, one gate's fans and totals, and one sweep's per-minute peaks and maxima.
  const seconds = 4 * (horizon + 1);
  const perMinute = 8 * minutes;
  const fans = 8 * largest;
  const at = allocate({
    venueScreening: seconds,
    venueTurnstile: seconds,
    gateScreening: seconds,
    gateTurnstile: seconds,
    venueCounts: seconds,
    gateCounts: seconds,
    arrivalsByMinute: perMinute,
    entriesByMinute: perMinute,
    waitSumByMinute: perMinute,
    waitMaxByMinute: perMinute,
    waits: 8 * total,
    scratch: 8 * total,
    gateArrivals: fans,
    gateScreeningStart: fans,
    gateTurnstileArrival: fans,
    gateTurnstileStart: fans,
    totals: 8 * 6,
    screeningPeak: 4 * minutes,
    turnstilePeak: 4 * minutes,
    peak: 4 * minutes,
    maxima: 4 * 3,
  });
  // [admitted, in by kickoff, wait sum, max wait, last entry, 1 if a wait was not counted] of the current gate.
  const totals = f64(at.totals, 6);
  // [screening, turnstile, combined] largest peak of the last sweep.
  const maxima = i32(at.maxima, 3);
  const gateCounts = i32(at.gateCounts, horizon + 1);
  const gateEvents = [i32(at.gateScreening, horizon + 1), i32(at.gateTurnstile, horizon + 1)] as const;
  const gates: GateIngressResult[] = [];
  let allCounted = true;
  let admitted = 0;
  let inByKickoff = 0;
  let waitSum = 0;
  let waitMax = 0;
  let lastEntry = Number.NEGATIVE_INFINITY;
  let first = 0;
  for (const { gate, out } of runs) {
    const n = gate.arrivals.length;
    f64(at.gateArrivals, n).set(gate.arrivals);
    f64(at.gateScreeningStart, n).set(out.screeningStart);
    f64(at.gateTurnstileArrival, n).set(out.turnstileArrival);
    f64(at.gateTurnstileStart, n).set(out.turnstileStart);
    totals.set(EMPTY_TOTALS);
    // biome-ignore format: one call, its arguments in the order of the parameters
    kernels.accumulateFans(n, at.gateArrivals, at.gateScreeningStart, at.gateTurnstileArrival, at.gateTurnstileStart, gate.turnstileSeconds, origin, offset, horizon, at.gateScreening, at.gateTurnstile, at.venueScreening, at.venueTurnstile, at.waits + 8 * first, at.gateCounts, at.venueCounts, at.arrivalsByMinute, at.entriesByMinute, at.waitSumByMinute, at.waitMaxByMinute, at.totals);
    kernels.sweepMinutes(minutes, offset, horizon, at.gateScreening, at.gateTurnstile, at.screeningPeak, at.turnstilePeak, at.peak, at.maxima);
    const gateQueue = Array.from(i32(at.peak, minutes));
    // Fans never served were counted at the sentinel index; clear it for the next gate.
    gateEvents[0][horizon] = 0;
    gateEvents[1][horizon] = 0;
    const gAdmitted = totals[0] as number;
    const gIn = totals[1] as number;
    const gSum = totals[2] as number;
    const gMax = totals[3] as number;
    const gLast = totals[4] as number;
    const counted = totals[5] === 0;
    allCounted &&= counted;
    let p95 = 0;
    if (n > 0)
      p95 = counted
        ? kernels.selectByCounts(at.waits, first, first + n, at.gateCounts, nearestRankIndex(95, n), at.scratch)
        : kernels.selectInPlace(at.waits, first + nearestRankIndex(95, n), first, first + n);
    // Clear the gate's counts (none above its longest wait's bucket) for the next gate.
    gateCounts.fill(0, 0, Math.min(horizon, Math.floor(gMax) + 1) + 1);
    admitted += gAdmitted;
    inByKickoff += gIn;
    waitSum += gSum;
    if (gMax > waitMax) waitMax = gMax;
    if (gLast > lastEntry) lastEntry = gLast;
    gates.push({
      id: gate.id,
      assigned: n,
      admitted: gAdmitted,
      maxQueue: maxima[2] as number,
      maxScreeningQueue: maxima[0] as number,
      maxTurnstileQueue: maxima[1] as number,
      meanWaitMinutes: gAdmitted > 0 ? gSum / gAdmitted / 60 : 0,
      p95WaitMinutes: n > 0 ? p95 / 60 : 0,
      maxWaitMinutes: gMax / 60,
      firstArrivalMinute: n > 0 ? (gate.arrivals[0] as number) / 60 : null,
      lastEntryMinute: gAdmitted > 0 ? gLast / 60 : null,
      inByKickoffShare: n > 0 ? gIn / n : 0,
      queue: { startMinute, values: gateQueue },
    });
    first += n;
  }

  kernels.sweepMinutes(minutes, offset, horizon, at.venueScreening, at.venueTurnstile, at.screeningPeak, at.turnstilePeak, at.peak, at.maxima);
  const screeningQueue = Array.from(i32(at.screeningPeak, minutes));
  const turnstileQueue = Array.from(i32(at.turnstilePeak, minutes));
  const queue = Array.from(i32(at.peak, minutes));
  const maxQueue = maxima[2] as number;
  let p50 = 0;
  let p95 = 0;
  if (allCounted) {
    p50 = kernels.selectByCounts(at.waits, 0, total, at.venueCounts, nearestRankIndex(50, total), at.scratch);
    p95 = kernels.selectByCounts(at.waits, 0, total, at.venueCounts, nearestRankIndex(95, total), at.scratch);
  } else {
    // After selecting the median, every value from its index on is at least as large: the 95th
    // percentile is selected among those alone.
    const k50 = nearestRankIndex(50, total);
    p50 = kernels.selectInPlace(at.waits, k50, 0, total);
    p95 = kernels.selectInPlace(at.waits, nearestRankIndex(95, total), k50, total);
  }
  const byMinute = {
    arrivals: f64(at.arrivalsByMinute, minutes),
    entries: f64(at.entriesByMinute, minutes),
    waitSum: f64(at.waitSumByMinute, minutes),
    waitMax: f64(at.waitMaxByMinute, minutes),
  };

  // Per-minute series: a few hundred values, built in plain loops.
  const arrivals = new Array<number>(minutes);
  const entries = new Array<number>(minutes);
  const inside = new Array<number>(minutes);
  const meanWaitMinutes = new Array<number>(minutes);
  const maxWaitMinutes = new Array<number>(minutes);
  let cumulative = 0;
  for (let m = 0; m < minutes; m++) {
    const count = byMinute.arrivals[m] as number;
    arrivals[m] = count;
    entries[m] = byMinute.entries[m] as number;
    cumulative += byMinute.entries[m] as number;
    inside[m] = cumulative;
    meanWaitMinutes[m] = count > 0 ? (byMinute.waitSum[m] as number) / count / 60 : 0;
    maxWaitMinutes[m] = (byMinute.waitMax[m] as number) * (1 / 60);
  }

  const busiestGates = [...gates]
    .sort((x, y) => y.maxQueue - x.maxQueue || y.p95WaitMinutes - x.p95WaitMinutes)
    .slice(0, BUSIEST_GATES)
    .map((g) => ({ id: g.id, maxQueue: g.maxQueue, p95WaitMinutes: g.p95WaitMinutes }));

  return {
    attendance,
    admitted,
    firstArrivalMinute: minArrival / 60,
    lastEntryMinute: lastEntry / 60,
    meanWaitMinutes: admitted > 0 ? waitSum / admitted / 60 : 0,
    p50WaitMinutes: p50 / 60,
    p95WaitMinutes: p95 / 60,
    maxWaitMinutes: waitMax / 60,
    maxQueue,
    inByKickoffShare: inByKickoff / attendance,
    busiestGates,
    gates,
    series: { startMinute, queue, screeningQueue, turnstileQueue, arrivals, entries, inside, meanWaitMinutes, maxWaitMinutes },
  };
}
