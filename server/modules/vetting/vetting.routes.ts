import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, Page } from '../../../common/contracts/common.ts';
import {
  BatchQuery,
  CreateWatchlistBody,
  DecideBody,
  DiffQuery,
  HitDetail,
  ImportQuery,
  ImportResult,
  QueueItem,
  QueueQuery,
  Screening,
  ScreeningBatch,
  ScreeningQuery,
  ScreeningSummary,
  ScreenPersonBody,
  ScreenResult,
  UpdateWatchlistBody,
  VersionParams,
  Watchlist,
  WatchlistDetail,
  WatchlistDiff,
  WatchlistQuery,
} from '../../../common/contracts/vetting.ts';
import { problemResponses } from '../../platform/http/openapi.ts';
import type { VettingServices } from './index.ts';

/** Largest watchlist or people file accepted (the UN Consolidated List is about 2 MB). */
export const UPLOAD_LIMIT_BYTES = 64 * 1024 * 1024;
/** File uploads are sent as the raw file, with the file's own content type. */
export const UPLOAD_TYPES = ['text/xml', 'application/xml', 'application/x-ndjson', 'application/jsonl', 'text/csv', 'text/plain'];
const FileBody = z.string().describe('The file itself (UN XML, FtM JSON lines or CSV), sent with its content type: text/xml, application/x-ndjson or text/csv');

export function vettingRoutes({ screenings, watchlists, batches }: VettingServices): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('onClose', async () => batches.drain());

    app.post('/api/screenings', {
      config: { access: 'vetting:screen' },
      schema: { tags: ['vetting'], summary: 'Screen one person against the active watchlists (the neutral outcome; hits for officers)', body: ScreenPersonBody, response: { 201: ScreenResult, ...problemResponses } },
    }, async (req, reply) => reply.code(201).send(await screenings.screen(req.ctx(), req.body)));

    app.get('/api/screenings', {
      config: { access: 'vetting:read' },
      schema: { tags: ['vetting'], summary: 'List current screenings (audited)', querystring: ScreeningQuery, response: { 200: Page(ScreeningSummary), ...problemResponses } },
    }, async (req) => screenings.listScreenings(req.ctx(), req.query));

    app.get('/api/screenings/:id', {
      config: { access: 'vetting:read' },
      schema: { tags: ['vetting'], summary: 'Read a screening with its person and hits (audited)', params: IdParams, response: { 200: Screening, ...problemResponses } },
    }, async (req) => screenings.getScreening(req.ctx(), req.params.id));

    app.get('/api/vetting/queue', {
      config: { access: 'vetting:read' },
      schema: { tags: ['vetting'], summary: 'Hits waiting for an officer, oldest first (audited)', querystring: QueueQuery, response: { 200: Page(QueueItem), ...problemResponses } },
    }, async (req) => screenings.queue(req.ctx(), req.query));

    app.get('/api/vetting/hits/:id', {
      config: { access: 'vetting:read' },
      schema: { tags: ['vetting'], summary: "A hit with the applicant's data, the list entry, the explanation and the decisions (audited)", params: IdParams, response: { 200: HitDetail, ...problemResponses } },
    }, async (req) => screenings.getHit(req.ctx(), req.params.id));

    app.post('/api/vetting/hits/:id/decisions', {
      config: { access: 'vetting:adjudicate' },
      schema: { tags: ['vetting'], summary: 'Decide on a hit: false positive, possible match (escalate) or confirmed match (four eyes)', params: IdParams, body: DecideBody, response: { 201: HitDetail, ...problemResponses } },
    }, async (req, reply) => reply.code(201).send(await screenings.decide(req.ctx(), req.params.id, req.body)));

    app.get('/api/watchlists', {
      config: { access: 'watchlist:read' },
      schema: { tags: ['vetting'], summary: 'List watchlists', querystring: WatchlistQuery, response: { 200: Page(Watchlist), ...problemResponses } },
    }, async (req) => watchlists.list(req.ctx(), req.query));

    app.post('/api/watchlists', {
      config: { access: 'watchlist:manage' },
      schema: { tags: ['vetting'], summary: 'Create a watchlist (import its first version next)', body: CreateWatchlistBody, response: { 201: Watchlist, ...problemResponses } },
    }, async (req, reply) => reply.code(201).send(await watchlists.create(req.ctx(), req.body)));

    app.get('/api/watchlists/:id', {
      config: { access: 'watchlist:read' },
      schema: { tags: ['vetting'], summary: 'Read a watchlist with its versions', params: IdParams, response: { 200: WatchlistDetail, ...problemResponses } },
    }, async (req) => watchlists.get(req.ctx(), req.params.id));

    app.patch('/api/watchlists/:id', {
      config: { access: 'watchlist:manage' },
      schema: { tags: ['vetting'], summary: 'Activate or deactivate a watchlist', params: IdParams, body: UpdateWatchlistBody, response: { 200: Watchlist, ...problemResponses } },
    }, async (req) => watchlists.setActive(req.ctx(), req.params.id, req.body.isActive));

    app.get('/api/watchlists/:id/versions/:version/diff', {
      config: { access: 'watchlist:read' },
      schema: { tags: ['vetting'], summary: 'What a version added, changed and removed', params: VersionParams, querystring: DiffQuery, response: { 200: WatchlistDiff, ...problemResponses } },
    }, async (req) => watchlists.diff(req.ctx(), req.params.id, req.params.version, req.query.limit));

    // File uploads: the raw file with its own content type, accepted only by these two routes.
    await app.register(async (scope) => {
      const files = scope.withTypeProvider<ZodTypeProvider>();
      files.addContentTypeParser(UPLOAD_TYPES, { parseAs: 'string', bodyLimit: UPLOAD_LIMIT_BYTES }, (_req, body, done) => done(null, body));

      files.post('/api/watchlists/:id/versions', {
        config: { access: 'watchlist:manage' },
        bodyLimit: UPLOAD_LIMIT_BYTES,
        schema: { tags: ['vetting'], summary: 'Import a file as the next version of a list (UN XML, FtM JSON lines or CSV); screens everyone again against the changes', consumes: ['text/xml', 'application/x-ndjson', 'text/csv'], params: IdParams, querystring: ImportQuery, body: FileBody, response: { 201: ImportResult, ...problemResponses } },
      }, async (req, reply) => reply.code(201).send(await watchlists.importVersion(req.ctx(), req.params.id, req.body, req.query.fileName ?? null)));

      files.post('/api/screenings/batches', {
        config: { access: 'vetting:screen' },
        bodyLimit: UPLOAD_LIMIT_BYTES,
        schema: { tags: ['vetting'], summary: 'Screen a people file (CSV) in the background; poll the batch for progress', consumes: ['text/csv'], querystring: BatchQuery, body: FileBody, response: { 202: ScreeningBatch, ...problemResponses } },
      }, async (req, reply) => reply.code(202).send(await batches.create(req.ctx(), req.body, req.query)));
    });

    app.get('/api/screenings/batches/:id', {
      config: { access: 'vetting:screen' },
      schema: { tags: ['vetting'], summary: "A batch's progress and counts", params: IdParams, response: { 200: ScreeningBatch, ...problemResponses } },
    }, async (req) => batches.get(req.ctx(), req.params.id));
  };
}
