/** The public portal: openings, applicant accounts and the applicant's own applications. */
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, Locale, Page } from '../../../common/contracts/common.ts';
import {
  ApplicantLoginBody,
  ApplicantMe,
  ApplicantSession,
  ApplicationFields,
  BadgeCodeResponse,
  ConfirmEmailBody,
  CreateApplicationBody,
  ErasureResult,
  FileKind,
  Mailbox,
  MyApplication,
  Opening,
  OpeningQuery,
  RegisterBody,
  RegisterResponse,
} from '../../../common/contracts/workforce.ts';
import { AppError } from '../../platform/errors.ts';
import { problemResponses } from '../../platform/http/openapi.ts';
import type { AccreditationService } from './accreditation.service.ts';
import { APPLICANT_COOKIE, type ApplicantsService } from './applicants.service.ts';
import type { ApplicationsService } from './applications.service.ts';
import { MAX_SCAN_BYTES } from './files.ts';
import type { Mailer } from './mail.ts';
import type { OpeningsService } from './openings.service.ts';

const FileParams = z.strictObject({ id: z.uuid(), kind: FileKind });
const NoContent = { 204: z.null(), ...problemResponses };

export interface PortalDeps {
  openings: OpeningsService;
  applicants: ApplicantsService;
  applications: ApplicationsService;
  accreditation: AccreditationService;
  mailer: Mailer;
  ratePerMinute: number;
  isProduction: boolean;
}

