import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createI18n } from '../i18n/index.ts';
import { fakeFetch, problem } from '../test/render.tsx';
import {
  ApiError,
  apiRequest,
  buildUrl,
  fieldErrorsOf,
  normalisePath,
  setCsrfToken,
  setUnauthenticatedHandler,
  toUserMessage,
} from './api.ts';

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
  setUnauthenticatedHandler(null);
});

describe('apiRequest', () => {
  it('sends a raw body (a file) as it is, with its content type, extra headers and the CSRF token', async () => {
    const spy = vi.fn(async (_url: string, _init: RequestInit) => new Response(JSON.stringify({ n: 1 }), { status: 201, headers: { 'content-type': 'application/json' } }));
    vi.stubGlobal('fetch', spy);
    setCsrfToken('csrf-9');
    const out = await apiRequest('/api/watchlists/x/versions', { method: 'POST', raw: { body: 'id,name\n1,A', contentType: 'text/csv' }, headers: { 'Idempotency-Key': 'k1' }, schema: z.object({ n: z.number() }) });
    expect(out).toEqual({ n: 1 });
    const init = spy.mock.calls[0]![1];
    expect(init.body).toBe('id,name\n1,A');
    expect(init.headers).toMatchObject({ 'Content-Type': 'text/csv', 'Idempotency-Key': 'k1', 'X-CSRF-Token': 'csrf-9' });
  });

  it('sends the CSRF token on non-GET requests only, with same-origin credentials', async () => {
    const fake = fakeFetch([
      { method: 'GET', path: '/api/venues', body: { ok: true } },
      { method: 'PATCH', path: '/api/me', body: { ok: true } },
    ]);
    const spy = vi.fn(fake.fn);
    vi.stubGlobal('fetch', spy);
    setCsrfToken('csrf-123');

    await apiRequest('/api/venues', { query: { q: 'bayt', city: '', limit: 25 } });
    await apiRequest('/api/me', { method: 'PATCH', body: { locale: 'ar' } });

    expect(fake.calls[0]?.url).toBe('/api/venues?q=bayt&limit=25');
    expect(fake.calls[0]?.headers['x-csrf-token']).toBeUndefined();
    expect(fake.calls[1]?.headers['x-csrf-token']).toBe('csrf-123');
    expect(fake.calls[1]?.headers['content-type']).toBe('application/json');
    expect(fake.calls[1]?.body).toEqual({ locale: 'ar' });
    expect(spy.mock.calls[0]?.[1]?.credentials).toBe('same-origin');
  });

  it('parses the answer with the contract schema and rejects answers that do not match it', async () => {
    vi.stubGlobal('fetch', fakeFetch([{ path: '/api/x', body: { n: 'not a number' } }]).fn);
    const schema = z.object({ n: z.number() });
    await expect(apiRequest('/api/x', { schema })).rejects.toMatchObject({ code: 'contract.mismatch' });
  });

  it('turns problem+json into an ApiError with its code and field errors', async () => {
    const body = problem(400, 'request.invalid', { errors: [{ path: 'body.email', message: 'Invalid email address' }] });
    vi.stubGlobal('fetch', fakeFetch([{ method: 'POST', path: '/api/users', status: 400, body }]).fn);
    const error = await apiRequest('/api/users', { method: 'POST', body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('request.invalid');
    expect((error as ApiError).status).toBe(400);
    expect(fieldErrorsOf(error)).toEqual({ email: 'Invalid email address' });
  });

  it('makes a problem of a non-JSON error answer', async () => {
    vi.stubGlobal('fetch', fakeFetch([{ path: '/api/x', status: 502, body: 'Bad gateway', contentType: 'text/plain' }]).fn);
    await expect(apiRequest('/api/x')).rejects.toMatchObject({ status: 502, code: 'internal.error' });
  });

  it('reports a network failure as network.unreachable', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    await expect(apiRequest('/api/x')).rejects.toMatchObject({ code: 'network.unreachable' });
  });

  it('calls the unauthenticated handler on a 401, except for sign-in itself', async () => {
    const onUnauthenticated = vi.fn();
    setUnauthenticatedHandler(onUnauthenticated);
    vi.stubGlobal(
      'fetch',
      fakeFetch([
        { path: '/api/venues', status: 401, body: problem(401, 'auth.unauthenticated') },
        { method: 'POST', path: '/api/auth/login', status: 401, body: problem(401, 'auth.invalid_credentials') },
      ]).fn,
    );
    await expect(apiRequest('/api/auth/login', { method: 'POST', body: {} })).rejects.toBeInstanceOf(ApiError);
    expect(onUnauthenticated).not.toHaveBeenCalled();
    await expect(apiRequest('/api/venues')).rejects.toBeInstanceOf(ApiError);
    expect(onUnauthenticated).toHaveBeenCalledTimes(1);
  });
});

describe('toUserMessage', () => {
  const en = createI18n('en').t;
  const ar = createI18n('ar').t;
  const fr = createI18n('fr').t;
  const err = (status: number, code: string) => new ApiError(problem(status, code));

  it('says what the code means, in the user language', () => {
    expect(toUserMessage(err(401, 'auth.invalid_credentials'), en)).toBe('Wrong email address or password.');
    expect(toUserMessage(err(401, 'auth.invalid_credentials'), fr)).toBe('Adresse e-mail ou mot de passe incorrect.');
    expect(toUserMessage(err(401, 'auth.invalid_credentials'), ar)).toBe('البريد الإلكتروني أو كلمة المرور غير صحيحة.');
  });

  it('falls back to a generic message for unknown codes and non-API errors', () => {
    expect(toUserMessage(err(418, 'teapot.unknown'), en)).toBe('Something went wrong. Please try again.');
    expect(toUserMessage(err(500, 'db.exploded'), en)).toBe('An unexpected error occurred on the server. It has been logged.');
    expect(toUserMessage(new Error('boom'), en)).toBe('Something went wrong. Please try again.');
  });
});

describe('helpers', () => {
  it('normalises the field paths of problems', () => {
    expect(normalisePath('body.email')).toBe('email');
    expect(normalisePath('/roles/0/venueId')).toBe('roles.0.venueId');
    expect(normalisePath('roles[1].role')).toBe('roles.1.role');
  });

  it('leaves empty query values out of URLs', () => {
    expect(buildUrl('/api/matches', { q: '', stage: undefined, venueId: null, limit: 10 })).toBe('/api/matches?limit=10');
  });
});
