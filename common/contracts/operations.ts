/** API contracts of live operations: incidents, dispatch, personnel, gate telemetry, public safety alerts. */
import { z } from 'zod';
import { Id, PageQuery } from './common.ts';

// ---- incidents ----
export const INCIDENT_CATEGORIES = [
  'crowd_density',
  'medical',
  'disorder',
  'suspicious_object',
  'fire',
  'lost_child',
  'pitch_invasion',
  'terrorist_threat',
  'cyber',
  'other',
] as const;
export const IncidentCategory = z.enum(INCIDENT_CATEGORIES);
export type IncidentCategory = z.infer<typeof IncidentCategory>;

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export const Severity = z.enum(SEVERITIES);
export type Severity = z.infer<typeof Severity>;

export const INCIDENT_STATUSES = ['reported', 'acknowledged', 'dispatched', 'on_scene', 'resolved', 'closed'] as const;
export const IncidentStatus = z.enum(INCIDENT_STATUSES);
export type IncidentStatus = z.infer<typeof IncidentStatus>;

/** A zone or gate as the venue's staff name it (free text until venue plans carry zones and gates). */
export const PlaceLabel = z.string().trim().min(1).max(60);

export const Position = z.strictObject({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  accuracyMetres: z.number().min(0).max(100_000).optional(),
});
export type Position = z.infer<typeof Position>;

/** Idempotency-Key: the client's id for one report (a UUID or similar, 8–100 safe characters). */
export const IdempotencyKey = z.string().regex(/^[A-Za-z0-9._:-]{8,100}$/);

export const ReportIncidentBody = z.strictObject({
  venueId: Id,
  category: IncidentCategory,
  severity: Severity,
  description: z.string().trim().min(1).max(4000),
  zoneId: PlaceLabel.optional(),
  gateId: PlaceLabel.optional(),
  position: Position.optional(),
  /** Marks the report restricted (then only command and intelligence see it); terrorist threats always are. */
  restricted: z.boolean().optional(),
});
export type ReportIncidentBody = z.infer<typeof ReportIncidentBody>;

export const Assignment = z.object({
  id: Id,
  incidentId: Id,
  personnelId: Id,
  personnelName: z.string(),
  organisationId: Id,
  unit: z.string().nullable(),
  userId: Id.nullable(),
  assignedAt: z.iso.datetime(),
  assignedBy: z.string(),
  acknowledgedAt: z.iso.datetime().nullable(),
});
export type Assignment = z.infer<typeof Assignment>;

export const Incident = z.object({
  id: Id,
  number: z.number().int(),
  venueId: Id,
  venueName: z.string(),
  category: IncidentCategory,
  severity: Severity,
  status: IncidentStatus,
  description: z.string(),
  zoneId: z.string().nullable(),
  gateId: z.string().nullable(),
  position: Position.nullable(),
  restricted: z.boolean(),
  reportedBy: z.string(),
  reporterOrganisationId: Id,
  reportedAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  assignments: z.array(Assignment),
  linkedIncidentIds: z.array(Id),
  attachmentIds: z.array(Id),
});
export type Incident = z.infer<typeof Incident>;

/** One incident as the asking actor sees it, with the moves they may make now. */
export const IncidentDetail = Incident.extend({
  allowedMoves: z.array(IncidentStatus),
  canTriage: z.boolean(),
  /** Whether the reader may restrict the incident to command and intelligence, or lift that (never for a terrorist threat). */
  canRestrict: z.boolean(),
});
export type IncidentDetail = z.infer<typeof IncidentDetail>;

export const IncidentQuery = PageQuery.extend({
  venueId: Id.optional(),
  status: z.union([IncidentStatus, z.literal('open')]).optional().describe('A status, or `open` for anything not resolved or closed'),
  severity: Severity.optional(),
  category: IncidentCategory.optional(),
  since: z.iso.datetime({ offset: true }).optional().describe('Reported at or after'),
  q: z.string().trim().min(1).max(100).optional().describe('Search in description, zone and gate'),
});
export type IncidentQuery = z.infer<typeof IncidentQuery>;
export const IncidentExportQuery = IncidentQuery.omit({ cursor: true, limit: true });

export const TransitionBody = z.strictObject({ to: IncidentStatus, note: z.string().trim().min(1).max(2000).optional() });
export const NoteBody = z.strictObject({ text: z.string().trim().min(1).max(4000) });
export const LinkBody = z.strictObject({ incidentId: Id });
export const RestrictionBody = z.strictObject({ restricted: z.boolean(), note: z.string().trim().min(1).max(2000).optional() });
export const DispatchBody = z.strictObject({ personnelId: Id, note: z.string().trim().min(1).max(2000).optional() });
export const AssignmentParams = z.strictObject({ id: Id, assignmentId: Id });
export const AttachmentParams = z.strictObject({ id: Id, attachmentId: Id });