export function portalRoutes(d: PortalDeps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(multipart, { limits: { fileSize: MAX_SCAN_BYTES + 1, files: 1, fields: 0, parts: 1 } });
    const rate = { max: d.ratePerMinute, timeWindow: 60_000 };

    app.get('/api/openings', {
      config: { access: 'public' },
      schema: { tags: ['workforce'], summary: 'Published openings and volunteer roles (filters kind, q)', querystring: OpeningQuery, response: { 200: Page(Opening), ...problemResponses } },
    }, async (req) => d.openings.listPublished(req.query));

    app.get('/api/openings/:id', {
      config: { access: 'public' },
      schema: { tags: ['workforce'], summary: 'One published opening', params: IdParams, response: { 200: Opening, ...problemResponses } },
    }, async (req) => d.openings.getPublished(req.params.id));

    app.post('/api/portal/register', {
      config: { access: 'public', rateLimit: rate },
      schema: { tags: ['portal'], summary: 'Create an applicant account; a confirmation link is emailed', body: RegisterBody, response: { 201: RegisterResponse, ...problemResponses } },
    }, async (req, reply) => reply.code(201).send(await d.applicants.register(req.id, req.body)));

    app.post('/api/portal/confirm', {
      config: { access: 'public', rateLimit: rate },
      schema: { tags: ['portal'], summary: "Confirm an applicant's email with the link's token", body: ConfirmEmailBody, response: NoContent },
    }, async (req, reply) => {
      await d.applicants.confirmEmail(req.id, req.body.token);
      return reply.code(204).send(null);
    });

    app.post('/api/portal/login', {
      config: { access: 'public', rateLimit: rate },
      schema: { tags: ['portal'], summary: 'Applicant sign-in; sets the portal session cookie', body: ApplicantLoginBody, response: { 200: ApplicantSession, ...problemResponses } },
    }, async (req, reply) => {
      const s = await d.applicants.login(req.id, req.body.email, req.body.password);
      reply.setCookie(APPLICANT_COOKIE, s.secret, { httpOnly: true, sameSite: 'strict', secure: req.protocol === 'https', path: '/', expires: s.expiresAt });
      return { applicant: s.applicant, csrfToken: s.csrfToken };
    });

    app.post('/api/portal/logout', {
      config: { access: 'applicant' },
      schema: { tags: ['portal'], summary: 'Applicant sign-out', response: NoContent },
    }, async (req, reply) => {
      await d.applicants.logout(req.ctx());
      reply.clearCookie(APPLICANT_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    });

    app.get('/api/portal/me', {
      config: { access: 'applicant' },
      schema: { tags: ['portal'], summary: 'The signed-in applicant and the CSRF token', response: { 200: z.object({ applicant: ApplicantMe, csrfToken: z.string().nullable() }), ...problemResponses } },
    }, async (req) => ({ applicant: await d.applicants.me(req.ctx()), csrfToken: req.csrfToken }));

    app.patch('/api/portal/me', {
      config: { access: 'applicant' },
      schema: { tags: ['portal'], summary: "Change the language of the applicant's messages", body: z.strictObject({ locale: Locale }), response: { 200: ApplicantMe, ...problemResponses } },
    }, async (req) => d.applicants.setLocale(req.ctx(), req.body.locale));

    app.get('/api/portal/applications', {
      config: { access: 'applicant' },
      schema: { tags: ['portal'], summary: "The applicant's applications", response: { 200: z.object({ items: z.array(MyApplication) }), ...problemResponses } },
    }, async (req) => ({ items: await d.applications.listMine(req.ctx()) }));

    app.post('/api/portal/applications', {
      config: { access: 'applicant' },
      schema: { tags: ['portal'], summary: 'Start a draft application to an opening', body: CreateApplicationBody, response: { 201: MyApplication, ...problemResponses } },
    }, async (req, reply) => reply.code(201).send(await d.applications.createDraft(req.ctx(), req.body.openingId)));

    app.get('/api/portal/applications/:id', {
      config: { access: 'applicant' },
      schema: { tags: ['portal'], summary: 'One of my applications with its timeline', params: IdParams, response: { 200: MyApplication, ...problemResponses } },
    }, async (req) => d.applications.getMine(req.ctx(), req.params.id));

    app.patch('/api/portal/applications/:id', {
      config: { access: 'applicant' },
      schema: { tags: ['portal'], summary: 'Save draft fields', params: IdParams, body: ApplicationFields, response: { 200: MyApplication, ...problemResponses } },
    }, async (req) => d.applications.saveDraft(req.ctx(), req.params.id, req.body));

    app.put('/api/portal/applications/:id/files/:kind', {
      config: { access: 'applicant' },
      schema: { tags: ['portal'], summary: 'Upload the photo (JPEG/PNG ≤ 5 MB) or passport scan (PDF/JPEG ≤ 8 MB), multipart field `file`', params: FileParams, response: { 200: MyApplication, ...problemResponses } },
    }, async (req) =>
      d.applications.uploadFile(req.ctx(), req.params.id, req.params.kind, async () => {
        const file = req.isMultipart() ? await req.file() : undefined;
        if (!file) throw new AppError('application.invalid_file', 'Send the file as multipart/form-data in the field `file`', { errors: [{ path: req.params.kind === 'photo' ? 'photo' : 'passportScan', message: 'missing file' }] });
        const bytes = await file.toBuffer().catch(() => {
          throw new AppError('application.invalid_file', 'The file is too large', { errors: [{ path: req.params.kind === 'photo' ? 'photo' : 'passportScan', message: 'too large' }] });
        });
        return bytes;
      }));

    app.get('/api/portal/applications/:id/files/:kind', {
      config: { access: 'applicant' },
      schema: { tags: ['portal'], summary: 'My uploaded photo or passport scan', params: FileParams },
    }, async (req, reply) => {
      const f = await d.applications.readMyFile(req.ctx(), req.params.id, req.params.kind);
      return reply.type(f.contentType).header('cache-control', 'private, no-store').send(f.bytes);
    });

    app.post('/api/portal/applications/:id/submit', {
      config: { access: 'applicant' },
      schema: { tags: ['portal'], summary: 'Submit the application (it goes to security vetting)', params: IdParams, response: { 200: MyApplication, ...problemResponses } },
    }, async (req) => d.applications.submit(req.ctx(), req.params.id));

    app.post('/api/portal/applications/:id/withdraw', {
      config: { access: 'applicant' },
      schema: { tags: ['portal'], summary: 'Withdraw the application', params: IdParams, response: { 200: MyApplication, ...problemResponses } },
    }, async (req) => d.applications.withdraw(req.ctx(), req.params.id));

    app.get('/api/portal/applications/:id/badge', {
      config: { access: 'applicant' },
      schema: { tags: ['portal'], summary: 'My badge (PDF), once accredited', params: IdParams },
    }, async (req, reply) => {
      const { pdf } = await d.accreditation.myBadge(req.ctx(), req.params.id);
      return reply.type('application/pdf').header('content-disposition', 'attachment; filename="badge.pdf"').header('cache-control', 'private, no-store').send(pdf);
    });

    app.get('/api/portal/applications/:id/badge-code', {
      config: { access: 'applicant' },
      schema: { tags: ['portal'], summary: "My badge's signed QR code, once accredited", params: IdParams, response: { 200: BadgeCodeResponse, ...problemResponses } },
    }, async (req) => ({ code: (await d.accreditation.myBadge(req.ctx(), req.params.id)).code }));

    app.get('/api/portal/export', {
      config: { access: 'applicant' },
      schema: { tags: ['portal'], summary: 'Download everything the portal holds about me (JSON)' },
    }, async (req, reply) => {
      const data = await d.applications.exportMine(req.ctx());
      return reply.type('application/json').header('content-disposition', 'attachment; filename="my-data.json"').header('cache-control', 'private, no-store').send(JSON.stringify(data, null, 2));
    });

    app.post('/api/portal/erase', {
      config: { access: 'applicant' },
      schema: { tags: ['portal'], summary: 'Erase my data (keeps only the minimal vetting record the law requires)', response: { 200: ErasureResult, ...problemResponses } },
    }, async (req, reply) => {
      const result = await d.applications.eraseMine(req.ctx());
      reply.clearCookie(APPLICANT_COOKIE, { path: '/' });
      return result;
    });

    app.get('/api/dev/mailbox', {
      config: { access: 'public' },
      schema: { tags: ['portal'], summary: 'Development only: the mail outbox (404 in production)', response: { 200: Mailbox, ...problemResponses } },
    }, async () => {
      if (d.isProduction) throw new AppError('route.not_found', 'No route GET /api/dev/mailbox');
      const rows = await d.mailer.latest(50);
      return { items: rows.map((m) => ({ id: m.id, to: m.to, subject: m.subject, body: m.body, createdAt: m.createdAt.toISOString(), sentAt: m.sentAt?.toISOString() ?? null })) };
    });

    if (d.isProduction) {
      app.get('/dev/mailbox', { config: { access: 'public' }, schema: { hide: true } }, async () => {
        throw new AppError('route.not_found', 'No route GET /dev/mailbox');
      });
    }
  };
}
