import type { AccessCase } from '../../../test/access-cases.ts';
import type { DemoRole, TestApp } from '../../../test/app.ts';
import { eq } from 'drizzle-orm';
import { applicantSession, seededAccreditation, seededApplication, seededOpening } from './workforce.factories.ts';
import { visaCases } from './workforce.schema.ts';

const STAFF: DemoRole[] = ['commander', 'partner', 'venue', 'officer', 'analyst', 'accreditation', 'visa', 'employer', 'auditor', 'admin'];
const except = (...allowed: DemoRole[]) => STAFF.filter((r) => !allowed.includes(r));

// The demo applicant (seeded) owns this application; another applicant must get 403 on it.
const demoApplication = (t: TestApp) => seededApplication(t, 'Youssef');
const otherApplicant = { why: "another applicant touches the demo applicant's application", as: (t: TestApp) => applicantSession(t) };
const applicantCase = (method: AccessCase['method'], route: string, path: (id: string) => string, body?: () => unknown): AccessCase => ({
  method,
  route,
  url: async (t) => path(await demoApplication(t)),
  ...(body ? { body } : {}),
  forbiddenFor: STAFF,
  wrongScope: [otherApplicant],
});
const applicantOnly = (method: AccessCase['method'], route: string, body?: () => unknown): AccessCase => ({ method, route, url: () => route, ...(body ? { body } : {}), forbiddenFor: STAFF });

// Al Waha's recruiter (the demo employer) must not reach Corniche's or the organiser's records.
const cornicheApplication = (t: TestApp) => seededApplication(t, 'Amina');
const employerWrongScope = (path: (id: string) => string) => ({ why: "Al Waha's recruiter reaches an application to Corniche's opening", as: (t: TestApp) => t.as('employer'), url: async (t: TestApp) => path(await cornicheApplication(t)) });

const visaCase = async (t: TestApp) => {
  const [row] = await t.platform.db.select({ id: visaCases.id }).from(visaCases).where(eq(visaCases.applicationId, await seededApplication(t, 'Fatima Zahra')));
  return row!.id;
};

const issued = (t: TestApp) => seededAccreditation(t, 'Omar');

