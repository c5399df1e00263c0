/**
 * Arrival times of fans at the outer perimeter, in seconds relative to kickoff, always sorted.
 * No authoritative arrival curve exists (REFERENCE.md §4), so every shipped profile is an assumption
 * meant to be edited; one vendor claims 60–70 % of fans arrive in the last 45 minutes.
 */
import type { ArrivalProfileName, ArrivalSpec } from '../../../../common/contracts/crowd-scenario.ts';
import { DRAW_EXPONENTIAL_SUMS, type Random } from './random.ts';

/**
 * Long loops run in chunks of this many fans: V8 then optimises each small kernel once, as a whole
 * function with complete type feedback, instead of compiling an on-stack-replacement copy during one long
 * first call, deoptimising and compiling again; this roughly halves the JIT work of a cold run.
 */
export const CHUNK = 256;

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
      const span = (spec.to - spec.from) * 60;
      for (let from = 0; from < n; from += CHUNK) affineInPlace(out, from, Math.min(n, from + CHUNK), span / total, spec.from * 60);
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
  const n = out.length;
  let sum = start;
  for (let from = 0; from < n; from += CHUNK) sum = rng.draw(DRAW_EXPONENTIAL_SUMS, out, from, Math.min(n, from + CHUNK), sum, mean);
  return sum;
}

/**
 * Fills `out` with the running sums of n unit exponentials and returns the sum of n + 1 of them: dividing
 * by it gives the order statistics of n independent uniforms in O(n), without sorting (Rényi's
 * representation; Devroye, Non-Uniform Random Variate Generation, 1986, §V.2).
 */
function sortedUniformSums(rng: Random, out: Float64Array): number {
  return exponentialRunningSums(rng, out, 0, 1) - Math.log(rng.next());
}

/** values[i] ← offset + scale · values[i]. */
function affineInPlace(values: Float64Array, from: number, to: number, scale: number, offset: number): void {
  for (let i = from; i < to; i++) values[i] = offset + scale * (values[i] as number);
}

/**
 * Maps sorted values in place to seconds through the inverse of a piecewise-linear cumulative profile,
 * after scaling them by `scale` into uniforms on (0, 1).
 */
function invertProfile(points: ReadonlyArray<readonly [number, number]>, u: Float64Array, scale: number): void {
  const m = points.length;
  const minutes = new Float64Array(m);
  const shares = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const p = points[k] as readonly [number, number];
    minutes[k] = p[0] * 60;
    shares[k] = p[1];
  }
  let segment = 0;
  for (let from = 0; from < u.length; from += CHUNK) segment = invertChunk(minutes, shares, u, from, Math.min(u.length, from + CHUNK), scale, segment);
}

/** Inverts the profile for sorted scale · u[from, to), starting the segment search at `segment`; returns where it ended. */
function invertChunk(minutes: Float64Array, shares: Float64Array, u: Float64Array, from: number, to: number, scale: number, segment: number): number {
  let j = segment;
  const last = minutes.length - 2;
  for (let i = from; i < to; i++) {
    const x = scale * (u[i] as number);
    // Advance to the segment whose cumulative share interval contains x; flat segments are skipped.
    while (j < last && (shares[j + 1] as number) < x) j++;
    const c0 = shares[j] as number;
    const c1 = shares[j + 1] as number;
    const t0 = minutes[j] as number;
    const f = c1 > c0 ? (x - c0) / (c1 - c0) : 1;
    u[i] = t0 + f * ((minutes[j + 1] as number) - t0);
  }
  return j;
}
