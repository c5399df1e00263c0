/** The crowd-flow planner: venue plans with sign-offs, capacity checks, per-match runs (engine in ./engine/). */
import type { Platform } from '../../platform/platform.ts';
import { crowdRoutes } from './crowd.routes.ts';
import { createCrowdService } from './crowd.service.ts';
import { createExpectedCurveProvider } from './expected-curve.ts';

export { seedCrowdPlans } from './crowd.seed.ts';

export function createCrowdModule(platform: Platform) {
  const service = createCrowdService(platform);
  return { service, expectedCurve: createExpectedCurveProvider(platform), routes: crowdRoutes(service) };
}
