/**
 * Arrival times of fans at the outer perimeter, in seconds relative to kickoff, always sorted.
 * No authoritative arrival curve exists (REFERENCE.md §4), so every shipped profile is an assumption
 * meant to be edited; one vendor claims 60–70 % of fans arrive in the last 45 minutes.
 */
import type { ArrivalProfileName, ArrivalSpec } from '../../../../common/contracts/crowd-scenario.ts';
import { allocate, f64, kernels } from './kernels.ts';
import { DRAW_EXPONENTIAL_SUMS, type Random } from './random.ts';

/** Shipped cumulative arrival profiles ([minute, cumulative share]); assumptions, not measurements. */
export const ARRIVAL_PROFILES: Readonly<Record<ArrivalProfileName, ReadonlyArray<readonly [number, number]>>> = {
  // Assumption after the vendor claim above: 65 % arrive in the last 45 minutes, stragglers up to kickoff.
  'late-surge': [
    [-240, 0],
    [-180, 0.05],
    [-120, 0.15],
    [-90, 0.22],
    [-45, 0.35],
    [-15, 0.85],
    [0, 1],
  ],
  // Assumption: a flat rate from gate opening (3 h before) until 30 minutes before kickoff.
  steady: [
    [-180, 0],
    [-30, 1],
  ],
  // Assumption: fans who come early for fan-zone activities; most are in the area an hour before kickoff.
  'early-bird': [
    [-240, 0],
    [-180, 0.3],
    [-120, 0.65],
    [-60, 0.9],
    [-30, 1],
  ],
};

/**
 * Splits `total` into integer parts proportional to `weights` (largest-remainder / Hamilton method),
 * so that per-gate counts always add up to the attendance exactly.
 */
export function apportion(total: number, weights: ArrayLike<number>): number[] {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += weights[i] as number;
  const parts: number[] = [];
  const remainders: Array<[number, number]> = [];
  let given = 0;
  for (let i = 0; i < weights.length; i++) {
    const exact = sum > 0 ? (total * (weights[i] as number)) / sum : 0;
    const whole = Math.floor(exact);
    parts.push(whole);
    given += whole;
    remainders.push([exact - whole, i]);
  }
  // Ties go to the lower index so the split is deterministic.
  remainders.sort((x, y) => y[0] - x[0] || x[1] - y[1]);
  for (let k = 0; given < total && k < remainders.length; k++, given++) {
    const i = (remainders[k] as [number, number])[1];
    parts[i] = (parts[i] as number) + 1;
  }
  return parts;
}

/** The cumulative profile of a spec, resolving a shipped profile name. */
export function profilePoints(spec: Extract<ArrivalSpec, { kind: 'profile' }>): ReadonlyArray<readonly [number, number]> {
  if (spec.points) return spec.points;
  return ARRIVAL_PROFILES[spec.name ?? 'late-surge'];
}

/**
 * Fills `out` (sorted ascending) with the arrival seconds of `out.length` fans; `rateShare` scales a
 * Poisson rate to the part of the crowd generated here (a gate with 10 % of fans sees 10 % of the rate).
 */
export function generateArrivals(spec: ArrivalSpec, rng: Random, out: Float64Array, rateShare = 1): void {
  const n = out.length;
  if (n === 0) return;
  switch (spec.kind) {
    case 'regular': {
      const from = spec.from * 60;
      const step = ((spec.to - spec.from) * 60) / n;
      for (let i = 0; i < n; i++) out[i] = from + i * step;
      return;
    }
    case 'poisson':
      // Rate-driven: a homogeneous Poisson process from `from`, stopped at the n-th arrival.
      exponentialRunningSums(rng, out, spec.from * 60, 60 / (spec.ratePerMinute * rateShare));
      return;
    case 'uniform': {
      const total = sortedUniformSums(rng, out);
      const { values } = allocate({ values: 8 * n });
      f64(values, n).set(out);
      kernels.affine(values, n, ((spec.to - spec.from) * 60) / total, spec.from * 60);
      out.set(f64(values, n));
      return;
    }
    case 'profile': {
      // Dividing the running sums by their total gives the sorted uniforms; the inversion does both.
      invertProfile(profilePoints(spec), out, 1 / sortedUniformSums(rng, out));
      return;
    }
  }
}

/** Fills `out` with start + running sums of exponentials of the given mean (a Poisson process's arrival times). */
function exponentialRunningSums(rng: Random, out: Float64Array, start: number, mean: number): number {
  return rng.draw(DRAW_EXPONENTIAL_SUMS, out, 0, out.length, start, mean);
}

/**
 * Fills `out` with the running sums of n unit exponentials and returns the sum of n + 1 of them: dividing
 * by it gives the order statistics of n independent uniforms in O(n), without sorting (Rényi's
 * representation; Devroye, Non-Uniform Random Variate Generation, 1986, §V.2).
 */
function sortedUniformSums(rng: Random, out: Float64Array): number {
  return exponentialRunningSums(rng, out, 0, 1) - Math.log(rng.next());
}

/**
 * Maps sorted values in place to seconds through the inverse of a piecewise-linear cumulative profile,
 * after scaling them by `scale` into uniforms on (0, 1); runs in WebAssembly (wasm/random.ts).
 */
function invertProfile(points: ReadonlyArray<readonly [number, number]>, u: Float64Array, scale: number): void {
  const m = points.length;
  const n = u.length;
  const { values, seconds, shares } = allocate({ values: 8 * n, seconds: 8 * m, shares: 8 * m });
  f64(values, n).set(u);
  const s = f64(seconds, m);
  const c = f64(shares, m);
  for (let k = 0; k < m; k++) {
    const p = points[k] as readonly [number, number];
    s[k] = p[0] * 60;
    c[k] = p[1];
  }
  kernels.invertProfile(values, n, scale, seconds, shares, m);
  u.set(f64(values, n));
}
