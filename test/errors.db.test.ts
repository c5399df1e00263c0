/**
 * Bad input gets a clear 4xx problem, never a 5xx: hand-picked cases, then fast-check throwing generated
 * bad input (bodies, query strings, path ids, content types) at every JSON endpoint.
 */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import type { AccessCase } from './access-cases.ts';
import { useTestApp } from './app.ts';
import { describeEachDatabase } from './db.ts';

const caseModules = import.meta.glob<{ accessCases: AccessCase[] }>('../server/modules/**/*.access-cases.ts', { eager: true });
const cases = Object.values(caseModules).flatMap((m) => m.accessCases);

describeEachDatabase('errors', (db) => {
  const t = useTestApp(db, { env: { BODY_LIMIT_BYTES: '4096' } });

  const expectProblem = (res: { statusCode: number; headers: Record<string, unknown>; json(): Record<string, unknown>; body: string }, status: number, code: string) => {
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const p = res.json();
    expect(p).toMatchObject({ status, code });
    expect(typeof p.detail).toBe('string');
    expect(p.requestId).toBe(res.headers['x-request-id']);
    expect(res.body).not.toMatch(/at .*\.ts:\d+|stack|SELECT|relation "/i);
  };

  it('malformed JSON, wrong types, unknown fields, oversized bodies, bad ids, unknown routes', async () => {
    const admin = await t().as('admin');
    const headers = { 'content-type': 'application/json' };
    expectProblem(await t().app.inject({ method: 'POST', url: '/api/auth/login', headers, payload: '{"email": ' }), 400, 'request.malformed_json');
    expectProblem(await t().request('POST', '/api/auth/login', { body: { email: 42, password: [] } }), 400, 'request.invalid');
    expectProblem(await t().request('POST', '/api/auth/login', { body: { email: 'a@b.c', password: 'x', admin: true } }), 400, 'request.invalid');
    expectProblem(await t().request('POST', '/api/organisations', { as: admin, body: { name: 'x'.repeat(5000), shortName: 'X', kind: 'employer', country: 'QA' } }), 413, 'request.too_large');
    expectProblem(await t().request('GET', '/api/users/12345', { as: admin }), 400, 'request.invalid');
    expectProblem(await t().request('GET', '/api/nothing-here', { as: admin }), 404, 'route.not_found');
    expectProblem(await t().request('GET', '/api/venues?cursor=garbage', { as: admin }), 400, 'request.invalid_cursor');
    expectProblem(await t().request('GET', '/api/venues?limit=100000', { as: admin }), 400, 'request.invalid');
    expectProblem(await t().app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'text/xml' }, payload: '<a/>' }), 415, 'request.unsupported_media_type');
  });

  it('lists the failing fields', async () => {
    const res = await t().request('POST', '/api/users', { as: await t().as('admin'), body: { email: 'not-an-email', name: '', organisationId: 'x', password: 'short' } });
    const paths = res.json().errors.map((e: { path: string }) => e.path).sort();
    expect(paths).toEqual(['body.email', 'body.name', 'body.organisationId', 'body.password']);
  });

  it('no generated bad input gets a 5xx from any JSON endpoint', async () => {
    const admin = await t().as('admin');
    const resolved = await Promise.all(cases.map(async (c) => ({ method: c.method, url: await c.url(t()) })));
    const anyJson = fc.jsonValue({ maxDepth: 3 });
    const badBody = fc.oneof(
      anyJson.map((v) => ({ payload: JSON.stringify(v), type: 'application/json' })),
      fc.string({ maxLength: 60 }).map((s) => ({ payload: s, type: 'application/json' })),
      fc.dictionary(fc.constantFrom('email', 'name', 'password', 'roles', 'organisationId', 'permissions', 'kind', 'country', 'capacity', 'riskCategory', 'locale', 'isActive', 'expiresAt', 'nameAr'), anyJson).map((o) => ({ payload: JSON.stringify(o), type: 'application/json' })),
      fc.string({ maxLength: 40 }).map((s) => ({ payload: s, type: 'text/plain' })),
    );
    const badQuery = fc.dictionary(fc.constantFrom('limit', 'cursor', 'q', 'from', 'to', 'venueId', 'organisationId', 'role', 'kind', 'country', 'action', 'actor', 'includeRevoked', 'stage'), fc.string({ maxLength: 30 }), { maxKeys: 4 });
    const badId = fc.oneof(fc.uuid(), fc.string({ minLength: 1, maxLength: 40 }).map(encodeURIComponent), fc.constant('%00'), fc.constant('..%2F..'));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...resolved), badBody, badQuery, badId, async (route, body, query, id) => {
        const url = route.url.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/, id) + `?${new URLSearchParams(query)}`;
        const res = await t().app.inject({
          method: route.method,
          url,
          headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, 'content-type': body.type },
          ...(route.method === 'GET' ? {} : { payload: body.payload }),
        });
        expect(res.statusCode, `${route.method} ${url} ${body.payload} → ${res.body}`).toBeLessThan(500);
      }),
      { numRuns: 400, seed: 2022 },
    );
  });
});
