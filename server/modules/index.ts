/** The capabilities this server runs, each built from the platform; their routes are registered by app.ts. */
import type { FastifyPluginAsync } from 'fastify';
import type { Platform } from '../platform/platform.ts';
import { createApiTokensModule } from './api-tokens/index.ts';
import { createAuditModule } from './audit/index.ts';
import { createAuthModule } from './auth/index.ts';
import { createCrowdModule } from './crowd/index.ts';
import { createOperationsModule } from './operations/index.ts';
import { createOrganisationsModule } from './organisations/index.ts';
import { createUsersModule } from './users/index.ts';
import { createVenuesModule } from './venues/index.ts';
import { createVettingModule } from './vetting/index.ts';
import { createWorkforceModule } from './workforce/index.ts';

export interface Module {
  routes: FastifyPluginAsync;
}

export function createModules(platform: Platform): Module[] {
  const vetting = createVettingModule(platform);
  const crowd = createCrowdModule(platform);
  const operations = createOperationsModule(platform);
  // Live gate counts are compared with the crowd plan's expected curve of the match.
  operations.service.telemetry.setExpectedCurveProvider(crowd.expectedCurve);
  return [
    createAuthModule(platform),
    createOrganisationsModule(platform),
    createUsersModule(platform),
    createVenuesModule(platform),
    createAuditModule(platform),
    createApiTokensModule(platform),
    vetting,
    createWorkforceModule(platform, { vetting: vetting.service }),
    operations,
    crowd,
  ];
}
