/**
 * The crowd engine's WebAssembly kernels (AssemblyScript sources in ./wasm/, built into
 * kernels.generated.ts by `npm run build:kernels`). The per-fan loops run there because a first run
 * matters: JavaScript is interpreted, allocating a heap number for every double, until V8 has compiled
 * each loop, and that compile shares the one core; WebAssembly is compiled whole, in about a
 * millisecond, when this module loads (see "Performance" in docs/crowd-engine.md).
 *
 * Memory: the kernels read and write arrays in their linear memory. Callers copy their inputs in at
 * addresses from `allocate` (or `reserve`) and their results out before the next call: nothing is kept between
 * calls, so the kernels serve any number of runs in turn.
 */
import { KERNELS_WASM_BASE64 } from './kernels.generated.ts';

interface KernelExports {
  readonly memory: WebAssembly.Memory;
  heapBase(): number;
  draw(state: number, kind: number, out: number, n: number, p: number, q: number): number;
  below(state: number, out: number, n: number, rate: number, value: number): number;
  invertProfile(values: number, n: number, scale: number, seconds: number, shares: number, m: number): void;
  affine(values: number, n: number, scale: number, offset: number): void;
  initBank(address: number): void;
  // biome-ignore format: the parameters in their order
  gateQueue(n: number, arrivals: number, laneTimes: number, extraTimes: number, walkSeconds: number, turnstileSeconds: number, lanes: number, turnstiles: number, screeningStart: number, turnstileArrival: number, turnstileStart: number, heapKeys: number, heapIds: number): number;
  selectInPlace(values: number, k: number, lo: number, hi: number): number;
  selectByCounts(values: number, lo: number, hi: number, counts: number, k: number, scratch: number): number;
  // biome-ignore format: the parameters in their order
  accumulateFans(n: number, arrivals: number, screeningStart: number, turnstileArrival: number, turnstileStart: number, turnstileSeconds: number, origin: number, minuteOffset: number, horizon: number, gateScreening: number, gateTurnstile: number, venueScreening: number, venueTurnstile: number, waits: number, gateCounts: number, venueCounts: number, arrivalsByMinute: number, entriesByMinute: number, waitSumByMinute: number, waitMaxByMinute: number, totals: number): void;
  // biome-ignore format: the parameters in their order
  sweepMinutes(minutes: number, offset: number, horizon: number, screening: number, turnstile: number, screeningPeak: number, turnstilePeak: number, peak: number, maxima: number): void;
}

const module = new WebAssembly.Module(Buffer.from(KERNELS_WASM_BASE64, 'base64'));

function instantiate(): KernelExports {
  return new WebAssembly.Instance(module, {}).exports as unknown as KernelExports;
}

/** The kernels' exported functions (replaced by releaseKernelMemory: read it at each use). */
export let kernels = instantiate();

/** Memory kept for the next run: a Lusail ingress needs about 2 MB, a million fans about 17 MB. */
const KEEP_BYTES = 32 * 1024 * 1024;

/**
 * A WebAssembly memory never shrinks: after a run that needed more than KEEP_BYTES, start afresh with
 * a new instance (the compiled module is reused), so that a worker does not hold its largest run's memory.
 */
export function releaseKernelMemory(): void {
  if (kernels.memory.buffer.byteLength > KEEP_BYTES) kernels = instantiate();
}

/** The first free address, 16-byte aligned. */
const base = (kernels.heapBase() + 15) & ~15;

/**
 * Makes sure `bytes` bytes from the first free address exist and returns that address. Growing the
 * memory detaches earlier views of it: take views (f64, u32) after reserving.
 */
export function reserve(bytes: number): number {
  const needed = base + bytes - kernels.memory.buffer.byteLength;
  if (needed > 0) kernels.memory.grow(Math.ceil(needed / 65_536));
  return base;
}

/**
 * Reserves one block per name, of the given size in bytes, one after the other (each starting 8-byte
 * aligned) from the first free address, zeroed like new typed arrays; returns their addresses by name.
 */
export function allocate<Name extends string>(bytes: Record<Name, number>): Record<Name, number> {
  const addresses = {} as Record<Name, number>;
  let size = 0;
  for (const name of Object.keys(bytes) as Name[]) {
    addresses[name] = size;
    size += Math.ceil(bytes[name] / 8) * 8;
  }
  const start = reserve(size);
  new Uint8Array(kernels.memory.buffer, start, size).fill(0);
  for (const name of Object.keys(addresses) as Name[]) addresses[name] += start;
  return addresses;
}

/** Views of the whole memory, made again when it has grown or been replaced (its buffer then changes). */
interface MemoryViews {
  readonly buffer: ArrayBuffer;
  readonly f64: Float64Array;
  readonly u32: Uint32Array;
  readonly i32: Int32Array;
}

let views: MemoryViews | null = null;

/** The whole memory as f64, u32 and i32 arrays (index = address / 8 or / 4): for a few values at a time. */
export function memoryViews(): MemoryViews {
  const buffer = kernels.memory.buffer;
  if (views?.buffer !== buffer) views = { buffer, f64: new Float64Array(buffer), u32: new Uint32Array(buffer), i32: new Int32Array(buffer) };
  return views;
}

/** A Float64Array view of n values at `address` (8-byte aligned). */
export function f64(address: number, n: number): Float64Array {
  return memoryViews().f64.subarray(address / 8, address / 8 + n);
}

/** An Int32Array view of n values at `address` (4-byte aligned). */
export function i32(address: number, n: number): Int32Array {
  return memoryViews().i32.subarray(address / 4, address / 4 + n);
}
