import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, Page } from '../../../common/contracts/common.ts';
import { CreateUserBody, UpdateUserBody, User, UserQuery } from '../../../common/contracts/platform.ts';
import type { RoleAssignment } from '../../platform/access.ts';
import { problemResponses } from '../../platform/http/openapi.ts';
import type { UsersService } from './users.service.ts';

export function usersRoutes(service: UsersService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/users', {
      config: { access: 'user:read' },
      schema: { tags: ['users'], summary: 'List user accounts (audited)', querystring: UserQuery, response: { 200: Page(User), ...problemResponses } },
    }, async (req) => service.list(req.ctx(), req.query));

    app.get('/api/users/:id', {
      config: { access: 'user:read' },
      schema: { tags: ['users'], summary: 'Read a user account (audited)', params: IdParams, response: { 200: User, ...problemResponses } },
    }, async (req) => service.get(req.ctx(), req.params.id));

    app.post('/api/users', {
      config: { access: 'user:manage' },
      schema: { tags: ['users'], summary: 'Create a user account', body: CreateUserBody, response: { 201: User, ...problemResponses } },
    }, async (req, reply) => reply.code(201).send(await service.create(req.ctx(), { ...req.body, roles: req.body.roles as RoleAssignment[] })));

    app.patch('/api/users/:id', {
      config: { access: 'user:manage' },
      schema: { tags: ['users'], summary: "Change a user's name, roles, active flag or password", params: IdParams, body: UpdateUserBody, response: { 200: User, ...problemResponses } },
    }, async (req) => service.update(req.ctx(), req.params.id, { ...req.body, roles: req.body.roles as RoleAssignment[] | undefined }));
  };
}
