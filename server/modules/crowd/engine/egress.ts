/**
 * Egress and emergency evacuation times by the Green Guide flow-rate method: the time to clear a route
 * is people ÷ (rate × width). Rates: 82 persons per metre width per minute on level or ramped routes,
 * 66 on stairways (Guide to Safety at Sports Grounds, 6th ed. 2018; Larsson et al., Fire Safety
 * Journal 120, 2021). Normal egress must take at most 8 minutes; the emergency evacuation time is set
 * between 2.5 and 8 minutes by risk assessment.
 */
import type { EgressResult, EgressSpec } from '../../../../common/contracts/crowd-scenario.ts';

/** Route kinds and their Green Guide (6th ed.) egress rates in persons per metre width per minute. */
export const GREEN_GUIDE_RATES = { level: 82, ramp: 82, stair: 66 } as const;

/** Observed stadium egress flows were all below 60 p/(m·min) (Larsson et al. 2021): the "realistic" sensitivity rate. */
export const REALISTIC_RATE_PER_METRE_MINUTE = 60;

/** Green Guide maximum normal egress time in minutes. */
export const NORMAL_EGRESS_TARGET_MINUTES = 8;

/** Kind of an exit route. */
export type RouteKind = keyof typeof GREEN_GUIDE_RATES;

/** Minutes for `people` to pass a route of `widthMetres` at `ratePerMetreMinute`: people ÷ (rate × width). */
export function flowTimeMinutes(people: number, widthMetres: number, ratePerMetreMinute: number): number {
  return people / (ratePerMetreMinute * widthMetres);
}

/** Resolves the rate of each route kind from optional overrides and the Green Guide defaults. */
export function resolveRates(overrides?: Partial<Record<RouteKind, number | undefined>>): Record<RouteKind, number> {
  return {
    level: overrides?.level ?? GREEN_GUIDE_RATES.level,
    ramp: overrides?.ramp ?? GREEN_GUIDE_RATES.ramp,
    stair: overrides?.stair ?? GREEN_GUIDE_RATES.stair,
  };
}

/**
 * Time for each route to clear its share of the crowd, the worst route as the normal egress time,
 * the same at the realistic 60 p/(m·min) (never above the design rate), and the emergency check.
 */
export function computeEgress(spec: EgressSpec, attendance: number): EgressResult {
  const rates = resolveRates(spec.ratePerMetreMinute);
  const target = spec.targetMinutes ?? NORMAL_EGRESS_TARGET_MINUTES;
  const shareSum = spec.routes.reduce((s, r) => s + r.share, 0);
  const routes = spec.routes.map((r) => {
    const people = (attendance * r.share) / shareSum;
    const rate = rates[r.kind];
    const minutes = flowTimeMinutes(people, r.widthMetres, rate);
    return {
      id: r.id,
      kind: r.kind,
      people,
      ratePerMetreMinute: rate,
      minutes,
      realisticMinutes: flowTimeMinutes(people, r.widthMetres, Math.min(rate, REALISTIC_RATE_PER_METRE_MINUTE)),
      meetsTarget: minutes <= target,
    };
  });
  const worst = Math.max(...routes.map((r) => r.minutes));
  const emergencyMinutes = spec.emergencyEvacuationMinutes;
  return {
    normalEgressMinutes: worst,
    targetMinutes: target,
    meetsTarget: worst <= target,
    realisticEgressMinutes: Math.max(...routes.map((r) => r.realisticMinutes)),
    emergency:
      emergencyMinutes === undefined
        ? null
        : { evacuationMinutes: emergencyMinutes, worstRouteMinutes: worst, meets: worst <= emergencyMinutes },
    routes,
  };
}
