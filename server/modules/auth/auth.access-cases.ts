import type { AccessCase } from '../../../test/access-cases.ts';

/** Routes for any signed-in person: no role is forbidden, but anonymous requests get 401. */
export const accessCases: AccessCase[] = [
  { method: 'POST', route: '/api/auth/logout', url: () => '/api/auth/logout', forbiddenFor: [] },
  { method: 'GET', route: '/api/me', url: () => '/api/me', forbiddenFor: [] },
  { method: 'PATCH', route: '/api/me', url: () => '/api/me', body: () => ({ locale: 'fr' }), forbiddenFor: [] },
  { method: 'POST', route: '/api/me/password', url: () => '/api/me/password', body: () => ({ currentPassword: 'x', newPassword: 'yyyyyyyyyyyy' }), forbiddenFor: [] },
];
