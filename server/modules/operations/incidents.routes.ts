import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, Page } from '../../../common/contracts/common.ts';
import {
  AssignmentParams,
  AttachmentParams,
  CreatePersonnelBody,
  DispatchBody,
  Incident,
  IncidentDetail,
  IncidentExportQuery,
  IncidentQuery,
  LinkBody,
  RestrictionBody,
  MyAssignment,
  NoteBody,
  Personnel,
  PersonnelQuery,
  ReportIncidentBody,
  Timeline,
  TransitionBody,
} from '../../../common/contracts/operations.ts';
import { problemResponses } from '../../platform/http/openapi.ts';
import { MAX_PHOTO_BYTES, type IncidentsService } from './incidents.service.ts';
import type { PersonnelService } from './personnel.service.ts';
import { z } from 'zod';

const tags = ['operations'];

export function incidentsRoutes(incidents: IncidentsService, personnel: PersonnelService): FastifyPluginAsyncZod {
  return async (app) => {
    // Photos arrive as their raw bytes (image/jpeg or image/png); the service checks the bytes themselves.
    app.addContentTypeParser(['image/jpeg', 'image/png'], { parseAs: 'buffer', bodyLimit: MAX_PHOTO_BYTES + 1 }, (_req, body, done) => done(null, body));

    app.post('/api/incidents', {
      config: { access: 'incident:report' },
      schema: {
        tags,
        summary: 'Report an incident (send a client-generated Idempotency-Key; a retry with the same key answers the same incident)',
        headers: z.object({ 'idempotency-key': z.string().max(100).optional() }),
        body: ReportIncidentBody,
        response: { 201: Incident, ...problemResponses },
      },
    }, async (req, reply) => {
      const { incident, created } = await incidents.report(req.ctx(), req.headers['idempotency-key'], req.body);
      if (!created) reply.header('idempotent-replayed', 'true');
      return reply.code(201).send(incident);
    });

    app.get('/api/incidents', {
      config: { access: 'incident:read' },
      schema: { tags, summary: 'List incidents you may see (filters venueId, status, severity, category, since, q)', querystring: IncidentQuery, response: { 200: Page(Incident), ...problemResponses } },
    }, async (req) => incidents.list(req.ctx(), req.query));

    app.get('/api/incidents/export.csv', {
      config: { access: 'incident:read' },
      schema: { tags, summary: 'Export the incidents you may see as CSV (same filters as the list)', querystring: IncidentExportQuery },
    }, async (req, reply) => reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="incidents.csv"').send(await incidents.exportCsv(req.ctx(), req.query)));

    app.get('/api/incidents/:id', {
      config: { access: 'incident:read' },
      schema: { tags, summary: 'Read an incident', params: IdParams, response: { 200: IncidentDetail, ...problemResponses } },
    }, async (req) => incidents.get(req.ctx(), req.params.id));

    app.get('/api/incidents/:id/timeline', {
      config: { access: 'incident:read' },
      schema: { tags, summary: "An incident's append-only timeline", params: IdParams, response: { 200: Timeline, ...problemResponses } },
    }, async (req) => incidents.timeline(req.ctx(), req.params.id));

    app.post('/api/incidents/:id/transitions', {
      config: { access: 'incident:read' },
      schema: { tags, summary: 'Move an incident to another status (who may make which move: docs/operations.md)', params: IdParams, body: TransitionBody, response: { 200: IncidentDetail, ...problemResponses } },
    }, async (req) => incidents.transition(req.ctx(), req.params.id, req.body));

    app.post('/api/incidents/:id/notes', {
      config: { access: 'incident:read' },
      schema: { tags, summary: 'Add a note to the timeline', params: IdParams, body: NoteBody, response: { 200: IncidentDetail, ...problemResponses } },
    }, async (req) => incidents.addNote(req.ctx(), req.params.id, req.body.text));

    app.post('/api/incidents/:id/restriction', {
      config: { access: 'incident:read_restricted' },
      schema: { tags, summary: 'Restrict an incident to command and intelligence, or lift that (never for a terrorist threat)', params: IdParams, body: RestrictionBody, response: { 200: IncidentDetail, ...problemResponses } },
    }, async (req) => incidents.restrict(req.ctx(), req.params.id, req.body));

    app.post('/api/incidents/:id/links', {
      config: { access: 'incident:triage' },
      schema: { tags, summary: 'Link another incident', params: IdParams, body: LinkBody, response: { 200: IncidentDetail, ...problemResponses } },
    }, async (req) => incidents.link(req.ctx(), req.params.id, req.body.incidentId));

    app.post('/api/incidents/:id/assignments', {
      config: { access: 'incident:triage' },
      schema: { tags, summary: 'Dispatch a person from the personnel list', params: IdParams, body: DispatchBody, response: { 200: IncidentDetail, ...problemResponses } },
    }, async (req) => incidents.dispatch(req.ctx(), req.params.id, req.body));

    app.post('/api/incidents/:id/assignments/:assignmentId/acknowledge', {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'The person dispatched acknowledges the assignment', params: AssignmentParams, response: { 200: IncidentDetail, ...problemResponses } },
    }, async (req) => incidents.acknowledgeAssignment(req.ctx(), req.params.id, req.params.assignmentId));

    app.post('/api/incidents/:id/attachments', {
      config: { access: 'incident:read' },
      bodyLimit: MAX_PHOTO_BYTES + 1,
      schema: { tags, summary: 'Attach a photo (body: the JPEG or PNG bytes, at most 5 MB)', params: IdParams, response: { 200: IncidentDetail, ...problemResponses } },
    }, async (req) => incidents.addAttachment(req.ctx(), req.params.id, req.headers['content-type'], req.body as Buffer));

    app.get('/api/incidents/:id/attachments/:attachmentId', {
      config: { access: 'incident:read' },
      schema: { tags, summary: 'A photo of an incident', params: AttachmentParams },
    }, async (req, reply) => {
      const { contentType, bytes } = await incidents.getAttachment(req.ctx(), req.params.id, req.params.attachmentId);
      return reply.type(contentType).header('cache-control', 'private, max-age=3600').header('content-disposition', 'inline').send(bytes);
    });

    app.get('/api/assignments/mine', {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Assignments of the people linked to my account', response: { 200: z.object({ items: z.array(MyAssignment) }), ...problemResponses } },
    }, async (req) => incidents.myAssignments(req.ctx()));

    app.get('/api/personnel', {
      config: { access: 'personnel:read' },
      schema: { tags, summary: 'List personnel (command: all; partner commander: own organisation)', querystring: PersonnelQuery, response: { 200: Page(Personnel), ...problemResponses } },
    }, async (req) => personnel.list(req.ctx(), req.query));

    app.post('/api/personnel', {
      config: { access: 'personnel:manage' },
      schema: { tags, summary: 'Add a person to an organisation', body: CreatePersonnelBody, response: { 201: Personnel, ...problemResponses } },
    }, async (req, reply) => reply.code(201).send(await personnel.create(req.ctx(), req.body)));
  };
}
