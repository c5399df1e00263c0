/**
 * The two-stage queue of one gate, fan by fan: FIFO queue → screening lanes (outer perimeter) → walk →
 * FIFO queue → turnstiles (inner perimeter, FIFA Football Stadiums Guidelines) → seated.
 * Arrays in, arrays out, no per-event objects: fast enough for a million fans (see bench/crowd.bench.ts).
 */
import { createServerPool, type ServerPool, type ServerSchedule } from './server-pool.ts';

/** Everything one gate's simulation needs; arrivals sorted ascending, all times in seconds from kickoff. */
export interface GateQueueInput {
  readonly arrivals: Float64Array;
  /** Time each fan occupies a screening lane. */
  readonly laneSeconds: Float64Array;
  /** Time each fan spends after the lane without occupying it (secondary search beside the lane), or null. */
  readonly extraSeconds: Float64Array | null;
  readonly walkSeconds: number;
  readonly lanes: ServerSchedule;
  readonly turnstiles: ServerSchedule;
  /** Seconds per fan at a turnstile: 3600 / rate per hour (Green Guide maximum 660/h → 5.45 s). */
  readonly turnstileSeconds: number;
  /** Whether every lane time is the same, if the caller knows (otherwise the lane times are scanned). */
  readonly equalLaneTimes?: boolean | undefined;
}

/** Per-fan times written by the simulation, indexed like the arrivals. */
export interface GateQueueOutput {
  readonly screeningStart: Float64Array;
  readonly turnstileArrival: Float64Array;
  readonly turnstileStart: Float64Array;
}

/** Allocates output arrays for n fans. */
export function createGateQueueOutput(n: number): GateQueueOutput {
  return { screeningStart: new Float64Array(n), turnstileArrival: new Float64Array(n), turnstileStart: new Float64Array(n) };
}

/**
 * Fans are simulated in chunks of this many: V8 then optimises the step function once, as a whole, with
 * type feedback from earlier calls, instead of compiling an on-stack-replacement copy inside one long
 * first call and again (after a deoptimisation) for the next gate. It halves a cold run's JIT work.
 */
const CHUNK = 64;

/** State carried between chunks: the two server banks, the completion heap and the FIFO clock. */
interface QueueState {
  readonly lanes: ServerPool;
  readonly turnstiles: ServerPool;
  /** Min-heap of (screening completion time, fan index), ordered by time then index. */
  heapKeys: Float64Array;
  heapIds: Int32Array;
  heapSize: number;
  previousStart: number;
  lastTurnstileStart: number;
}

/**
 * Simulates every fan of one gate through screening and turnstiles and writes their times to `out`.
 * Screening completions reach the turnstile queue in completion order through a small min-heap; an
 * entry is released once the current screening start passes it, since no later fan can finish earlier.
 * Returns the latest turnstile start (FIFO: the last one), from which the last entry follows.
 */
export function simulateGateQueue(input: GateQueueInput, out: GateQueueOutput): number {
  const n = input.arrivals.length;
  const state: QueueState = {
    lanes: createServerPool(input.lanes, input.equalLaneTimes ?? isConstant(input.laneSeconds)),
    turnstiles: createServerPool(input.turnstiles, true),
    heapKeys: new Float64Array(256),
    heapIds: new Int32Array(256),
    heapSize: 0,
    previousStart: Number.NEGATIVE_INFINITY,
    lastTurnstileStart: Number.NEGATIVE_INFINITY,
  };
  for (let from = 0; from < n; from += CHUNK) step(input, out, state, from, Math.min(n, from + CHUNK), false);
  step(input, out, state, n, n, true);
  return state.lastTurnstileStart;
}

/**
 * Screens fans [from, to) and releases every completion that no later fan can precede to the
 * turnstiles; with `drain`, releases all remaining completions.
 */
function step(input: GateQueueInput, out: GateQueueOutput, state: QueueState, from: number, to: number, drain: boolean): void {
  const { arrivals, laneSeconds, extraSeconds, walkSeconds, turnstileSeconds } = input;
  const { lanes, turnstiles } = state;
  const start1 = out.screeningStart;
  const arrival2 = out.turnstileArrival;
  const start2 = out.turnstileStart;
  let heapKeys = state.heapKeys;
  let heapIds = state.heapIds;
  let heapSize = state.heapSize;
  let previousStart = state.previousStart;
  let lastTurnstileStart = state.lastTurnstileStart;
  // One loop with the drain folded in (i === to with `drain` releases everything), so that every
  // statement has run before the JIT optimises it.
  const end = drain ? to + 1 : to;
  for (let i = from; i < end; i++) {
    let s = Number.POSITIVE_INFINITY;
    let lane = 0;
    if (i < to) {
      lane = laneSeconds[i] as number;
      s = lanes.serve(Math.max(arrivals[i] as number, previousStart), lane);
      start1[i] = s;
      previousStart = s;
    }

    // Release every completion at or before s to the turnstiles, in completion order.
    while (heapSize > 0 && (heapKeys[0] as number) <= s) {
      const done = heapKeys[0] as number;
      const fan = heapIds[0] as number;
      heapSize--;
      if (heapSize > 0) siftDown(heapKeys, heapIds, heapSize, heapKeys[heapSize] as number, heapIds[heapSize] as number);
      const a2 = done + walkSeconds;
      arrival2[fan] = a2;
      lastTurnstileStart = turnstiles.serve(a2, turnstileSeconds);
      start2[fan] = lastTurnstileStart;
    }
    if (i === to) break;

    if (heapSize === heapKeys.length) {
      const k = new Float64Array(heapSize * 2);
      k.set(heapKeys);
      const d = new Int32Array(heapSize * 2);
      d.set(heapIds);
      heapKeys = k;
      heapIds = d;
    }
    const completion = s + lane + (extraSeconds === null ? 0 : (extraSeconds[i] as number));
    let j = heapSize++;
    while (j > 0) {
      const p = (j - 1) >> 1;
      const pk = heapKeys[p] as number;
      if (pk < completion || (pk === completion && (heapIds[p] as number) < i)) break;
      heapKeys[j] = pk;
      heapIds[j] = heapIds[p] as number;
      j = p;
    }
    heapKeys[j] = completion;
    heapIds[j] = i;
  }
  state.heapKeys = heapKeys;
  state.heapIds = heapIds;
  state.heapSize = heapSize;
  state.previousStart = previousStart;
  state.lastTurnstileStart = lastTurnstileStart;
}

/** Whether every value is the same (fixed service with no lane-blocking secondary search). */
function isConstant(values: Float64Array): boolean {
  const first = values[0];
  for (let i = 1; i < values.length; i++) if (values[i] !== first) return false;
  return true;
}

/** Places (key, id) from the root down a heap of `size` entries ordered by key then id. */
function siftDown(keys: Float64Array, ids: Int32Array, size: number, key: number, id: number): void {
  let i = 0;
  for (;;) {
    let c = 2 * i + 1;
    if (c >= size) break;
    const r = c + 1;
    if (r < size) {
      const rk = keys[r] as number;
      const ck = keys[c] as number;
      if (rk < ck || (rk === ck && (ids[r] as number) < (ids[c] as number))) c = r;
    }
    const ck = keys[c] as number;
    if (ck > key || (ck === key && (ids[c] as number) > id)) break;
    keys[i] = ck;
    ids[i] = ids[c] as number;
    i = c;
  }
  keys[i] = key;
  ids[i] = id;
}
