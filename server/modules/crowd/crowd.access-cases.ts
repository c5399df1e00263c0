import { and, eq } from 'drizzle-orm';
import type { AccessCase } from '../../../test/access-cases.ts';
import type { TestApp } from '../../../test/app.ts';
import type { DemoRole } from '../../../test/app.ts';
import { venueId } from '../../../test/factories.ts';
import { matches } from '../../platform/db/schema/index.ts';
import { crowdPlanVersions, crowdRuns } from './crowd.schema.ts';

const lusail = (t: TestApp) => venueId(t, 'Lusail Stadium');
const alBayt = (t: TestApp) => venueId(t, 'Al Bayt Stadium');
async function firstMatchAt(t: TestApp, venue: string): Promise<string> {
  const [m] = await t.platform.db.select({ id: matches.id }).from(matches).where(eq(matches.venueId, await venueId(t, venue))).limit(1);
  return m!.id;
}
async function planOf(t: TestApp, venue: string) {
  const [v] = await t.platform.db.select({ plan: crowdPlanVersions.plan }).from(crowdPlanVersions).where(and(eq(crowdPlanVersions.venueId, await venueId(t, venue)), eq(crowdPlanVersions.version, 1)));
  return v!.plan;
}
/** Any stored run id, or a random one (403 comes before 404 for roles without the permission). */
async function someRun(t: TestApp): Promise<string> {
  const [r] = await t.platform.db.select({ id: crowdRuns.id }).from(crowdRuns).limit(1);
  return r?.id ?? '00000000-0000-4000-8000-000000000000';
}

const READ_FORBIDDEN: DemoRole[] = ['officer', 'accreditation', 'visa', 'employer', 'admin'];
const EDIT_FORBIDDEN: DemoRole[] = ['partner', 'officer', 'analyst', 'accreditation', 'visa', 'employer', 'auditor', 'admin'];
const venueScope = (why: string, url: (t: TestApp) => Promise<string>, body?: (t: TestApp) => unknown) => [
  { why, as: (t: TestApp) => t.as('venue'), url, ...(body ? { body } : {}) },
];

export const accessCases: AccessCase[] = [
  { method: 'GET', route: '/api/venues/:id/plans', url: async (t) => `/api/venues/${await alBayt(t)}/plans`, forbiddenFor: READ_FORBIDDEN },
  {
    method: 'POST',
    route: '/api/venues/:id/plans',
    url: async (t) => `/api/venues/${await alBayt(t)}/plans`,
    body: () => ({}),
    forbiddenFor: EDIT_FORBIDDEN,
    wrongScope: venueScope("Al Bayt's venue manager starts a version of Lusail's plan", async (t) => `/api/venues/${await lusail(t)}/plans`),
  },
  {
    method: 'POST',
    route: '/api/venues/:id/plans/import',
    url: async (t) => `/api/venues/${await alBayt(t)}/plans/import`,
    body: async (t) => ({ format: 'tansiq.crowd-plan', formatVersion: 1, plan: await planOf(t, 'Al Bayt Stadium') }),
    forbiddenFor: EDIT_FORBIDDEN,
    wrongScope: venueScope("Al Bayt's venue manager imports into Lusail", async (t) => `/api/venues/${await lusail(t)}/plans/import`),
  },
  { method: 'GET', route: '/api/venues/:id/plans/:version', url: async (t) => `/api/venues/${await alBayt(t)}/plans/1`, forbiddenFor: READ_FORBIDDEN },
  {
    method: 'PUT',
    route: '/api/venues/:id/plans/:version',
    url: async (t) => `/api/venues/${await alBayt(t)}/plans/1`,
    body: async (t) => ({ plan: await planOf(t, 'Al Bayt Stadium') }),
    forbiddenFor: EDIT_FORBIDDEN,
    wrongScope: venueScope("Al Bayt's venue manager edits Lusail's plan", async (t) => `/api/venues/${await lusail(t)}/plans/1`, async (t) => ({ plan: await planOf(t, 'Lusail Stadium') })),
  },
  {
    method: 'POST',
    route: '/api/venues/:id/plans/:version/sign-venue',
    url: async (t) => `/api/venues/${await alBayt(t)}/plans/1/sign-venue`,
    forbiddenFor: ['commander', 'partner', 'officer', 'analyst', 'accreditation', 'visa', 'employer', 'auditor', 'admin'],
    wrongScope: venueScope("Al Bayt's venue manager signs Lusail's plan", async (t) => `/api/venues/${await lusail(t)}/plans/1/sign-venue`),
  },
  {
    method: 'POST',
    route: '/api/venues/:id/plans/:version/sign-command',
    url: async (t) => `/api/venues/${await alBayt(t)}/plans/1/sign-command`,
    forbiddenFor: ['venue', 'partner', 'officer', 'analyst', 'accreditation', 'visa', 'employer', 'auditor', 'admin'],
  },
  { method: 'GET', route: '/api/venues/:id/plans/:version/export', url: async (t) => `/api/venues/${await alBayt(t)}/plans/1/export`, forbiddenFor: READ_FORBIDDEN },
  { method: 'GET', route: '/api/venues/:id/plans/:version/capacity', url: async (t) => `/api/venues/${await alBayt(t)}/plans/1/capacity`, forbiddenFor: READ_FORBIDDEN },
  {
    method: 'POST',
    route: '/api/matches/:id/crowd-runs',
    url: async (t) => `/api/matches/${await firstMatchAt(t, 'Al Bayt Stadium')}/crowd-runs`,
    body: () => ({ kind: 'simulation' }),
    forbiddenFor: EDIT_FORBIDDEN,
    wrongScope: venueScope("Al Bayt's venue manager runs a Lusail match", async (t) => `/api/matches/${await firstMatchAt(t, 'Lusail Stadium')}/crowd-runs`),
  },
  { method: 'GET', route: '/api/venues/:id/crowd-runs', url: async (t) => `/api/venues/${await alBayt(t)}/crowd-runs`, forbiddenFor: READ_FORBIDDEN },
  { method: 'GET', route: '/api/matches/:id/crowd-runs', url: async (t) => `/api/matches/${await firstMatchAt(t, 'Al Bayt Stadium')}/crowd-runs`, forbiddenFor: READ_FORBIDDEN },
  {
    method: 'GET',
    route: '/api/crowd-runs/compare',
    url: async (t) => `/api/crowd-runs/compare?a=${await someRun(t)}&b=${await someRun(t)}`,
    forbiddenFor: READ_FORBIDDEN,
  },
  { method: 'GET', route: '/api/crowd-runs/:id', url: async (t) => `/api/crowd-runs/${await someRun(t)}`, forbiddenFor: READ_FORBIDDEN },
  { method: 'POST', route: '/api/crowd-runs/:id/reproduce', url: async (t) => `/api/crowd-runs/${await someRun(t)}/reproduce`, forbiddenFor: EDIT_FORBIDDEN },
];
