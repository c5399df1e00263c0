import type { Platform } from '../../platform/platform.ts';
import { authRoutes } from './auth.routes.ts';
import { createAuthService } from './auth.service.ts';

export function createAuthModule(platform: Platform) {
  const service = createAuthService(platform);
  return { service, routes: authRoutes(service, platform.config.login.ratePerMinute) };
}
