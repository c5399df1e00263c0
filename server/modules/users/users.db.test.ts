import { expect, it } from 'vitest';
import { DEMO, useTestApp } from '../../../test/app.ts';
import { describeEachDatabase } from '../../../test/db.ts';
import { buildUser, organisationId, TEST_PASSWORD, venueId } from '../../../test/factories.ts';

describeEachDatabase('users', (db) => {
  const t = useTestApp(db);

  it('an admin creates a user with roles, who can then sign in', async () => {
    const venue = await venueId(t(), 'Lusail Stadium');
    const res = await t().request('POST', '/api/users', {
      as: await t().as('admin'),
      body: { email: 'New.Manager@Test.Tansiq.org', name: 'Lusail Manager', organisationId: await organisationId(t(), 'MOI-SSOC'), password: TEST_PASSWORD, roles: [{ role: 'venue_manager', venueId: venue }] },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ email: 'new.manager@test.tansiq.org', roles: [{ role: 'venue_manager', venueId: venue }], isActive: true });
    expect(res.body).not.toContain('password');
    const s = await t().login('new.manager@test.tansiq.org', TEST_PASSWORD);
    expect((await t().request('PATCH', `/api/venues/${venue}`, { as: s, body: { capacity: 88966 } })).statusCode).toBe(200);
  });

  it('refuses a taken email (any case), a role without its venue, and an unknown organisation', async () => {
    const admin = await t().as('admin');
    const org = await organisationId(t(), 'DGSN');
    const taken = await t().request('POST', '/api/users', { as: admin, body: { email: DEMO.officer.toUpperCase(), name: 'X', organisationId: org, password: TEST_PASSWORD } });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('user.email_taken');
    const noVenue = await t().request('POST', '/api/users', { as: admin, body: { email: 'a@test.tansiq.org', name: 'X', organisationId: org, password: TEST_PASSWORD, roles: [{ role: 'venue_manager', venueId: null }] } });
    expect(noVenue.json().code).toBe('user.invalid_role');
    const badOrg = await t().request('POST', '/api/users', { as: admin, body: { email: 'b@test.tansiq.org', name: 'X', organisationId: '00000000-0000-4000-8000-000000000000', password: TEST_PASSWORD } });
    expect(badOrg.json().code).toBe('organisation.not_found');
    const unknownRole = await t().request('POST', '/api/users', { as: admin, body: { email: 'c@test.tansiq.org', name: 'X', organisationId: org, password: TEST_PASSWORD, roles: [{ role: 'emperor', venueId: null }] } });
    expect(unknownRole.statusCode).toBe(400);
    expect(unknownRole.json().errors[0].path).toMatch(/^body\.roles/);
  });

  it('changes roles, disables (signing the user out) and resets the password', async () => {
    const admin = await t().as('admin');
    const { id, email } = await buildUser(t());
    const session = await t().login(email, TEST_PASSWORD);
    const roles = await t().request('PATCH', `/api/users/${id}`, { as: admin, body: { roles: [{ role: 'auditor', venueId: null }] } });
    expect(roles.json().roles).toEqual([{ role: 'auditor', venueId: null }]);
    expect((await t().request('GET', '/api/audit', { as: session })).statusCode).toBe(200);
    await t().request('PATCH', `/api/users/${id}`, { as: admin, body: { isActive: false } });
    expect((await t().request('GET', '/api/me', { as: session })).statusCode).toBe(401);
    await t().request('PATCH', `/api/users/${id}`, { as: admin, body: { isActive: true, password: 'reset by the admin' } });
    await t().login(email, 'reset by the admin');
  });

  it('an admin cannot lock themselves out', async () => {
    const me = (await t().request('GET', '/api/me', { as: await t().as('admin') })).json().user;
    const res = await t().request('PATCH', `/api/users/${me.id}`, { as: await t().as('admin'), body: { isActive: false } });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('user.self_lockout');
  });

  it("a partner commander lists only their organisation's users", async () => {
    const res = await t().request('GET', '/api/users?limit=200', { as: await t().as('partner') });
    expect(res.statusCode).toBe(200);
    const orgs = new Set(res.json().items.map((u: { organisationId: string }) => u.organisationId));
    expect([...orgs]).toEqual([await organisationId(t(), 'DGSN')]);
  });

  it('searches, filters by role and paginates with a cursor', async () => {
    const admin = await t().as('admin');
    const byRole = await t().request('GET', '/api/users?role=auditor', { as: admin });
    expect(byRole.json().items.every((u: { roles: { role: string }[] }) => u.roles.some((r) => r.role === 'auditor'))).toBe(true);
    const search = await t().request('GET', '/api/users?q=commander', { as: admin });
    expect(search.json().items.map((u: { email: string }) => u.email)).toContain(DEMO.commander);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { email: string }[]; nextCursor: string | null } = (await t().request('GET', `/api/users?limit=3${cursor ? `&cursor=${cursor}` : ''}`, { as: admin })).json();
      seen.push(...page.items.map((u) => u.email));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual([...seen].sort());
    expect(seen.length).toBeGreaterThanOrEqual(10);
  });

  it('audits every read of personal data', async () => {
    const { id } = await buildUser(t());
    await t().request('GET', `/api/users/${id}`, { as: await t().as('commander') });
    const trail = await t().request('GET', `/api/audit?subjectType=user&subjectId=${id}&action=user.read`, { as: await t().as('auditor') });
    expect(trail.json().items[0]).toMatchObject({ actorLabel: DEMO.commander, action: 'user.read', outcome: 'success' });
  });
});
