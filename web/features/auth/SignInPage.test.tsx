import '../../test/setup.ts';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppRoutes } from '../../App.tsx';
import { setCsrfToken } from '../../lib/api.ts';
import { makeMe } from '../../test/fixtures.ts';
import { fakeFetch, problem, renderWithApp } from '../../test/render.tsx';

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

const signedOut = { path: '/api/me', status: 401, body: problem(401, 'auth.unauthenticated') };

function fill(label: RegExp, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

describe('sign-in page', () => {
  it('validates with the contract before sending anything', async () => {
    const fake = fakeFetch([signedOut]);
    vi.stubGlobal('fetch', fake.fn);
    renderWithApp(<AppRoutes />, { path: '/sign-in' });
    fireEvent.click(await screen.findByRole('button', { name: 'Sign in' }));
    expect(await screen.findAllByText('This field is required')).toHaveLength(2);
    expect(fake.calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('shows the server error in the user language and keeps what was typed', async () => {
    vi.stubGlobal(
      'fetch',
      fakeFetch([signedOut, { method: 'POST', path: '/api/auth/login', status: 401, body: problem(401, 'auth.invalid_credentials') }]).fn,
    );
    renderWithApp(<AppRoutes />, { path: '/sign-in', locale: 'fr' });
    await screen.findByRole('heading', { name: 'Connexion à l’opération' });
    fill(/Adresse e-mail/, 'commander@demo.tansiq.org');
    fill(/Mot de passe/, 'wrong-password');
    fireEvent.click(screen.getByRole('button', { name: 'Se connecter' }));

    expect(await screen.findByText('Adresse e-mail ou mot de passe incorrect.')).toBeTruthy();
    expect((screen.getByLabelText(/Adresse e-mail/) as HTMLInputElement).value).toBe('commander@demo.tansiq.org');
    expect((screen.getByLabelText(/Mot de passe/) as HTMLInputElement).value).toBe('wrong-password');
  });

  it('signs in, takes the profile language and goes to the operation', async () => {
    const me = makeMe({ locale: 'ar' });
    vi.stubGlobal(
      'fetch',
      fakeFetch([
        signedOut,
        { method: 'POST', path: '/api/auth/login', body: { user: me, csrfToken: 'tok' } },
        { path: '/api/venues', body: { items: [], nextCursor: null } },
        { path: /^\/api\/organisations\//, status: 404, body: problem(404, 'resource.not_found') },
      ]).fn,
    );
    renderWithApp(<AppRoutes />, { path: '/sign-in' });
    await screen.findByRole('heading', { name: 'Sign in to the operation' });
    fill(/Email address/, 'admin@demo.tansiq.org');
    fill(/Password/, 'tansiq-demo-2022');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { name: 'الملاعب' })).toBeTruthy();
    await waitFor(() => expect(document.documentElement.dir).toBe('rtl'));
    expect(screen.getByText('لا توجد ملاعب بعد')).toBeTruthy();
  });
});
