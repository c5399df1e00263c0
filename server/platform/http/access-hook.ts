/**
 * Deny by default, in one place. Every route declares `config.access` (a permission, `authenticated` or
 * `public`); this hook authenticates the request (bearer API token or session cookie), answers 401/403
 * before validation or the handler run, and checks the CSRF header on state-changing cookie requests.
 * A route that declares nothing is refused for everyone (and a test fails on it).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { RouteAccess } from '../../../common/permissions.ts';
import { type Actor, type RequestContext, routeAdmits } from '../access.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { cookieSessionResolvers, resolveApiToken, resolveSession, SESSION_COOKIE } from '../identity.ts';
import { safeEqual } from '../secrets.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What this route requires. Required on every route (see test/routes-declare-access.db.test.ts). */
    access?: RouteAccess;
  }
  interface FastifyRequest {
    actor: Actor | null;
    /** The session's CSRF token when the request came with a valid session cookie. */
    csrfToken: string | null;
    /** The actor and request id for services; throws 401 when there is no actor. */
    ctx(): RequestContext;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface AccessHookOptions {
  db: Db;
  clock: Clock;
  sessionTtlMs: number;
}

export const accessHook = fp<AccessHookOptions>(async (app: FastifyInstance, opts) => {
  app.decorateRequest('actor', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('ctx', function (this: FastifyRequest): RequestContext {
    if (!this.actor) throw new AppError('auth.unauthenticated', 'Sign in first');
    return { actor: this.actor, requestId: this.id };
  });

  app.addHook('onRequest', async (request) => {
    if (request.is404) return;
    const access = request.routeOptions.config.access;
    await authenticate(request, opts, access === 'applicant');
    if (access === undefined) throw new AppError('access.denied', 'This route declares no access rule and is closed');
    const verdict = routeAdmits(access, request.actor);
    if (verdict === 'unauthenticated') throw new AppError('auth.unauthenticated', 'Sign in or send a valid API token');
    if (verdict === 'forbidden') throw new AppError('access.denied', 'You do not have permission to do this');
    if (access !== 'public' && request.csrfToken !== null && !SAFE_METHODS.has(request.method)) {
      const header = request.headers['x-csrf-token'];
      if (typeof header !== 'string' || !safeEqual(header, request.csrfToken)) {
        throw new AppError('auth.csrf_failed', 'Send the X-CSRF-Token header you received at sign-in');
      }
    }
  });
});

async function authenticate(request: FastifyRequest, opts: AccessHookOptions, preferModuleSessions: boolean): Promise<void> {
  const auth = request.headers.authorization;
  if (auth !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(auth);
    const actor = match?.[1] ? await resolveApiToken(opts.db, opts.clock, match[1]) : null;
    // A wrong token is an error even on public routes: the client believes it is authenticated.
    if (!actor) throw new AppError('auth.unauthenticated', 'The API token is unknown, expired or revoked');
    request.actor = actor;
    return;
  }
  // Staff sessions first, then the sessions modules keep (applicants); on applicant routes the other way round,
  // so a browser holding both reaches each kind of route as the right actor.
  const staff = async () => {
    const cookie = request.cookies[SESSION_COOKIE];
    return cookie ? resolveSession(opts.db, opts.clock, cookie, opts.sessionTtlMs) : null;
  };
  const others = async () => {
    for (const resolver of cookieSessionResolvers()) {
      const secret = request.cookies[resolver.cookie];
      const found = secret ? await resolver.resolve(opts.db, opts.clock, secret) : null;
      if (found) return found;
    }
    return null;
  };
  const session = preferModuleSessions ? ((await others()) ?? (await staff())) : ((await staff()) ?? (await others()));
  if (session) {
    request.actor = session.actor;
    request.csrfToken = session.csrfToken;
  }
}
