import '../../test/setup.ts';
import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../../lib/api.ts';
import { fakeFetch, problem, renderWithApp } from '../../test/render.tsx';
import { PasswordForm } from './ProfilePage.tsx';

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

function fill(label: RegExp, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

describe('change-password form', () => {
  it('refuses a new password shorter than 12 characters before sending', async () => {
    const fake = fakeFetch([]);
    vi.stubGlobal('fetch', fake.fn);
    renderWithApp(<PasswordForm />);
    fill(/^Current password/, 'old-password-1');
    fill(/^New password/, 'short');
    fill(/^Repeat the new password/, 'short');
    fireEvent.click(screen.getByRole('button', { name: 'Change password' }));
    expect(await screen.findByText('At least 12 characters')).toBeTruthy();
    expect(fake.calls).toHaveLength(0);
  });

  it('shows the server field errors next to their fields and keeps the values', async () => {
    const body = problem(400, 'request.invalid', {
      errors: [{ path: 'body.newPassword', message: 'This password appears in a list of breached passwords' }],
    });
    const fake = fakeFetch([{ method: 'POST', path: '/api/me/password', status: 400, body }]);
    vi.stubGlobal('fetch', fake.fn);
    setCsrfToken('tok-9');
    renderWithApp(<PasswordForm />);
    fill(/^Current password/, 'old-password-1');
    fill(/^New password/, 'correct horse battery');
    fill(/^Repeat the new password/, 'correct horse battery');
    fireEvent.click(screen.getByRole('button', { name: 'Change password' }));

    const message = await screen.findByText('This password appears in a list of breached passwords');
    const input = screen.getByLabelText(/^New password/);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby') ?? '').toContain(message.id);
    expect((input as HTMLInputElement).value).toBe('correct horse battery');
    expect(screen.getByText('Some fields are not valid.')).toBeTruthy();
    expect(fake.calls[0]?.headers['x-csrf-token']).toBe('tok-9');
  });

  it('puts a wrong current password next to that field', async () => {
    vi.stubGlobal('fetch', fakeFetch([{ method: 'POST', path: '/api/me/password', status: 400, body: problem(400, 'auth.wrong_password') }]).fn);
    renderWithApp(<PasswordForm />, { locale: 'ar' });
    fill(/^كلمة المرور الحالية/, 'old-password-1');
    fill(/^كلمة المرور الجديدة/, 'correct horse battery');
    fill(/^أعد كتابة/, 'correct horse battery');
    fireEvent.click(screen.getByRole('button', { name: 'تغيير كلمة المرور' }));
    expect(await screen.findAllByText('كلمة المرور الحالية غير صحيحة.')).toHaveLength(2);
    expect(screen.getByLabelText(/^كلمة المرور الحالية/).getAttribute('aria-invalid')).toBe('true');
  });
});
