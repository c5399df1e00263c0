/**
 * Use cases on incidents: report (idempotent), read, search, export, move through the lifecycle, note,
 * link, attach a photo, dispatch, and acknowledge an assignment. Each change is one transaction holding the
 * change, its timeline entry, its audit entry and its live event.
 */
import { createHash } from 'node:crypto';
import { stringify } from 'csv-stringify/sync';
import { and, eq, sql } from 'drizzle-orm';
import type { Incident, IncidentDetail, IncidentStatus, MyAssignment, ReportIncidentBody, TimelineEntry } from '../../../common/contracts/operations.ts';
import { type Actor, can, listScope, type RequestContext, requirePermission } from '../../platform/access.ts';
import { type AuditRow, auditInsert, auditRow, canonicalJson, recordAudit } from '../../platform/audit.ts';
import type { Db } from '../../platform/db/client.ts';
import { uniqueViolationOn } from '../../platform/db/errors.ts';
import { executeTogether, preparedTogether } from '../../platform/db/statements.ts';
import { venues } from '../../platform/db/schema/index.ts';
import { AppError, denied, notFound } from '../../platform/errors.ts';
import { type EventRow, eventInsert, eventNotice, eventRow, registerEventVisibility } from '../../platform/events.ts';
import { decodeCursor, toPage } from '../../platform/http/pagination.ts';
import { newId } from '../../platform/ids.ts';
import { sniffImage, stripImageMetadata } from '../../platform/images.ts';
import type { Platform } from '../../platform/platform.ts';
import { sha256 } from '../../platform/secrets.ts';
import { type IncidentAudience, canRestrict, canSeeIncident, capacitiesOf, checkMove, isRestricted, movesFrom } from './incident.rules.ts';
import * as repo from './incidents.repository.ts';
import { personnel } from './operations.schema.ts';

export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
const EXPORT_LIMIT = 10_000;

/** An assignment as the API shows it, in an incident and in the assignee's list. */
function toAssignmentView(a: repo.Relations['assignments'][number]): Incident['assignments'][number] {
  return {
    id: a.id,
    incidentId: a.incidentId,
    personnelId: a.personnelId,
    personnelName: a.personnelName,
    organisationId: a.organisationId,
    unit: a.unit,
    userId: a.userId,
    assignedAt: a.assignedAt.toISOString(),
    assignedBy: a.assignedBy,
    acknowledgedAt: a.acknowledgedAt?.toISOString() ?? null,
  };
}

const actorKey = (actor: Actor) => (actor.kind === 'system' ? `system:${actor.label}` : `${actor.kind}:${actor.id}`);

export function audienceOf(view: Pick<Incident, 'venueId' | 'reporterOrganisationId' | 'restricted' | 'assignments'>): IncidentAudience {
  return {
    venueId: view.venueId,
    organisationIds: [...new Set([view.reporterOrganisationId, ...view.assignments.map((a) => a.organisationId)])],
    restricted: view.restricted,
    assigneeUserIds: view.assignments.flatMap((a) => (a.userId ? [a.userId] : [])),
  };
}

// Live events of incidents reach whoever may see the incident, decided from the event's audience alone.
registerEventVisibility('incident.', (actor, event) => canSeeIncident(actor, event.audience as unknown as IncidentAudience));

type ChangeRecords = { timeline: repo.TimelineRow; audit: AuditRow; event: EventRow };

/**
 * A new report: the incident and its records as one prepared statement (reports come by the hundred a
 * second during a match). The incident's number is drawn by the statement, so the event's copy of the
 * incident reads it from there.
 */
const reportStatement = preparedTogether<ChangeRecords & { incident: repo.NewIncidentRow }, { number: string | number }>('tansiq_incident_report', (db, rows) => ({
  statements: {
    incident: repo.incidentEntry(db, rows.incident),
    timeline: repo.timelineEntry(db, rows.timeline),
    audit: auditInsert(db, rows.audit),
    event: eventInsert(rows.event, sql`jsonb_set(${rows.event.payload}::jsonb, '{incident,number}', to_jsonb((select number from incident)))`),
  },
  last: sql`select incident.number from incident, (${eventNotice(rows.event.operationId)}) as notice`,
}));

