import type { Platform } from '../../platform/platform.ts';
import { auditRoutes } from './audit.routes.ts';
import { createAuditService } from './audit.service.ts';

export function createAuditModule(platform: Platform) {
  const service = createAuditService(platform);
  return { service, routes: auditRoutes(service) };
}
