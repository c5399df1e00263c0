/**
 * Summaries of a simulated ingress: waits, percentiles, last entry, share seated at kickoff, and queue
 * lengths over time. Queue lengths are exact counts at every whole second (fans arrived minus fans
 * started, from difference arrays), reported as the peak within each minute.
 */
import type { GateIngressResult, IngressResult } from '../../../../common/contracts/crowd-scenario.ts';
import type { GateQueueOutput } from './gate-queue.ts';
import type { PreparedGate } from './ingress-preparation.ts';
import { nearestRankIndex, percentileInPlace, selectByCounts, selectInPlace } from './percentile.ts';

/** One simulated gate: its inputs and the per-fan times the simulation wrote. */
export interface GateRun {
  readonly gate: PreparedGate;
  readonly out: GateQueueOutput;
  /** The latest turnstile start (what simulateGateQueue returns). */
  readonly lastTurnstileStart: number;
}

/**
 * The whole-second grid of the run. Second index k is time origin + k and lies in series minute
 * ⌊(k + offset) / 60⌋, where offset = origin − 60 · startMinute (0 … 59): minute boundaries are whole
 * seconds, so a time's minute is its whole second's minute.
 */
interface Grid {
  readonly origin: number;
  readonly offset: number;
  readonly horizon: number;
  readonly minutes: number;
}

/** Per-minute accumulators, by arrival minute (arrivals, waits) or entry minute (entries). */
interface MinuteTotals {
  readonly arrivals: Float64Array;
  readonly entries: Float64Array;
  readonly waitSum: Float64Array;
  readonly waitMax: Float64Array;
}

/** ±1 difference arrays over the grid's seconds (index `horizon` collects fans never served). */
interface QueueEvents {
  readonly screening: Int32Array;
  readonly turnstile: Int32Array;
}

/** How many waits fall in each bucket (exactly 0, or a whole second: see countBucket), for the current gate and for the venue. */
interface WaitCounts {
  readonly gate: Int32Array;
  readonly venue: Int32Array;
}

/**
 * Fans per call of the per-fan and per-minute kernels: V8 then optimises each small kernel once, as a
 * whole function with type feedback from earlier calls, instead of an on-stack-replacement copy of one
 * long first call plus a second compilation for the next gate; that JIT work is most of a cold run.
 */
const FANS_PER_CALL = 64;
const MINUTES_PER_CALL = 4;

/**
 * One pass over fans [from, to) of a gate: each fan's wait (into `waits` at `offset`, and counted in
 * `waitCounts` for the percentiles), the gate's running totals [admitted, in by kickoff,
 * wait sum, max wait, last entry, waits not counted], the venue's per-minute accumulators, and ±1 at the
 * first whole second at or after each queue event, for the gate and for the venue.
 */
function accumulateFans(
  from: number,
  to: number,
  arrivals: Float64Array,
  out: GateQueueOutput,
  turnstileSeconds: number,
  grid: Grid,
  gate: QueueEvents,
  venue: QueueEvents,
  waits: Float64Array,
  offset: number,
  waitCounts: WaitCounts,
  byMinute: MinuteTotals,
  totals: Float64Array,
): void {
  const { origin, offset: minuteOffset, horizon } = grid;
  const s1 = out.screeningStart;
  const a2 = out.turnstileArrival;
  const s2 = out.turnstileStart;
  const gs = gate.screening;
  const gt = gate.turnstile;
  const vs = venue.screening;
  const vt = venue.turnstile;
  const { arrivals: arrivalsByMinute, entries: entriesByMinute, waitSum: waitSumByMinute, waitMax: waitMaxByMinute } = byMinute;
  const { gate: gateCounts, venue: venueCounts } = waitCounts;
  let admitted = totals[0] as number;
  let inByKickoff = totals[1] as number;
  let sum = totals[2] as number;
  let max = totals[3] as number;
  let last = totals[4] as number;
  for (let i = from; i < to; i++) {
    const a = arrivals[i] as number;
    const start = s1[i] as number;
    const arrive2 = a2[i] as number;
    const start2 = s2[i] as number;
    // Never-served fans (infinite times) leave their queue at the sentinel index `horizon`. Offsets are
    // taken before rounding (t − origin ≥ 0) so no −0 reaches an index.
    let k = Math.ceil(a - origin);
    gs[k] = (gs[k] as number) + 1;
    vs[k] = (vs[k] as number) + 1;
    k = start === Number.POSITIVE_INFINITY ? horizon : Math.ceil(start - origin);
    gs[k] = (gs[k] as number) - 1;
    vs[k] = (vs[k] as number) - 1;
    if (arrive2 !== Number.POSITIVE_INFINITY) {
      k = Math.ceil(arrive2 - origin);
      gt[k] = (gt[k] as number) + 1;
      vt[k] = (vt[k] as number) + 1;
      k = start2 === Number.POSITIVE_INFINITY ? horizon : Math.ceil(start2 - origin);
      gt[k] = (gt[k] as number) - 1;
      vt[k] = (vt[k] as number) - 1;
    }
    const w = start - a + (start2 - arrive2);
    waits[offset + i] = w;
    // A wait lies within the run, so below the horizon, unless a fan is never served.
    if (w < horizon) {
      // Its bucket (countBucket, written out so the kernel calls no helper): 0 for exactly 0, else ⌊w⌋ + 1.
      const b = w > 0 ? Math.floor(w) + 1 : 0;
      gateCounts[b] = (gateCounts[b] as number) + 1;
      venueCounts[b] = (venueCounts[b] as number) + 1;
    } else totals[5] = 1;
    const am = ((Math.floor(a - origin) + minuteOffset) / 60) | 0;
    arrivalsByMinute[am] = (arrivalsByMinute[am] as number) + 1;
    const e = start2 + turnstileSeconds;
    if (e === Number.POSITIVE_INFINITY) continue;
    admitted++;
    sum += w;
    if (w > max) max = w;
    if (e > last) last = e;
    if (e <= 0) inByKickoff++;
    waitSumByMinute[am] = (waitSumByMinute[am] as number) + w;
    if (w > (waitMaxByMinute[am] as number)) waitMaxByMinute[am] = w;
    const em = ((Math.floor(e - origin) + minuteOffset) / 60) | 0;
    entriesByMinute[em] = (entriesByMinute[em] as number) + 1;
  }
  totals[0] = admitted;
  totals[1] = inByKickoff;
  totals[2] = sum;
  totals[3] = max;
  totals[4] = last;
}

