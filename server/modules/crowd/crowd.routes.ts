import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, Page } from '../../../common/contracts/common.ts';
import {
  CompareQuery,
  CreatePlanVersionBody,
  CreateRunBody,
  CrowdPlanFile,
  PlanVersion,
  PlanVersionParams,
  PlanVersionQuery,
  PlanVersionSummary,
  Run,
  RunComparison,
  RunListQuery,
  RunSummary,
  UpdatePlanBody,
  VenueIdParams,
} from '../../../common/contracts/crowd-plan.ts';
import { CapacityResult } from '../../../common/contracts/crowd-scenario.ts';
import { problemResponses } from '../../platform/http/openapi.ts';
import type { CrowdService } from './crowd.service.ts';

const tags = ['crowd'];

export function crowdRoutes(service: CrowdService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/venues/:id/plans', {
      config: { access: 'crowd_plan:read' },
      schema: { tags, summary: "List the versions of a venue's crowd-flow plan, newest first", params: VenueIdParams, querystring: PlanVersionQuery, response: { 200: Page(PlanVersionSummary), ...problemResponses } },
    }, async (req) => service.listVersions(req.ctx(), req.params.id, req.query));

    app.post('/api/venues/:id/plans', {
      config: { access: 'crowd_plan:edit' },
      schema: { tags, summary: 'Start a new draft version from a version (default the latest)', params: VenueIdParams, body: CreatePlanVersionBody, response: { 201: PlanVersion, ...problemResponses } },
    }, async (req, reply) => reply.code(201).send(await service.createVersion(req.ctx(), req.params.id, req.body)));

    app.post('/api/venues/:id/plans/import', {
      config: { access: 'crowd_plan:edit' },
      schema: { tags, summary: 'Import a plan file (docs/crowd-plan.md) as a new draft version', params: VenueIdParams, body: z.unknown(), response: { 201: PlanVersion, ...problemResponses } },
    }, async (req, reply) => reply.code(201).send(await service.importPlan(req.ctx(), req.params.id, req.body)));

    app.get('/api/venues/:id/plans/:version', {
      config: { access: 'crowd_plan:read' },
      schema: { tags, summary: 'Read a plan version with its document', params: PlanVersionParams, response: { 200: PlanVersion, ...problemResponses } },
    }, async (req) => service.getVersion(req.ctx(), req.params.id, req.params.version));

    app.put('/api/venues/:id/plans/:version', {
      config: { access: 'crowd_plan:edit' },
      schema: { tags, summary: 'Replace the document of a draft version (a signed version is frozen: 409)', params: PlanVersionParams, body: UpdatePlanBody, response: { 200: PlanVersion, ...problemResponses } },
    }, async (req) => service.updateDraft(req.ctx(), req.params.id, req.params.version, req.body.plan));

    app.post('/api/venues/:id/plans/:version/sign-venue', {
      config: { access: 'crowd_plan:sign_venue' },
      schema: { tags, summary: "Sign a draft as the venue's manager (first sign-off)", params: PlanVersionParams, response: { 200: PlanVersion, ...problemResponses } },
    }, async (req) => service.sign(req.ctx(), req.params.id, req.params.version, 'venue'));

    app.post('/api/venues/:id/plans/:version/sign-command', {
      config: { access: 'crowd_plan:sign_command' },
      schema: { tags, summary: 'Approve a venue-signed version as commander (second sign-off)', params: PlanVersionParams, response: { 200: PlanVersion, ...problemResponses } },
    }, async (req) => service.sign(req.ctx(), req.params.id, req.params.version, 'command'));

    app.get('/api/venues/:id/plans/:version/export', {
      config: { access: 'crowd_plan:read' },
      schema: { tags, summary: 'Export a plan version as a JSON plan file', params: PlanVersionParams, response: { 200: CrowdPlanFile, ...problemResponses } },
    }, async (req, reply) => {
      const file = await service.exportVersion(req.ctx(), req.params.id, req.params.version);
      return reply.header('content-disposition', `attachment; filename="crowd-plan-v${file.source?.version ?? 0}.json"`).send(file);
    });

    app.get('/api/venues/:id/plans/:version/capacity', {
      config: { access: 'crowd_plan:read' },
      schema: { tags, summary: 'Green Guide capacity check of a plan version (per section and venue, limiting factor named)', params: PlanVersionParams, response: { 200: CapacityResult, ...problemResponses } },
    }, async (req) => service.capacity(req.ctx(), req.params.id, req.params.version));

    app.post('/api/matches/:id/crowd-runs', {
      config: { access: 'crowd_run:create' },
      schema: { tags, summary: 'Start an ingress/egress simulation or a lane recommendation for a match (computed off the main thread)', params: IdParams, body: CreateRunBody, response: { 202: Run, ...problemResponses } },
    }, async (req, reply) => reply.code(202).send(await service.createRun(req.ctx(), req.params.id, req.body)));

    app.get('/api/matches/:id/crowd-runs', {
      config: { access: 'crowd_run:read' },
      schema: { tags, summary: "List a match's crowd runs, newest first", params: IdParams, querystring: RunListQuery, response: { 200: Page(RunSummary), ...problemResponses } },
    }, async (req) => service.listRuns(req.ctx(), req.params.id, req.query));

    app.get('/api/venues/:id/crowd-runs', {
      config: { access: 'crowd_run:read' },
      schema: { tags, summary: "List the crowd runs of a venue's matches, newest first", params: VenueIdParams, querystring: RunListQuery, response: { 200: Page(RunSummary), ...problemResponses } },
    }, async (req) => service.listVenueRuns(req.ctx(), req.params.id, req.query));

    app.get('/api/crowd-runs/compare', {
      config: { access: 'crowd_run:read' },
      schema: { tags, summary: 'Compare two runs (what-if): differing inputs and figures side by side', querystring: CompareQuery, response: { 200: RunComparison, ...problemResponses } },
    }, async (req) => service.compare(req.ctx(), req.query.a, req.query.b));

    app.get('/api/crowd-runs/:id', {
      config: { access: 'crowd_run:read' },
      schema: { tags, summary: 'Read a run: status and progress, inputs, and results when done', params: IdParams, response: { 200: Run, ...problemResponses } },
    }, async (req) => service.getRun(req.ctx(), req.params.id));

    app.post('/api/crowd-runs/:id/reproduce', {
      config: { access: 'crowd_run:create' },
      schema: { tags, summary: 'Run again with the stored inputs (the result is identical)', params: IdParams, response: { 202: Run, ...problemResponses } },
    }, async (req, reply) => reply.code(202).send(await service.reproduce(req.ctx(), req.params.id)));
  };
}
