/**
 * Summaries of a simulated ingress: waits, percentiles, last entry, share seated at kickoff, and queue
 * lengths over time. Queue lengths are exact counts at every whole second (fans arrived minus fans
 * started, from difference arrays), reported as the peak within each minute.
 */
import type { GateIngressResult, IngressResult } from '../../../../common/contracts/crowd-scenario.ts';
import type { GateQueueOutput } from './gate-queue.ts';
import type { PreparedGate } from './ingress-preparation.ts';
import { CHUNK } from './arrivals.ts';
import { percentileInPlace } from './percentile.ts';

/** One simulated gate: its inputs and the per-fan times the simulation wrote. */
export interface GateRun {
  readonly gate: PreparedGate;
  readonly out: GateQueueOutput;
  /** The latest turnstile start (what simulateGateQueue returns). */
  readonly lastTurnstileStart: number;
}

/** The whole-second grid of the run: second index k is time origin + k; minute 0 of series is startMinute. */
interface Grid {
  readonly origin: number;
  readonly horizon: number;
  readonly startMinute: number;
  /** Series minute index of each second index. */
  readonly minuteOf: Int32Array;
}

/** Venue-wide per-minute accumulators, by arrival minute (waits) or entry minute (entries). */
interface MinuteTotals {
  readonly arrivals: Float64Array;
  readonly entries: Float64Array;
  readonly waitSum: Float64Array;
  readonly waitMax: Float64Array;
}

/**
 * One pass over fans [from, to) of a gate: each fan's wait (into `waits` at `offset`), the gate's running
 * totals, the venue's per-minute accumulators, and ±1 at the first whole second at or after each queue
 * event. Called on chunks so that the JIT compiles it once, whole (see CHUNK in arrivals.ts).
 */
function accumulateFans(
  from: number,
  to: number,
  arrivals: Float64Array,
  out: GateQueueOutput,
  turnstileSeconds: number,
  grid: Grid,
  screening: Int32Array,
  turnstile: Int32Array,
  waits: Float64Array,
  offset: number,
  byMinute: MinuteTotals,
  totals: Float64Array,
): void {
  const { origin, horizon, minuteOf } = grid;
  const s1 = out.screeningStart;
  const a2 = out.turnstileArrival;
  const s2 = out.turnstileStart;
  const { arrivals: arrivalsByMinute, entries: entriesByMinute, waitSum: waitSumByMinute, waitMax: waitMaxByMinute } = byMinute;
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
    screening[k] = (screening[k] as number) + 1;
    k = start === Number.POSITIVE_INFINITY ? horizon : Math.ceil(start - origin);
    screening[k] = (screening[k] as number) - 1;
    if (arrive2 !== Number.POSITIVE_INFINITY) {
      k = Math.ceil(arrive2 - origin);
      turnstile[k] = (turnstile[k] as number) + 1;
      k = start2 === Number.POSITIVE_INFINITY ? horizon : Math.ceil(start2 - origin);
      turnstile[k] = (turnstile[k] as number) - 1;
    }
    const w = start - a + (start2 - arrive2);
    waits[offset + i] = w;
    // The minute of a time is the minute of its whole second (minute boundaries are whole seconds).
    const am = minuteOf[Math.floor(a - origin)] as number;
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
    const em = minuteOf[Math.floor(e - origin)] as number;
    entriesByMinute[em] = (entriesByMinute[em] as number) + 1;
  }
  totals[0] = admitted;
  totals[1] = inByKickoff;
  totals[2] = sum;
  totals[3] = max;
  totals[4] = last;
}

/**
 * Turns seconds [from, to) of a gate's ±1 difference arrays into queue lengths: adds them to the venue's
 * arrays and keeps the gate's peak combined queue within each minute in `queue`. `levels` carries the
 * running [screening, turnstile] queue and `peaks` the maxima [screening, turnstile, combined].
 */
