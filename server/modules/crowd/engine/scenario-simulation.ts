/**
 * One call for a whole match-day scenario: ingress simulation, egress times and transit dispersal.
 */
import type { CrowdScenario, SimulationResult } from '../../../../common/contracts/crowd-scenario.ts';
import { computeEgress } from './egress.ts';
import { simulateIngress } from './ingress-simulation.ts';
import { simulateTransitDispersal } from './transit.ts';

/** Top-level scenario fields the engine reads; any other is reported as a warning (it may be a typo). */
const KNOWN_FIELDS = new Set(['name', 'description', 'attendance', 'seed', 'arrivals', 'gates', 'sections', 'egress', 'transit']);

/** Simulates a validated scenario; `seed` overrides the scenario's own. */
export function simulateScenario(scenario: CrowdScenario, options: { seed?: number | undefined } = {}): SimulationResult {
  const { seed, warnings, ingress } = simulateIngress(scenario, options);
  for (const key of Object.keys(scenario)) if (!KNOWN_FIELDS.has(key)) warnings.push(`unknown field "${key}" ignored`);
  const egress = scenario.egress ? computeEgress(scenario.egress, scenario.attendance) : null;
  let transit = null;
  if (scenario.transit) {
    if (!egress) warnings.push('transit: no egress routes given, so fans are assumed to leave the stadium at once');
    transit = simulateTransitDispersal(scenario.transit, scenario.attendance, egress?.normalEgressMinutes ?? 0);
  }
  return { seed, warnings, ingress, egress, transit };
}