/**
 * Turns minutes [from, to) of ±1 difference arrays into queue lengths at each whole second, zeroing the
 * arrays as it goes (so they can serve the next gate). Writes the peak within each minute of the
 * screening queue, the turnstile queue and both together; `state` carries the running
 * [screening, turnstile] queue and the peaks so far [screening, turnstile, combined].
 */
function sweepMinutes(
  from: number,
  to: number,
  grid: Grid,
  events: QueueEvents,
  state: Int32Array,
  screeningPeak: number[],
  turnstilePeak: number[],
  peak: number[],
): void {
  const { offset, horizon } = grid;
  const screening = events.screening;
  const turnstile = events.turnstile;
  let qs = state[0] as number;
  let qt = state[1] as number;
  let maxS = state[2] as number;
  let maxT = state[3] as number;
  let maxQ = state[4] as number;
  for (let m = from; m < to; m++) {
    const end = Math.min(horizon, 60 * m + 60 - offset);
    let ps = 0;
    let pt = 0;
    let pq = 0;
    for (let k = Math.max(0, 60 * m - offset); k < end; k++) {
      qs += screening[k] as number;
      qt += turnstile[k] as number;
      screening[k] = 0;
      turnstile[k] = 0;
      if (qs > ps) ps = qs;
      if (qt > pt) pt = qt;
      const q = qs + qt;
      if (q > pq) pq = q;
    }
    screeningPeak[m] = ps;
    turnstilePeak[m] = pt;
    peak[m] = pq;
    if (ps > maxS) maxS = ps;
    if (pt > maxT) maxT = pt;
    if (pq > maxQ) maxQ = pq;
  }
  state[0] = qs;
  state[1] = qt;
  state[2] = maxS;
  state[3] = maxT;
  state[4] = maxQ;
}

/** Longest ingress summarised (30 days): beyond it the per-second queue arrays would be needlessly large. */
const MAX_HORIZON_SECONDS = 30 * 86_400;

/** How many gates `busiestGates` lists. */
const BUSIEST_GATES = 5;

/** Initial gate totals: nobody admitted yet, and the last entry before any time. */
const EMPTY_TOTALS = [0, 0, 0, 0, Number.NEGATIVE_INFINITY, 0];

/** A plain array of n zeros (small integers, so V8 keeps it unboxed). */
function zeros(n: number): number[] {
  return new Array<number>(n).fill(0);
}

