/**
 * Demo data for vetting, outside production only: a FICTIONAL watchlist (invented names, `DEMO.` refs, in
 * the UN Consolidated List's XML structure; see demo/NOTICE.md) imported in two versions, and a few demo
 * applicants screened between them, so the queue, the explanations and the version diff have something
 * to show. Idempotent: does nothing when the demo list exists.
 */
import { readFileSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import type { Permission } from '../../../common/permissions.ts';
import { type RequestContext, systemActor } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/client.ts';
import { createListCache, createOutcomeListeners } from './vetting.matching.ts';
import { watchlists } from './vetting.schema.ts';
import { createScreeningsService } from './screenings.service.ts';
import { createWatchlistsService } from './watchlists.service.ts';

export const DEMO_WATCHLIST_NAME = 'DEMO — fictional watchlist (training)';

const demoFile = (name: string) => readFileSync(new URL(`./demo/${name}`, import.meta.url), 'utf8');

/** Demo applicants: invented people, some of whom resemble the fictional list's entries. */
export const DEMO_APPLICANTS = [
  { subjectId: 'DEMO-APP-001', givenNames: 'Abderrahmane', familyName: 'Benkasfoura', nameArabic: 'عبد الرحمن بن قصفورة', dateOfBirth: '1979-04-12', gender: 'male' as const, nationality: 'MA' },
  { subjectId: 'DEMO-APP-002', givenNames: 'Yousef', familyName: 'Fictivany', nameArabic: null, dateOfBirth: '1985-06-01', gender: 'male' as const, nationality: 'JO' },
  { subjectId: 'DEMO-APP-003', givenNames: 'Leila', familyName: 'Haddad', nameArabic: 'ليلى حداد', dateOfBirth: '1994-08-23', gender: 'female' as const, nationality: 'LB' },
  { subjectId: 'DEMO-APP-004', givenNames: 'Kareem', familyName: 'Zafranovi', nameArabic: null, dateOfBirth: '1988-03-21', gender: 'male' as const, nationality: 'EG' },
];

export async function seedVettingDemo(db: Db, clock: Clock, operationId: string): Promise<{ created: boolean }> {
  const [existing] = await db.select({ id: watchlists.id }).from(watchlists).where(and(eq(watchlists.operationId, operationId), eq(watchlists.name, DEMO_WATCHLIST_NAME)));
  if (existing) return { created: false };
  const grants: Permission[] = ['watchlist:manage', 'vetting:screen'];
  const ctx: RequestContext = { actor: { ...systemActor('seed'), grants: grants.map((permission) => ({ permission, scope: 'operation' as const, venueIds: [] })) }, requestId: null };
  const platform = { db, clock, operationId };
  // The demo subjects belong to no capability: nobody listens to their outcomes.
  const outcomes = createOutcomeListeners();
  const lists = createWatchlistsService(platform, outcomes);
  const screenings = createScreeningsService(platform, createListCache(db, operationId), outcomes);
  const list = await lists.create(ctx, { name: DEMO_WATCHLIST_NAME, description: 'Invented people for training; not a real list.', format: 'un-xml', isActive: true });
  await lists.importVersion(ctx, list.id, demoFile('demo-watchlist-v1.xml'), 'demo-watchlist-v1.xml');
  for (const a of DEMO_APPLICANTS) await screenings.screenSubject(ctx, { subjectType: 'demo_applicant', ...a });
  // The second version adds DEMO.008, changes DEMO.003 and removes DEMO.006: the applicants are screened
  // again against the changes only, and DEMO-APP-004 reaches the queue through that re-screening.
  await lists.importVersion(ctx, list.id, demoFile('demo-watchlist-v2.xml'), 'demo-watchlist-v2.xml');
  return { created: true };
}
