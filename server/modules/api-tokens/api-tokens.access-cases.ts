import type { AccessCase } from '../../../test/access-cases.ts';
import { buildApiToken, organisationId } from '../../../test/factories.ts';

const NOT_ADMIN = ['commander', 'partner', 'venue', 'officer', 'analyst', 'accreditation', 'visa', 'employer', 'auditor'] as const;

export const accessCases: AccessCase[] = [
  { method: 'GET', route: '/api/api-tokens', url: () => '/api/api-tokens', forbiddenFor: [...NOT_ADMIN] },
  { method: 'POST', route: '/api/api-tokens', url: () => '/api/api-tokens', body: async (t) => ({ name: 'n', organisationId: await organisationId(t, 'DGSN'), permissions: ['venue:read'] }), forbiddenFor: [...NOT_ADMIN] },
  { method: 'POST', route: '/api/api-tokens/:id/revoke', url: async (t) => `/api/api-tokens/${(await buildApiToken(t, { permissions: ['venue:read'] })).id}/revoke`, forbiddenFor: [...NOT_ADMIN] },
];
