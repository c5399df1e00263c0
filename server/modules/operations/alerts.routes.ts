import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, Page } from '../../../common/contracts/common.ts';
import { AlertQuery, CapParams, DraftAlertBody, PublicAlert, RejectAlertBody } from '../../../common/contracts/operations.ts';
import { problemResponses } from '../../platform/http/openapi.ts';
import type { AlertsService } from './alerts.service.ts';
import { CAP_MEDIA_TYPE } from './cap.ts';

const tags = ['operations'];

export function alertsRoutes(alerts: AlertsService): FastifyPluginAsyncZod {
  return async (app) => {
    app.post('/api/alerts', {
      config: { access: 'alert:draft' },
      schema: { tags, summary: 'Draft a public safety alert in Arabic, French and English', body: DraftAlertBody, response: { 201: PublicAlert, ...problemResponses } },
    }, async (req, reply) => reply.code(201).send(await alerts.draft(req.ctx(), req.body)));

    app.get('/api/alerts', {
      config: { access: 'alert:read' },
      schema: { tags, summary: 'List alerts, drafts included', querystring: AlertQuery, response: { 200: Page(PublicAlert), ...problemResponses } },
    }, async (req) => alerts.list(req.ctx(), req.query));

    app.get('/api/alerts/:id', {
      config: { access: 'alert:read' },
      schema: { tags, summary: 'Read an alert', params: IdParams, response: { 200: PublicAlert, ...problemResponses } },
    }, async (req) => alerts.get(req.ctx(), req.params.id));

    app.post('/api/alerts/:id/approve', {
      config: { access: 'alert:approve' },
      schema: { tags, summary: "Approve another person's draft: it is published as CAP 1.2", params: IdParams, response: { 200: PublicAlert, ...problemResponses } },
    }, async (req) => alerts.approve(req.ctx(), req.params.id));

    app.post('/api/alerts/:id/reject', {
      config: { access: 'alert:approve' },
      schema: { tags, summary: 'Turn a draft down', params: IdParams, body: RejectAlertBody, response: { 200: PublicAlert, ...problemResponses } },
    }, async (req) => alerts.reject(req.ctx(), req.params.id, req.body.reason));

    app.get('/cap/alerts.atom', {
      config: { access: 'public' },
      schema: { tags, summary: 'Atom feed of published alerts (each entry links to its CAP 1.2 message)' },
    }, async (req, reply) => reply.type('application/atom+xml; charset=utf-8').header('cache-control', 'public, max-age=30').send(await alerts.atom(`${req.protocol}://${req.host}`)));

    app.get('/cap/alerts/:id', {
      config: { access: 'public' },
      schema: { tags, summary: 'One published alert as a CAP 1.2 message', params: CapParams },
    }, async (req, reply) => reply.type(`${CAP_MEDIA_TYPE}; charset=utf-8`).header('cache-control', 'public, max-age=300').send(await alerts.capXml(req.params.id)));
  };
}
