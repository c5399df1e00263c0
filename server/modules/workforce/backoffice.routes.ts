/** The back office: employers' openings and decisions, visa officers' cases, accreditations, badges and checkpoints. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, Page } from '../../../common/contracts/common.ts';
import {
  Accreditation,
  AccreditationQuery,
  ApplicationQuery,
  ApplicationView,
  BadgeCodeResponse,
  BadgeKeys,
  BadgeScan,
  BadgeScanQuery,
  CreateOpeningBody,
  DecisionBody,
  FileKind,
  IssueAccreditationBody,
  ManagedOpeningQuery,
  Opening,
  Revocations,
  ScanUpload,
  ScanUploadResult,
  UpdateOpeningBody,
  VerifyBody,
  VerifyResult,
  VisaCase,
  VisaCaseQuery,
  VisaStepBody,
} from '../../../common/contracts/workforce.ts';
import { problemResponses } from '../../platform/http/openapi.ts';
import type { AccreditationService } from './accreditation.service.ts';
import type { ApplicationsService } from './applications.service.ts';
import type { OpeningsService } from './openings.service.ts';
import type { VisaService } from './visa.service.ts';

const FileParams = z.strictObject({ id: z.uuid(), kind: FileKind });
const KidParams = z.strictObject({ kid: z.string().regex(/^[0-9a-f]{16}$/) });

export function backOfficeRoutes(d: { openings: OpeningsService; applications: ApplicationsService; visa: VisaService; accreditation: AccreditationService }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/manage/openings', {
      config: { access: 'opening:manage' },
      schema: { tags: ['workforce'], summary: "My organisation's openings, drafts and closed ones included", querystring: ManagedOpeningQuery, response: { 200: Page(Opening), ...problemResponses } },
    }, async (req) => d.openings.listManaged(req.ctx(), req.query));

    app.post('/api/manage/openings', {
      config: { access: 'opening:manage' },
      schema: { tags: ['workforce'], summary: 'Publish an opening (or save it as a draft)', body: CreateOpeningBody, response: { 201: Opening, ...problemResponses } },
    }, async (req, reply) => reply.code(201).send(await d.openings.create(req.ctx(), req.body)));

    app.patch('/api/manage/openings/:id', {
      config: { access: 'opening:manage' },
      schema: { tags: ['workforce'], summary: 'Edit, publish or close an opening (own organisation only)', params: IdParams, body: UpdateOpeningBody, response: { 200: Opening, ...problemResponses } },
    }, async (req) => d.openings.update(req.ctx(), req.params.id, req.body));

    app.get('/api/applications', {
      config: { access: 'application:review' },
      schema: { tags: ['workforce'], summary: 'Submitted applications (employers: to their openings only); filters openingId, status, ready', querystring: ApplicationQuery, response: { 200: Page(ApplicationView), ...problemResponses } },
    }, async (req) => d.applications.list(req.ctx(), req.query));

    app.get('/api/applications/:id', {
      config: { access: 'application:review' },
      schema: { tags: ['workforce'], summary: 'One application (audited read of personal data)', params: IdParams, response: { 200: ApplicationView, ...problemResponses } },
    }, async (req) => d.applications.get(req.ctx(), req.params.id));

    app.get('/api/applications/:id/files/:kind', {
      config: { access: 'application:review' },
      schema: { tags: ['workforce'], summary: "An application's photo or passport scan (audited)", params: FileParams },
    }, async (req, reply) => {
      const f = await d.applications.readFile(req.ctx(), req.params.id, req.params.kind);
      return reply.type(f.contentType).header('cache-control', 'private, no-store').send(f.bytes);
    });

    app.post('/api/applications/:id/decision', {
      config: { access: 'application:review' },
      schema: { tags: ['workforce'], summary: 'Shortlist, accept (after vetting clears) or decline', params: IdParams, body: DecisionBody, response: { 200: ApplicationView, ...problemResponses } },
    }, async (req) => d.applications.decide(req.ctx(), req.params.id, req.body.decision));

    app.get('/api/visa-cases', {
      config: { access: 'visa:manage' },
      schema: { tags: ['visa'], summary: 'Work-visa cases by due date (filter status)', querystring: VisaCaseQuery, response: { 200: Page(VisaCase), ...problemResponses } },
    }, async (req) => d.visa.list(req.ctx(), req.query));

    app.get('/api/visa-cases/:id', {
      config: { access: 'visa:manage' },
      schema: { tags: ['visa'], summary: 'One work-visa case', params: IdParams, response: { 200: VisaCase, ...problemResponses } },
    }, async (req) => d.visa.get(req.ctx(), req.params.id));

    app.post('/api/visa-cases/:id/steps', {
      config: { access: 'visa:manage' },
      schema: { tags: ['visa'], summary: 'Record the outcome of the current step (issuance: visa number and validity)', params: IdParams, body: VisaStepBody, response: { 200: VisaCase, ...problemResponses } },
    }, async (req) => d.visa.takeStep(req.ctx(), req.params.id, req.body));

    app.get('/api/accreditations', {
      config: { access: 'accreditation:read' },
      schema: { tags: ['accreditation'], summary: 'Accreditations (filter status: issued, suspended, revoked)', querystring: AccreditationQuery, response: { 200: Page(Accreditation), ...problemResponses } },
    }, async (req) => d.accreditation.list(req.ctx(), req.query));

    app.post('/api/accreditations', {
      config: { access: 'accreditation:manage' },
      schema: { tags: ['accreditation'], summary: 'Issue an accreditation (role, venues, zones, validity)', body: IssueAccreditationBody, response: { 201: Accreditation, ...problemResponses } },
    }, async (req, reply) => reply.code(201).send(await d.accreditation.issue(req.ctx(), req.body)));

    app.get('/api/accreditations/:id', {
      config: { access: 'accreditation:read' },
      schema: { tags: ['accreditation'], summary: 'One accreditation', params: IdParams, response: { 200: Accreditation, ...problemResponses } },
    }, async (req) => d.accreditation.get(req.ctx(), req.params.id));

    for (const action of ['suspend', 'reinstate', 'revoke'] as const) {
      app.post(`/api/accreditations/:id/${action}`, {
        config: { access: 'accreditation:manage' },
        schema: { tags: ['accreditation'], summary: `${action[0]!.toUpperCase()}${action.slice(1)} an accreditation`, params: IdParams, response: { 200: Accreditation, ...problemResponses } },
      }, async (req) => d.accreditation[action](req.ctx(), req.params.id));
    }

    app.get('/api/accreditations/:id/badge', {
      config: { access: 'accreditation:read' },
      schema: { tags: ['accreditation'], summary: 'The printable badge (PDF)', params: IdParams },
    }, async (req, reply) => {
      const pdf = await d.accreditation.badgePdf(req.ctx(), req.params.id);
      return reply.type('application/pdf').header('content-disposition', 'inline; filename="badge.pdf"').header('cache-control', 'private, no-store').send(pdf);
    });

    app.get('/api/accreditations/:id/badge-code', {
      config: { access: 'accreditation:read' },
      schema: { tags: ['accreditation'], summary: "The badge's signed QR code", params: IdParams, response: { 200: BadgeCodeResponse, ...problemResponses } },
    }, async (req) => d.accreditation.badgeCode(req.ctx(), req.params.id));

    app.post('/api/badges/verify', {
      config: { access: 'badge:verify' },
      schema: { tags: ['badges'], summary: 'Verify a scanned badge code', body: VerifyBody, response: { 200: VerifyResult, ...problemResponses } },
    }, async (req) => d.accreditation.verify(req.ctx(), req.body.code));

    app.get('/api/badges/keys', {
      config: { access: 'badge:verify' },
      schema: { tags: ['badges'], summary: 'Public keys that verify badges (for offline checkpoints)', response: { 200: BadgeKeys, ...problemResponses } },
    }, async (req) => d.accreditation.publicKeys(req.ctx()));

    app.post('/api/badges/keys/rotate', {
      config: { access: 'accreditation:manage' },
      schema: { tags: ['badges'], summary: 'A new signing key; older keys keep verifying', response: { 200: BadgeKeys.extend({ kid: z.string() }), ...problemResponses } },
    }, async (req) => d.accreditation.rotateKey(req.ctx()));

    app.post('/api/badges/keys/:kid/retire', {
      config: { access: 'accreditation:manage' },
      schema: { tags: ['badges'], summary: 'Retire a key: codes it signed stop verifying', params: KidParams, response: { 200: BadgeKeys, ...problemResponses } },
    }, async (req) => d.accreditation.retireKey(req.ctx(), req.params.kid));

    app.get('/api/badges/revocations', {
      config: { access: 'badge:verify' },
      schema: { tags: ['badges'], summary: 'Suspended and revoked accreditations and venue codes (for offline checkpoints)', response: { 200: Revocations, ...problemResponses } },
    }, async (req) => d.accreditation.revocations(req.ctx()));

    app.post('/api/badges/scans', {
      config: { access: 'badge:verify' },
      schema: { tags: ['badges'], summary: 'Upload scans a checkpoint recorded (idempotent per scan id)', body: ScanUpload, response: { 200: ScanUploadResult, ...problemResponses } },
    }, async (req) => d.accreditation.uploadScans(req.ctx(), req.body.scans));

    app.get('/api/badges/scans', {
      config: { access: 'accreditation:read' },
      schema: { tags: ['badges'], summary: 'Uploaded checkpoint scans, newest first', querystring: BadgeScanQuery, response: { 200: Page(BadgeScan), ...problemResponses } },
    }, async (req) => d.accreditation.listScans(req.ctx(), req.query));
  };
}
