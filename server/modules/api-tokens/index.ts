import type { Platform } from '../../platform/platform.ts';
import { apiTokensRoutes } from './api-tokens.routes.ts';
import { createApiTokensService } from './api-tokens.service.ts';

export function createApiTokensModule(platform: Platform) {
  const service = createApiTokensService(platform);
  return { service, routes: apiTokensRoutes(service) };
}
