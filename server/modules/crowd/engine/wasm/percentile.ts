// AssemblyScript (see ../kernels.ts): order statistics on f64 arrays without sorting, called through
// ../percentile.ts.

@inline function at(values: usize, i: i32): f64 {
  return load<f64>(values + (<usize>i << 3));
}

/**
 * Quickselect (Hoare, 1961) on the f64 array at `values`: reorders [lo, hi) so that index k holds the
 * value it would hold if the range were sorted, smaller-or-equal values before it and larger-or-equal
 * after; returns that value.
 */
export function selectInPlace(values: usize, k: i32, lo: i32, hi: i32): f64 {
  let left = lo;
  let right = hi - 1;
  while (right > left) {
    // Median of three as pivot keeps sorted and nearly sorted input (common here) linear.
    const mid = (left + right) >>> 1;
    const a = at(values, left);
    const b = at(values, mid);
    const c = at(values, right);
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = left;
    let j = right;
    while (i <= j) {
      while (at(values, i) < pivot) i++;
      while (at(values, j) > pivot) j--;
      if (i <= j) {
        const t = at(values, i);
        store<f64>(values + (<usize>i << 3), at(values, j));
        store<f64>(values + (<usize>j << 3), t);
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break;
  }
  return at(values, k);
}

/**
 * The k-th smallest (0-based) of values[lo, hi), all finite and non-negative, given the i32 counts at
 * `counts`: counts[b] = how many of them are in bucket b (0 for exactly 0, else whole part + 1). The
 * counts locate the bucket holding the k-th value; unless it is the bucket of zeros, only that bucket's
 * values are gathered into `scratch` and selected among. Exact, without reordering `values`.
 */
export function selectByCounts(values: usize, lo: i32, hi: i32, counts: usize, k: i32, scratch: usize): f64 {
  let bucket = 0;
  let below = 0;
  while (below + load<i32>(counts + (<usize>bucket << 2)) <= k) {
    below += load<i32>(counts + (<usize>bucket << 2));
    bucket++;
  }
  if (bucket == 0) return 0;
  const whole = <f64>(bucket - 1);
  let m = 0;
  for (let i = lo; i < hi; i++) {
    const v = at(values, i);
    if (Math.floor(v) == whole && v > 0) {
      store<f64>(scratch + (<usize>m << 3), v);
      m++;
    }
  }
  return selectInPlace(scratch, k - below, 0, m);
}
