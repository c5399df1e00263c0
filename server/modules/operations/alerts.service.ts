/**
 * Public safety alerts for fans: drafted by command in Arabic, French and English, approved by a second
 * person (two-person rule), then published as one CAP 1.2 message (stored as published, never regenerated)
 * and listed in the Atom feed. Updates and cancellations are new messages that reference the earlier ones.
 */
import { and, desc, eq, inArray, isNotNull, lt, or, sql } from 'drizzle-orm';
import type { DraftAlertBody, PublicAlert } from '../../../common/contracts/operations.ts';
import { can, type RequestContext, requirePermission } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import { operations, venues } from '../../platform/db/schema/index.ts';
import { AppError, denied, notFound } from '../../platform/errors.ts';
import { publishEvent, registerEventVisibility } from '../../platform/events.ts';
import { decodeCursor, toPage } from '../../platform/http/pagination.ts';
import { newId } from '../../platform/ids.ts';
import type { Platform } from '../../platform/platform.ts';
import type { Db } from '../../platform/db/client.ts';
import { type AtomEntry, buildAtomFeed, buildCapXml, capCircle } from './cap.ts';
import { publicAlerts } from './operations.schema.ts';

/** Qatar is UTC+3 all year (no daylight saving); CAP times are written in the operation's local time. */
export const OPERATION_UTC_OFFSET_MINUTES = 180;
/** Radius of the CAP circle drawn around each venue named by an alert. */
const VENUE_RADIUS_KM = 1;

type Row = typeof publicAlerts.$inferSelect;
type DraftInput = Omit<DraftAlertBody, 'msgType' | 'venueIds'> & { msgType: 'Alert' | 'Update' | 'Cancel'; venueIds: string[] };

export const capPath = (id: string) => `/cap/alerts/${id}`;

const toView = (r: Row): PublicAlert => ({
  id: r.id,
  state: r.state as PublicAlert['state'],
  msgType: r.msgType as PublicAlert['msgType'],
  referencesAlertId: r.referencesAlertId,
  category: r.category as PublicAlert['category'],
  event: r.event,
  urgency: r.urgency as PublicAlert['urgency'],
  severity: r.severity as PublicAlert['severity'],
  certainty: r.certainty as PublicAlert['certainty'],
  venueIds: r.venueIds,
  areaDesc: r.areaDesc,
  expiresAt: r.expiresAt?.toISOString() ?? null,
  text: r.text,
  draftedBy: r.draftedBy,
  draftedByUserId: r.draftedByUserId,
  createdAt: r.createdAt.toISOString(),
  approvedBy: r.approvedBy,
  identifier: r.identifier,
  sentAt: r.sentAt?.toISOString() ?? null,
  capUrl: r.state === 'published' ? capPath(r.id) : null,
});

registerEventVisibility('alert.', (actor) => can(actor, 'alert:read'));

