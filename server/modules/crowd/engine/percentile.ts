/**
 * Order statistics on typed arrays without sorting: quickselect (Hoare, 1961) finds the k-th smallest
 * value in expected linear time, so percentiles of a million waits cost milliseconds.
 */
import { allocate, f64, kernels } from './kernels.ts';

/**
 * Reorders `values[lo, hi)` so that index k holds the value it would hold if the range were sorted,
 * smaller-or-equal values before it and larger-or-equal after; returns that value. Runs in WebAssembly
 * (wasm/percentile.ts, quickselect with a median-of-three pivot): the range is copied there and back.
 */
export function selectInPlace(values: Float64Array, k: number, lo = 0, hi = values.length): number {
  const n = hi - lo;
  const { at } = allocate({ at: 8 * n });
  const copy = f64(at, n);
  copy.set(values.subarray(lo, hi));
  const value = kernels.selectInPlace(at, k - lo, 0, n);
  values.set(copy, lo);
  return value;
}

/** The nearest-rank index of percentile p (0–100) among n values: ceil(p/100 · n) − 1, at least 0. */
export function nearestRankIndex(p: number, n: number): number {
  return Math.max(0, Math.min(n - 1, Math.ceil((p / 100) * n) - 1));
}

/** The p-th percentile (nearest rank) of `values[lo, hi)`, reordering that range; NaN when it is empty. */
export function percentileInPlace(values: Float64Array, p: number, lo = 0, hi = values.length): number {
  const n = hi - lo;
  if (n <= 0) return Number.NaN;
  return selectInPlace(values, lo + nearestRankIndex(p, n), lo, hi);
}

/**
 * The bucket a finite non-negative wait is counted in for the selection by counts (`selectByCounts` in
 * wasm/percentile.ts, used by ingress-statistics.ts): 0 for exactly 0 (a queue often leaves most waits
 * at 0), else its whole part plus 1.
 */
export function countBucket(value: number): number {
  return value > 0 ? Math.floor(value) + 1 : 0;
}
