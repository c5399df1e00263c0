import { describe, expect, it } from 'vitest';
import { allocate, f64, i32, kernels } from './kernels.ts';
import { countBucket, nearestRankIndex, percentileInPlace } from './percentile.ts';
import { createRandom } from './random.ts';

/** The selection by counts of wasm/percentile.ts (as ingress-statistics.ts calls it) on copies of the arrays. */
function selectByCounts(values: Float64Array, lo: number, hi: number, counts: Int32Array, k: number): number {
  const { v, c, scratch } = allocate({ v: 8 * values.length, c: 4 * counts.length, scratch: 8 * (hi - lo) });
  f64(v, values.length).set(values);
  i32(c, counts.length).set(counts);
  return kernels.selectByCounts(v, lo, hi, c, k, scratch);
}

/** Waits in seconds with many exact zeros, ties and a long tail, like a queue's. */
function waits(n: number, seed: number): Float64Array {
  const rng = createRandom(seed);
  return Float64Array.from({ length: n }, () => {
    const u = rng.next();
    if (u < 0.3) return 0;
    if (u < 0.4) return Math.floor(rng.next() * 50);
    return rng.exponential(300);
  });
}

describe('percentiles', () => {
  it('selection by counts (zeros, then whole seconds) gives exactly the nearest-rank value of a sort, over any range', () => {
    for (const seed of [1, 2, 3]) {
      const values = waits(5_000, seed);
      const lo = 700;
      const hi = 4_321;
      const counts = new Int32Array(Math.ceil(Math.max(...values)) + 2);
      for (let i = lo; i < hi; i++) {
        const b = countBucket(values[i] as number);
        counts[b] = (counts[b] as number) + 1;
      }
      const sorted = values.slice(lo, hi).sort();
      for (const p of [0.1, 25, 30, 50, 95, 99.9, 100]) {
        const k = nearestRankIndex(p, hi - lo);
        expect(selectByCounts(values, lo, hi, counts, k)).toBe(sorted[k]);
        expect(percentileInPlace(values.slice(), p, lo, hi)).toBe(sorted[k]);
      }
    }
  });
});
