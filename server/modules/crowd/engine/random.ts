/**
 * Seeded pseudo-random numbers for the crowd engine: sfc32 (Chris Doty-Humphrey's "small fast
 * counting" generator, PractRand-clean) seeded through splitmix32, so every run is reproducible
 * from one integer seed and independent streams can be derived per gate and purpose.
 */
import { f64, kernels, memoryViews, reserve } from './kernels.ts';

/** A seeded stream of random numbers. */
export interface Random {
  /** Uniform in the open interval (0, 1): never 0, so `-Math.log(u)` is always finite. */
  next(): number;
  /** Exponential with the given mean. */
  exponential(mean: number): number;
  /** Standard normal (Marsaglia polar method). */
  normal(): number;
  /** Fills `out[from, to)` with uniforms in (0, 1), the same values `next()` would give, in bulk for speed. */
  fill(out: Float64Array, from?: number, to?: number): void;
  /**
   * Draws one uniform u per element of `out[from, to)`, the ones `fill` would give, and writes what
   * `kind` makes of it (see the DRAW_ constants; p and q are the kind's parameters). Returns the last
   * running sum for DRAW_EXPONENTIAL_SUMS.
   */
  draw(kind: number, out: Float64Array, from: number, to: number, p: number, q: number): number;
  /** Sets each of out[from, to) to `value` with probability `rate`, else 0 (same uniforms as `fill`); returns how many were set. */
  below(out: Float64Array, from: number, to: number, rate: number, value: number): number;
}

/** `draw` kinds (the same numbers in wasm/random.ts, where the draws run). u itself. */
export const DRAW_UNIFORM = 0;
/** −p · ln u: exponential with mean p. */
export const DRAW_EXPONENTIAL = 1;
/** Running sums p − q · Σ ln u: the arrival times of a Poisson process starting at p, mean gap q. */
export const DRAW_EXPONENTIAL_SUMS = 2;
/** exp(p + q · Φ⁻¹(u)): lognormal with μ = p, σ = q, by inversion (Acklam's Φ⁻¹ written out, as normalQuantile). */
export const DRAW_LOGNORMAL = 3;

const TWO_POW_32 = 4294967296;

/** Mixes a 32-bit value (splitmix32 finaliser), used to spread seeds and stream keys over all bits. */
function mix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  return (z ^ (z >>> 15)) >>> 0;
}

/** Derives the seed of an independent stream from a base seed and integer keys (e.g. purpose, gate index). */
export function deriveSeed(seed: number, ...keys: number[]): number {
  // Fold both halves of a seed up to 2^53 so that large seeds still differ.
  let h = mix32((seed >>> 0) ^ mix32(Math.floor(seed / TWO_POW_32) >>> 0));
  for (const k of keys) h = mix32(h ^ mix32(k >>> 0));
  return h;
}

/** Creates a seeded generator; the same seed always yields the same sequence. */
export function createRandom(seed: number): Random {
  return new Sfc32(deriveSeed(seed));
}

/**
 * sfc32 with its state in fields. A class rather than closures made per call: a run creates two
 * generators per gate, and each set of fresh closures cost allocations (and, under a loader that keeps
 * function names, a defineProperty per closure) in the cold start that the benchmark measures.
 */
class Sfc32 implements Random {
  private a: number;
  private b: number;
  private c: number;
  private d = 1;
  private spare = 0;
  private hasSpare = false;

  constructor(s0: number) {
    this.a = mix32(s0);
    this.b = mix32(this.a);
    this.c = mix32(this.b);
    // The generator's authors recommend discarding the first outputs to decorrelate nearby seeds.
    for (let i = 0; i < 12; i++) this.nextUint();
  }

  private nextUint(): number {
    const { a, b, c, d } = this;
    const t = (((a + b) | 0) + d) | 0;
    this.d = (d + 1) | 0;
    this.a = b ^ (b >>> 9);
    this.b = (c + (c << 3)) | 0;
    this.c = (((c << 21) | (c >>> 11)) + t) | 0;
    return t >>> 0;
  }

  next(): number {
    return (this.nextUint() + 0.5) / TWO_POW_32;
  }

  fill(out: Float64Array, from = 0, to = out.length): void {
    this.draw(DRAW_UNIFORM, out, from, to, 0, 0);
  }

