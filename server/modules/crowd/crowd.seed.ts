/**
 * Seeds one plan per stadium, sized to its tournament capacity (every figure marked as an assumption),
 * signed off by the seed's system actor (both sign-offs, audited) so that per-match runs work at once.
 * Idempotent: a venue that already has a plan version is left alone.
 */
import { and, eq } from 'drizzle-orm';
import { VenuePlan } from '../../../common/contracts/crowd-plan.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/client.ts';
import { venues } from '../../platform/db/schema/index.ts';
import { newId } from '../../platform/ids.ts';
import { seedPlan } from './crowd.rules.ts';
import { crowdPlanVersions } from './crowd.schema.ts';
import { SEED_ACTOR } from './crowd.service.ts';

/** Shuttle ride one way (minutes) where the seed data says fans take a shuttle; assumptions from the access notes. */
const SHUTTLE_RIDE: Record<string, number> = { 'Al Bayt Stadium': 30, 'Al Thumama Stadium': 15, 'Al Janoub Stadium': 15 };

/** The seeded plan of a stadium (capacity and metro from server/seed/data/qatar2022-stadiums.json). */
export function planForStadium(v: { name: string; capacity: number; metroStation: string | null }): VenuePlan {
  return VenuePlan.parse(
    seedPlan({
      name: v.name,
      capacity: v.capacity,
      metroStation: v.metroStation,
      metroWalkable: !(v.name in SHUTTLE_RIDE),
      shuttleRideMinutes: SHUTTLE_RIDE[v.name] ?? 10,
    }),
  );
}

export async function seedCrowdPlans(db: Db, clock: Clock, operationId: string): Promise<number> {
  const rows = await db.select().from(venues).where(eq(venues.operationId, operationId));
  let created = 0;
  for (const v of rows) {
    const [existing] = await db.select({ id: crowdPlanVersions.id }).from(crowdPlanVersions).where(and(eq(crowdPlanVersions.venueId, v.id))).limit(1);
    if (existing) continue;
    const plan = planForStadium(v);
    await db.transaction(async (tx) => {
      const now = clock.now();
      const id = newId();
      await tx.insert(crowdPlanVersions).values({
        id,
        operationId,
        venueId: v.id,
        version: 1,
        status: 'approved',
        basedOnVersion: null,
        plan: plan as unknown as Record<string, unknown>,
        createdByLabel: SEED_ACTOR.label,
        venueSignedById: null,
        venueSignedByLabel: SEED_ACTOR.label,
        venueSignedAt: now,
        commandSignedById: null,
        commandSignedByLabel: SEED_ACTOR.label,
        commandSignedAt: now,
        createdAt: now,
        updatedAt: now,
      });
      const source = { actor: SEED_ACTOR, requestId: null };
      await recordAudit(tx, source, { action: 'crowd_plan.seed', subjectType: 'crowd_plan_version', subjectId: id, details: { venueId: v.id, version: 1, gates: plan.gates.length } }, now);
      await recordAudit(tx, source, { action: 'crowd_plan.sign_venue', subjectType: 'crowd_plan_version', subjectId: id, details: { venueId: v.id, version: 1, status: 'venue_signed' } }, now);
      await recordAudit(tx, source, { action: 'crowd_plan.sign_command', subjectType: 'crowd_plan_version', subjectId: id, details: { venueId: v.id, version: 1, status: 'approved' } }, now);
    });
    created++;
  }
  return created;
}
