import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { GateSeries, GateSeriesQuery, GateStatus, GateStatusQuery, TelemetryAccepted, TelemetryBatch, TelemetryCsvBody } from '../../../common/contracts/operations.ts';
import { problemResponses } from '../../platform/http/openapi.ts';
import type { TelemetryService } from './telemetry.service.ts';

const tags = ['operations'];

export function telemetryRoutes(telemetry: TelemetryService): FastifyPluginAsyncZod {
  return async (app) => {
    app.post('/api/telemetry/gates', {
      config: { access: 'telemetry:write' },
      bodyLimit: 2 * 1024 * 1024,
      schema: { tags, summary: "Push a batch of gate counts for one venue (API token with telemetry:write)", body: TelemetryBatch, response: { 202: TelemetryAccepted, ...problemResponses } },
    }, async (req, reply) => reply.code(202).send(await telemetry.ingest(req.ctx(), req.body)));

    app.post('/api/telemetry/gates/csv', {
      config: { access: 'telemetry:write' },
      bodyLimit: 2 * 1024 * 1024,
      schema: { tags, summary: 'Replay gate counts from a CSV (header gateId,at,admitted,queueEstimate)', body: TelemetryCsvBody, response: { 202: TelemetryAccepted, ...problemResponses } },
    }, async (req, reply) => reply.code(202).send(await telemetry.ingestCsv(req.ctx(), req.body)));

    app.get('/api/telemetry/gates', {
      config: { access: 'telemetry:read' },
      schema: { tags, summary: 'Latest state of each gate', querystring: GateStatusQuery, response: { 200: z.object({ items: z.array(GateStatus) }), ...problemResponses } },
    }, async (req) => telemetry.list(req.ctx(), req.query));

    app.get('/api/telemetry/gates/series', {
      config: { access: 'telemetry:read' },
      schema: { tags, summary: "One gate's counts over time, with the plan's expected curve", querystring: GateSeriesQuery, response: { 200: GateSeries, ...problemResponses } },
    }, async (req) => telemetry.series(req.ctx(), req.query));
  };
}
