/**
 * Gate telemetry: counts pushed by turnstile systems (API token) or replayed from a CSV by an operator,
 * each gate's latest state against the crowd plan's expected curve, and an alert event when a gate falls
 * behind plan or its queue crosses the threshold. The plan comes from the crowd module through
 * `ExpectedCurveProvider`; without one, gates show "no plan yet" and only queue alerts are raised.
 */
import { parse } from 'csv-parse/sync';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { GateCount, type GateStatus } from '../../../common/contracts/operations.ts';
import { can, listScope, type RequestContext, requirePermission } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import { venues } from '../../platform/db/schema/index.ts';
import { AppError } from '../../platform/errors.ts';
import { publishEvent, registerEventVisibility } from '../../platform/events.ts';
import type { Platform } from '../../platform/platform.ts';
import { gateCounts, gateStatus } from './operations.schema.ts';
import { DEFAULT_THRESHOLDS, type GateThresholds, gateState, isAlertState } from './telemetry.rules.ts';

/** What the crowd planner provides for a match day: fans expected through a gate by a time. */
export interface ExpectedCurveProvider {
  /** Expected running total admitted through the gate at `at`; null when the venue has no plan for then. */
  expectedAdmitted(q: { venueId: string; gateId: string; at: Date }): Promise<number | null>;
  /** The expected curve between two times, for charts; null when there is no plan. */
  curve(q: { venueId: string; gateId: string; from: Date; to: Date }): Promise<{ at: Date; admitted: number }[] | null>;
}

type Count = { gateId: string; at: string; admitted: number; queueEstimate?: number };

registerEventVisibility('gate.', (actor, event) => can(actor, 'telemetry:read', { venueId: String(event.audience.venueId) }));

const toStatus = (r: typeof gateStatus.$inferSelect): GateStatus => ({
  venueId: r.venueId,
  gateId: r.gateId,
  at: r.at.toISOString(),
  admitted: r.admitted,
  queueEstimate: r.queueEstimate,
  expected: r.expected,
  state: r.state as GateStatus['state'],
});