export const accessCases: AccessCase[] = [
  // ---- applicant-only routes
  applicantOnly('POST', '/api/portal/logout'),
  applicantOnly('GET', '/api/portal/me'),
  applicantOnly('PATCH', '/api/portal/me', () => ({ locale: 'ar' })),
  applicantOnly('GET', '/api/portal/applications'),
  { method: 'POST', route: '/api/portal/applications', url: () => '/api/portal/applications', body: async () => ({ openingId: '00000000-0000-4000-8000-000000000000' }), forbiddenFor: STAFF },
  applicantCase('GET', '/api/portal/applications/:id', (id) => `/api/portal/applications/${id}`),
  applicantCase('PATCH', '/api/portal/applications/:id', (id) => `/api/portal/applications/${id}`, () => ({ phone: '+974 5555 1234' })),
  applicantCase('PUT', '/api/portal/applications/:id/files/:kind', (id) => `/api/portal/applications/${id}/files/photo`),
  applicantCase('GET', '/api/portal/applications/:id/files/:kind', (id) => `/api/portal/applications/${id}/files/photo`),
  applicantCase('POST', '/api/portal/applications/:id/submit', (id) => `/api/portal/applications/${id}/submit`),
  applicantCase('POST', '/api/portal/applications/:id/withdraw', (id) => `/api/portal/applications/${id}/withdraw`),
  applicantCase('GET', '/api/portal/applications/:id/badge', (id) => `/api/portal/applications/${id}/badge`),
  applicantCase('GET', '/api/portal/applications/:id/badge-code', (id) => `/api/portal/applications/${id}/badge-code`),
  applicantOnly('GET', '/api/portal/export'),
  applicantOnly('POST', '/api/portal/erase'),

  // ---- employers' openings
  { method: 'GET', route: '/api/manage/openings', url: () => '/api/manage/openings', forbiddenFor: except('employer', 'accreditation') },
  {
    method: 'POST',
    route: '/api/manage/openings',
    url: () => '/api/manage/openings',
    body: () => ({ kind: 'job', title: { en: 'Driver' }, description: { en: 'Drive' }, places: 2, startsOn: '2030-01-01', endsOn: '2030-02-01', sponsorsVisa: false }),
    forbiddenFor: except('employer', 'accreditation'),
  },
  {
    method: 'PATCH',
    route: '/api/manage/openings/:id',
    url: async (t) => `/api/manage/openings/${await seededOpening(t, 'Al Waha')}`,
    body: () => ({ places: 121 }),
    forbiddenFor: except('employer', 'accreditation'),
    wrongScope: [
      { why: "Al Waha's recruiter edits Corniche's opening", as: (t) => t.as('employer'), url: async (t) => `/api/manage/openings/${await seededOpening(t, 'Corniche')}` },
      { why: "the organiser's accreditation officer edits an employer's opening", as: (t) => t.as('accreditation') },
    ],
  },

  // ---- applications (back office)
  { method: 'GET', route: '/api/applications', url: () => '/api/applications', forbiddenFor: except('employer', 'accreditation') },
  {
    method: 'GET',
    route: '/api/applications/:id',
    url: async (t) => `/api/applications/${await seededApplication(t, 'Karim')}`,
    forbiddenFor: except('employer', 'accreditation'),
    wrongScope: [employerWrongScope((id) => `/api/applications/${id}`)],
  },
  {
    method: 'GET',
    route: '/api/applications/:id/files/:kind',
    url: async (t) => `/api/applications/${await seededApplication(t, 'Karim')}/files/photo`,
    forbiddenFor: except('employer', 'accreditation'),
    wrongScope: [employerWrongScope((id) => `/api/applications/${id}/files/photo`)],
  },
  {
    method: 'POST',
    route: '/api/applications/:id/decision',
    url: async (t) => `/api/applications/${await seededApplication(t, 'Karim')}/decision`,
    body: () => ({ decision: 'shortlist' }),
    forbiddenFor: except('employer', 'accreditation'),
    wrongScope: [employerWrongScope((id) => `/api/applications/${id}/decision`)],
  },

  // ---- visas
  { method: 'GET', route: '/api/visa-cases', url: () => '/api/visa-cases', forbiddenFor: except('visa') },
  { method: 'GET', route: '/api/visa-cases/:id', url: async (t) => `/api/visa-cases/${await visaCase(t)}`, forbiddenFor: except('visa') },
  { method: 'POST', route: '/api/visa-cases/:id/steps', url: async (t) => `/api/visa-cases/${await visaCase(t)}/steps`, body: () => ({ step: 'medical', outcome: 'done' }), forbiddenFor: except('visa') },

  // ---- accreditations
  { method: 'GET', route: '/api/accreditations', url: () => '/api/accreditations', forbiddenFor: except('commander', 'accreditation') },
  {
    method: 'POST',
    route: '/api/accreditations',
    url: () => '/api/accreditations',
    body: async (t) => ({ applicationId: await seededApplication(t, 'Karim'), roleCategory: 'security', venueIds: ['00000000-0000-4000-8000-000000000000'], zones: [1], validFrom: '2030-01-01', validTo: '2030-01-02' }),
    forbiddenFor: except('accreditation'),
  },
  { method: 'GET', route: '/api/accreditations/:id', url: async (t) => `/api/accreditations/${await issued(t)}`, forbiddenFor: except('commander', 'accreditation') },
  { method: 'POST', route: '/api/accreditations/:id/suspend', url: async (t) => `/api/accreditations/${await issued(t)}/suspend`, forbiddenFor: except('accreditation') },
  { method: 'POST', route: '/api/accreditations/:id/reinstate', url: async (t) => `/api/accreditations/${await issued(t)}/reinstate`, forbiddenFor: except('accreditation') },
  { method: 'POST', route: '/api/accreditations/:id/revoke', url: async (t) => `/api/accreditations/${await issued(t)}/revoke`, forbiddenFor: except('accreditation') },
  { method: 'GET', route: '/api/accreditations/:id/badge', url: async (t) => `/api/accreditations/${await issued(t)}/badge`, forbiddenFor: except('commander', 'accreditation') },
  { method: 'GET', route: '/api/accreditations/:id/badge-code', url: async (t) => `/api/accreditations/${await issued(t)}/badge-code`, forbiddenFor: except('commander', 'accreditation') },

  // ---- badges and checkpoints
  { method: 'POST', route: '/api/badges/verify', url: () => '/api/badges/verify', body: () => ({ code: 'TQ1.x' }), forbiddenFor: except('commander', 'venue', 'officer', 'accreditation') },
  { method: 'GET', route: '/api/badges/keys', url: () => '/api/badges/keys', forbiddenFor: except('commander', 'venue', 'officer', 'accreditation') },
  { method: 'POST', route: '/api/badges/keys/rotate', url: () => '/api/badges/keys/rotate', forbiddenFor: except('accreditation') },
  { method: 'POST', route: '/api/badges/keys/:kid/retire', url: () => '/api/badges/keys/0000000000000000/retire', forbiddenFor: except('accreditation') },
  { method: 'GET', route: '/api/badges/revocations', url: () => '/api/badges/revocations', forbiddenFor: except('commander', 'venue', 'officer', 'accreditation') },
  {
    method: 'POST',
    route: '/api/badges/scans',
    url: () => '/api/badges/scans',
    body: () => ({ scans: [{ id: 'scan-00000001', code: 'TQ1.x', scannedAt: '2030-01-01T10:00:00Z', offlineReason: 'malformed' }] }),
    forbiddenFor: except('commander', 'venue', 'officer', 'accreditation'),
  },
  { method: 'GET', route: '/api/badges/scans', url: () => '/api/badges/scans', forbiddenFor: except('commander', 'accreditation') },
];

