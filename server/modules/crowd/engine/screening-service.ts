/**
 * Screening service times per fan. Walk-through metal detectors take about 5–7 s a person, and 5–15 %
 * of people get a secondary search of 30–60 s (REFERENCE.md §4, CCICADA study; the secondary figures
 * are assumptions exposed as parameters).
 */
import type { ServiceSpec } from '../../../../common/contracts/crowd-scenario.ts';
import { CHUNK } from './arrivals.ts';
import type { Random } from './random.ts';

/** Secondary search: the share of fans searched, for how long, and whether it holds the lane meanwhile. */
export interface SecondarySearchSpec {
  readonly rate: number;
  readonly seconds: number;
  readonly blocksLane?: boolean | undefined;
}

/** The mean time a fan occupies a lane, used for throughput checks and lower bounds. */
export function meanLaneSeconds(service: ServiceSpec, secondary?: SecondarySearchSpec): number {
  const base = service.kind === 'fixed' ? service.seconds : service.meanSeconds;
  return base + (secondary?.blocksLane ? secondary.rate * secondary.seconds : 0);
}

/**
 * Draws each fan's lane time and extra (off-lane) time into `lane` and `extra` from `offset` for `n` fans.
 * Lognormal parameters come from the mean m and s.d. s: σ² = ln(1 + s²/m²), μ = ln m − σ²/2.
 * Returns true when any fan got extra time (so callers can skip the extra array otherwise).
 */
export function drawScreeningTimes(
  service: ServiceSpec,
  secondary: SecondarySearchSpec | undefined,
  rng: Random,
  lane: Float64Array,
  extra: Float64Array,
  offset: number,
  n: number,
): boolean {
  const end = offset + n;
  switch (service.kind) {
    case 'fixed':
      lane.fill(service.seconds, offset, end);
      break;
    case 'exponential':
      for (let from = offset; from < end; from += CHUNK) {
        const to = Math.min(end, from + CHUNK);
        rng.fill(lane, from, to);
        exponentialInPlace(lane, from, to, service.meanSeconds);
      }
      break;
    case 'lognormal': {
      const m = service.meanSeconds;
      const s = service.sdSeconds;
      const sigma2 = Math.log(1 + (s * s) / (m * m));
      const mu = Math.log(m) - sigma2 / 2;
      const sigma = Math.sqrt(sigma2);
      for (let from = offset; from < end; from += CHUNK) {
        const to = Math.min(end, from + CHUNK);
        rng.fill(lane, from, to);
        lognormalInPlace(lane, from, to, mu, sigma);
      }
      break;
    }
  }
  if (!secondary || secondary.rate <= 0 || secondary.seconds <= 0) {
    extra.fill(0, offset, end);
    return false;
  }
  if (secondary.blocksLane) {
    extra.fill(0, offset, end);
    for (let i = offset; i < end; i++) if (rng.next() < secondary.rate) lane[i] = (lane[i] as number) + secondary.seconds;
    return false;
  }
  let any = false;
  for (let from = offset; from < end; from += CHUNK) {
    const to = Math.min(end, from + CHUNK);
    rng.fill(extra, from, to);
    any = thresholdInPlace(extra, from, to, secondary.rate, secondary.seconds) || any;
  }
  return any;
}

/** Turns uniforms into exponential times with the given mean (inverse CDF: −mean·ln u). */
function exponentialInPlace(values: Float64Array, from: number, to: number, mean: number): void {
  for (let i = from; i < to; i++) values[i] = -mean * Math.log(values[i] as number);
}

/**
 * Turns uniforms into lognormal times exp(μ + σz) by inversion, z = Φ⁻¹(u): one uniform per fan, no
 * trigonometry (about three times faster than Box–Muller here). Φ⁻¹ is normalQuantile written out (a
 * test checks they agree), so that a cold run compiles this loop alone rather than it and the function.
 */
function lognormalInPlace(values: Float64Array, from: number, to: number, mu: number, sigma: number): void {
  for (let i = from; i < to; i++) {
    const u = values[i] as number;
    let z: number;
    if (u > TAIL && u < 1 - TAIL) {
      const q = u - 0.5;
      const r = q * q;
      z = ((((((QA0 * r + QA1) * r + QA2) * r + QA3) * r + QA4) * r + QA5) * q) / (((((QB0 * r + QB1) * r + QB2) * r + QB3) * r + QB4) * r + 1);
    } else {
      const t = Math.sqrt(-2 * Math.log(u < 0.5 ? u : 1 - u));
      const tail = (((((QC0 * t + QC1) * t + QC2) * t + QC3) * t + QC4) * t + QC5) / ((((QD0 * t + QD1) * t + QD2) * t + QD3) * t + 1);
      z = u < 0.5 ? tail : -tail;
    }
    values[i] = Math.exp(mu + sigma * z);
  }
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

/** The standard normal quantile Φ⁻¹(u) for u in (0, 1), by Acklam's approximation (error about 10⁻⁹). */
export function normalQuantile(u: number): number {
  if (u > TAIL && u < 1 - TAIL) {
    const q = u - 0.5;
    const r = q * q;
    return (((((QA0 * r + QA1) * r + QA2) * r + QA3) * r + QA4) * r + QA5) * q / (((((QB0 * r + QB1) * r + QB2) * r + QB3) * r + QB4) * r + 1);
  }
  const t = Math.sqrt(-2 * Math.log(u < 0.5 ? u : 1 - u));
  const z = (((((QC0 * t + QC1) * t + QC2) * t + QC3) * t + QC4) * t + QC5) / ((((QD0 * t + QD1) * t + QD2) * t + QD3) * t + 1);
  return u < 0.5 ? z : -z;
}

/** Replaces uniforms below `rate` with `seconds` and the rest with 0; returns whether any was below. */
function thresholdInPlace(values: Float64Array, from: number, to: number, rate: number, seconds: number): boolean {
  let any = false;
  for (let i = from; i < to; i++) {
    const hit = (values[i] as number) < rate;
    values[i] = hit ? seconds : 0;
    any ||= hit;
  }
  return any;
}