  /** Runs `draw` or `below` in WebAssembly (kernels.ts) on this generator's state and copies the values out. */
  draw(kind: number, out: Float64Array, from: number, to: number, p: number, q: number): number {
    const n = Math.max(0, to - from);
    const state = this.stateIn(n);
    const sum = kernels.draw(state, kind, state + 16, n, p, q);
    this.stateOut(state, out, from, n);
    return sum;
  }

  below(out: Float64Array, from: number, to: number, rate: number, value: number): number {
    const n = Math.max(0, to - from);
    const state = this.stateIn(n);
    const count = kernels.below(state, state + 16, n, rate, value);
    this.stateOut(state, out, from, n);
    return count;
  }

  /** Reserves kernel memory for the state and n values and writes the state there; returns its address. */
  private stateIn(n: number): number {
    const state = reserve(16 + 8 * n);
    const words = memoryViews().u32;
    const at = state / 4;
    words[at] = this.a;
    words[at + 1] = this.b;
    words[at + 2] = this.c;
    words[at + 3] = this.d;
    return state;
  }

  /** Takes the advanced state back and copies the n values after it to out[from…]. */
  private stateOut(state: number, out: Float64Array, from: number, n: number): void {
    const { u32: words, f64: values } = memoryViews();
    const at = state / 4;
    this.a = (words[at] as number) | 0;
    this.b = (words[at + 1] as number) | 0;
    this.c = (words[at + 2] as number) | 0;
    this.d = (words[at + 3] as number) | 0;
    // One value at a time (section assignment draws fan by fan) is copied without making a view.
    if (n === 1) out[from] = values[(state + 16) / 8] as number;
    else out.set(f64(state + 16, n), from);
  }

  exponential(mean: number): number {
    return -mean * Math.log(this.next());
  }

  /** Standard normal (Marsaglia polar method). */
  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    let u = 0;
    let v = 0;
    let q = 0;
    do {
      u = 2 * this.next() - 1;
      v = 2 * this.next() - 1;
      q = u * u + v * v;
    } while (q >= 1 || q === 0);
    const f = Math.sqrt((-2 * Math.log(q)) / q);
    this.spare = v * f;
    this.hasSpare = true;
    return u * f;
  }
}

/** The standard normal quantile Φ⁻¹(u) for u in (0, 1), by Acklam's approximation (error about 10⁻⁹). */
export function normalQuantile(u: number): number {
  if (u > TAIL && u < 1 - TAIL) {
    const q = u - 0.5;
    const r = q * q;
    return ((((((QA0 * r + QA1) * r + QA2) * r + QA3) * r + QA4) * r + QA5) * q) / (((((QB0 * r + QB1) * r + QB2) * r + QB3) * r + QB4) * r + 1);
  }
  const t = Math.sqrt(-2 * Math.log(u < 0.5 ? u : 1 - u));
  const z = (((((QC0 * t + QC1) * t + QC2) * t + QC3) * t + QC4) * t + QC5) / ((((QD0 * t + QD1) * t + QD2) * t + QD3) * t + 1);
  return u < 0.5 ? z : -z;
}

// Coefficients of P. J. Acklam's rational approximation of the normal quantile function (2003; relative
// error below 1.15 × 10⁻⁹ over (0, 1)): central region |u − 0.5| ≤ 0.47575, tails beyond.
const QA0 = -3.969683028665376e1;
const QA1 = 2.209460984245205e2;
const QA2 = -2.759285104469687e2;
const QA3 = 1.38357751867269e2;
const QA4 = -3.066479806614716e1;
const QA5 = 2.506628277459239;
const QB0 = -5.447609879822406e1;
const QB1 = 1.615858368580409e2;
const QB2 = -1.556989798598866e2;
const QB3 = 6.680131188771972e1;
const QB4 = -1.328068155288572e1;
const QC0 = -7.784894002430293e-3;
const QC1 = -3.223964580411365e-1;
const QC2 = -2.400758277161838;
const QC3 = -2.549732539343734;
const QC4 = 4.374664141464968;
const QC5 = 2.938163982698783;
const QD0 = 7.784695709041462e-3;
const QD1 = 3.224671290700398e-1;
const QD2 = 2.445134137142996;
const QD3 = 3.754408661907416;
const TAIL = 0.02425;
