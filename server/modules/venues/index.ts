import type { Platform } from '../../platform/platform.ts';
import { venuesRoutes } from './venues.routes.ts';
import { createVenuesService } from './venues.service.ts';

export function createVenuesModule(platform: Platform) {
  const service = createVenuesService(platform);
  return { service, routes: venuesRoutes(service) };
}