function sweepQueues(
  from: number,
  to: number,
  screening: Int32Array,
  turnstile: Int32Array,
  venueScreening: Int32Array,
  venueTurnstile: Int32Array,
  minuteOf: Int32Array,
  queue: Float64Array,
  levels: Float64Array,
  peaks: Float64Array,
): void {
  let qs = levels[0] as number;
  let qt = levels[1] as number;
  let maxS = peaks[0] as number;
  let maxT = peaks[1] as number;
  let maxQ = peaks[2] as number;
  for (let k = from; k < to; k++) {
    qs += screening[k] as number;
    qt += turnstile[k] as number;
    venueScreening[k] = (venueScreening[k] as number) + qs;
    venueTurnstile[k] = (venueTurnstile[k] as number) + qt;
    maxS = Math.max(maxS, qs);
    maxT = Math.max(maxT, qt);
    const q = qs + qt;
    maxQ = Math.max(maxQ, q);
    const m = minuteOf[k] as number;
    queue[m] = Math.max(queue[m] as number, q);
  }
  levels[0] = qs;
  levels[1] = qt;
  peaks[0] = maxS;
  peaks[1] = maxT;
  peaks[2] = maxQ;
}

/** The series minute index of every second index of the grid. */
function minuteIndex(origin: number, horizon: number, startMinute: number): Int32Array {
  const minuteOf = new Int32Array(horizon);
  for (let from = 0; from < horizon; from += CHUNK) fillMinutes(minuteOf, from, Math.min(horizon, from + CHUNK), origin, startMinute);
  return minuteOf;
}

function fillMinutes(minuteOf: Int32Array, from: number, to: number, origin: number, startMinute: number): void {
  for (let k = from; k < to; k++) minuteOf[k] = Math.floor((origin + k) / 60) - startMinute;
}

/** Venue queues: the peak within each minute of each queue and of both together; returns the overall peak. */
function venuePeaks(
  screening: Int32Array,
  turnstile: Int32Array,
  minuteOf: Int32Array,
  screeningPeak: Float64Array,
  turnstilePeak: Float64Array,
  peak: Float64Array,
): number {
  let max = 0;
  for (let from = 0; from < screening.length; from += CHUNK) {
    const to = Math.min(screening.length, from + CHUNK);
    max = Math.max(max, venuePeaksChunk(from, to, screening, turnstile, minuteOf, screeningPeak, turnstilePeak, peak));
  }
  return max;
}

function venuePeaksChunk(
  from: number,
  to: number,
  screening: Int32Array,
  turnstile: Int32Array,
  minuteOf: Int32Array,
  screeningPeak: Float64Array,
  turnstilePeak: Float64Array,
  peak: Float64Array,
): number {
  let max = 0;
  for (let k = from; k < to; k++) {
    const m = minuteOf[k] as number;
    const s = screening[k] as number;
    const t = turnstile[k] as number;
    screeningPeak[m] = Math.max(screeningPeak[m] as number, s);
    turnstilePeak[m] = Math.max(turnstilePeak[m] as number, t);
    peak[m] = Math.max(peak[m] as number, s + t);
    max = Math.max(max, s + t);
  }
  return max;
}

/** A plain array of the values times `factor` (for JSON results), without the iterator protocol. */
function toArray(values: Float64Array, factor: number): number[] {
  const out = new Array<number>(values.length);
  for (let i = 0; i < values.length; i++) out[i] = (values[i] as number) * factor;
  return out;
}

/** Longest ingress summarised (30 days): beyond it the per-second queue arrays would be needlessly large. */
const MAX_HORIZON_SECONDS = 30 * 86_400;

/** How many gates `busiestGates` lists. */
const BUSIEST_GATES = 5;

/** Initial gate totals: nobody admitted yet, and the last entry before any time. */
const EMPTY_TOTALS = [0, 0, 0, 0, Number.NEGATIVE_INFINITY];