export function createAlertsService({ db, clock, operationId }: Platform) {
  let operationInfo: { slug: string; name: string } | null = null;
  async function operation() {
    if (!operationInfo) {
      const [o] = await db.select({ slug: operations.slug, name: operations.name }).from(operations).where(eq(operations.id, operationId));
      operationInfo = { slug: o?.slug ?? 'operation', name: o?.name ?? 'Operation' };
    }
    return operationInfo;
  }

  async function find(id: string, exec: Db = db): Promise<Row> {
    const [row] = await exec.select().from(publicAlerts).where(and(eq(publicAlerts.id, id), eq(publicAlerts.operationId, operationId)));
    if (!row) throw notFound('Alert');
    return row;
  }

  /** The published messages an update or cancellation refers to: the whole thread, oldest first. */
  async function thread(tx: Db, row: Row): Promise<Row[]> {
    const out: Row[] = [];
    let ref = row.referencesAlertId;
    while (ref && out.length < 50) {
      const prev = await find(ref, tx);
      out.unshift(prev);
      ref = prev.referencesAlertId;
    }
    return out;
  }

  return {
    /** Writes a draft; an update or cancellation names the published alert it replaces. */
    async draft(ctx: RequestContext, input: DraftInput): Promise<PublicAlert> {
      requirePermission(ctx.actor, 'alert:draft');
      if (ctx.actor.kind !== 'user') throw denied('Alerts are drafted by a person');
      if (input.msgType === 'Alert' && input.referencesAlertId) throw new AppError('alert.invalid_reference', 'A new alert references nothing; send msgType Update or Cancel', { errors: [{ path: 'body.referencesAlertId', message: 'only for Update or Cancel' }] });
      if (input.msgType !== 'Alert') {
        if (!input.referencesAlertId) throw new AppError('alert.invalid_reference', 'An update or cancellation names the alert it replaces', { errors: [{ path: 'body.referencesAlertId', message: 'required' }] });
        const ref = await find(input.referencesAlertId).catch(() => null);
        if (ref?.state !== 'published') throw new AppError('alert.invalid_reference', 'The referenced alert is not a published alert', { errors: [{ path: 'body.referencesAlertId', message: 'not published' }] });
      }
      if (input.venueIds.length) {
        const found = await db.select({ id: venues.id }).from(venues).where(and(inArray(venues.id, input.venueIds), eq(venues.operationId, operationId)));
        if (found.length !== new Set(input.venueIds).size) throw new AppError('venue.not_found', 'A venue named by the alert does not exist', { errors: [{ path: 'body.venueIds', message: 'unknown venue' }] });
      }
      const id = newId();
      const now = clock.now();
      await db.transaction(async (tx) => {
        await tx.insert(publicAlerts).values({
          id,
          operationId,
          state: 'draft',
          msgType: input.msgType,
          referencesAlertId: input.referencesAlertId ?? null,
          category: input.category,
          event: input.event,
          urgency: input.urgency,
          severity: input.severity,
          certainty: input.certainty,
          venueIds: [...new Set(input.venueIds)],
          areaDesc: input.areaDesc,
          expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
          text: input.text,
          draftedByUserId: ctx.actor.id!,
          draftedBy: ctx.actor.label,
          createdAt: now,
        });
        await recordAudit(tx, ctx, { action: 'alert.draft', subjectType: 'alert', subjectId: id, details: { msgType: input.msgType, severity: input.severity } }, now);
        await publishEvent(tx, { operationId, type: 'alert.drafted', audience: {}, payload: { id, msgType: input.msgType } }, now);
      });
      return toView(await find(id));
    },

    /** Lists alerts, newest first (drafts included). */
    async list(ctx: RequestContext, q: { state?: string; cursor?: string; limit: number }) {
      requirePermission(ctx.actor, 'alert:read');
      const after = decodeCursor(q.cursor, 2);
      const c = [eq(publicAlerts.operationId, operationId)];
      if (q.state) c.push(eq(publicAlerts.state, q.state));
      if (after) c.push(or(lt(publicAlerts.createdAt, new Date(String(after[0]))), and(eq(publicAlerts.createdAt, new Date(String(after[0]))), sql`${publicAlerts.id} < ${after[1]}::uuid`))!);
      const rows = await db.select().from(publicAlerts).where(and(...c)).orderBy(desc(publicAlerts.createdAt), desc(publicAlerts.id)).limit(q.limit + 1);
      return toPage(rows, q.limit, (r) => [r.createdAt.toISOString(), r.id], toView);
    },

    async get(ctx: RequestContext, id: string): Promise<PublicAlert> {
      requirePermission(ctx.actor, 'alert:read');
      return toView(await find(id));
    },

    /** A second person approves a draft: it is published as CAP at once. */
    async approve(ctx: RequestContext, id: string): Promise<PublicAlert> {
      requirePermission(ctx.actor, 'alert:approve');
      if (ctx.actor.kind !== 'user') throw denied('Alerts are approved by a person');
      const op = await operation();
      await db.transaction(async (tx) => {
        const [row] = await tx.select().from(publicAlerts).where(and(eq(publicAlerts.id, id), eq(publicAlerts.operationId, operationId))).for('update');
        if (!row) throw notFound('Alert');
        if (row.state !== 'draft') throw new AppError('alert.invalid_state', `This alert is ${row.state}, not a draft`);
        if (row.draftedByUserId === ctx.actor.id) throw new AppError('alert.same_person', 'Another person must approve an alert you drafted');
        const now = clock.now();
        const sender = `${op.slug}@tansiq.org`;
        const identifier = `tansiq-alert-${row.id}`;
        const refs = await thread(tx, row);
        const venueRows = row.venueIds.length ? await tx.select({ lat: venues.lat, lon: venues.lon }).from(venues).where(inArray(venues.id, row.venueIds)) : [];
        const capXml = buildCapXml({
          identifier,
          sender,
          sent: now,
          status: 'Actual',
          msgType: row.msgType as 'Alert',
          scope: 'Public',
          references: refs.filter((r) => r.identifier && r.sentAt).map((r) => ({ sender, identifier: r.identifier!, sent: r.sentAt! })),
          category: row.category,
          event: row.event,
          urgency: row.urgency,
          severity: row.severity,
          certainty: row.certainty,
          expires: row.expiresAt,
          senderName: op.name,
          web: null,
          text: row.text,
          area: { areaDesc: row.areaDesc, circles: venueRows.map((v) => capCircle(v.lat, v.lon, VENUE_RADIUS_KM)) },
          utcOffsetMinutes: OPERATION_UTC_OFFSET_MINUTES,
        });
        await tx.update(publicAlerts).set({ state: 'published', approvedByUserId: ctx.actor.id, approvedBy: ctx.actor.label, identifier, sentAt: now, capXml }).where(eq(publicAlerts.id, id));
        await recordAudit(tx, ctx, { action: 'alert.publish', subjectType: 'alert', subjectId: id, details: { identifier, msgType: row.msgType } }, now);
        await publishEvent(tx, { operationId, type: 'alert.published', audience: {}, payload: { id, identifier, msgType: row.msgType } }, now);
      });
      return toView(await find(id));
    },

    /** Turns a draft down, with a reason. */
    async reject(ctx: RequestContext, id: string, reason: string): Promise<PublicAlert> {
      requirePermission(ctx.actor, 'alert:approve');
      await db.transaction(async (tx) => {
        const [row] = await tx.select().from(publicAlerts).where(and(eq(publicAlerts.id, id), eq(publicAlerts.operationId, operationId))).for('update');
        if (!row) throw notFound('Alert');
        if (row.state !== 'draft') throw new AppError('alert.invalid_state', `This alert is ${row.state}, not a draft`);
        const now = clock.now();
        await tx.update(publicAlerts).set({ state: 'rejected', rejectedReason: reason }).where(eq(publicAlerts.id, id));
        await recordAudit(tx, ctx, { action: 'alert.reject', subjectType: 'alert', subjectId: id }, now);
      });
      return toView(await find(id));
    },

    /** The CAP XML of a published alert (public). */
    async capXml(id: string): Promise<string> {
      const row = await find(id);
      if (row.state !== 'published' || !row.capXml) throw notFound('Alert');
      return row.capXml;
    },

    /** The Atom feed of published alerts, newest first (public). */
    async atom(baseUrl: string): Promise<string> {
      const op = await operation();
      const rows = await db.select().from(publicAlerts).where(and(eq(publicAlerts.operationId, operationId), eq(publicAlerts.state, 'published'), isNotNull(publicAlerts.sentAt))).orderBy(desc(publicAlerts.sentAt)).limit(50);
      const entries: AtomEntry[] = rows.map((r) => ({
        id: `urn:tansiq:alert:${r.identifier}`,
        title: `${r.msgType === 'Alert' ? '' : `[${r.msgType}] `}${r.text.en.headline}`,
        summary: `${r.text.en.description}\n\n${r.text.fr.headline}\n${r.text.ar.headline}`,
        updated: r.sentAt!,
        capUrl: `${baseUrl}${capPath(r.id)}`,
      }));
      return buildAtomFeed({ id: `urn:tansiq:alerts:${op.slug}`, title: `${op.name} — public safety alerts`, selfUrl: `${baseUrl}/cap/alerts.atom`, updated: rows[0]?.sentAt ?? new Date(0), entries });
    },
  };
}

export type AlertsService = ReturnType<typeof createAlertsService>;
