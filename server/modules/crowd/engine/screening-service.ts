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
      // CHUNK is even, so every chunk but the last holds whole pairs.
      for (let from = offset; from < end; from += CHUNK) {
        const to = Math.min(end, from + CHUNK);
        rng.fill(lane, from, to);
        lognormalInPlace(lane, from, to, mu, sigma, (to - from) % 2 === 1 ? rng.next() : 0.5);
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
 * Turns pairs of uniforms into lognormal times exp(μ + σz), z standard normal by Box–Muller:
 * z = √(−2 ln u1)·(cos, sin)(2π u2). An odd last value is paired with the caller's `spare` uniform.
 */
function lognormalInPlace(values: Float64Array, from: number, to: number, mu: number, sigma: number, spare: number): void {
  // One loop shape for whole and odd chunks, so the optimised code never meets an untried statement.
  for (let i = from; i < to; i += 2) {
    const hasPair = i + 1 < to;
    const r = sigma * Math.sqrt(-2 * Math.log(values[i] as number));
    const theta = 2 * Math.PI * (hasPair ? (values[i + 1] as number) : spare);
    values[i] = Math.exp(mu + r * Math.cos(theta));
    if (hasPair) values[i + 1] = Math.exp(mu + r * Math.sin(theta));
  }
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
