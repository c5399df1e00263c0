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
 * first call and again (after a deoptimisation) for the next gate.
 */
const CHUNK = 32;

/**
 * How a bank of servers (lanes or turnstiles) is served inside the step kernel. A constant count is
 * served right there, from an array of server free times: a ring when every service takes equally long
 * (the earliest free server is then the one that started c customers ago), else a min-heap; a count
 * that follows a schedule goes through a ServerPool (server-pool.ts). Written out in the kernel rather
 * than called, so that V8 compiles one function instead of the kernel plus each bank's method.
 */
const RING = 0;
const HEAP = 1;
const POOL = 2;

/** A bank's kind, its free times (ring or heap; unused for a pool) and its pool (schedules only). */
interface Bank {
  readonly kind: number;
  readonly free: Float64Array;
  readonly pool: ServerPool | null;
}

/** The bank for a schedule, as createServerPool would build it (same algorithm, same results). */
function bankFor(schedule: ServerSchedule, equalService: boolean): Bank {
  if (schedule.counts.length > 1) return { kind: POOL, free: new Float64Array(1), pool: createServerPool(schedule, equalService) };
  const count = schedule.counts[0] as number;
  // With no server at all nobody is ever served.
  const free = new Float64Array(Math.max(1, count)).fill(count > 0 ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY);
  return { kind: equalService ? RING : HEAP, free, pool: null };
}

/**
 * Simulates every fan of one gate through screening and turnstiles and writes their times to `out`.
 * Screening completions reach the turnstile queue in completion order through a small min-heap; an
 * entry is released once the current screening start passes it, since no later fan can finish earlier.
 * Returns the latest turnstile start (FIFO: the last one), from which the last entry follows.
 */
export function simulateGateQueue(input: GateQueueInput, out: GateQueueOutput): number {
  // The kernel takes arrays and numbers, not the input and output objects: optimised code that read
  // fields of those objects depended on their hidden classes and was thrown away mid-run.
  const { arrivals, laneSeconds, extraSeconds, walkSeconds, turnstileSeconds } = input;
  const { screeningStart, turnstileArrival, turnstileStart } = out;
  const n = arrivals.length;
  const lanes = bankFor(input.lanes, input.equalLaneTimes ?? isConstant(input.laneSeconds));
  const turnstiles = bankFor(input.turnstiles, true);
  // Min-heap of (screening completion time, fan index), ordered by time then index. It holds fans
  // screened but not yet released; each step adds at most CHUNK, so it is grown here, never in the kernel.
  let heapKeys = new Float64Array(2 * CHUNK);
  let heapIds = new Int32Array(2 * CHUNK);
  // Carried between steps: [heap size, previous screening start (FIFO clock), latest turnstile start,
  // next lane of a lane ring, next turnstile of a turnstile ring].
  const clock = Float64Array.of(0, Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY, 0, 0);
  const kinds = lanes.kind * 3 + turnstiles.kind;
  const { free: laneFree, pool: lanePool } = lanes;
  const { free: turnstileFree, pool: turnstilePool } = turnstiles;
  for (let from = 0; from < n; from += CHUNK) {
    if ((clock[0] as number) + CHUNK > heapKeys.length) {
      const keys = new Float64Array(heapKeys.length * 2);
      keys.set(heapKeys);
      const ids = new Int32Array(keys.length);
      ids.set(heapIds);
      heapKeys = keys;
      heapIds = ids;
    }
    const to = Math.min(n, from + CHUNK);
    // biome-ignore format: one call, its arguments in the order of the parameters
    step(arrivals, laneSeconds, extraSeconds, walkSeconds, turnstileSeconds, screeningStart, turnstileArrival, turnstileStart, kinds, laneFree, turnstileFree, lanePool, turnstilePool, heapKeys, heapIds, clock, from, to, to);
  }
  // biome-ignore format: as above
  step(arrivals, laneSeconds, extraSeconds, walkSeconds, turnstileSeconds, screeningStart, turnstileArrival, turnstileStart, kinds, laneFree, turnstileFree, lanePool, turnstilePool, heapKeys, heapIds, clock, n, n, n + 1);
  return clock[2] as number;
}

/**
 * Screens fans [from, to) and releases to the turnstiles every completion that no later fan can
 * precede; with end = to + 1 (the drain), releases all remaining completions. `kinds` is
 * 3 · lane bank kind + turnstile bank kind (see Bank).
 */
