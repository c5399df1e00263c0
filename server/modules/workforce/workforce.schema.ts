/**
 * Tables of the workforce portal and accreditation: openings, applicant accounts and their sessions,
 * applications with their documents and timeline, the mail outbox, work-visa cases, accreditations,
 * badge signing keys and checkpoint scans. Migrations: `npm run db:generate -- workforce`.
 */
import { sql } from 'drizzle-orm';
import { boolean, customType, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { operations, organisations, venues } from '../../platform/db/schema/operation.ts';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
  toDriver: (v) => v,
});

/** Text in up to three languages; at least one is present. */
export type LocalizedText = { en?: string; fr?: string; ar?: string };

export const openings = pgTable(
  'openings',
  {
    id: uuid('id').primaryKey(),
    operationId: uuid('operation_id').notNull().references(() => operations.id),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    kind: text('kind', { enum: ['job', 'volunteer'] }).notNull(),
    title: jsonb('title').$type<LocalizedText>().notNull(),
    description: jsonb('description').$type<LocalizedText>().notNull(),
    requirements: jsonb('requirements').$type<LocalizedText>().notNull(),
    venueId: uuid('venue_id').references(() => venues.id),
    location: text('location'),
    places: integer('places').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    sponsorsVisa: boolean('sponsors_visa').notNull(),
    status: text('status', { enum: ['draft', 'published', 'closed'] }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('openings_operation_status_idx').on(t.operationId, t.status), index('openings_organisation_idx').on(t.organisationId)],
);

export const applicantAccounts = pgTable(
  'applicant_accounts',
  {
    id: uuid('id').primaryKey(),
    operationId: uuid('operation_id').notNull().references(() => operations.id),
    /** Null once the account is erased. */
    email: text('email'),
    passwordHash: text('password_hash'),
    locale: text('locale', { enum: ['ar', 'fr', 'en'] }).notNull(),
    emailConfirmedAt: timestamp('email_confirmed_at', { withTimezone: true }),
    /** SHA-256 of the confirmation link's secret; null once used. */
    confirmTokenHash: text('confirm_token_hash'),
    confirmExpiresAt: timestamp('confirm_expires_at', { withTimezone: true }),
    erasedAt: timestamp('erased_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('applicant_accounts_email_uq').on(t.operationId, sql`lower(${t.email})`), index('applicant_accounts_confirm_idx').on(t.confirmTokenHash)],
);

export const applicantSessions = pgTable(
  'applicant_sessions',
  {
    id: uuid('id').primaryKey(),
    tokenHash: text('token_hash').notNull().unique(),
    csrfToken: text('csrf_token').notNull(),
    applicantId: uuid('applicant_id').notNull().references(() => applicantAccounts.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('applicant_sessions_applicant_idx').on(t.applicantId)],
);

export const APPLICATION_STATUSES = ['draft', 'submitted', 'shortlisted', 'accepted', 'declined', 'withdrawn'] as const;

export const applications = pgTable(
  'applications',
  {
    id: uuid('id').primaryKey(),
    operationId: uuid('operation_id').notNull().references(() => operations.id),
    applicantId: uuid('applicant_id').notNull().references(() => applicantAccounts.id),
    openingId: uuid('opening_id').notNull().references(() => openings.id),
    /** The opening's organisation, kept here for scope checks and lists. */
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    status: text('status', { enum: APPLICATION_STATUSES }).notNull(),
    /** Last vetting state read from the vetting capability (a cache for lists; vetting is the source). */
    vettingState: text('vetting_state', { enum: ['pending', 'cleared', 'hit_under_review', 'refused'] }),
    givenNames: text('given_names'),
    familyName: text('family_name'),
    givenNamesAr: text('given_names_ar'),
    familyNameAr: text('family_name_ar'),
    birthDate: date('birth_date'),
    gender: text('gender', { enum: ['male', 'female'] }),
    nationality: text('nationality'),
    passportNumber: text('passport_number'),
    passportExpiry: date('passport_expiry'),
    phone: text('phone'),
    languages: jsonb('languages').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    consentAt: timestamp('consent_at', { withTimezone: true }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    erasedAt: timestamp('erased_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('applications_applicant_opening_uq').on(t.applicantId, t.openingId),
    index('applications_organisation_status_idx').on(t.organisationId, t.status),
    index('applications_operation_status_idx').on(t.operationId, t.status),
  ],
);

export const applicationFiles = pgTable(
  'application_files',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id').notNull().references(() => applications.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['photo', 'passport_scan'] }).notNull(),
    contentType: text('content_type').notNull(),
    bytes: bytea('bytes').notNull(),
    size: integer('size').notNull(),
    width: integer('width'),
    height: integer('height'),
    sha256: text('sha256').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('application_files_uq').on(t.applicationId, t.kind)],
);

/** The applicant's timeline: neutral steps only (never a vetting hit). */
export const applicationEvents = pgTable(
  'application_events',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id').notNull().references(() => applications.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull(),
    type: text('type').notNull(),
  },
  (t) => [index('application_events_application_idx').on(t.applicationId, t.at)],
);

export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid('id').primaryKey(),
    operationId: uuid('operation_id').notNull().references(() => operations.id),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
  },
  (t) => [index('mail_outbox_pending_idx').on(t.sentAt, t.createdAt)],
);

export const VISA_STEPS = ['sponsorship', 'documents', 'security', 'medical', 'issuance'] as const;

export const visaCases = pgTable(
  'visa_cases',
  {
    id: uuid('id').primaryKey(),
    operationId: uuid('operation_id').notNull().references(() => operations.id),
    applicationId: uuid('application_id').notNull().unique().references(() => applications.id),
    status: text('status', { enum: ['open', 'issued', 'refused'] }).notNull(),
    /** The step waiting for an officer; null once the case is decided. */
    currentStep: text('current_step', { enum: VISA_STEPS }),
    stepDueOn: date('step_due_on'),
    history: jsonb('history').$type<{ step: string; outcome: 'done' | 'refused'; at: string; by: string }[]>().notNull(),
    visaNumber: text('visa_number'),
    validFrom: date('valid_from'),
    validTo: date('valid_to'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('visa_cases_operation_status_idx').on(t.operationId, t.status)],
);

export const accreditations = pgTable(
  'accreditations',
  {
    id: uuid('id').primaryKey(),
    operationId: uuid('operation_id').notNull().references(() => operations.id),
    applicationId: uuid('application_id').notNull().unique().references(() => applications.id),
    /** Printed on the badge; unique per operation. */
    number: integer('number').notNull(),
    roleCategory: text('role_category').notNull(),
    venueIds: jsonb('venue_ids').$type<string[]>().notNull(),
    zones: jsonb('zones').$type<number[]>().notNull(),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to').notNull(),
    status: text('status', { enum: ['issued', 'suspended', 'revoked'] }).notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('accreditations_number_uq').on(t.operationId, t.number), index('accreditations_status_idx').on(t.operationId, t.status)],
);

export const badgeKeys = pgTable('badge_keys', {
  kid: text('kid').primaryKey(),
  operationId: uuid('operation_id').notNull().references(() => operations.id),
  /** Raw 32-byte Ed25519 public key, base64url. */
  publicKey: text('public_key').notNull(),
  /** PKCS#8 private key encrypted with AES-256-GCM under the badge key secret: iv.tag.ciphertext, base64url. */
  privateKeyEnc: text('private_key_enc').notNull(),
  isActive: boolean('is_active').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  /** Once retired, codes signed with this key no longer verify. */
  retiredAt: timestamp('retired_at', { withTimezone: true }),
});

export const badgeScans = pgTable(
  'badge_scans',
  {
    id: uuid('id').primaryKey(),
    operationId: uuid('operation_id').notNull().references(() => operations.id),
    /** The checkpoint's own id for the scan, so an upload sent twice is stored once. */
    clientScanId: text('client_scan_id').notNull(),
    accreditationId: uuid('accreditation_id'),
    valid: boolean('valid').notNull(),
    reason: text('reason').notNull(),
    checkpoint: text('checkpoint'),
    scannedAt: timestamp('scanned_at', { withTimezone: true }).notNull(),
    uploadedBy: text('uploaded_by').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('badge_scans_client_uq').on(t.operationId, t.clientScanId), index('badge_scans_accreditation_idx').on(t.accreditationId)],
);