/** Builds the ingress result from every gate's simulated fans. */
export function summariseIngress(attendance: number, runs: readonly GateRun[]): IngressResult {
  let total = 0;
  let minArrival = Number.POSITIVE_INFINITY;
  let maxEntry = Number.NEGATIVE_INFINITY;
  // Loops over fans and seconds live in the kernels above: this function runs once per call.
  for (const { gate, lastTurnstileStart } of runs) {
    const n = gate.arrivals.length;
    total += n;
    if (n === 0) continue;
    minArrival = Math.min(minArrival, gate.arrivals[0] as number);
    if (lastTurnstileStart !== Number.POSITIVE_INFINITY) maxEntry = Math.max(maxEntry, lastTurnstileStart + gate.turnstileSeconds);
  }
  if (maxEntry === Number.NEGATIVE_INFINITY) maxEntry = minArrival;

  const origin = Math.floor(minArrival);
  const horizon = Math.ceil(maxEntry) - origin + 2;
  if (horizon > MAX_HORIZON_SECONDS)
    throw new RangeError(
      `ingress would last ${Math.round(horizon / 86_400)} days: the scenario cannot admit its fans (too few lanes or turnstiles, or too low an arrival rate)`,
    );
  const startMinute = Math.floor(origin / 60);
  const minutes = Math.floor((origin + horizon - 1) / 60) - startMinute + 1;
  const grid: Grid = { origin, offset: origin - 60 * startMinute, horizon, minutes };
  const venue: QueueEvents = { screening: new Int32Array(horizon + 1), turnstile: new Int32Array(horizon + 1) };
  const gateEvents: QueueEvents = { screening: new Int32Array(horizon + 1), turnstile: new Int32Array(horizon + 1) };
  const byMinute: MinuteTotals = {
    arrivals: new Float64Array(minutes),
    entries: new Float64Array(minutes),
    waitSum: new Float64Array(minutes),
    waitMax: new Float64Array(minutes),
  };
  const waits = new Float64Array(total);
  const gates: GateIngressResult[] = [];

  // [admitted, in by kickoff, wait sum, max wait, last entry, whether a wait was not counted] of the current gate.
  const totals = new Float64Array(6);
  const waitCounts: WaitCounts = { gate: new Int32Array(horizon + 1), venue: new Int32Array(horizon + 1) };
  let allCounted = true;
  // Values of the one whole second that holds a percentile.
  const scratch = new Float64Array(total);
  // [screening queue, turnstile queue, max screening, max turnstile, max combined] of the current sweep.
  const state = new Int32Array(5);
  const screeningScratch = zeros(minutes);
  const turnstileScratch = zeros(minutes);
  let admitted = 0;
  let inByKickoff = 0;
  let waitSum = 0;
  let waitMax = 0;
  let lastEntry = Number.NEGATIVE_INFINITY;
  let offset = 0;
  for (const { gate, out } of runs) {
    const n = gate.arrivals.length;
    totals.set(EMPTY_TOTALS);
    for (let from = 0; from < n; from += FANS_PER_CALL) {
      const to = Math.min(n, from + FANS_PER_CALL);
      accumulateFans(from, to, gate.arrivals, out, gate.turnstileSeconds, grid, gateEvents, venue, waits, offset, waitCounts, byMinute, totals);
    }
    const gateQueue = zeros(minutes);
    state.fill(0);
    for (let m = 0; m < minutes; m += MINUTES_PER_CALL)
      sweepMinutes(m, Math.min(minutes, m + MINUTES_PER_CALL), grid, gateEvents, state, screeningScratch, turnstileScratch, gateQueue);
    // Fans never served were counted at the sentinel index; clear it for the next gate.
    gateEvents.screening[horizon] = 0;
    gateEvents.turnstile[horizon] = 0;
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
        ? selectByCounts(waits, offset, offset + n, waitCounts.gate, nearestRankIndex(95, n), scratch)
        : percentileInPlace(waits, 95, offset, offset + n);
    // Clear the gate's counts (none above its longest wait's bucket) for the next gate.
    waitCounts.gate.fill(0, 0, Math.min(horizon, Math.floor(gMax) + 1) + 1);
    admitted += gAdmitted;
    inByKickoff += gIn;
    waitSum += gSum;
    if (gMax > waitMax) waitMax = gMax;
    if (gLast > lastEntry) lastEntry = gLast;
    gates.push({
      id: gate.id,
      assigned: n,
      admitted: gAdmitted,
      maxQueue: state[4] as number,
      maxScreeningQueue: state[2] as number,
      maxTurnstileQueue: state[3] as number,
      meanWaitMinutes: gAdmitted > 0 ? gSum / gAdmitted / 60 : 0,
      p95WaitMinutes: n > 0 ? p95 / 60 : 0,
      maxWaitMinutes: gMax / 60,
      firstArrivalMinute: n > 0 ? (gate.arrivals[0] as number) / 60 : null,
      lastEntryMinute: gAdmitted > 0 ? gLast / 60 : null,
      inByKickoffShare: n > 0 ? gIn / n : 0,
      queue: { startMinute, values: gateQueue },
    });
    offset += n;
  }

  const screeningQueue = zeros(minutes);
  const turnstileQueue = zeros(minutes);
  const queue = zeros(minutes);
  state.fill(0);
  for (let m = 0; m < minutes; m += MINUTES_PER_CALL)
    sweepMinutes(m, Math.min(minutes, m + MINUTES_PER_CALL), grid, venue, state, screeningQueue, turnstileQueue, queue);
  const maxQueue = state[4] as number;
  let p50 = 0;
  let p95 = 0;
  if (total > 0 && allCounted) {
    p50 = selectByCounts(waits, 0, total, waitCounts.venue, nearestRankIndex(50, total), scratch);
    p95 = selectByCounts(waits, 0, total, waitCounts.venue, nearestRankIndex(95, total), scratch);
  } else if (total > 0) {
    // After selecting the median, every value from its index on is at least as large: the 95th
    // percentile is selected among those alone.
    const k50 = nearestRankIndex(50, total);
    p50 = selectInPlace(waits, k50, 0, total);
    p95 = selectInPlace(waits, nearestRankIndex(95, total), k50, total);
  }

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