function step(
  arrivals: Float64Array,
  laneSeconds: Float64Array,
  extraSeconds: Float64Array | null,
  walkSeconds: number,
  turnstileSeconds: number,
  start1: Float64Array,
  arrival2: Float64Array,
  start2: Float64Array,
  kinds: number,
  laneFree: Float64Array,
  turnstileFree: Float64Array,
  lanePool: ServerPool | null,
  turnstilePool: ServerPool | null,
  heapKeys: Float64Array,
  heapIds: Int32Array,
  clock: Float64Array,
  from: number,
  to: number,
  end: number,
): void {
  const laneKind = (kinds / 3) | 0;
  const turnstileKind = kinds - 3 * laneKind;
  const lanes = laneFree.length;
  const turnstiles = turnstileFree.length;
  let heapSize = clock[0] as number;
  let previousStart = clock[1] as number;
  let lastTurnstileStart = clock[2] as number;
  let laneAt = clock[3] as number;
  let turnstileAt = clock[4] as number;
  // One loop with the drain folded in (i === to releases everything), so that every statement has run
  // before the JIT optimises it.
  for (let i = from; i < end; i++) {
    let s = Number.POSITIVE_INFINITY;
    let lane = 0;
    if (i < to) {
      lane = laneSeconds[i] as number;
      const ready = Math.max(arrivals[i] as number, previousStart);
      if (laneKind === HEAP) {
        // The earliest free lane starts the fan; its new free time sifts down from the root.
        s = Math.max(laneFree[0] as number, ready);
        const key = s + lane;
        let p = 0;
        for (;;) {
          let c = 2 * p + 1;
          if (c >= lanes) break;
          let ck = laneFree[c] as number;
          if (c + 1 < lanes && (laneFree[c + 1] as number) < ck) ck = laneFree[++c] as number;
          if (ck >= key) break;
          laneFree[p] = ck;
          p = c;
        }
        laneFree[p] = key;
      } else if (laneKind === RING) {
        s = Math.max(laneFree[laneAt] as number, ready);
        laneFree[laneAt] = s + lane;
        laneAt = laneAt + 1 === lanes ? 0 : laneAt + 1;
      } else s = (lanePool as ServerPool).serve(ready, lane);
      start1[i] = s;
      previousStart = s;
    }

    // Release every completion at or before s to the turnstiles, in completion order.
    while (heapSize > 0 && (heapKeys[0] as number) <= s) {
      const done = heapKeys[0] as number;
      const fan = heapIds[0] as number;
      // Pop: move the last entry to the root and sift it down.
      heapSize--;
      const key = heapKeys[heapSize] as number;
      const id = heapIds[heapSize] as number;
      let p = 0;
      for (;;) {
        let c = 2 * p + 1;
        if (c >= heapSize) break;
        if (c + 1 < heapSize) {
          const rk = heapKeys[c + 1] as number;
          const ck = heapKeys[c] as number;
          if (rk < ck || (rk === ck && (heapIds[c + 1] as number) < (heapIds[c] as number))) c++;
        }
        const ck = heapKeys[c] as number;
        if (ck > key || (ck === key && (heapIds[c] as number) > id)) break;
        heapKeys[p] = ck;
        heapIds[p] = heapIds[c] as number;
        p = c;
      }
      heapKeys[p] = key;
      heapIds[p] = id;

      const a2 = done + walkSeconds;
      arrival2[fan] = a2;
      if (turnstileKind === RING) {
        lastTurnstileStart = Math.max(turnstileFree[turnstileAt] as number, a2);
        turnstileFree[turnstileAt] = lastTurnstileStart + turnstileSeconds;
        turnstileAt = turnstileAt + 1 === turnstiles ? 0 : turnstileAt + 1;
      } else lastTurnstileStart = (turnstilePool as ServerPool).serve(a2, turnstileSeconds);
      start2[fan] = lastTurnstileStart;
    }
    if (i === to) break;

    // Push this fan's completion: sift up from the end.
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
  clock[0] = heapSize;
  clock[1] = previousStart;
  clock[2] = lastTurnstileStart;
  clock[3] = laneAt;
  clock[4] = turnstileAt;
}

/** Whether every value is the same (fixed service with no lane-blocking secondary search). */
function isConstant(values: Float64Array): boolean {
  const first = values[0];
  for (let i = 1; i < values.length; i++) if (values[i] !== first) return false;
  return true;
}