export const TIMELINE_KINDS = ['report', 'note', 'status', 'assignment', 'assignment_ack', 'attachment', 'link', 'restriction'] as const;
export const TimelineEntry = z.object({
  id: Id,
  seq: z.number().int(),
  at: z.iso.datetime(),
  kind: z.enum(TIMELINE_KINDS),
  actor: z.string(),
  data: z.record(z.string(), z.unknown()),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;
export const Timeline = z.object({ items: z.array(TimelineEntry) });

export const MyAssignment = Assignment.extend({
  incident: Incident.pick({ id: true, number: true, venueId: true, venueName: true, category: true, severity: true, status: true, description: true, zoneId: true, gateId: true, reportedAt: true }),
});
export type MyAssignment = z.infer<typeof MyAssignment>;

// ---- personnel ----
export const Personnel = z.object({
  id: Id,
  organisationId: Id,
  organisationName: z.string(),
  name: z.string(),
  rank: z.string().nullable(),
  unit: z.string().nullable(),
  phone: z.string().nullable(),
  userId: Id.nullable(),
});
export type Personnel = z.infer<typeof Personnel>;
export const PersonnelQuery = PageQuery.extend({ organisationId: Id.optional(), q: z.string().trim().min(1).max(100).optional() });
export const CreatePersonnelBody = z.strictObject({
  organisationId: Id,
  name: z.string().trim().min(1).max(200),
  rank: z.string().trim().min(1).max(60).optional(),
  unit: z.string().trim().min(1).max(100).optional(),
  phone: z.string().trim().regex(/^\+?[0-9 ()-]{6,20}$/).optional(),
  userId: Id.optional(),
});

// ---- gate telemetry ----
export const GateCount = z.strictObject({
  gateId: PlaceLabel,
  at: z.iso.datetime({ offset: true }),
  /** Fans admitted through this gate since it opened (a running total, as turnstile counters report). */
  admitted: z.number().int().min(0).max(1_000_000),
  queueEstimate: z.number().int().min(0).max(1_000_000).optional(),
});
export const TelemetryBatch = z.strictObject({ venueId: Id, counts: z.array(GateCount).min(1).max(5000) });
export const TelemetryAccepted = z.object({ accepted: z.number().int(), alerts: z.number().int() });
export const TelemetryCsvBody = z.strictObject({ venueId: Id, csv: z.string().min(1).max(900_000) });

export const GATE_STATES = ['ok', 'behind_plan', 'queue', 'no_data'] as const;
export const GateStatus = z.object({
  venueId: Id,
  gateId: z.string(),
  at: z.iso.datetime().nullable(),
  admitted: z.number().int(),
  queueEstimate: z.number().int().nullable(),
  /** Expected admitted by `at` from the crowd plan; null when the venue has no plan yet. */
  expected: z.number().int().nullable(),
  state: z.enum(GATE_STATES),
});
export type GateStatus = z.infer<typeof GateStatus>;
export const GateStatusQuery = z.strictObject({ venueId: Id.optional() });
export const GateSeriesQuery = z.strictObject({ venueId: Id, gateId: PlaceLabel });
export const GateSeries = z.object({
  venueId: Id,
  gateId: z.string(),
  points: z.array(z.object({ at: z.iso.datetime(), admitted: z.number().int(), queueEstimate: z.number().int().nullable() })),
  expected: z.array(z.object({ at: z.iso.datetime(), admitted: z.number().int() })).nullable(),
});

// ---- public safety alerts (CAP 1.2) ----
export const CAP_CATEGORIES = ['Geo', 'Met', 'Safety', 'Security', 'Rescue', 'Fire', 'Health', 'Env', 'Transport', 'Infra', 'CBRNE', 'Other'] as const;
export const CAP_URGENCIES = ['Immediate', 'Expected', 'Future', 'Past', 'Unknown'] as const;
export const CAP_SEVERITIES = ['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown'] as const;
export const CAP_CERTAINTIES = ['Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown'] as const;
export const CAP_MSG_TYPES = ['Alert', 'Update', 'Cancel'] as const;

const AlertText = z.strictObject({
  headline: z.string().trim().min(1).max(160),
  description: z.string().trim().min(1).max(2000),
  instruction: z.string().trim().min(1).max(1000).optional(),
});
export const DraftAlertBody = z.strictObject({
  msgType: z.enum(CAP_MSG_TYPES).default('Alert'),
  /** For an update or cancellation: the published alert it replaces. */
  referencesAlertId: Id.optional(),
  category: z.enum(CAP_CATEGORIES),
  event: z.string().trim().min(1).max(100),
  urgency: z.enum(CAP_URGENCIES),
  severity: z.enum(CAP_SEVERITIES),
  certainty: z.enum(CAP_CERTAINTIES),
  venueIds: z.array(Id).max(20).default([]),
  areaDesc: z.string().trim().min(1).max(200),
  expiresAt: z.iso.datetime({ offset: true }).optional(),
  text: z.strictObject({ ar: AlertText, fr: AlertText, en: AlertText }),
});
export type DraftAlertBody = z.input<typeof DraftAlertBody>;

export const ALERT_STATES = ['draft', 'published', 'rejected'] as const;
export const PublicAlert = z.object({
  id: Id,
  state: z.enum(ALERT_STATES),
  msgType: z.enum(CAP_MSG_TYPES),
  referencesAlertId: Id.nullable(),
  category: z.enum(CAP_CATEGORIES),
  event: z.string(),
  urgency: z.enum(CAP_URGENCIES),
  severity: z.enum(CAP_SEVERITIES),
  certainty: z.enum(CAP_CERTAINTIES),
  venueIds: z.array(Id),
  areaDesc: z.string(),
  expiresAt: z.iso.datetime().nullable(),
  text: z.object({ ar: AlertText, fr: AlertText, en: AlertText }),
  draftedBy: z.string(),
  draftedByUserId: Id,
  createdAt: z.iso.datetime(),
  approvedBy: z.string().nullable(),
  identifier: z.string().nullable(),
  sentAt: z.iso.datetime().nullable(),
  capUrl: z.string().nullable(),
});
export type PublicAlert = z.infer<typeof PublicAlert>;
export const AlertQuery = PageQuery.extend({ state: z.enum(ALERT_STATES).optional() });
export const RejectAlertBody = z.strictObject({ reason: z.string().trim().min(1).max(500) });
export const CapParams = z.strictObject({ id: Id });
