/**
 * Screening service times per fan. Walk-through metal detectors take about 5–7 s a person, and 5–15 %
 * of people get a secondary search of 30–60 s (REFERENCE.md §4, CCICADA study; the secondary figures
 * are assumptions exposed as parameters).
 */
import type { ServiceSpec } from '../../../../common/contracts/crowd-scenario.ts';
import { DRAW_EXPONENTIAL, DRAW_LOGNORMAL, type Random } from './random.ts';

export { normalQuantile } from './random.ts';

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
      rng.draw(DRAW_EXPONENTIAL, lane, offset, end, service.meanSeconds, 0);
      break;
    case 'lognormal': {
      const m = service.meanSeconds;
      const s = service.sdSeconds;
      const sigma2 = Math.log(1 + (s * s) / (m * m));
      const mu = Math.log(m) - sigma2 / 2;
      const sigma = Math.sqrt(sigma2);
      rng.draw(DRAW_LOGNORMAL, lane, offset, end, mu, sigma);
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
  return rng.below(extra, offset, end, secondary.rate, secondary.seconds) > 0;
}
