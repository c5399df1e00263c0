/**
 * Order statistics on typed arrays without sorting: quickselect (Hoare, 1961) finds the k-th smallest
 * value in expected linear time, so percentiles of a million waits cost milliseconds.
 */

/**
 * Reorders `values[lo, hi)` so that index k holds the value it would hold if the range were sorted,
 * smaller-or-equal values before it and larger-or-equal after; returns that value.
 */
export function selectInPlace(values: Float64Array, k: number, lo = 0, hi = values.length): number {
  let left = lo;
  let right = hi - 1;
  while (right > left) {
    // Median of three as pivot keeps sorted and nearly sorted input (common here) linear.
    const mid = (left + right) >>> 1;
    const a = values[left] as number;
    const b = values[mid] as number;
    const c = values[right] as number;
    // biome-ignore lint/complexity/useMathMinMax: a median of three, not a minimum or maximum
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = left;
    let j = right;
    while (i <= j) {
      while ((values[i] as number) < pivot) i++;
      while ((values[j] as number) > pivot) j--;
      if (i <= j) {
        const t = values[i] as number;
        values[i] = values[j] as number;
        values[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break;
  }
  return values[k] as number;
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
 * The bucket a finite non-negative value is counted in by `selectByCounts`: 0 for exactly 0 (a queue
 * often leaves most waits at 0), else its whole part plus 1.
 */
export function countBucket(value: number): number {
  return value > 0 ? Math.floor(value) + 1 : 0;
}

/**
 * The k-th smallest (0-based) of values[lo, hi), which must all be finite and non-negative, given
 * counts[b] = how many of them are in bucket b (see countBucket; counted by the caller in a pass it
 * makes anyway). The counts locate the bucket holding the k-th value; unless it is the bucket of zeros,
 * only that bucket's values are then gathered into `scratch` and selected among. Exact, like a
 * selection over all values, without reordering them.
 */
export function selectByCounts(values: Float64Array, lo: number, hi: number, counts: Int32Array, k: number, scratch: Float64Array): number {
  let bucket = 0;
  let below = 0;
  while (below + (counts[bucket] as number) <= k) below += counts[bucket++] as number;
  if (bucket === 0) return 0;
  // In pieces, so that V8 compiles the gathering loop once as a whole (see CHUNK in arrivals.ts).
  let m = 0;
  for (let from = lo; from < hi; from += GATHER_CHUNK) m = gatherBucket(values, from, Math.min(hi, from + GATHER_CHUNK), bucket, scratch, m);
  return selectInPlace(scratch, k - below, 0, m);
}

const GATHER_CHUNK = 512;

/** Appends the values of values[lo, hi) in `bucket` (≥ 1: whole part bucket − 1, not 0) to `out` from index m; returns the new count. */
function gatherBucket(values: Float64Array, lo: number, hi: number, bucket: number, out: Float64Array, m: number): number {
  const whole = bucket - 1;
  for (let i = lo; i < hi; i++) {
    const v = values[i] as number;
    if (Math.floor(v) === whole && v > 0) out[m++] = v;
  }
  return m;
}
