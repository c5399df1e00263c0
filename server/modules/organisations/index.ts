import type { Platform } from '../../platform/platform.ts';
import { organisationsRoutes } from './organisations.routes.ts';
import { createOrganisationsService } from './organisations.service.ts';

export function createOrganisationsModule(platform: Platform) {
  const service = createOrganisationsService(platform);
  return { service, routes: organisationsRoutes(service) };
}
