import { expect, it } from 'vitest';
import { DEMO, useTestApp } from '../../../test/app.ts';
import { describeEachDatabase } from '../../../test/db.ts';
import { buildUser, TEST_PASSWORD } from '../../../test/factories.ts';
import { fixedClock } from '../../platform/clock.ts';

describeEachDatabase('sign-in and sessions', (db) => {
  const clock = fixedClock(new Date('2022-11-20T10:00:00Z'));
  const t = useTestApp(db, { clock, env: { LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_MINUTES: '15', TRUST_PROXY: 'true' } });

  it('signs in with email and password: httpOnly SameSite=Strict cookie, user and CSRF token', async () => {
    const res = await t().request('POST', '/api/auth/login', { body: { email: 'Commander@Demo.Tansiq.org', password: 'tansiq-demo-2022' } });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'tansiq_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    expect(cookie.secure).toBeFalsy();
    const body = res.json();
    expect(body.user.email).toBe(DEMO.commander);
    expect(body.user.roles).toEqual([{ role: 'commander', venueId: null }]);
    expect(body.csrfToken).toMatch(/^[\w-]{40,}$/);
  });

  it('marks the cookie Secure when the request came over HTTPS (behind a trusted proxy)', async () => {
    const res = await t().app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: DEMO.officer, password: 'tansiq-demo-2022' }, headers: { 'x-forwarded-proto': 'https' } });
    expect(res.cookies.find((c) => c.name === 'tansiq_session')!.secure).toBe(true);
  });

  it('gives the same answer for a wrong password and an unknown email', async () => {
    const a = await t().request('POST', '/api/auth/login', { body: { email: DEMO.analyst, password: 'wrong password!' } });
    const b = await t().request('POST', '/api/auth/login', { body: { email: 'nobody@demo.tansiq.org', password: 'wrong password!' } });
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.json().code).toBe('auth.invalid_credentials');
    expect(b.json().detail).toBe(a.json().detail);
  });

  it('locks an account after repeated failures, then lets it in after the lock ends', async () => {
    const { email } = await buildUser(t());
    for (let i = 0; i < 3; i++) expect((await t().request('POST', '/api/auth/login', { body: { email, password: 'nope nope nope' } })).statusCode).toBe(401);
    const locked = await t().request('POST', '/api/auth/login', { body: { email, password: TEST_PASSWORD } });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('auth.locked');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    clock.advance(15 * 60_000 + 1000);
    expect((await t().request('POST', '/api/auth/login', { body: { email, password: TEST_PASSWORD } })).statusCode).toBe(200);
  });

  it('locks unknown emails the same way, so a lock does not reveal an account', async () => {
    for (let i = 0; i < 3; i++) await t().request('POST', '/api/auth/login', { body: { email: 'ghost@demo.tansiq.org', password: 'nope nope nope' } });
    const res = await t().request('POST', '/api/auth/login', { body: { email: 'ghost@demo.tansiq.org', password: 'nope nope nope' } });
    expect(res.json().code).toBe('auth.locked');
  });

  it('refuses a disabled account with the generic error', async () => {
    const { id, email } = await buildUser(t());
    await t().request('PATCH', `/api/users/${id}`, { as: await t().as('admin'), body: { isActive: false } });
    const res = await t().request('POST', '/api/auth/login', { body: { email, password: TEST_PASSWORD } });
    expect(res.json().code).toBe('auth.invalid_credentials');
  });

  it('shows who I am, with my permissions and CSRF token', async () => {
    const s = await t().as('venue');
    const res = await t().request('GET', '/api/me', { as: s });
    expect(res.statusCode).toBe(200);
    expect(res.json().csrfToken).toBe(s.csrfToken);
    const update = res.json().user.permissions.find((p: { permission: string }) => p.permission === 'venue:update');
    expect(update.scope).toBe('venue');
    expect(update.venueIds).toHaveLength(1);
  });

  it('requires the CSRF header on state-changing requests made with the cookie', async () => {
    const s = await t().login(DEMO.officer);
    const without = await t().request('PATCH', '/api/me', { as: { cookie: s.cookie, csrfToken: '' }, headers: { 'x-csrf-token': '' }, body: { locale: 'ar' } });
    expect(without.statusCode).toBe(403);
    expect(without.json().code).toBe('auth.csrf_failed');
    const wrong = await t().request('PATCH', '/api/me', { as: s, headers: { 'x-csrf-token': 'forged' }, body: { locale: 'ar' } });
    expect(wrong.json().code).toBe('auth.csrf_failed');
    const right = await t().request('PATCH', '/api/me', { as: s, body: { locale: 'ar' } });
    expect(right.statusCode).toBe(200);
    expect(right.json().user.locale).toBe('ar');
  });

  it('signs out: the session is revoked server-side and the cookie no longer works', async () => {
    const s = await t().login(DEMO.officer);
    const out = await t().request('POST', '/api/auth/logout', { as: s });
    expect(out.statusCode).toBe(204);
    expect((await t().request('GET', '/api/me', { as: s })).statusCode).toBe(401);
  });

  it('expires idle sessions', async () => {
    const s = await t().login(DEMO.officer);
    clock.advance(13 * 3_600_000);
    expect((await t().request('GET', '/api/me', { as: s })).statusCode).toBe(401);
  });

  it('changes my password: checks the current one, signs out my other sessions', async () => {
    const { email } = await buildUser(t());
    const first = await t().login(email, TEST_PASSWORD);
    const second = await t().login(email, TEST_PASSWORD);
    const bad = await t().request('POST', '/api/me/password', { as: first, body: { currentPassword: 'not it at all', newPassword: 'a brand new passphrase' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('auth.wrong_password');
    const short = await t().request('POST', '/api/me/password', { as: first, body: { currentPassword: TEST_PASSWORD, newPassword: 'short' } });
    expect(short.json().code).toBe('request.invalid');
    const ok = await t().request('POST', '/api/me/password', { as: first, body: { currentPassword: TEST_PASSWORD, newPassword: 'a brand new passphrase' } });
    expect(ok.statusCode).toBe(204);
    expect((await t().request('GET', '/api/me', { as: first })).statusCode).toBe(200);
    expect((await t().request('GET', '/api/me', { as: second })).statusCode).toBe(401);
    await expect(t().login(email, TEST_PASSWORD)).rejects.toThrow();
    await t().login(email, 'a brand new passphrase');
  });

  it('audits sign-ins, successful and failed, without the password', async () => {
    await t().request('POST', '/api/auth/login', { body: { email: DEMO.visa, password: 'definitely-wrong-pw' } });
    await t().login(DEMO.visa);
    const res = await t().request('GET', `/api/audit?actor=${encodeURIComponent(DEMO.visa)}&action=auth.login`, { as: await t().as('auditor') });
    const outcomes = res.json().items.map((e: { outcome: string }) => e.outcome);
    expect(outcomes).toContain('success');
    expect(outcomes).toContain('failure');
    expect(res.body).not.toContain('definitely-wrong-pw');
  });
});
