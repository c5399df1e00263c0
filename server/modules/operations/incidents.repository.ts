/** SQL of incidents, their timeline, links, attachments and assignments. Takes a database or a transaction. */
import { and, asc, desc, eq, gte, ilike, inArray, not, or, type SQL, sql } from 'drizzle-orm';
import type { IncidentQuery } from '../../../common/contracts/operations.ts';
import type { Actor } from '../../platform/access.ts';
import type { Db } from '../../platform/db/client.ts';
import { escapeLike } from '../../platform/db/sql.ts';
import { newId } from '../../platform/ids.ts';
import { OPEN_STATUSES } from './incident.rules.ts';
import { incidentAssignments, incidentAttachments, incidentLinks, incidents, incidentTimeline, personnel } from './operations.schema.ts';

export type IncidentRow = typeof incidents.$inferSelect;
export type NewIncidentRow = typeof incidents.$inferInsert;
export interface AssignmentRow {
  id: string;
  incidentId: string;
  personnelId: string;
  personnelName: string;
  organisationId: string;
  unit: string | null;
  userId: string | null;
  assignedAt: Date;
  assignedBy: string;
  acknowledgedAt: Date | null;
}
export interface Relations {
  assignments: AssignmentRow[];
  links: string[];
  attachments: string[];
}