export function createIncidentsService({ db, clock, operationId }: Platform) {
  // Venues are few and their names rarely change: one read per minute instead of one per report.
  let venueCache: { at: number; byId: Map<string, string> } | null = null;
  // `exec` is the transaction when called inside one: PGlite has a single connection, so a query on `db`
  // while a transaction is open would wait for that transaction forever.
  async function venueName(id: string, exec: Db = db): Promise<string | null> {
    if (!venueCache || Date.now() - venueCache.at > 60_000 || !venueCache.byId.has(id)) {
      const rows = await exec.select({ id: venues.id, name: venues.name }).from(venues).where(eq(venues.operationId, operationId));
      venueCache = { at: Date.now(), byId: new Map(rows.map((r) => [r.id, r.name])) };
    }
    return venueCache.byId.get(id) ?? null;
  }

  async function toView(exec: Db, row: repo.IncidentRow, rel: repo.Relations): Promise<Incident> {
    return {
      id: row.id,
      number: Number(row.number),
      venueId: row.venueId,
      venueName: (await venueName(row.venueId, exec)) ?? '',
      category: row.category as Incident['category'],
      severity: row.severity as Incident['severity'],
      status: row.status as IncidentStatus,
      description: row.description,
      zoneId: row.zoneId,
      gateId: row.gateId,
      position: row.lat !== null && row.lon !== null ? { lat: row.lat, lon: row.lon, ...(row.accuracyMetres !== null ? { accuracyMetres: row.accuracyMetres } : {}) } : null,
      restricted: row.restricted,
      reportedBy: row.reporterLabel,
      reporterOrganisationId: row.reporterOrganisationId,
      reportedAt: row.reportedAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      assignments: rel.assignments.map(toAssignmentView),
      linkedIncidentIds: rel.links,
      attachmentIds: rel.attachments,
    };
  }

  async function viewOf(tx: Db, row: repo.IncidentRow): Promise<Incident> {
    const rel = (await repo.loadRelations(tx, [row.id])).get(row.id)!;
    return toView(tx, row, rel);
  }

  /** The incident if the actor may see it; 404 otherwise (a hidden incident is never confirmed to exist). */
  async function visible(tx: Db, actor: Actor, id: string, forUpdate = false): Promise<{ row: repo.IncidentRow; view: Incident }> {
    const row = await repo.findIncident(tx, operationId, id, forUpdate);
    if (!row) throw notFound('Incident');
    const view = await viewOf(tx, row);
    if (!canSeeIncident(actor, audienceOf(view))) throw notFound('Incident');
    return { row, view };
  }

  /**
   * Records a change of an incident everywhere it belongs — its timeline, the audit trail and the live event
   * carrying the incident as it now is — in one round trip.
   */
  async function record(tx: Db, ctx: RequestContext, view: Incident, at: Date, type: 'incident.created' | 'incident.updated', timeline: { kind: string; data: Record<string, unknown> }, audit: { action: string; details?: Record<string, unknown> }): Promise<void> {
    const rows = recordsOf(ctx, view, at, type, timeline, audit);
    await executeTogether(tx, { timeline: repo.timelineEntry(tx, rows.timeline), audit: auditInsert(tx, rows.audit), event: eventInsert(rows.event) }, eventNotice(operationId));
  }

  function recordsOf(ctx: RequestContext, view: Incident, at: Date, type: 'incident.created' | 'incident.updated', timeline: { kind: string; data: Record<string, unknown> }, audit: { action: string; details?: Record<string, unknown> }): ChangeRecords {
    return {
      timeline: { id: newId(), incidentId: view.id, at, kind: timeline.kind, actorLabel: ctx.actor.label, data: timeline.data },
      audit: auditRow(ctx, { action: audit.action, subjectType: 'incident', subjectId: view.id, details: audit.details ?? {} }, at),
      event: eventRow({ operationId, type, audience: audienceOf(view) as unknown as Record<string, unknown>, payload: { incident: view, change: timeline.kind } }, at),
    };
  }

  /** Reloads the incident after a change, records the change everywhere it belongs, and returns the new view. */
  async function recordChange(tx: Db, ctx: RequestContext, id: string, at: Date, timeline: { kind: string; data: Record<string, unknown> }, audit: { action: string; details?: Record<string, unknown> }): Promise<Incident> {
    const row = (await repo.findIncident(tx, operationId, id))!;
    const view = await viewOf(tx, row);
    await record(tx, ctx, view, at, 'incident.updated', timeline, audit);
    return view;
  }

  function detail(actor: Actor, view: Incident): IncidentDetail {
    const assignees = view.assignments.flatMap((a) => (a.userId ? [a.userId] : []));
    const caps = capacitiesOf(actor, view.venueId, assignees);
    return { ...view, allowedMoves: movesFrom(view.status, caps, view.assignments.length > 0), canTriage: caps.has('triage'), canRestrict: canRestrict(actor, view.category, view.venueId) };
  }

  return {
    /**
     * Files a report. The client's Idempotency-Key makes retries safe: the same reporter and key answer the
     * incident already filed (`created: false`); the same key with a different report is a conflict.
     */
    async report(ctx: RequestContext, key: string | undefined, body: ReportIncidentBody): Promise<{ incident: Incident; created: boolean }> {
      const { actor } = ctx;
      requirePermission(actor, 'incident:report', { venueId: body.venueId, organisationId: actor.organisationId });
      if (!key || !/^[A-Za-z0-9._:-]{8,100}$/.test(key)) {
        throw new AppError('incident.idempotency_key_required', 'Send an Idempotency-Key header (8–100 letters, digits, . _ : -) identifying this report', { errors: [{ path: 'headers.idempotency-key', message: 'required' }] });
      }
      if (!actor.organisationId) throw denied();
      const reporter = actorKey(actor);
      const requestHash = sha256(canonicalJson(body));
      const replay = (row: repo.IncidentRow) => {
        if (row.requestHash !== requestHash) throw new AppError('incident.idempotency_conflict', 'This Idempotency-Key was already used for a different report');
      };
      if (!(await venueName(body.venueId))) throw new AppError('venue.not_found', 'The venue does not exist', { errors: [{ path: 'body.venueId', message: 'unknown venue' }] });
      const now = clock.now();
      const fresh: repo.NewIncidentRow = {
        id: newId(),
        operationId,
        venueId: body.venueId,
        category: body.category,
        severity: body.severity,
        status: 'reported',
        description: body.description,
        zoneId: body.zoneId ?? null,
        gateId: body.gateId ?? null,
        lat: body.position?.lat ?? null,
        lon: body.position?.lon ?? null,
        accuracyMetres: body.position?.accuracyMetres ?? null,
        restricted: isRestricted(body.category, body.restricted ?? false),
        reporterActorId: reporter,
        reporterLabel: actor.label,
        reporterOrganisationId: actor.organisationId,
        idempotencyKey: key,
        requestHash,
        reportedAt: now,
        updatedAt: now,
      };
      // The incident, its timeline entry, audit entry and event go as one statement (one round trip, one
      // transaction). A key already used makes the whole statement fail on the unique index, and the stored
      // report answers.
      const draft = await toView(db, { ...fresh, number: 0 } as repo.IncidentRow, { assignments: [], links: [], attachments: [] });
      const records = recordsOf(ctx, draft, now, 'incident.created', { kind: 'report', data: { category: body.category, severity: body.severity, restricted: fresh.restricted } }, { action: 'incident.report', details: { venueId: body.venueId, category: body.category, severity: body.severity } });
      try {
        const [stored] = await reportStatement(db, { incident: fresh, ...records });
        return { incident: { ...draft, number: Number(stored!.number) }, created: true };
      } catch (err) {
        if (uniqueViolationOn(err) !== repo.IDEMPOTENCY_INDEX) throw err;
      }
      const earlier = await repo.findByIdempotencyKey(db, reporter, key);
      if (!earlier) throw new Error('idempotency conflict without a stored incident');
      replay(earlier);
      return { incident: await viewOf(db, earlier), created: false };
    },

    /** Lists the incidents the actor may see, newest first, with filters and text search. */
    async list(ctx: RequestContext, q: repo.IncidentFilters & { cursor?: string; limit: number }) {
      listScope(ctx.actor, 'incident:read');
      const after = decodeCursor(q.cursor, 2) as [string, string] | null;
      const rows = await repo.listIncidents(db, operationId, ctx.actor, q, after, q.limit + 1);
      const rel = await repo.loadRelations(db, rows.slice(0, q.limit).map((r) => r.id));
      const views = new Map<string, Incident>();
      for (const r of rows.slice(0, q.limit)) views.set(r.id, await toView(db, r, rel.get(r.id)!));
      return toPage(rows, q.limit, (r) => [r.reportedAt.toISOString(), r.id], (r) => views.get(r.id)!);
    },

    /** CSV of the incidents the actor may see (the same rule as the list); the export is audited. */
    async exportCsv(ctx: RequestContext, q: repo.IncidentFilters): Promise<string> {
      listScope(ctx.actor, 'incident:read');
      const rows = await repo.listIncidents(db, operationId, ctx.actor, q, null, EXPORT_LIMIT);
      const records: unknown[][] = [['number', 'reported_at', 'venue', 'category', 'severity', 'status', 'zone', 'gate', 'restricted', 'reported_by', 'description']];
      for (const r of rows) records.push([r.number, r.reportedAt.toISOString(), await venueName(r.venueId), r.category, r.severity, r.status, r.zoneId ?? '', r.gateId ?? '', r.restricted, r.reporterLabel, r.description]);
      await db.transaction((tx) => recordAudit(tx, ctx, { action: 'incident.export', subjectType: 'incident', details: { count: rows.length } }, clock.now()));
      // Cells starting with = + - @ would run as formulas in a spreadsheet: prefix them with a quote.
      return stringify(records.map((rec) => rec.map((v) => (typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v))));
    },

    /** One incident with the moves the actor may make; the read is audited (reports may name people). */
    async get(ctx: RequestContext, id: string): Promise<IncidentDetail> {
      listScope(ctx.actor, 'incident:read');
      return db.transaction(async (tx) => {
        const { view } = await visible(tx, ctx.actor, id);
        await recordAudit(tx, ctx, { action: 'incident.read', subjectType: 'incident', subjectId: id }, clock.now());
        return detail(ctx.actor, view);
      });
    },

    /** The append-only timeline of an incident, oldest first. */
    async timeline(ctx: RequestContext, id: string): Promise<{ items: TimelineEntry[] }> {
      await visible(db, ctx.actor, id);
      const rows = await repo.readTimeline(db, id);
      return { items: rows.map((r) => ({ id: r.id, seq: Number(r.seq), at: r.at.toISOString(), kind: r.kind as TimelineEntry['kind'], actor: r.actorLabel, data: r.data })) };
    },

    /** Moves an incident to another status, if the lifecycle allows it for this actor (incident.rules.ts). */
    async transition(ctx: RequestContext, id: string, input: { to: IncidentStatus; note?: string }): Promise<IncidentDetail> {
      const view = await db.transaction(async (tx) => {
        const { row, view } = await visible(tx, ctx.actor, id, true);
        const caps = capacitiesOf(ctx.actor, row.venueId, audienceOf(view).assigneeUserIds);
        const verdict = checkMove(row.status as IncidentStatus, input.to, caps, view.assignments.length > 0);
        if (!verdict.ok) {
          if (verdict.reason === 'not_yours') throw denied('You may not make this move on this incident');
          throw new AppError('incident.invalid_transition', verdict.reason === 'needs_assignment' ? 'Dispatch someone before marking the incident dispatched' : `An incident cannot move from ${row.status} to ${input.to}`);
        }
        const now = clock.now();
        await repo.setStatus(tx, id, input.to, now);
        return recordChange(tx, ctx, id, now, { kind: 'status', data: { from: row.status, to: input.to, reopen: verdict.move.reopen ?? false, ...(input.note ? { note: input.note } : {}) } }, { action: 'incident.transition', details: { from: row.status, to: input.to } });
      });
      return detail(ctx.actor, view);
    },

    /**
     * Restricts an incident to command and intelligence after it was reported (what looked like a lost bag
     * turns out to be part of an investigation), or lifts that. From then on the others no longer see it,
     * nor its live events; the people dispatched to it still do.
     */
    async restrict(ctx: RequestContext, id: string, input: { restricted: boolean; note?: string }): Promise<IncidentDetail> {
      const view = await db.transaction(async (tx) => {
        const { row, view } = await visible(tx, ctx.actor, id, true);
        if (!can(ctx.actor, 'incident:read_restricted', { venueId: row.venueId })) throw denied('Only command and intelligence may restrict an incident');
        if (!canRestrict(ctx.actor, view.category, row.venueId)) throw new AppError('incident.invalid_restriction', 'A terrorist threat is always restricted');
        if (row.restricted === input.restricted) return view;
        const now = clock.now();
        await repo.setRestricted(tx, id, input.restricted, now);
        return recordChange(tx, ctx, id, now, { kind: 'restriction', data: { restricted: input.restricted, ...(input.note ? { note: input.note } : {}) } }, { action: 'incident.restrict', details: { restricted: input.restricted } });
      });
      return detail(ctx.actor, view);
    },

    /** Adds a note to the timeline (anyone who sees the incident). */
    async addNote(ctx: RequestContext, id: string, text: string): Promise<IncidentDetail> {
      const view = await db.transaction(async (tx) => {
        await visible(tx, ctx.actor, id, true);
        const now = clock.now();
        await repo.touch(tx, id, now);
        return recordChange(tx, ctx, id, now, { kind: 'note', data: { text } }, { action: 'incident.note' });
      });
      return detail(ctx.actor, view);
    },

    /** Links two incidents (the same event seen twice, or related ones); both must be visible and the actor must triage the first. */
    async link(ctx: RequestContext, id: string, otherId: string): Promise<IncidentDetail> {
      if (id === otherId) throw new AppError('incident.invalid_link', 'An incident cannot be linked to itself');
      const view = await db.transaction(async (tx) => {
        const { row } = await visible(tx, ctx.actor, id, true);
        requirePermission(ctx.actor, 'incident:triage', { venueId: row.venueId });
        await visible(tx, ctx.actor, otherId);
        const now = clock.now();
        if (!(await repo.insertLink(tx, id, otherId, now))) throw new AppError('incident.invalid_link', 'These incidents are already linked');
        await repo.touch(tx, id, now);
        return recordChange(tx, ctx, id, now, { kind: 'link', data: { incidentId: otherId } }, { action: 'incident.link', details: { incidentId: otherId } });
      });
      return detail(ctx.actor, view);
    },

    /** Dispatches a person; a reported or acknowledged incident becomes dispatched. */
    async dispatch(ctx: RequestContext, id: string, input: { personnelId: string; note?: string }): Promise<IncidentDetail> {
      const view = await db.transaction(async (tx) => {
        const { row } = await visible(tx, ctx.actor, id, true);
        requirePermission(ctx.actor, 'incident:triage', { venueId: row.venueId });
        const [person] = await tx.select().from(personnel).where(and(eq(personnel.id, input.personnelId), eq(personnel.operationId, operationId)));
        if (!person) throw new AppError('incident.invalid_assignment', 'No such person in the personnel list', { errors: [{ path: 'body.personnelId', message: 'unknown person' }] });
        if (row.status === 'resolved' || row.status === 'closed') throw new AppError('incident.invalid_transition', 'Reopen the incident before dispatching anyone');
        const now = clock.now();
        const assignmentId = newId();
        if (!(await repo.insertAssignment(tx, { id: assignmentId, incidentId: id, personnelId: person.id, assignedAt: now, assignedBy: ctx.actor.label }))) {
          throw new AppError('incident.invalid_assignment', 'This person is already dispatched to this incident');
        }
        const from = row.status;
        if (from === 'reported' || from === 'acknowledged') {
          await repo.setStatus(tx, id, 'dispatched', now);
          await repo.appendTimeline(tx, { incidentId: id, at: now, kind: 'status', actorLabel: ctx.actor.label, data: { from, to: 'dispatched', reopen: false } });
        } else await repo.touch(tx, id, now);
        return recordChange(tx, ctx, id, now, { kind: 'assignment', data: { assignmentId, personnelId: person.id, name: person.name, unit: person.unit, ...(input.note ? { note: input.note } : {}) } }, { action: 'incident.dispatch', details: { personnelId: person.id } });
      });
      return detail(ctx.actor, view);
    },

    /** The person dispatched acknowledges (from their phone): only the account linked to that person may. */
    async acknowledgeAssignment(ctx: RequestContext, id: string, assignmentId: string): Promise<IncidentDetail> {
      const view = await db.transaction(async (tx) => {
        await visible(tx, ctx.actor, id, true);
        const a = await repo.findAssignment(tx, assignmentId);
        if (!a || a.incidentId !== id) throw notFound('Assignment');
        if (ctx.actor.kind !== 'user' || a.userId !== ctx.actor.id) throw denied('Only the person dispatched may acknowledge this assignment');
        if (a.acknowledgedAt) return viewOf(tx, (await repo.findIncident(tx, operationId, id))!);
        const now = clock.now();
        await repo.acknowledgeAssignment(tx, assignmentId, now);
        await repo.touch(tx, id, now);
        return recordChange(tx, ctx, id, now, { kind: 'assignment_ack', data: { assignmentId, name: a.personnelName } }, { action: 'incident.assignment_ack', details: { assignmentId } });
      });
      return detail(ctx.actor, view);
    },

    /** The assignments of the people linked to the signed-in account (the assignee's phone view). */
    async myAssignments(ctx: RequestContext): Promise<{ items: MyAssignment[] }> {
      if (ctx.actor.kind !== 'user') return { items: [] };
      const rows = await repo.assignmentsOfUser(db, operationId, ctx.actor.id);
      const items: MyAssignment[] = [];
      for (const { assignment: a, incident: r } of rows) {
        items.push({
          ...toAssignmentView(a),
          incident: { id: r.id, number: Number(r.number), venueId: r.venueId, venueName: (await venueName(r.venueId)) ?? '', category: r.category as Incident['category'], severity: r.severity as Incident['severity'], status: r.status as IncidentStatus, description: r.description, zoneId: r.zoneId, gateId: r.gateId, reportedAt: r.reportedAt.toISOString() },
        });
      }
      return { items };
    },

    /**
     * Attaches a photo (JPEG or PNG, checked on its bytes, at most 5 MB), stored without its metadata: the
     * phone's form strips it before sending, and this does it for any other client (EXIF holds where the
     * photo was taken and by which device).
     */
    async addAttachment(ctx: RequestContext, id: string, declaredType: string | undefined, sent: Buffer): Promise<IncidentDetail> {
      const sniffed = sniffImage(sent);
      if (!sniffed || (declaredType && declaredType.split(';')[0]!.trim().toLowerCase() !== sniffed)) throw new AppError('incident.invalid_attachment', 'Send a JPEG or PNG photo (its bytes must match its Content-Type)');
      if (sent.length > MAX_PHOTO_BYTES) throw new AppError('incident.invalid_attachment', 'The photo is larger than 5 MB');
      const bytes = stripImageMetadata(sent);
      if (!bytes) throw new AppError('incident.invalid_attachment', 'The photo could not be read as a JPEG or PNG image');
      const view = await db.transaction(async (tx) => {
        await visible(tx, ctx.actor, id, true);
        const now = clock.now();
        const attachmentId = newId();
        const digest = createHash('sha256').update(bytes).digest('hex');
        await repo.insertAttachment(tx, { id: attachmentId, incidentId: id, contentType: sniffed, size: bytes.length, sha256: digest, bytes, createdAt: now, createdBy: ctx.actor.label });
        await repo.touch(tx, id, now);
        return recordChange(tx, ctx, id, now, { kind: 'attachment', data: { attachmentId, contentType: sniffed, size: bytes.length } }, { action: 'incident.attach', details: { attachmentId, size: bytes.length } });
      });
      return detail(ctx.actor, view);
    },

    /** A photo's bytes, to whoever may see its incident. */
    async getAttachment(ctx: RequestContext, id: string, attachmentId: string): Promise<{ contentType: string; bytes: Buffer }> {
      await visible(db, ctx.actor, id);
      const a = await repo.readAttachment(db, id, attachmentId);
      if (!a) throw notFound('Attachment');
      return { contentType: a.contentType, bytes: a.bytes };
    },
  };
}

export type IncidentsService = ReturnType<typeof createIncidentsService>;
