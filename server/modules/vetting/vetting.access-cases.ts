import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { AccessCase } from '../../../test/access-cases.ts';
import type { DemoRole, TestApp } from '../../../test/app.ts';
import { DEMO_WATCHLIST_NAME } from './vetting.seed.ts';
import { screeningHits, screenings, watchlists } from './vetting.schema.ts';

// Vetting grants are operation-wide (docs/vetting.md), so there is no wrong-scope actor: only roles.
const NOT_SCREENERS: DemoRole[] = ['commander', 'partner', 'venue', 'officer', 'analyst', 'visa', 'employer', 'auditor', 'admin'];
const NOT_VETTING_OFFICERS: DemoRole[] = ['commander', 'partner', 'venue', 'officer', 'visa', 'employer', 'auditor', 'admin'];
const NOT_LIST_MANAGERS: DemoRole[] = ['commander', 'partner', 'venue', 'officer', 'accreditation', 'visa', 'employer', 'auditor', 'admin'];

const demoList = async (t: TestApp) => (await t.platform.db.select({ id: watchlists.id }).from(watchlists).where(eq(watchlists.name, DEMO_WATCHLIST_NAME)))[0]!.id;
const demoScreening = async (t: TestApp) =>
  (await t.platform.db.select({ id: screenings.id }).from(screenings).where(and(eq(screenings.subjectId, 'DEMO-APP-001'), eq(screenings.isCurrent, true))))[0]!.id;
const demoHit = async (t: TestApp) => (await t.platform.db.select({ id: screeningHits.id }).from(screeningHits).where(eq(screeningHits.screeningId, await demoScreening(t))))[0]!.id;

const person = () => ({ subjectType: 'application', subjectId: 'access-case', givenNames: 'Perinel', familyName: 'Astovarre' });
const csvList = 'id,name\nAC-1,Perinel Astovarre';

export const accessCases: AccessCase[] = [
  { method: 'POST', route: '/api/screenings', url: () => '/api/screenings', body: person, forbiddenFor: NOT_SCREENERS },
  { method: 'GET', route: '/api/screenings', url: () => '/api/screenings', forbiddenFor: NOT_VETTING_OFFICERS },
  { method: 'GET', route: '/api/screenings/:id', url: async (t) => `/api/screenings/${await demoScreening(t)}`, forbiddenFor: NOT_VETTING_OFFICERS },
  { method: 'GET', route: '/api/vetting/queue', url: () => '/api/vetting/queue', forbiddenFor: NOT_VETTING_OFFICERS },
  { method: 'GET', route: '/api/vetting/hits/:id', url: async (t) => `/api/vetting/hits/${await demoHit(t)}`, forbiddenFor: NOT_VETTING_OFFICERS },
  {
    method: 'POST',
    route: '/api/vetting/hits/:id/decisions',
    url: async (t) => `/api/vetting/hits/${await demoHit(t)}/decisions`,
    body: () => ({ decision: 'possible_match', reason: 'access case' }),
    forbiddenFor: NOT_VETTING_OFFICERS,
  },
  { method: 'GET', route: '/api/watchlists', url: () => '/api/watchlists', forbiddenFor: NOT_VETTING_OFFICERS },
  { method: 'POST', route: '/api/watchlists', url: () => '/api/watchlists', body: () => ({ name: `List ${randomUUID()}`, format: 'csv' }), forbiddenFor: NOT_LIST_MANAGERS },
  { method: 'GET', route: '/api/watchlists/:id', url: async (t) => `/api/watchlists/${await demoList(t)}`, forbiddenFor: NOT_VETTING_OFFICERS },
  { method: 'PATCH', route: '/api/watchlists/:id', url: async (t) => `/api/watchlists/${await demoList(t)}`, body: () => ({ isActive: true }), forbiddenFor: NOT_LIST_MANAGERS },
  { method: 'GET', route: '/api/watchlists/:id/versions/:version/diff', url: async (t) => `/api/watchlists/${await demoList(t)}/versions/2/diff`, forbiddenFor: NOT_VETTING_OFFICERS },
  { method: 'POST', route: '/api/watchlists/:id/versions', url: async (t) => `/api/watchlists/${await demoList(t)}/versions`, body: () => csvList, forbiddenFor: NOT_LIST_MANAGERS },
  { method: 'POST', route: '/api/screenings/batches', url: () => '/api/screenings/batches', body: () => 'id,full_name\n1,Perinel Astovarre', forbiddenFor: NOT_SCREENERS },
  { method: 'GET', route: '/api/screenings/batches/:id', url: () => `/api/screenings/batches/${randomUUID()}`, forbiddenFor: NOT_SCREENERS },
];