export function createTelemetryService({ db, clock, operationId }: Platform, thresholds: GateThresholds = DEFAULT_THRESHOLDS) {
  let provider: ExpectedCurveProvider | null = null;

  async function checkVenue(venueId: string): Promise<void> {
    const [v] = await db.select({ id: venues.id }).from(venues).where(and(eq(venues.id, venueId), eq(venues.operationId, operationId)));
    if (!v) throw new AppError('telemetry.invalid_batch', 'The venue does not exist', { errors: [{ path: 'body.venueId', message: 'unknown venue' }] });
  }

  async function ingest(ctx: RequestContext, venueId: string, counts: Count[], source: 'api' | 'csv'): Promise<{ accepted: number; alerts: number }> {
    requirePermission(ctx.actor, 'telemetry:write', { venueId });
    await checkVenue(venueId);
    const now = clock.now();
    const latest = new Map<string, Count>();
    for (const c of counts) {
      const prev = latest.get(c.gateId);
      if (!prev || Date.parse(c.at) >= Date.parse(prev.at)) latest.set(c.gateId, c);
    }
    const expected = new Map<string, number | null>();
    for (const c of latest.values()) expected.set(c.gateId, provider ? await provider.expectedAdmitted({ venueId, gateId: c.gateId, at: new Date(c.at) }) : null);
    return db.transaction(async (tx) => {
      for (let i = 0; i < counts.length; i += 1000) {
        const chunk = counts.slice(i, i + 1000).map((c) => ({ operationId, venueId, gateId: c.gateId, at: new Date(c.at), admitted: c.admitted, queueEstimate: c.queueEstimate ?? null, receivedAt: now }));
        await tx
          .insert(gateCounts)
          .values(chunk)
          .onConflictDoUpdate({ target: [gateCounts.venueId, gateCounts.gateId, gateCounts.at], set: { admitted: sql`excluded.admitted`, queueEstimate: sql`excluded.queue_estimate`, receivedAt: sql`excluded.received_at` } });
      }
      const previous = await tx.select().from(gateStatus).where(and(eq(gateStatus.venueId, venueId), inArray(gateStatus.gateId, [...latest.keys()])));
      const before = new Map(previous.map((p) => [p.gateId, p]));
      const changed: GateStatus[] = [];
      const raised: GateStatus[] = [];
      for (const c of latest.values()) {
        const prev = before.get(c.gateId);
        if (prev && prev.at.getTime() > Date.parse(c.at)) continue; // an old count replayed late changes nothing live
        const exp = expected.get(c.gateId) ?? null;
        const state = gateState({ admitted: c.admitted, queueEstimate: c.queueEstimate ?? null }, exp, thresholds);
        const row = { operationId, venueId, gateId: c.gateId, at: new Date(c.at), admitted: c.admitted, queueEstimate: c.queueEstimate ?? null, expected: exp, state };
        await tx.insert(gateStatus).values(row).onConflictDoUpdate({ target: [gateStatus.venueId, gateStatus.gateId], set: { at: row.at, admitted: row.admitted, queueEstimate: row.queueEstimate, expected: row.expected, state: row.state } });
        const status = toStatus(row);
        changed.push(status);
        if (isAlertState(state) && prev?.state !== state) raised.push(status);
      }
      await recordAudit(tx, ctx, { action: 'telemetry.ingest', subjectType: 'venue', subjectId: venueId, details: { source, counts: counts.length, gates: latest.size, alerts: raised.length } }, now);
      if (changed.length) await publishEvent(tx, { operationId, type: 'gate.updated', audience: { venueId }, payload: { venueId, gates: changed } }, now);
      for (const g of raised) await publishEvent(tx, { operationId, type: 'gate.alert', audience: { venueId }, payload: g }, now);
      return { accepted: counts.length, alerts: raised.length };
    });
  }

  return {
    /** Lets the crowd module supply expected curves (null: no plan). */
    setExpectedCurveProvider(p: ExpectedCurveProvider | null): void {
      provider = p;
    },

    /** Stores a batch of counts from one venue's gates and updates their live state. */
    ingest: (ctx: RequestContext, body: { venueId: string; counts: Count[] }) => ingest(ctx, body.venueId, body.counts, 'api'),

    /** Replays a CSV with the header `gateId,at,admitted,queueEstimate` (queueEstimate may be empty). */
    async ingestCsv(ctx: RequestContext, body: { venueId: string; csv: string }) {
      requirePermission(ctx.actor, 'telemetry:write', { venueId: body.venueId });
      let records: Record<string, string>[];
      try {
        records = parse(body.csv, { columns: true, skip_empty_lines: true, trim: true, bom: true });
      } catch (err) {
        throw new AppError('telemetry.invalid_batch', `The CSV cannot be read: ${(err as Error).message.slice(0, 200)}`);
      }
      const counts: Count[] = [];
      const errors: { path: string; message: string }[] = [];
      records.forEach((r, i) => {
        const parsed = GateCount.safeParse({ gateId: r.gateId, at: r.at, admitted: Number(r.admitted), ...(r.queueEstimate ? { queueEstimate: Number(r.queueEstimate) } : {}) });
        if (parsed.success) counts.push(parsed.data);
        else errors.push({ path: `body.csv.line${i + 2}`, message: parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ') });
      });
      if (errors.length || counts.length === 0) throw new AppError('telemetry.invalid_batch', errors.length ? `${errors.length} line(s) of the CSV are invalid` : 'The CSV has no counts', { errors: errors.slice(0, 20) });
      if (counts.length > 50_000) throw new AppError('telemetry.invalid_batch', 'At most 50,000 counts per CSV');
      return ingest(ctx, body.venueId, counts, 'csv');
    },

    /** The latest state of every gate the actor may see (optionally one venue's). */
    async list(ctx: RequestContext, q: { venueId?: string }): Promise<{ items: GateStatus[] }> {
      const scope = listScope(ctx.actor, 'telemetry:read');
      if (q.venueId) requirePermission(ctx.actor, 'telemetry:read', { venueId: q.venueId });
      const c = [eq(gateStatus.operationId, operationId)];
      if (q.venueId) c.push(eq(gateStatus.venueId, q.venueId));
      else if (!scope.all) c.push(inArray(gateStatus.venueId, scope.venueIds.length ? scope.venueIds : ['00000000-0000-0000-0000-000000000000']));
      const rows = await db.select().from(gateStatus).where(and(...c)).orderBy(asc(gateStatus.venueId), asc(gateStatus.gateId));
      return { items: rows.map(toStatus) };
    },

    /** One gate's counts over time, with the plan's expected curve when there is one. */
    async series(ctx: RequestContext, q: { venueId: string; gateId: string }) {
      requirePermission(ctx.actor, 'telemetry:read', { venueId: q.venueId });
      const rows = await db.select().from(gateCounts).where(and(eq(gateCounts.venueId, q.venueId), eq(gateCounts.gateId, q.gateId))).orderBy(asc(gateCounts.at)).limit(5000);
      const points = rows.map((r) => ({ at: r.at.toISOString(), admitted: r.admitted, queueEstimate: r.queueEstimate }));
      const curve = provider && rows.length ? await provider.curve({ venueId: q.venueId, gateId: q.gateId, from: rows[0]!.at, to: rows[rows.length - 1]!.at }) : null;
      return { venueId: q.venueId, gateId: q.gateId, points, expected: curve ? curve.map((p) => ({ at: p.at.toISOString(), admitted: p.admitted })) : null };
    },
  };
}

export type TelemetryService = ReturnType<typeof createTelemetryService>;
