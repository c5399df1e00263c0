import type { AccessCase } from '../../../test/access-cases.ts';
import { DEMO, type TestApp } from '../../../test/app.ts';
import { buildApiToken, organisationId } from '../../../test/factories.ts';
import { findUserByEmail } from '../../platform/identity.ts';

const NOT_ADMIN = ['commander', 'partner', 'venue', 'officer', 'analyst', 'accreditation', 'visa', 'employer', 'auditor'] as const;
const userId = async (t: TestApp, email: string) => (await findUserByEmail(t.platform.db, email))!.id;
const dgsnReader = async (t: TestApp) => ({ bearer: (await buildApiToken(t, { organisation: 'DGSN', permissions: ['user:read'] })).secret });

export const accessCases: AccessCase[] = [
  {
    method: 'GET',
    route: '/api/users',
    url: () => '/api/users',
    forbiddenFor: ['venue', 'officer', 'analyst', 'accreditation', 'visa', 'employer', 'auditor'],
    wrongScope: [
      { why: "DGSN's commander lists the host's users", as: (t) => t.as('partner'), url: async (t) => `/api/users?organisationId=${await organisationId(t, 'MOI-SSOC')}` },
      { why: "a DGSN token lists the host's users", as: dgsnReader, url: async (t) => `/api/users?organisationId=${await organisationId(t, 'MOI-SSOC')}` },
    ],
  },
  {
    method: 'GET',
    route: '/api/users/:id',
    url: async (t) => `/api/users/${await userId(t, DEMO.officer)}`,
    forbiddenFor: ['venue', 'officer', 'analyst', 'accreditation', 'visa', 'employer', 'auditor'],
    wrongScope: [
      { why: "DGSN's commander reads a host user", as: (t) => t.as('partner'), url: async (t) => `/api/users/${await userId(t, DEMO.commander)}` },
      { why: 'a DGSN token reads a host user', as: dgsnReader, url: async (t) => `/api/users/${await userId(t, DEMO.commander)}` },
    ],
  },
  { method: 'POST', route: '/api/users', url: () => '/api/users', body: async (t) => ({ email: 'x@test.tansiq.org', name: 'X', organisationId: await organisationId(t, 'DGSN'), password: 'a long enough password', roles: [] }), forbiddenFor: [...NOT_ADMIN] },
  { method: 'PATCH', route: '/api/users/:id', url: async (t) => `/api/users/${await userId(t, DEMO.officer)}`, body: () => ({ name: 'Officer' }), forbiddenFor: [...NOT_ADMIN] },
];
