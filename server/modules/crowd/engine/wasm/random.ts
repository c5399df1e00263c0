// AssemblyScript (compiled to WebAssembly by `npm run build:kernels`; see ../kernels.ts).
// The bulk random draws of ../random.ts: sfc32 uniforms and what the engine makes of them.

/** `draw` kinds, the same numbers as DRAW_* in ../random.ts. */
const DRAW_UNIFORM = 0;
const DRAW_EXPONENTIAL = 1;
const DRAW_EXPONENTIAL_SUMS = 2;
const DRAW_LOGNORMAL = 3;

const TWO_POW_32: f64 = 4294967296.0;

// Acklam's rational approximation of the normal quantile (see normalQuantile in ../random.ts).
const QA0: f64 = -3.969683028665376e1;
const QA1: f64 = 2.209460984245205e2;
const QA2: f64 = -2.759285104469687e2;
const QA3: f64 = 1.38357751867269e2;
const QA4: f64 = -3.066479806614716e1;
const QA5: f64 = 2.506628277459239;
const QB0: f64 = -5.447609879822406e1;
const QB1: f64 = 1.615858368580409e2;
const QB2: f64 = -1.556989798598866e2;
const QB3: f64 = 6.680131188771972e1;
const QB4: f64 = -1.328068155288572e1;
const QC0: f64 = -7.784894002430293e-3;
const QC1: f64 = -3.223964580411365e-1;
const QC2: f64 = -2.400758277161838;
const QC3: f64 = -2.549732539343734;
const QC4: f64 = 4.374664141464968;
const QC5: f64 = 2.938163982698783;
const QD0: f64 = 7.784695709041462e-3;
const QD1: f64 = 3.224671290700398e-1;
const QD2: f64 = 2.445134137142996;
const QD3: f64 = 3.754408661907416;
const TAIL: f64 = 0.02425;

/**
 * Draws one sfc32 uniform u per element of the f64 array at `out` (n elements) from the generator state
 * (four u32) at `state`, writes what `kind` makes of it, and stores the advanced state back.
 * Returns the last running sum for DRAW_EXPONENTIAL_SUMS (which starts from p).
 */
export function draw(state: usize, kind: i32, out: usize, n: i32, p: f64, q: f64): f64 {
  let a = load<u32>(state);
  let b = load<u32>(state, 4);
  let c = load<u32>(state, 8);
  let d = load<u32>(state, 12);
  let sum = p;
  for (let i = 0; i < n; i++) {
    const t = a + b + d;
    d = d + 1;
    a = b ^ (b >>> 9);
    b = c + (c << 3);
    c = ((c << 21) | (c >>> 11)) + t;
    const u = (<f64>t + 0.5) / TWO_POW_32;
    let x: f64;
    if (kind == DRAW_LOGNORMAL) {
      let z: f64;
      if (u > TAIL && u < 1 - TAIL) {
        const r0 = u - 0.5;
        const r = r0 * r0;
        z = ((((((QA0 * r + QA1) * r + QA2) * r + QA3) * r + QA4) * r + QA5) * r0) / (((((QB0 * r + QB1) * r + QB2) * r + QB3) * r + QB4) * r + 1);
      } else {
        const v = Math.sqrt(-2 * Math.log(u < 0.5 ? u : 1 - u));
        const tail = (((((QC0 * v + QC1) * v + QC2) * v + QC3) * v + QC4) * v + QC5) / ((((QD0 * v + QD1) * v + QD2) * v + QD3) * v + 1);
        z = u < 0.5 ? tail : -tail;
      }
      x = Math.exp(p + q * z);
    } else if (kind == DRAW_EXPONENTIAL_SUMS) {
      sum -= q * Math.log(u);
      x = sum;
    } else if (kind == DRAW_EXPONENTIAL) x = -p * Math.log(u);
    else x = u;
    store<f64>(out + (<usize>i << 3), x);
  }
  store<u32>(state, a);
  store<u32>(state, b, 4);
  store<u32>(state, c, 8);
  store<u32>(state, d, 12);
  return sum;
}

/**
 * Sets each of the n f64 at `out` to `value` with probability `rate` (u < rate), else 0, drawing u as
 * `draw` does; returns how many were set.
 */
export function below(state: usize, out: usize, n: i32, rate: f64, value: f64): i32 {
  let a = load<u32>(state);
  let b = load<u32>(state, 4);
  let c = load<u32>(state, 8);
  let d = load<u32>(state, 12);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const t = a + b + d;
    d = d + 1;
    a = b ^ (b >>> 9);
    b = c + (c << 3);
    c = ((c << 21) | (c >>> 11)) + t;
    let x: f64 = 0;
    if ((<f64>t + 0.5) / TWO_POW_32 < rate) {
      x = value;
      count++;
    }
    store<f64>(out + (<usize>i << 3), x);
  }
  store<u32>(state, a);
  store<u32>(state, b, 4);
  store<u32>(state, c, 8);
  store<u32>(state, d, 12);
  return count;
}

/**
 * Maps the n sorted f64 at `values`, times `scale` (uniforms on (0, 1) then), in place to seconds through
 * the inverse of a piecewise-linear cumulative profile of m points (f64 arrays: `minutes` in seconds,
 * `shares` cumulative), as invertProfile in ../arrivals.ts describes.
 */
export function invertProfile(values: usize, n: i32, scale: f64, seconds: usize, shares: usize, m: i32): void {
  let j = 0;
  const last = m - 2;
  for (let i = 0; i < n; i++) {
    const at = values + (<usize>i << 3);
    const x = scale * load<f64>(at);
    // Advance to the segment whose cumulative share interval contains x; flat segments are skipped.
    while (j < last && load<f64>(shares + (<usize>(j + 1) << 3)) < x) j++;
    const c0 = load<f64>(shares + (<usize>j << 3));
    const c1 = load<f64>(shares + (<usize>(j + 1) << 3));
    const t0 = load<f64>(seconds + (<usize>j << 3));
    const f = c1 > c0 ? (x - c0) / (c1 - c0) : 1;
    store<f64>(at, t0 + f * (load<f64>(seconds + (<usize>(j + 1) << 3)) - t0));
  }
}

/** values[i] ← offset + scale · values[i] for the n f64 at `values`. */
export function affine(values: usize, n: i32, scale: f64, offset: f64): void {
  for (let i = 0; i < n; i++) {
    const at = values + (<usize>i << 3);
    store<f64>(at, offset + scale * load<f64>(at));
  }
}
