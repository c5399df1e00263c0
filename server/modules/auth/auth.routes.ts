import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ChangePasswordBody, LoginBody, LoginResponse, MeResponse, UpdateMeBody } from '../../../common/contracts/platform.ts';
import { SESSION_COOKIE } from '../../platform/identity.ts';
import { problemResponses } from '../../platform/http/openapi.ts';
import type { AuthService } from './auth.service.ts';

export function authRoutes(service: AuthService, loginRatePerMinute: number): FastifyPluginAsyncZod {
  return async (app) => {
    app.post('/api/auth/login', {
      config: { access: 'public', rateLimit: { max: loginRatePerMinute, timeWindow: 60_000 } },
      schema: { tags: ['auth'], summary: 'Sign in with email and password; sets the session cookie', body: LoginBody, response: { 200: LoginResponse, ...problemResponses } },
    }, async (req, reply) => {
      const { session, user } = await service.login(req.id, req.body.email, req.body.password);
      reply.setCookie(SESSION_COOKIE, session.secret, { httpOnly: true, sameSite: 'strict', secure: req.protocol === 'https', path: '/', expires: session.expiresAt });
      return { user, csrfToken: session.csrfToken };
    });

    app.post('/api/auth/logout', {
      config: { access: 'authenticated' },
      schema: { tags: ['auth'], summary: 'Sign out (ends the session)', response: { 204: z.null(), ...problemResponses } },
    }, async (req, reply) => {
      await service.logout(req.ctx());
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    });

    app.get('/api/me', {
      config: { access: 'authenticated' },
      schema: { tags: ['auth'], summary: 'Who I am, my roles and permissions, and my CSRF token', response: { 200: MeResponse, ...problemResponses } },
    }, async (req) => ({ user: await service.me(req.ctx()), csrfToken: req.csrfToken }));

    app.patch('/api/me', {
      config: { access: 'authenticated' },
      schema: { tags: ['auth'], summary: 'Change my name or language', body: UpdateMeBody, response: { 200: MeResponse, ...problemResponses } },
    }, async (req) => ({ user: await service.updateMe(req.ctx(), req.body), csrfToken: req.csrfToken }));

    app.post('/api/me/password', {
      config: { access: 'authenticated' },
      schema: { tags: ['auth'], summary: 'Change my password (signs out my other sessions)', body: ChangePasswordBody, response: { 204: z.null(), ...problemResponses } },
    }, async (req, reply) => {
      await service.changePassword(req.ctx(), req.body.currentPassword, req.body.newPassword);
      return reply.code(204).send(null);
    });
  };
}
