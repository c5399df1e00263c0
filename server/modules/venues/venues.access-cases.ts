import type { AccessCase } from '../../../test/access-cases.ts';
import { venueId } from '../../../test/factories.ts';
import type { TestApp } from '../../../test/app.ts';
import { eq } from 'drizzle-orm';
import { matches } from '../../platform/db/schema/index.ts';

const lusail = (t: TestApp) => venueId(t, 'Lusail Stadium');
const alBayt = (t: TestApp) => venueId(t, 'Al Bayt Stadium');
async function firstMatchAt(t: TestApp, venue: string): Promise<string> {
  const [m] = await t.platform.db.select({ id: matches.id }).from(matches).where(eq(matches.venueId, await venueId(t, venue))).limit(1);
  return m!.id;
}

export const accessCases: AccessCase[] = [
  { method: 'GET', route: '/api/venues', url: () => '/api/venues', forbiddenFor: [] },
  { method: 'GET', route: '/api/venues/:id', url: async (t) => `/api/venues/${await alBayt(t)}`, forbiddenFor: [] },
  {
    method: 'PATCH',
    route: '/api/venues/:id',
    url: async (t) => `/api/venues/${await alBayt(t)}`,
    body: () => ({ capacity: 68895 }),
    forbiddenFor: ['partner', 'officer', 'analyst', 'accreditation', 'visa', 'employer', 'auditor', 'admin'],
    wrongScope: [
      { why: "Al Bayt's venue manager edits Lusail", as: (t) => t.as('venue'), url: async (t) => `/api/venues/${await lusail(t)}` },
    ],
  },
  { method: 'GET', route: '/api/matches', url: () => '/api/matches', forbiddenFor: [] },
  { method: 'GET', route: '/api/matches/:id', url: async (t) => `/api/matches/${await firstMatchAt(t, 'Al Bayt Stadium')}`, forbiddenFor: [] },
  {
    method: 'PATCH',
    route: '/api/matches/:id',
    url: async (t) => `/api/matches/${await firstMatchAt(t, 'Al Bayt Stadium')}`,
    body: () => ({ riskCategory: 'elevated' }),
    forbiddenFor: ['partner', 'officer', 'analyst', 'accreditation', 'visa', 'employer', 'auditor', 'admin'],
    wrongScope: [{ why: "Al Bayt's venue manager edits a Lusail match", as: (t) => t.as('venue'), url: async (t) => `/api/matches/${await firstMatchAt(t, 'Lusail Stadium')}` }],
  },
];
