/**
 * Deny by default, proven for every route: each registered route declares its access; each non-public
 * route answers 401 without credentials, 403 to every role that lacks its permission, and 403 to actors
 * that hold the permission for other records (wrong organisation or venue).
 */
import { describe, expect, it } from 'vitest';
import { buildApp } from '../server/app.ts';
import type { AccessCase } from './access-cases.ts';
import { useTestApp } from './app.ts';
import { describeEachDatabase } from './db.ts';
import { someApplicant } from '../server/modules/workforce/workforce.factories.ts';

const caseModules = import.meta.glob<{ accessCases: AccessCase[] }>('../server/modules/**/*.access-cases.ts', { eager: true });
const cases = Object.values(caseModules).flatMap((m) => m.accessCases);
const key = (method: string, route: string) => `${method} ${route}`;

describeEachDatabase('access matrix', (db) => {
  const t = useTestApp(db);

  it('every registered route declares its access', () => {
    const undeclared = t().app.routeTable.filter((r) => r.access === undefined).map((r) => key(r.method, r.url));
    expect(undeclared).toEqual([]);
  });

  it('every non-public API route has access cases', () => {
    const covered = new Set(cases.map((c) => key(c.method, c.route)));
    const missing = t()
      .app.routeTable.filter((r) => r.access !== 'public' && r.method !== 'HEAD')
      .map((r) => key(r.method, r.url))
      .filter((k) => !covered.has(k));
    expect(missing).toEqual([]);
  });

  it('a route that declares nothing is closed even to an admin', async () => {
    const app = await buildApp(t().platform, { logger: false, webDir: '/nonexistent' });
    app.get('/api/undeclared', async () => ({ leaked: true }));
    await app.ready();
    const admin = await t().as('admin');
    const res = await app.inject({ method: 'GET', url: '/api/undeclared', headers: { cookie: admin.cookie } });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('access.denied');
    await app.close();
  });

  for (const c of cases) {
    describe(key(c.method, c.route), () => {
      it('answers 401 without credentials', async () => {
        const res = await t().request(c.method, await c.url(t()), { body: c.body ? await c.body(t()) : undefined });
        expect(res.statusCode).toBe(401);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.json().code).toBe('auth.unauthenticated');
      });

      it('answers 401 to a revoked or unknown API token', async () => {
        const res = await t().request(c.method, await c.url(t()), { as: { bearer: 'tsq_not-a-real-token' }, body: c.body ? await c.body(t()) : undefined });
        expect(res.statusCode).toBe(401);
      });

      for (const role of c.forbiddenFor) {
        it(`answers 403 to ${role}`, async () => {
          const res = await t().request(c.method, await c.url(t()), { as: await t().as(role), body: c.body ? await c.body(t()) : undefined });
          expect(res.statusCode).toBe(403);
          expect(res.json().code).toBe('access.denied');
        });
      }

      // Applicants of the public portal reach only `applicant` routes.
      it('answers 403 to a portal applicant unless the route is theirs', async () => {
        const access = t().app.routeTable.find((r) => r.method === c.method && r.url === c.route)?.access;
        if (access === 'applicant') return;
        const res = await t().request(c.method, await c.url(t()), { as: await someApplicant(t()), body: c.body ? await c.body(t()) : undefined });
        expect(res.statusCode).toBe(403);
        expect(res.json().code).toBe('access.denied');
      });

      for (const w of c.wrongScope ?? []) {
        it(`answers 403 when ${w.why}`, async () => {
          const url = await (w.url ?? c.url)(t());
          const bodyFn = w.body ?? c.body;
          const res = await t().request(c.method, url, { as: await w.as(t()), body: bodyFn ? await bodyFn(t()) : undefined });
          expect(res.statusCode).toBe(403);
          expect(res.json().code).toBe('access.denied');
        });
      }
    });
  }
});
