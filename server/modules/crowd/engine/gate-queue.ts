/**
 * The two-stage queue of one gate, fan by fan: FIFO queue → screening lanes (outer perimeter) → walk →
 * FIFO queue → turnstiles (inner perimeter, FIFA Football Stadiums Guidelines) → seated.
 * Arrays in, arrays out, no per-event objects: fast enough for a million fans (see bench/crowd.bench.ts).
 */
import { allocate, f64, i32, kernels } from './kernels.ts';
import type { ServerSchedule } from './server-pool.ts';

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

/** Bank kinds of the kernel (wasm/gate-queue.ts): a ring, a heap of free times, a schedule. */
const RING = 0;
const HEAP = 1;
const SCHEDULED = 2;

/** Bytes of a bank record (wasm/gate-queue.ts `Bank`: eight 32-bit fields). */
const BANK_BYTES = 32;

/**
 * Where a bank's parts lie, as offsets from its record: the record, then free times (f64) and server
 * numbers (i32) for its `size` servers, then the schedule's segment starts (f64) and counts (i32).
 */
function bankLayout(schedule: ServerSchedule) {
  const scheduled = schedule.counts.length > 1;
  const size = Math.max(1, scheduled ? schedule.max : (schedule.counts[0] as number));
  const segments = schedule.counts.length;
  const keys = BANK_BYTES;
  const ids = keys + 8 * size;
  const from = ids + 8 * Math.ceil(size / 2);
  const counts = from + 8 * segments;
  return { scheduled, size, segments, keys, ids, from, counts, bytes: counts + 8 * Math.ceil(segments / 2) };
}

/**
 * Writes the bank for `schedule` at `address` (as createServerPool would choose it: a ring when the count
 * is constant and every service takes equally long, a heap when only the count is constant, else a
 * schedule) and lets the kernel set its free times.
 */
function writeBank(address: number, schedule: ServerSchedule, equalService: boolean): void {
  const layout = bankLayout(schedule);
  const fields = i32(address, 8);
  fields[0] = layout.scheduled ? SCHEDULED : equalService ? RING : HEAP;
  fields[1] = layout.size;
  fields[2] = 0;
  fields[3] = layout.segments;
  fields[4] = address + layout.keys;
  fields[5] = address + layout.ids;
  fields[6] = address + layout.from;
  fields[7] = address + layout.counts;
  f64(address + layout.from, layout.segments).set(schedule.from);
  i32(address + layout.counts, layout.segments).set(schedule.counts);
  kernels.initBank(address);
}

/**
 * Simulates every fan of one gate through screening and turnstiles and writes their times to `out`;
 * returns the latest turnstile start (FIFO: the last one), from which the last entry follows. The
 * simulation runs in WebAssembly (wasm/gate-queue.ts): the inputs are copied into its memory and
 * the times copied back.
 */
export function simulateGateQueue(input: GateQueueInput, out: GateQueueOutput): number {
  const n = input.arrivals.length;
  const equalLanes = input.equalLaneTimes ?? isConstant(input.laneSeconds);
  const bytes = 8 * n;
  const hasExtra = input.extraSeconds !== null;
  const { arrivals, laneTimes, extraTimes, lanes, turnstiles, screeningStart, turnstileArrival, turnstileStart, heapKeys, heapIds } = allocate({
    arrivals: bytes,
    laneTimes: bytes,
    extraTimes: hasExtra ? bytes : 0,
    lanes: bankLayout(input.lanes).bytes,
    turnstiles: bankLayout(input.turnstiles).bytes,
    screeningStart: bytes,
    turnstileArrival: bytes,
    turnstileStart: bytes,
    // Min-heap of (screening completion, fan) of fans screened but not yet at the turnstiles: n at most.
    heapKeys: bytes + 8,
    heapIds: 4 * n + 4,
  });
  f64(arrivals, n).set(input.arrivals);
  f64(laneTimes, n).set(input.laneSeconds);
  if (input.extraSeconds !== null) f64(extraTimes, n).set(input.extraSeconds);
  writeBank(lanes, input.lanes, equalLanes);
  writeBank(turnstiles, input.turnstiles, true);
  // biome-ignore format: one call, its arguments in the order of the parameters
  const last = kernels.gateQueue(n, arrivals, laneTimes, hasExtra ? extraTimes : 0, input.walkSeconds, input.turnstileSeconds, lanes, turnstiles, screeningStart, turnstileArrival, turnstileStart, heapKeys, heapIds);
  out.screeningStart.set(f64(screeningStart, n));
  out.turnstileArrival.set(f64(turnstileArrival, n));
  out.turnstileStart.set(f64(turnstileStart, n));
  return last;
}

/** Whether every value is the same (fixed service with no lane-blocking secondary search). */
function isConstant(values: Float64Array): boolean {
  const first = values[0];
  for (let i = 1; i < values.length; i++) if (values[i] !== first) return false;
  return true;
}
