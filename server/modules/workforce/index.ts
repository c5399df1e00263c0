/**
 * The workforce portal and accreditation capability: openings, applicant accounts and applications,
 * employer decisions, work visas, accreditations, signed badges and offline checkpoints (docs/workforce.md).
 * Vetting is another capability: its service is passed in.
 */
import type { FastifyPluginAsync } from 'fastify';
import { registerCookieSession } from '../../platform/identity.ts';
import type { Platform } from '../../platform/platform.ts';
import { createAccreditationService } from './accreditation.service.ts';
import { APPLICANT_COOKIE, createApplicantsService, resolveApplicantSession } from './applicants.service.ts';
import { createApplicationsService, type VettingPort } from './applications.service.ts';
import { backOfficeRoutes } from './backoffice.routes.ts';
import { createBadgeKeys } from './badge-keys.ts';
import { createMailer } from './mail.ts';
import { createOpeningsService } from './openings.service.ts';
import { portalRoutes } from './portal.routes.ts';
import { createVisaService } from './visa.service.ts';

export type { VettingPort } from './applications.service.ts';
export { DEMO_APPLICANT_EMAIL, seedWorkforceDemo } from './workforce.seed.ts';

const MAIL_FLUSH_MS = 60_000;

export function createWorkforceModule(platform: Platform, deps: { vetting: VettingPort }) {
  const mailer = createMailer(platform);
  const keys = createBadgeKeys(platform);
  const openings = createOpeningsService(platform);
  const applicants = createApplicantsService(platform, mailer);
  const applications = createApplicationsService(platform, { vetting: deps.vetting, mailer });
  const visa = createVisaService(platform, { applications, mailer });
  const accreditation = createAccreditationService(platform, { applications, keys, mailer });
  const ttl = platform.config.sessionTtlMs;
  registerCookieSession({ cookie: APPLICANT_COOKIE, resolve: (db, clock, secret) => resolveApplicantSession(db, clock, secret, ttl) });

  const routes: FastifyPluginAsync = async (app) => {
    let timer: NodeJS.Timeout | null = null;
    app.addHook('onReady', async () => {
      if (!platform.config.mail.smtpUrl) return;
      timer = setInterval(() => void mailer.flush().catch(() => {}), MAIL_FLUSH_MS);
      timer.unref();
    });
    app.addHook('onClose', async () => {
      if (timer) clearInterval(timer);
      mailer.close();
    });
    await app.register(portalRoutes({ openings, applicants, applications, accreditation, mailer, ratePerMinute: platform.config.login.ratePerMinute, isProduction: platform.config.isProduction }));
    await app.register(backOfficeRoutes({ openings, applications, visa, accreditation }));
  };

  return { service: { openings, applicants, applications, visa, accreditation, mailer }, routes };
}
