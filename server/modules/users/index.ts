import type { Platform } from '../../platform/platform.ts';
import { usersRoutes } from './users.routes.ts';
import { createUsersService } from './users.service.ts';

export function createUsersModule(platform: Platform) {
  const service = createUsersService(platform);
  return { service, routes: usersRoutes(service) };
}
