/**
 * Screening service times per fan. Walk-through metal detectors take about 5–7 s a person, and 5–15 %
 * of people get a secondary search of 30–60 s (REFERENCE.md §4, CCICADA study; the secondary figures
 * are assumptions exposed as parameters).
 */
import type { ServiceSpec } from '../../../../common/contracts/crowd-scenario.ts';
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
      rng.fill(lane, offset, end);
      exponentialInPlace(lane, offset, end, service.meanSeconds);
      break;
    case 'lognormal': {
      const m = service.meanSeconds;
      const s = service.sdSeconds;
      const sigma2 = Math.log(1 + (s * s) / (m * m));
      rng.fill(lane, offset, end);
      const spare = (end - offset) % 2 === 1 ? rng.next() : 0.5;
      lognormalInPlace(lane, offset, end, Math.log(m) - sigma2 / 2, Math.sqrt(sigma2), spare);
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
  rng.fill(extra, offset, end);
  return thresholdInPlace(extra, offset, end, secondary.rate, secondary.seconds);
}

/** Turns uniforms into exponential times with the given mean (inverse CDF: −mean·ln u). */
function exponentialInPlace(values: Float64Array, from: number, to: number, mean: number): void {
  for (let i = from; i < to; i++) values[i] = -mean * Math.log(values[i] as number);
}

/**
 * Turns pairs of uniforms into lognormal times exp(μ + σz), z standard normal by Box–Muller:
 * z = √(−2 ln u1)·(cos, sin)(2π u2). An odd last value is paired with the caller's `spare` uniform.
 */
function lognormalInPlace(values: Float64Array, from: number, to: number, mu: number, sigma: number, spare: number): void {
  let i = from;
  for (; i + 1 < to; i += 2) {
    const r = sigma * Math.sqrt(-2 * Math.log(values[i] as number));
    const theta = 2 * Math.PI * (values[i + 1] as number);
    values[i] = Math.exp(mu + r * Math.cos(theta));
    values[i + 1] = Math.exp(mu + r * Math.sin(theta));
  }
  if (i < to) values[i] = Math.exp(mu + sigma * Math.sqrt(-2 * Math.log(values[i] as number)) * Math.cos(2 * Math.PI * spare));
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
