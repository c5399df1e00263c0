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
    case 'exponential': {
      const mean = service.meanSeconds;
      rng.fill(lane, offset, end);
      for (let i = offset; i < end; i++) lane[i] = -mean * Math.log(lane[i] as number);
      break;
    }
    case 'lognormal': {
      const m = service.meanSeconds;
      const s = service.sdSeconds;
      const sigma2 = Math.log(1 + (s * s) / (m * m));
      const mu = Math.log(m) - sigma2 / 2;
      const sigma = Math.sqrt(sigma2);
      // Box–Muller on pairs of uniforms drawn in bulk: z = √(−2 ln u1)·(cos, sin)(2π u2).
      rng.fill(lane, offset, end);
      let i = offset;
      for (; i + 1 < end; i += 2) {
        const r = sigma * Math.sqrt(-2 * Math.log(lane[i] as number));
        const theta = 2 * Math.PI * (lane[i + 1] as number);
        lane[i] = Math.exp(mu + r * Math.cos(theta));
        lane[i + 1] = Math.exp(mu + r * Math.sin(theta));
      }
      if (i < end) lane[i] = Math.exp(mu + sigma * rng.normal());
      break;
    }
  }
  if (!secondary || secondary.rate <= 0 || secondary.seconds <= 0) {
    extra.fill(0, offset, end);
    return false;
  }
  const rate = secondary.rate;
  const seconds = secondary.seconds;
  if (secondary.blocksLane) {
    extra.fill(0, offset, end);
    for (let i = offset; i < end; i++) if (rng.next() < rate) lane[i] = (lane[i] as number) + seconds;
    return false;
  }
  rng.fill(extra, offset, end);
  let any = false;
  for (let i = offset; i < end; i++) {
    const searched = (extra[i] as number) < rate;
    extra[i] = searched ? seconds : 0;
    any ||= searched;
  }
  return any;
}
