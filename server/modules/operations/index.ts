/** Live operations: incidents from the field, dispatch, gate telemetry and public safety alerts. */
import type { FastifyPluginAsync } from 'fastify';
import type { Platform } from '../../platform/platform.ts';
import { alertsRoutes } from './alerts.routes.ts';
import { createAlertsService } from './alerts.service.ts';
import { incidentsRoutes } from './incidents.routes.ts';
import { createIncidentsService } from './incidents.service.ts';
import { createPersonnelService } from './personnel.service.ts';
import { telemetryRoutes } from './telemetry.routes.ts';
import { createTelemetryService } from './telemetry.service.ts';

export type { ExpectedCurveProvider } from './telemetry.service.ts';
export { seedDemoPersonnel } from './personnel.service.ts';

export function createOperationsModule(platform: Platform) {
  const incidents = createIncidentsService(platform);
  const personnel = createPersonnelService(platform);
  const telemetry = createTelemetryService(platform);
  const alerts = createAlertsService(platform);
  const routes: FastifyPluginAsync = async (app) => {
    await app.register(incidentsRoutes(incidents, personnel));
    await app.register(telemetryRoutes(telemetry));
    await app.register(alertsRoutes(alerts));
  };
  return { service: { incidents, personnel, telemetry, alerts }, routes };
}
