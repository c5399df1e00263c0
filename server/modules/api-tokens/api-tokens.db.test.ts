import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { describeEachDatabase } from '../../../test/db.ts';
import { organisationId } from '../../../test/factories.ts';
import { apiTokens } from '../../platform/db/schema/index.ts';
import { sha256 } from '../../platform/secrets.ts';

describeEachDatabase('API tokens', (db) => {
  const t = useTestApp(db);

  it('is shown once, stored hashed, limited to its permissions, needs no CSRF, and is revocable', async () => {
    const admin = await t().as('admin');
    const created = await t().request('POST', '/api/api-tokens', { as: admin, body: { name: 'gate counters', organisationId: await organisationId(t(), 'MOI-SSOC'), permissions: ['venue:read'] } });
    expect(created.statusCode).toBe(201);
    const { token, secret } = created.json();
    expect(secret).toMatch(/^tsq_/);
    const [row] = await t().platform.db.select().from(apiTokens).where(eq(apiTokens.id, token.id));
    expect(row!.tokenHash).toBe(sha256(secret));
    expect(JSON.stringify(row)).not.toContain(secret);
    const list = await t().request('GET', '/api/api-tokens', { as: admin });
    expect(list.body).not.toContain(secret);

    const bearer = { bearer: secret };
    expect((await t().request('GET', '/api/venues', { as: bearer })).statusCode).toBe(200);
    expect((await t().request('GET', '/api/matches', { as: bearer })).statusCode).toBe(403);

    const revoked = await t().request('POST', `/api/api-tokens/${token.id}/revoke`, { as: admin });
    expect(revoked.json().revokedAt).not.toBeNull();
    expect((await t().request('GET', '/api/venues', { as: bearer })).statusCode).toBe(401);
    expect((await t().request('POST', `/api/api-tokens/${token.id}/revoke`, { as: admin })).json().code).toBe('api_token.already_revoked');
  });

  it('changes data with a token and no CSRF header', async () => {
    const admin = await t().as('admin');
    const { secret } = (await t().request('POST', '/api/api-tokens', { as: admin, body: { name: 'ops', organisationId: await organisationId(t(), 'MOI-SSOC'), permissions: ['match:update', 'match:read'] } })).json();
    const [m] = (await t().request('GET', '/api/matches?limit=1', { as: { bearer: secret } })).json().items;
    const res = await t().request('PATCH', `/api/matches/${m.id}`, { as: { bearer: secret }, body: { riskCategory: 'high' } });
    expect(res.statusCode).toBe(200);
    const trail = (await t().request('GET', `/api/audit?subjectId=${m.id}`, { as: await t().as('auditor') })).json();
    expect(trail.items[0]).toMatchObject({ actorType: 'token', actorLabel: 'token:ops', action: 'match.update' });
  });

  it('refuses administrative permissions and expired tokens', async () => {
    const admin = await t().as('admin');
    const org = await organisationId(t(), 'MOI-SSOC');
    const refused = await t().request('POST', '/api/api-tokens', { as: admin, body: { name: 'x', organisationId: org, permissions: ['user:manage', 'venue:update'] } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe('api_token.permission_not_grantable');
    const expired = (await t().request('POST', '/api/api-tokens', { as: admin, body: { name: 'old', organisationId: org, permissions: ['venue:read'], expiresAt: '2020-01-01T00:00:00Z' } })).json();
    expect((await t().request('GET', '/api/venues', { as: { bearer: expired.secret } })).statusCode).toBe(401);
  });
});
