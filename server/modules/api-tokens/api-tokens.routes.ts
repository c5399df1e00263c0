import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, Page } from '../../../common/contracts/common.ts';
import { ApiToken, ApiTokenQuery, CreateApiTokenBody, CreatedApiToken } from '../../../common/contracts/platform.ts';
import { problemResponses } from '../../platform/http/openapi.ts';
import type { ApiTokensService } from './api-tokens.service.ts';

export function apiTokensRoutes(service: ApiTokensService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/api-tokens', {
      config: { access: 'api_token:manage' },
      schema: { tags: ['admin'], summary: 'List API tokens', querystring: ApiTokenQuery, response: { 200: Page(ApiToken), ...problemResponses } },
    }, async (req) => service.list(req.ctx(), req.query));

    app.post('/api/api-tokens', {
      config: { access: 'api_token:manage' },
      schema: { tags: ['admin'], summary: 'Create an API token (the secret is shown once)', body: CreateApiTokenBody, response: { 201: CreatedApiToken, ...problemResponses } },
    }, async (req, reply) => reply.code(201).send(await service.create(req.ctx(), req.body)));

    app.post('/api/api-tokens/:id/revoke', {
      config: { access: 'api_token:manage' },
      schema: { tags: ['admin'], summary: 'Revoke an API token', params: IdParams, response: { 200: ApiToken, ...problemResponses } },
    }, async (req) => service.revoke(req.ctx(), req.params.id));
  };
}
