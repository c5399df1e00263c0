/**
 * buildApp(platform): the Fastify instance with every module's routes. Tests drive it with `app.inject`;
 * main.ts makes it listen. Order matters: error handling and access control are registered before routes.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { RouteAccess } from '../common/permissions.ts';
import { type AuditChainer, auditHead, formatAuditAnchor, startAuditChainer } from './platform/audit.ts';
import { AppError } from './platform/errors.ts';
import { accessHook } from './platform/http/access-hook.ts';
import { eventStream } from './platform/http/event-stream.ts';
import { toProblem } from './platform/http/problem.ts';
import { loggerOptions } from './platform/logger.ts';
import { HttpMetrics } from './platform/metrics.ts';
import type { Platform } from './platform/platform.ts';
import { createModules } from './modules/index.ts';
import { newId } from './platform/ids.ts';

export interface RouteInfo {
  method: string;
  url: string;
  access: RouteAccess | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every registered route with its declared access, for the deny-by-default test. */
    routeTable: RouteInfo[];
    metrics: HttpMetrics;
  }
}

export interface BuildOptions {
  /** pino options or false (tests). */
  logger?: boolean | ReturnType<typeof loggerOptions>;
  /** Folder of the built web app (default dist/web); absent folder → API only. */
  webDir?: string;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** How often the audit chain head is written to the log (an external anchor for the trail). */
const AUDIT_HEAD_LOG_MS = 60 * 60 * 1000;
export const WEB_DIR = new URL('../dist/web', import.meta.url).pathname;
// Routes that plugins register (API docs UI) are public by nature; this is the one place that says so.
const PUBLIC_PLUGIN_PREFIXES = ['/api/docs'];

export async function buildApp(platform: Platform, options: BuildOptions = {}): Promise<FastifyInstance> {
  const { config } = platform;
  const app = Fastify({
    logger: options.logger ?? loggerOptions(config.logLevel),
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : newId();
    },
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('routeTable', [] as RouteInfo[]);
  app.decorate('metrics', new HttpMetrics());

  app.addHook('onRoute', (route) => {
    if (PUBLIC_PLUGIN_PREFIXES.some((p) => route.url.startsWith(p))) route.config = { ...route.config, access: 'public' };
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) app.routeTable.push({ method, url: route.url, access: (route.config as { access?: RouteAccess } | undefined)?.access });
  });

  app.setErrorHandler((err, request, reply) => {
    const { problem, headers } = toProblem(err, request.id);
    if (problem.status >= 500) request.log.error({ err }, 'request failed');
    else request.log.info({ code: problem.code }, 'request refused');
    return reply.code(problem.status).headers(headers).type('application/problem+json').send(problem);
  });
  app.setNotFoundHandler((request, reply) => {
    const { problem } = toProblem(new AppError('route.not_found', `No route ${request.method} ${request.url.split('?')[0]}`), request.id);
    return reply.code(404).type('application/problem+json').send(problem);
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.addHook('onResponse', async (request, reply) => {
    app.metrics.observe(request.method, request.routeOptions.url ?? 'unmatched', reply.statusCode, reply.elapsedTime / 1000);
  });

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine sets style attributes at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) => new AppError('request.rate_limited', `Too many requests; try again in ${Math.ceil(ctx.ttl / 1000)} s`, { headers: { 'retry-after': String(Math.ceil(ctx.ttl / 1000)) } }),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Tansiq API', version: '0.1.0', description: 'Joint security coordination for mega sporting events. Errors are RFC 9457 problem+json.' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'tansiq_session' },
          apiToken: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  await app.register(accessHook, { db: platform.db, clock: platform.clock, sessionTtlMs: config.sessionTtlMs });
  // Links committed audit entries into the hash chain (docs/adr/0002-lock-free-audit-chain.md); one chainer at a time across instances.
  let chainer: AuditChainer | null = null;
  // The chain head goes to the log at start and every hour: logs leave the machine, so each line is an
  // anchor that `tansiq audit verify --anchor` can check the trail against (a cut-off tail shows then).
  const logHead = () =>
    auditHead(platform.db).then(
      (head) => head && app.log.info({ audit: { chainPos: head.chainPos, hash: head.hash, anchor: formatAuditAnchor(head) } }, 'audit chain head'),
      () => undefined,
    );
  let headTimer: NodeJS.Timeout | null = null;
  app.addHook('onReady', async () => {
    chainer = startAuditChainer(platform.db);
    void logHead();
    headTimer = setInterval(() => void logHead(), AUDIT_HEAD_LOG_MS);
    headTimer.unref();
  });
  app.addHook('onClose', async () => {
    if (headTimer) clearInterval(headTimer);
    await chainer?.stop();
  });

  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());
  app.get('/healthz', { config: { access: 'public' }, schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { config: { access: 'public' }, schema: { hide: true } }, async (_req, reply) => {
    if (await platform.database.ping()) return { status: 'ok' };
    throw new AppError('service.unavailable', 'The database is not reachable');
  });
  app.get('/metrics', { config: { access: 'public' }, schema: { hide: true } }, async (_req, reply) => reply.type('text/plain; version=0.0.4').send(app.metrics.render()));

  const modules = createModules(platform);
  // After the modules are built: they register the visibility rules of their events.
  await app.register(eventStream, { platform });
  for (const routes of modules.map((m) => m.routes)) await app.register(routes);

  await registerWeb(app, options.webDir ?? WEB_DIR);
  return app;
}

/** Serves the built web app, with index.html for client-side routes; API paths never fall back. */
async function registerWeb(app: FastifyInstance, webDir: string): Promise<void> {
  const hasWeb = existsSync(join(webDir, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: webDir, serve: false });
  app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (path.startsWith('/api/') || !hasWeb) throw new AppError('route.not_found', `No route GET ${path}`);
    const file = path.replace(/^\/+/, '');
    if (file && !file.includes('..') && existsSync(join(webDir, file))) {
      return reply.header('cache-control', file.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache').sendFile(file);
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