export async function findIncident(db: Db, operationId: string, id: string, forUpdate = false): Promise<IncidentRow | null> {
  const q = db.select().from(incidents).where(and(eq(incidents.id, id), eq(incidents.operationId, operationId)));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

export async function findByIdempotencyKey(db: Db, reporterActorId: string, key: string): Promise<IncidentRow | null> {
  const [row] = await db.select().from(incidents).where(and(eq(incidents.reporterActorId, reporterActorId), eq(incidents.idempotencyKey, key)));
  return row ?? null;
}

/** The unique index that makes a reporter's Idempotency-Key file one report. */
export const IDEMPOTENCY_INDEX = 'incidents_idempotency_uq';

/**
 * The INSERT of a new incident returning its number, for `executeTogether` with its records. It fails on
 * `IDEMPOTENCY_INDEX` when the reporter already used the key (or a concurrent retry did).
 */
export function incidentEntry(db: Db, row: NewIncidentRow): SQL {
  return db.insert(incidents).values(row).returning({ number: incidents.number }).getSQL();
}

export type TimelineRow = { id: string; incidentId: string; at: Date; kind: string; actorLabel: string; data: Record<string, unknown> };

export async function appendTimeline(tx: Db, e: Omit<TimelineRow, 'id'>): Promise<void> {
  await tx.insert(incidentTimeline).values({ id: newId(), ...e });
}

/** The INSERT of a timeline entry, for `executeTogether` with the change's audit entry and event. */
export function timelineEntry(db: Db, row: TimelineRow): SQL {
  return db.insert(incidentTimeline).values(row).getSQL();
}

export async function readTimeline(db: Db, incidentId: string) {
  return db.select().from(incidentTimeline).where(eq(incidentTimeline.incidentId, incidentId)).orderBy(asc(incidentTimeline.seq));
}

const assignmentColumns = {
  id: incidentAssignments.id,
  incidentId: incidentAssignments.incidentId,
  personnelId: incidentAssignments.personnelId,
  personnelName: personnel.name,
  organisationId: personnel.organisationId,
  unit: personnel.unit,
  userId: personnel.userId,
  assignedAt: incidentAssignments.assignedAt,
  assignedBy: incidentAssignments.assignedBy,
  acknowledgedAt: incidentAssignments.acknowledgedAt,
};

/** Assignments, links and attachment ids of several incidents, in three queries. */
export async function loadRelations(db: Db, ids: string[]): Promise<Map<string, Relations>> {
  const out = new Map<string, Relations>(ids.map((id) => [id, { assignments: [], links: [], attachments: [] }]));
  if (ids.length === 0) return out;
  // One after the other: inside a transaction they share one connection, which runs one query at a time.
  const assignments = await db.select(assignmentColumns).from(incidentAssignments).innerJoin(personnel, eq(personnel.id, incidentAssignments.personnelId)).where(inArray(incidentAssignments.incidentId, ids)).orderBy(asc(incidentAssignments.assignedAt));
  const links = await db.select().from(incidentLinks).where(or(inArray(incidentLinks.incidentA, ids), inArray(incidentLinks.incidentB, ids)));
  const attachments = await db.select({ id: incidentAttachments.id, incidentId: incidentAttachments.incidentId }).from(incidentAttachments).where(inArray(incidentAttachments.incidentId, ids)).orderBy(asc(incidentAttachments.createdAt));
  for (const a of assignments) out.get(a.incidentId)?.assignments.push(a);
  for (const l of links) {
    out.get(l.incidentA)?.links.push(l.incidentB);
    out.get(l.incidentB)?.links.push(l.incidentA);
  }
  for (const a of attachments) out.get(a.incidentId)?.attachments.push(a.id);
  return out;
}

export async function findAssignment(db: Db, assignmentId: string): Promise<AssignmentRow | null> {
  const [row] = await db.select(assignmentColumns).from(incidentAssignments).innerJoin(personnel, eq(personnel.id, incidentAssignments.personnelId)).where(eq(incidentAssignments.id, assignmentId));
  return row ?? null;
}

/** The open assignments of the people linked to this account, newest first. */
export async function assignmentsOfUser(db: Db, operationId: string, userId: string) {
  return db
    .select({ assignment: assignmentColumns, incident: incidents })
    .from(incidentAssignments)
    .innerJoin(personnel, eq(personnel.id, incidentAssignments.personnelId))
    .innerJoin(incidents, eq(incidents.id, incidentAssignments.incidentId))
    .where(and(eq(personnel.userId, userId), eq(incidents.operationId, operationId), inArray(incidents.status, [...OPEN_STATUSES, 'resolved'])))
    .orderBy(desc(incidentAssignments.assignedAt))
    .limit(100);
}

/**
 * The SQL form of `canSeeIncident` (incident.rules.ts) for lists, search and exports: readable by venue or
 * organisation, restricted ones only with `incident:read_restricted`, and always the ones dispatched to the actor.
 */
export function visibleTo(actor: Actor): SQL {
  const read = actor.grants.filter((g) => g.permission === 'incident:read');
  const restricted = actor.grants.filter((g) => g.permission === 'incident:read_restricted');
  let readable: SQL;
  if (read.some((g) => g.scope === 'operation')) readable = sql`true`;
  else {
    const parts: SQL[] = [];
    const venueIds = read.flatMap((g) => (g.scope === 'venue' ? g.venueIds : []));
    if (venueIds.length) parts.push(inArray(incidents.venueId, venueIds));
    if (read.some((g) => g.scope === 'organisation') && actor.organisationId) {
      parts.push(eq(incidents.reporterOrganisationId, actor.organisationId));
      parts.push(sql`exists (select 1 from ${incidentAssignments} ia join ${personnel} p on p.id = ia.personnel_id where ia.incident_id = ${incidents.id} and p.organisation_id = ${actor.organisationId})`);
    }
    readable = parts.length ? or(...parts)! : sql`false`;
  }
  let restrictedOk: SQL;
  if (restricted.some((g) => g.scope === 'operation')) restrictedOk = sql`true`;
  else {
    const venueIds = restricted.flatMap((g) => (g.scope === 'venue' ? g.venueIds : []));
    restrictedOk = venueIds.length ? or(not(incidents.restricted), inArray(incidents.venueId, venueIds))! : not(incidents.restricted);
  }
  const mine = actor.kind === 'user' ? sql`exists (select 1 from ${incidentAssignments} ia join ${personnel} p on p.id = ia.personnel_id where ia.incident_id = ${incidents.id} and p.user_id = ${actor.id})` : sql`false`;
  return or(and(readable, restrictedOk), mine)!;
}

export type IncidentFilters = Omit<IncidentQuery, 'cursor' | 'limit'>;

export async function listIncidents(db: Db, operationId: string, actor: Actor, f: IncidentFilters, after: [string, string] | null, limit: number): Promise<IncidentRow[]> {
  const c: SQL[] = [eq(incidents.operationId, operationId), visibleTo(actor)];
  if (f.venueId) c.push(eq(incidents.venueId, f.venueId));
  if (f.status === 'open') c.push(inArray(incidents.status, [...OPEN_STATUSES]));
  else if (f.status) c.push(eq(incidents.status, f.status));
  if (f.severity) c.push(eq(incidents.severity, f.severity));
  if (f.category) c.push(eq(incidents.category, f.category));
  if (f.since) c.push(gte(incidents.reportedAt, new Date(f.since)));
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    const text = [ilike(incidents.description, like), ilike(incidents.zoneId, like), ilike(incidents.gateId, like)];
    if (/^\d{1,12}$/.test(f.q)) text.push(eq(incidents.number, Number(f.q)));
    c.push(or(...text)!);
  }
  if (after) c.push(sql`(${incidents.reportedAt}, ${incidents.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
  return db.select().from(incidents).where(and(...c)).orderBy(desc(incidents.reportedAt), desc(incidents.id)).limit(limit);
}

export async function insertAttachment(tx: Db, a: typeof incidentAttachments.$inferInsert): Promise<void> {
  await tx.insert(incidentAttachments).values(a);
}

export async function readAttachment(db: Db, incidentId: string, attachmentId: string) {
  const [row] = await db.select().from(incidentAttachments).where(and(eq(incidentAttachments.id, attachmentId), eq(incidentAttachments.incidentId, incidentId)));
  return row ?? null;
}

export async function insertLink(tx: Db, a: string, b: string, at: Date): Promise<boolean> {
  const [first, second] = a < b ? [a, b] : [b, a];
  const rows = await tx.insert(incidentLinks).values({ incidentA: first, incidentB: second, createdAt: at }).onConflictDoNothing().returning();
  return rows.length > 0;
}

export async function insertAssignment(tx: Db, a: typeof incidentAssignments.$inferInsert): Promise<boolean> {
  const rows = await tx.insert(incidentAssignments).values(a).onConflictDoNothing().returning();
  return rows.length > 0;
}

export async function acknowledgeAssignment(tx: Db, id: string, at: Date): Promise<void> {
  await tx.update(incidentAssignments).set({ acknowledgedAt: at }).where(eq(incidentAssignments.id, id));
}

export async function setStatus(tx: Db, id: string, status: string, at: Date): Promise<void> {
  await tx.update(incidents).set({ status, updatedAt: at }).where(eq(incidents.id, id));
}

export async function setRestricted(tx: Db, id: string, restricted: boolean, at: Date): Promise<void> {
  await tx.update(incidents).set({ restricted, updatedAt: at }).where(eq(incidents.id, id));
}

export async function touch(tx: Db, id: string, at: Date): Promise<void> {
  await tx.update(incidents).set({ updatedAt: at }).where(eq(incidents.id, id));
}
