import { Writable } from 'node:stream';
import { expect, it } from 'vitest';
import { buildApp } from '../server/app.ts';
import { loggerOptions } from '../server/platform/logger.ts';
import { useTestApp } from './app.ts';
import { describeEachDatabase } from './db.ts';

describeEachDatabase('operations endpoints', (db) => {
  const t = useTestApp(db);

  it('/healthz, /readyz and /metrics answer without credentials', async () => {
    expect((await t().request('GET', '/healthz')).json()).toEqual({ status: 'ok' });
    expect((await t().request('GET', '/readyz')).json()).toEqual({ status: 'ok' });
    await t().request('GET', '/api/venues', { as: await t().as('officer') });
    const metrics = await t().request('GET', '/metrics');
    expect(metrics.headers['content-type']).toContain('text/plain');
    expect(metrics.body).toMatch(/^# TYPE tansiq_http_requests_total counter$/m);
    expect(metrics.body).toMatch(/tansiq_http_requests_total\{method="GET",route="\/api\/venues",status="200"\} \d+/);
    expect(metrics.body).toMatch(/tansiq_http_request_duration_seconds_bucket\{method="GET",route="\/api\/venues",le="\+Inf"\} \d+/);
  });

  it('describes the API in OpenAPI 3.1, with the stable paths, browsable at /api/docs', async () => {
    const spec = (await t().request('GET', '/api/openapi.json')).json();
    expect(spec.openapi).toBe('3.1.0');
    for (const path of ['/api/auth/login', '/api/auth/logout', '/api/me', '/api/organisations', '/api/venues', '/api/venues/{id}', '/api/matches', '/api/audit']) {
      expect(Object.keys(spec.paths)).toContain(path);
    }
    expect(spec.paths['/api/matches'].get.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['venueId', 'from', 'to']));
    const docs = await t().request('GET', '/api/docs/');
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });

  it('echoes a sane X-Request-Id and makes one otherwise', async () => {
    const given = await t().request('GET', '/healthz', { headers: { 'x-request-id': 'lb-1234' } });
    expect(given.headers['x-request-id']).toBe('lb-1234');
    const made = await t().request('GET', '/healthz', { headers: { 'x-request-id': 'bad id\nwith newline' } });
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers 503 on /readyz when the database is unreachable', async () => {
    const broken = { ...t().platform, database: { ...t().platform.database, ping: async () => false } };
    const app = await buildApp(broken, { logger: false, webDir: '/nonexistent' });
    const res = await app.inject({ method: 'GET', url: '/readyz' });
    expect(res.statusCode).toBe(503);
    expect(res.json().code).toBe('service.unavailable');
    await app.close();
  });

  it('logs JSON lines with the request id and never a password, token, cookie or query text', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } });
    const app = await buildApp(t().platform, { logger: { ...loggerOptions('trace'), stream: sink } as never, webDir: '/nonexistent' });
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'admin@demo.tansiq.org', password: 'tansiq-demo-2022' } });
    const cookie = login.cookies[0]!.value;
    await app.inject({ method: 'GET', url: '/api/users?q=Sensitive%20Name', headers: { cookie: `tansiq_session=${cookie}` } });
    await app.inject({ method: 'GET', url: '/api/venues', headers: { authorization: 'Bearer tsq_secret-token-value' } });
    await app.close();
    const text = lines.join('');
    expect(lines.length).toBeGreaterThan(4);
    for (const line of lines) expect(JSON.parse(line)).toHaveProperty('level');
    expect(lines.filter((l) => l.includes('"reqId"')).length).toBeGreaterThan(3);
    expect(text).not.toContain('tansiq-demo-2022');
    expect(text).not.toContain(cookie);
    expect(text).not.toContain('tsq_secret-token-value');
    expect(text).not.toContain('Sensitive');
    expect(text).not.toContain(login.json().csrfToken);
  });
});

