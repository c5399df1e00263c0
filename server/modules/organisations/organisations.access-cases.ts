import type { AccessCase } from '../../../test/access-cases.ts';
import { organisationId } from '../../../test/factories.ts';

const NOT_ADMIN = ['commander', 'partner', 'venue', 'officer', 'analyst', 'accreditation', 'visa', 'employer', 'auditor'] as const;

export const accessCases: AccessCase[] = [
  { method: 'GET', route: '/api/organisations', url: () => '/api/organisations', forbiddenFor: [] },
  { method: 'GET', route: '/api/organisations/:id', url: async (t) => `/api/organisations/${await organisationId(t, 'DGSN')}`, forbiddenFor: [] },
  { method: 'POST', route: '/api/organisations', url: () => '/api/organisations', body: () => ({ name: 'X', shortName: 'X', kind: 'employer', country: 'QA' }), forbiddenFor: [...NOT_ADMIN] },
  { method: 'PATCH', route: '/api/organisations/:id', url: async (t) => `/api/organisations/${await organisationId(t, 'DGSN')}`, body: () => ({ shortName: 'DGSN' }), forbiddenFor: [...NOT_ADMIN] },
];
