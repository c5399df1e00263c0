/**
 * Supplies live operations with the crowd plan's expected admissions per gate (`ExpectedCurveProvider`):
 * the latest finished simulation of the match being played at the venue (kickoff within six hours of the
 * count). Cached briefly per match: gates post counts every few seconds.
 */
import { and, desc, eq, gte, lte } from 'drizzle-orm';
import type { SimulationResult } from '../../../common/contracts/crowd-scenario.ts';
import { matches } from '../../platform/db/schema/index.ts';
import type { Platform } from '../../platform/platform.ts';
import { crowdRuns } from './crowd.schema.ts';
import { expectedAt, gateCurve } from './expected-curve.rules.ts';

const MATCH_WINDOW_MS = 6 * 3_600_000;
const CACHE_MS = 30_000;

interface Planned {
  kickoffAt: Date;
  sim: SimulationResult;
}

export function createExpectedCurveProvider({ db, operationId }: Platform) {
  const cache = new Map<string, { until: number; planned: Planned | null }>();

  async function planned(venueId: string, at: Date): Promise<Planned | null> {
    const key = `${venueId}|${Math.floor(at.getTime() / 3_600_000)}`;
    const hit = cache.get(key);
    if (hit && hit.until > Date.now()) return hit.planned;
    const [match] = await db
      .select({ id: matches.id, kickoffAt: matches.kickoffAt })
      .from(matches)
      .where(and(eq(matches.operationId, operationId), eq(matches.venueId, venueId), gte(matches.kickoffAt, new Date(at.getTime() - MATCH_WINDOW_MS)), lte(matches.kickoffAt, new Date(at.getTime() + MATCH_WINDOW_MS))))
      .orderBy(matches.kickoffAt)
      .limit(1);
    let result: Planned | null = null;
    if (match) {
      const [run] = await db
        .select({ result: crowdRuns.result })
        .from(crowdRuns)
        .where(and(eq(crowdRuns.matchId, match.id), eq(crowdRuns.kind, 'simulation'), eq(crowdRuns.status, 'done')))
        .orderBy(desc(crowdRuns.finishedAt))
        .limit(1);
      const sim = (run?.result as { simulation?: SimulationResult | null } | undefined)?.simulation;
      if (sim) result = { kickoffAt: match.kickoffAt, sim };
    }
    cache.set(key, { until: Date.now() + CACHE_MS, planned: result });
    return result;
  }

  return {
    async expectedAdmitted(q: { venueId: string; gateId: string; at: Date }): Promise<number | null> {
      const p = await planned(q.venueId, q.at);
      const curve = p && gateCurve(p.sim, q.gateId);
      if (!p || !curve) return null;
      return Math.round(expectedAt(curve, (q.at.getTime() - p.kickoffAt.getTime()) / 60_000));
    },
    async curve(q: { venueId: string; gateId: string; from: Date; to: Date }): Promise<{ at: Date; admitted: number }[] | null> {
      const p = await planned(q.venueId, q.from);
      const curve = p && gateCurve(p.sim, q.gateId);
      if (!p || !curve) return null;
      const points: { at: Date; admitted: number }[] = [];
      const step = Math.max(60_000, Math.ceil((q.to.getTime() - q.from.getTime()) / 240 / 60_000) * 60_000);
      for (let t = q.from.getTime(); t <= q.to.getTime(); t += step) {
        points.push({ at: new Date(t), admitted: Math.round(expectedAt(curve, (t - p.kickoffAt.getTime()) / 60_000)) });
      }
      return points;
    },
  };
}
