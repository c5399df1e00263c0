/**
 * The vetting capability: watchlists, screening, the officers' adjudication queue, batches.
 *
 * For other capabilities (the workforce portal): `service.screenSubject(ctx, subject)` screens a person
 * when they are submitted for accreditation and returns the neutral outcome; `service.outcomeOf(ctx,
 * subjectType, subjectId)` reads it back (`pending` when never screened). Both need `vetting:screen`;
 * a capability acting on its own (not for a signed-in user) uses `vettingCallerActor('workforce')`.
 * `service.onOutcomeChange(subjectType, listener)` tells it, in the same transaction, when an officer's
 * decision or a list change alters one of its subjects' outcomes.
 */
import { type Actor, systemActor } from '../../platform/access.ts';
import type { Platform } from '../../platform/platform.ts';
import { createBatchesService } from './batches.service.ts';
import { createScreeningsService } from './screenings.service.ts';
import { createListCache, createOutcomeListeners, type VettingPlatform } from './vetting.matching.ts';
import { vettingRoutes } from './vetting.routes.ts';
import { createWatchlistsService } from './watchlists.service.ts';

export type { ScreeningSubject, VettingOutcome, VettingState } from '../../../common/contracts/vetting.ts';
export { seedVettingDemo } from './vetting.seed.ts';

/**
 * A system actor that may submit people for screening and read their outcome, and nothing else: for a
 * capability that screens on its own behalf (e.g. the workforce portal when an application is submitted).
 */
export function vettingCallerActor(label: string): Actor {
  return { ...systemActor(label), grants: [{ permission: 'vetting:screen', scope: 'operation', venueIds: [] }] };
}

export function createVettingServices(platform: VettingPlatform, options: { workers?: number } = {}) {
  const lists = createListCache(platform.db, platform.operationId);
  const outcomes = createOutcomeListeners();
  const screenings = createScreeningsService(platform, lists, outcomes);
  const watchlists = createWatchlistsService(platform, outcomes);
  const batches = createBatchesService(platform, screenings, lists, { workers: options.workers ?? 2 });
  return { screenings, watchlists, batches };
}
export type VettingServices = ReturnType<typeof createVettingServices>;

export function createVettingModule(platform: Platform) {
  const services = createVettingServices(platform);
  const { screenings } = services;
  /** What other capabilities may call. */
  const service = {
    screenSubject: screenings.screenSubject,
    outcomeOf: screenings.outcomeOf,
    onOutcomeChange: screenings.onOutcomeChange,
  };
  return { service, services, routes: vettingRoutes(services) };
}
