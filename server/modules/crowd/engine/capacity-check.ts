/**
 * The capacity check of the Guide to Safety at Sports Grounds (6th ed. 2018, "Green Guide"; SGSA): for
 * each section, the entry, holding, exit and emergency-evacuation capacities; the final safe capacity is
 * the lowest of the four and the factor that gives it is named. The venue's final capacity is the sum of
 * its sections' final capacities.
 */
import type { CapacityFactor, CapacityPlan, CapacityResult } from '../../../../common/contracts/crowd-scenario.ts';
import { NORMAL_EGRESS_TARGET_MINUTES, resolveRates } from './egress.ts';
import { DEFAULT_TURNSTILE_RATE_PER_HOUR } from './ingress-preparation.ts';

/** Green Guide entry capacity counts the people who can pass the entry points within one hour. */
export const ENTRY_WINDOW_MINUTES = 60;

/** Tie order when two capacities are equal: the order the Green Guide lists them in. */
const FACTOR_ORDER: readonly CapacityFactor[] = ['holding', 'entry', 'exit', 'emergency-evacuation'];

/**
 * Checks a capacity plan. A gate or exit serving several sections is shared among them in proportion to
 * their holding capacities (an assumption: the Guide assesses each section's own routes).
 */
export function checkCapacity(plan: CapacityPlan): CapacityResult {
  const rates = resolveRates(plan.ratePerMetreMinute);
  const turnstileRate = plan.turnstileRatePerHour ?? DEFAULT_TURNSTILE_RATE_PER_HOUR;
  const entryWindow = plan.entryWindowMinutes ?? ENTRY_WINDOW_MINUTES;
  const normalMinutes = plan.normalEgressMinutes ?? NORMAL_EGRESS_TARGET_MINUTES;
  const emergencyMinutes = plan.emergencyEvacuationMinutes;

  const holding = new Map(plan.sections.map((s) => [s.id, s.seats * Math.min(s.physicalFactor, s.safetyFactor)]));
  const entry = new Map(plan.sections.map((s) => [s.id, 0]));
  const exit = new Map(plan.sections.map((s) => [s.id, 0]));
  const emergency = new Map(plan.sections.map((s) => [s.id, 0]));

  /** Adds `capacity` to the sections served, weighted by holding capacity (equally if all are zero). */
  const share = (target: Map<string, number>, sections: readonly string[], capacity: number): void => {
    const unique = [...new Set(sections)];
    const weight = unique.reduce((sum, id) => sum + (holding.get(id) ?? 0), 0);
    for (const id of unique) {
      const part = weight > 0 ? (holding.get(id) ?? 0) / weight : 1 / unique.length;
      target.set(id, (target.get(id) ?? 0) + capacity * part);
    }
  };

  let venueEntry = 0;
  for (const gate of plan.gates) {
    const capacity = gate.turnstiles * (gate.ratePerHour ?? turnstileRate) * (entryWindow / 60);
    venueEntry += capacity;
    share(entry, gate.sections, capacity);
  }
  let venueExit = 0;
  let venueEmergency = 0;
  for (const route of plan.exits) {
    const perMinute = route.widthMetres * rates[route.kind];
    venueEmergency += perMinute * emergencyMinutes;
    share(emergency, route.sections, perMinute * emergencyMinutes);
    if (route.use === 'emergency-only') continue;
    venueExit += perMinute * normalMinutes;
    share(exit, route.sections, perMinute * normalMinutes);
  }

  const limitedBy: Record<string, number> = {};
  const placesBy = new Map<CapacityFactor, number>();
  const sections = plan.sections.map((s) => {
    // People are whole: round each capacity down, as a safe capacity must not be overstated.
    const figures = {
      entry: Math.floor((entry.get(s.id) ?? 0) + 1e-9),
      holding: Math.floor((holding.get(s.id) ?? 0) + 1e-9),
      exit: Math.floor((exit.get(s.id) ?? 0) + 1e-9),
      emergencyEvacuation: Math.floor((emergency.get(s.id) ?? 0) + 1e-9),
    };
    const { final, limitingFactor } = lowest(figures);
    limitedBy[limitingFactor] = (limitedBy[limitingFactor] ?? 0) + 1;
    placesBy.set(limitingFactor, (placesBy.get(limitingFactor) ?? 0) + (figures.holding - final));
    return { id: s.id, seats: s.seats, ...figures, final, limitingFactor };
  });

  const venueFigures = {
    entry: Math.floor(venueEntry + 1e-9),
    holding: sections.reduce((sum, s) => sum + s.holding, 0),
    exit: Math.floor(venueExit + 1e-9),
    emergencyEvacuation: Math.floor(venueEmergency + 1e-9),
  };
  // The venue is limited by the factor that removes the most places below holding capacity across its
  // sections; when no section loses places, by holding capacity itself.
  let venueFactor: CapacityFactor = 'holding';
  let most = 0;
  for (const factor of FACTOR_ORDER) {
    const lost = placesBy.get(factor) ?? 0;
    if (lost > most) {
      most = lost;
      venueFactor = factor;
    }
  }
  return {
    venue: {
      seats: plan.sections.reduce((sum, s) => sum + s.seats, 0),
      ...venueFigures,
      final: sections.reduce((sum, s) => sum + s.final, 0),
      limitingFactor: venueFactor,
      limitedBy,
    },
    sections,
    parameters: {
      turnstileRatePerHour: turnstileRate,
      entryWindowMinutes: entryWindow,
      normalEgressMinutes: normalMinutes,
      emergencyEvacuationMinutes: emergencyMinutes,
      ratePerMetreMinute: rates,
    },
  };
}

/** The lowest of the four capacities and its factor (ties go to the Green Guide's order). */
function lowest(f: { entry: number; holding: number; exit: number; emergencyEvacuation: number }): {
  final: number;
  limitingFactor: CapacityFactor;
} {
  const values: Record<CapacityFactor, number> = {
    holding: f.holding,
    entry: f.entry,
    exit: f.exit,
    'emergency-evacuation': f.emergencyEvacuation,
  };
  let limitingFactor: CapacityFactor = 'holding';
  for (const factor of FACTOR_ORDER) if (values[factor] < values[limitingFactor]) limitingFactor = factor;
  return { final: values[limitingFactor], limitingFactor };
}