/** Builds the ingress result from every gate's simulated fans. */
export function summariseIngress(attendance: number, runs: readonly GateRun[]): IngressResult {
  let total = 0;
  let minArrival = Number.POSITIVE_INFINITY;
  let maxEntry = Number.NEGATIVE_INFINITY;
  // Loops over fans live in small helpers: this function runs once and should never need optimising.
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
  const venueScreening = new Int32Array(horizon);
  const venueTurnstile = new Int32Array(horizon);
  const gateScreening = new Int32Array(horizon + 1);
  const gateTurnstile = new Int32Array(horizon + 1);
  const arrivalsByMinute = new Float64Array(minutes);
  const entriesByMinute = new Float64Array(minutes);
  const waitSumByMinute = new Float64Array(minutes);
  const waitMaxByMinute = new Float64Array(minutes);
  const waits = new Float64Array(total);
  const gates: GateIngressResult[] = [];

  // [admitted, in by kickoff, wait sum, max wait, last entry] of the current gate.
  const totals = new Float64Array(5);
  // [max screening queue, max turnstile queue, max combined queue] of the current gate.
  const peaks = new Float64Array(3);
  const levels = new Float64Array(2);
  const gateQueue = new Float64Array(minutes);
  let admitted = 0;
  let inByKickoff = 0;
  let waitSum = 0;
  let waitMax = 0;
  let lastEntry = Number.NEGATIVE_INFINITY;
  let offset = 0;
  const minuteOf = minuteIndex(origin, horizon, startMinute);
  const grid: Grid = { origin, horizon, startMinute, minuteOf };
  const byMinute: MinuteTotals = { arrivals: arrivalsByMinute, entries: entriesByMinute, waitSum: waitSumByMinute, waitMax: waitMaxByMinute };
  for (const { gate, out } of runs) {
    const n = gate.arrivals.length;
    gateScreening.fill(0);
    gateTurnstile.fill(0);
    totals.set(EMPTY_TOTALS);
    for (let from = 0; from < n; from += CHUNK) {
      const to = Math.min(n, from + CHUNK);
      accumulateFans(from, to, gate.arrivals, out, gate.turnstileSeconds, grid, gateScreening, gateTurnstile, waits, offset, byMinute, totals);
    }
    gateQueue.fill(0);
    levels.fill(0);
    peaks.fill(0);
    for (let from = 0; from < horizon; from += CHUNK) {
      const to = Math.min(horizon, from + CHUNK);
      sweepQueues(from, to, gateScreening, gateTurnstile, venueScreening, venueTurnstile, minuteOf, gateQueue, levels, peaks);
    }
    const gAdmitted = totals[0] as number;
    const gIn = totals[1] as number;
    const gSum = totals[2] as number;
    const gMax = totals[3] as number;
    const gLast = totals[4] as number;
    admitted += gAdmitted;
    inByKickoff += gIn;
    waitSum += gSum;
    if (gMax > waitMax) waitMax = gMax;
    if (gLast > lastEntry) lastEntry = gLast;
    gates.push({
      id: gate.id,
      assigned: n,
      admitted: gAdmitted,
      maxQueue: peaks[2] as number,
      maxScreeningQueue: peaks[0] as number,
      maxTurnstileQueue: peaks[1] as number,
      meanWaitMinutes: gAdmitted > 0 ? gSum / gAdmitted / 60 : 0,
      p95WaitMinutes: n > 0 ? percentileInPlace(waits, 95, offset, offset + n) / 60 : 0,
      maxWaitMinutes: gMax / 60,
      firstArrivalMinute: n > 0 ? (gate.arrivals[0] as number) / 60 : null,
      lastEntryMinute: gAdmitted > 0 ? gLast / 60 : null,
      inByKickoffShare: n > 0 ? gIn / n : 0,
      queue: { startMinute, values: toArray(gateQueue, 1) },
    });
    offset += n;
  }

  const screeningQueue = new Float64Array(minutes);
  const turnstileQueue = new Float64Array(minutes);
  const queue = new Float64Array(minutes);
  const maxQueue = venuePeaks(venueScreening, venueTurnstile, minuteOf, screeningQueue, turnstileQueue, queue);
  const inside: number[] = [];
  let cumulative = 0;
  for (let m = 0; m < minutes; m++) {
    cumulative += entriesByMinute[m] as number;
    inside.push(cumulative);
  }
  const p50 = total > 0 ? percentileInPlace(waits, 50) : 0;
  const p95 = total > 0 ? percentileInPlace(waits, 95) : 0;

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
    series: {
      startMinute,
      queue: toArray(queue, 1),
      screeningQueue: toArray(screeningQueue, 1),
      turnstileQueue: toArray(turnstileQueue, 1),
      arrivals: toArray(arrivalsByMinute, 1),
      entries: toArray(entriesByMinute, 1),
      inside,
      meanWaitMinutes: Array.from(waitSumByMinute, (s, m) => {
        const count = arrivalsByMinute[m] as number;
        return count > 0 ? s / count / 60 : 0;
      }),
      maxWaitMinutes: toArray(waitMaxByMinute, 1 / 60),
    },
  };
}
