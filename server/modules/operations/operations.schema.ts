/** Tables of live operations: incidents with their timeline, links, attachments and assignments; personnel; gate telemetry; public alerts. */
import { sql } from 'drizzle-orm';
import { bigserial, boolean, customType, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { operations, organisations, users, venues } from '../../platform/db/schema/index.ts';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

export const incidents = pgTable(
  'incidents',
  {
    id: uuid('id').primaryKey(),
    number: bigserial('number', { mode: 'number' }).notNull().unique(),
    operationId: uuid('operation_id').notNull().references(() => operations.id),
    venueId: uuid('venue_id').notNull().references(() => venues.id),
    category: text('category').notNull(),
    severity: text('severity').notNull(),
    status: text('status').notNull(),
    description: text('description').notNull(),
    zoneId: text('zone_id'),
    gateId: text('gate_id'),
    lat: doublePrecision('lat'),
    lon: doublePrecision('lon'),
    accuracyMetres: doublePrecision('accuracy_metres'),
    restricted: boolean('restricted').notNull(),
    reporterActorId: text('reporter_actor_id').notNull(),
    reporterLabel: text('reporter_label').notNull(),
    reporterOrganisationId: uuid('reporter_organisation_id').notNull().references(() => organisations.id),
    idempotencyKey: text('idempotency_key').notNull(),
    /** SHA-256 of the report body, to tell a retry (same body) from a reused key (different body). */
    requestHash: text('request_hash').notNull(),
    reportedAt: ts('reported_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('incidents_idempotency_uq').on(t.reporterActorId, t.idempotencyKey),
    index('incidents_operation_reported_idx').on(t.operationId, t.reportedAt),
    index('incidents_venue_status_idx').on(t.venueId, t.status),
  ],
);

/** Append-only (database triggers refuse UPDATE and DELETE): what happened to an incident, in order. */
export const incidentTimeline = pgTable(
  'incident_timeline',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    id: uuid('id').notNull().unique(),
    incidentId: uuid('incident_id').notNull().references(() => incidents.id),
    at: ts('at').notNull(),
    kind: text('kind').notNull(),
    actorLabel: text('actor_label').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [index('incident_timeline_incident_idx').on(t.incidentId, t.seq)],
);

/** Two linked incidents, stored once with the smaller id first. */
export const incidentLinks = pgTable(
  'incident_links',
  {
    incidentA: uuid('incident_a').notNull().references(() => incidents.id),
    incidentB: uuid('incident_b').notNull().references(() => incidents.id),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.incidentA, t.incidentB] }), index('incident_links_b_idx').on(t.incidentB)],
);

export const incidentAttachments = pgTable(
  'incident_attachments',
  {
    id: uuid('id').primaryKey(),
    incidentId: uuid('incident_id').notNull().references(() => incidents.id),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    bytes: bytea('bytes').notNull(),
    createdAt: ts('created_at').notNull(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [index('incident_attachments_incident_idx').on(t.incidentId)],
);

export const personnel = pgTable(
  'personnel',
  {
    id: uuid('id').primaryKey(),
    operationId: uuid('operation_id').notNull().references(() => operations.id),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    name: text('name').notNull(),
    rank: text('rank'),
    unit: text('unit'),
    phone: text('phone'),
    userId: uuid('user_id').references(() => users.id),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('personnel_organisation_idx').on(t.organisationId), index('personnel_user_idx').on(t.userId)],
);

export const incidentAssignments = pgTable(
  'incident_assignments',
  {
    id: uuid('id').primaryKey(),
    incidentId: uuid('incident_id').notNull().references(() => incidents.id),
    personnelId: uuid('personnel_id').notNull().references(() => personnel.id),
    assignedAt: ts('assigned_at').notNull(),
    assignedBy: text('assigned_by').notNull(),
    acknowledgedAt: ts('acknowledged_at'),
  },
  (t) => [uniqueIndex('incident_assignments_uq').on(t.incidentId, t.personnelId), index('incident_assignments_personnel_idx').on(t.personnelId)],
);

/** Gate counts as received (one row per gate and instant; a replay of the same instant overwrites). */
export const gateCounts = pgTable(
  'gate_counts',
  {
    operationId: uuid('operation_id').notNull().references(() => operations.id),
    venueId: uuid('venue_id').notNull().references(() => venues.id),
    gateId: text('gate_id').notNull(),
    at: ts('at').notNull(),
    admitted: integer('admitted').notNull(),
    queueEstimate: integer('queue_estimate'),
    receivedAt: ts('received_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.venueId, t.gateId, t.at] })],
);

/** The latest state of each gate, kept by ingest so the live board reads one row per gate. */
export const gateStatus = pgTable(
  'gate_status',
  {
    operationId: uuid('operation_id').notNull().references(() => operations.id),
    venueId: uuid('venue_id').notNull().references(() => venues.id),
    gateId: text('gate_id').notNull(),
    at: ts('at').notNull(),
    admitted: integer('admitted').notNull(),
    queueEstimate: integer('queue_estimate'),
    expected: integer('expected'),
    state: text('state').notNull(),
  },
  (t) => [primaryKey({ columns: [t.venueId, t.gateId] })],
);

export const publicAlerts = pgTable(
  'public_alerts',
  {
    id: uuid('id').primaryKey(),
    operationId: uuid('operation_id').notNull().references(() => operations.id),
    state: text('state').notNull(),
    msgType: text('msg_type').notNull(),
    referencesAlertId: uuid('references_alert_id'),
    category: text('category').notNull(),
    event: text('event').notNull(),
    urgency: text('urgency').notNull(),
    severity: text('severity').notNull(),
    certainty: text('certainty').notNull(),
    venueIds: jsonb('venue_ids').$type<string[]>().notNull(),
    areaDesc: text('area_desc').notNull(),
    expiresAt: ts('expires_at'),
    text: jsonb('text').$type<Record<'ar' | 'fr' | 'en', { headline: string; description: string; instruction?: string }>>().notNull(),
    draftedByUserId: uuid('drafted_by_user_id').notNull().references(() => users.id),
    draftedBy: text('drafted_by').notNull(),
    createdAt: ts('created_at').notNull(),
    approvedByUserId: uuid('approved_by_user_id').references(() => users.id),
    approvedBy: text('approved_by'),
    rejectedReason: text('rejected_reason'),
    identifier: text('identifier').unique(),
    sentAt: ts('sent_at'),
    /** The CAP message exactly as published: later reads serve these bytes, never a regeneration. */
    capXml: text('cap_xml'),
  },
  (t) => [index('public_alerts_operation_sent_idx').on(t.operationId, t.sentAt), index('public_alerts_state_idx').on(t.state, sql`${t.createdAt} desc`)],
);
