import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, Page } from '../../../common/contracts/common.ts';
import { CreateOrganisationBody, Organisation, OrganisationQuery, UpdateOrganisationBody } from '../../../common/contracts/platform.ts';
import { problemResponses } from '../../platform/http/openapi.ts';
import type { OrganisationsService } from './organisations.service.ts';

export function organisationsRoutes(service: OrganisationsService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/organisations', {
      config: { access: 'organisation:read' },
      schema: { tags: ['operation'], summary: 'List organisations', querystring: OrganisationQuery, response: { 200: Page(Organisation), ...problemResponses } },
    }, async (req) => service.list(req.ctx(), req.query));

    app.get('/api/organisations/:id', {
      config: { access: 'organisation:read' },
      schema: { tags: ['operation'], summary: 'Read an organisation', params: IdParams, response: { 200: Organisation, ...problemResponses } },
    }, async (req) => service.get(req.ctx(), req.params.id));

    app.post('/api/organisations', {
      config: { access: 'organisation:manage' },
      schema: { tags: ['operation'], summary: 'Create an organisation', body: CreateOrganisationBody, response: { 201: Organisation, ...problemResponses } },
    }, async (req, reply) => reply.code(201).send(await service.create(req.ctx(), req.body)));

    app.patch('/api/organisations/:id', {
      config: { access: 'organisation:manage' },
      schema: { tags: ['operation'], summary: 'Edit an organisation', params: IdParams, body: UpdateOrganisationBody, response: { 200: Organisation, ...problemResponses } },
    }, async (req) => service.update(req.ctx(), req.params.id, req.body));
  };
}
