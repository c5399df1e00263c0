/**
 * The app on a test database, plus helpers to act as a demo account or an API token over `app.inject`.
 * Each describeEachDatabase suite gets one app; tests build the extra data they need with factories.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { type Clock, systemClock } from '../server/platform/clock.ts';
import type { Platform } from '../server/platform/platform.ts';
import { resolveOperation, DEMO_PASSWORD } from '../server/seed/seed.ts';
import type { TestDatabase } from './db.ts';

export const DEMO = {
  commander: 'commander@demo.tansiq.org',
  partner: 'partner@demo.tansiq.org',
  venue: 'venue@demo.tansiq.org',
  officer: 'officer@demo.tansiq.org',
  analyst: 'analyst@demo.tansiq.org',
  accreditation: 'accreditation@demo.tansiq.org',
  visa: 'visa@demo.tansiq.org',
  employer: 'employer@demo.tansiq.org',
  auditor: 'auditor@demo.tansiq.org',
  admin: 'admin@demo.tansiq.org',
} as const;
export type DemoRole = keyof typeof DEMO;

/** How a request authenticates: a session (cookie + CSRF token), an API token, or nothing. */
export type Credentials = { cookie: string; csrfToken: string } | { bearer: string } | null;

export interface TestApp {
  app: FastifyInstance;
  platform: Platform;
  /** Signs in (through the API) and returns the session credentials. */
  login(email: string, password?: string): Promise<{ cookie: string; csrfToken: string }>;
  /** Signs in once per demo role and caches the session. */
  as(role: DemoRole): Promise<{ cookie: string; csrfToken: string }>;
  request(method: string, url: string, options?: { as?: Credentials; body?: unknown; headers?: Record<string, string> }): Promise<LightMyRequestResponse>;
}

export function useTestApp(db: () => TestDatabase, options: { clock?: Clock; env?: Record<string, string> } = {}): () => TestApp {
  let testApp: TestApp | undefined;
  beforeAll(async () => {
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', LOGIN_RATE_PER_MINUTE: '10000', ...options.env });
    const clock = options.clock ?? systemClock;
    const database = db();
    const platform: Platform = { database, db: database.db, clock, config, operationId: await resolveOperation(database.db, clock) };
    const app = await buildApp(platform, { logger: false, webDir: '/nonexistent' });
    await app.ready();
    // Cached per role; signed in again when a test moved the clock far enough to expire it.
    const sessions = new Map<string, { cookie: string; csrfToken: string; at: number }>();

    const request: TestApp['request'] = (method, url, o = {}) => {
      const headers: Record<string, string> = { ...o.headers };
      if (o.as && 'cookie' in o.as) {
        headers.cookie = o.as.cookie;
        headers['x-csrf-token'] ??= o.as.csrfToken;
      } else if (o.as && 'bearer' in o.as) headers.authorization = `Bearer ${o.as.bearer}`;
      return app.inject({ method: method as 'GET', url, headers, ...(o.body !== undefined ? { payload: o.body as object } : {}) });
    };
    const login: TestApp['login'] = async (email, password = DEMO_PASSWORD) => {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
      if (res.statusCode !== 200) throw new Error(`login ${email} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'tansiq_session');
      return { cookie: `tansiq_session=${cookie?.value}`, csrfToken: res.json().csrfToken as string };
    };
    testApp = {
      app,
      platform,
      login,
      async as(role) {
        const now = clock.now().getTime();
        let s = sessions.get(role);
        if (!s || Math.abs(now - s.at) > 3_600_000) {
          s = { ...(await login(DEMO[role])), at: now };
          sessions.set(role, s);
        }
        return { cookie: s.cookie, csrfToken: s.csrfToken };
      },
      request,
    };
  });
  afterAll(async () => {
    await testApp?.app.close();
  });
  return () => {
    if (!testApp) throw new Error('test app not ready');
    return testApp;
  };
}
