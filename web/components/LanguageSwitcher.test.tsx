import '../test/setup.ts';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppRoutes } from '../App.tsx';
import { setCsrfToken } from '../lib/api.ts';
import { makeMe } from '../test/fixtures.ts';
import { fakeFetch, problem, renderWithApp } from '../test/render.tsx';

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe('language switcher', () => {
  it('on the sign-in page flips the page to Arabic, right to left, and remembers the choice', async () => {
    vi.stubGlobal('fetch', fakeFetch([{ path: '/api/me', status: 401, body: problem(401, 'auth.unauthenticated') }]).fn);
    renderWithApp(<AppRoutes />, { locale: 'en', path: '/sign-in' });

    expect(await screen.findByRole('heading', { name: 'Sign in to the operation' })).toBeTruthy();
    expect(document.documentElement.dir).toBe('ltr');

    fireEvent.click(screen.getByText('عربي'));

    expect(await screen.findByRole('heading', { name: 'الدخول إلى العملية' })).toBeTruthy();
    expect(document.documentElement.dir).toBe('rtl');
    expect(document.documentElement.lang).toBe('ar');
    expect(localStorage.getItem('tansiq.locale')).toBe('ar');

    fireEvent.click(screen.getByText('FR'));
    expect(await screen.findByRole('heading', { name: 'Connexion à l’opération' })).toBeTruthy();
    expect(document.documentElement.dir).toBe('ltr');
  });

  it('when signed in, saves the language to the profile with the CSRF token', async () => {
    const me = makeMe();
    const fake = fakeFetch([
      { path: '/api/me', body: { user: me, csrfToken: 'tok-1' } },
      { method: 'PATCH', path: '/api/me', body: { user: { ...me, locale: 'fr' }, csrfToken: 'tok-1' } },
      { path: '/api/organisations/' + me.organisation.id, status: 404, body: problem(404, 'resource.not_found') },
    ]);
    vi.stubGlobal('fetch', fake.fn);
    renderWithApp(<AppRoutes />, { locale: 'en', path: '/profile' });

    expect(await screen.findByRole('heading', { name: 'My profile' })).toBeTruthy();
    fireEvent.click(screen.getAllByText('FR')[0]!);

    await waitFor(() => expect(fake.calls.some((c) => c.method === 'PATCH')).toBe(true));
    const patch = fake.calls.find((c) => c.method === 'PATCH');
    expect(patch?.body).toEqual({ locale: 'fr' });
    expect(patch?.headers['x-csrf-token']).toBe('tok-1');
    expect(await screen.findByRole('heading', { name: 'Mon profil' })).toBeTruthy();
  });
});
