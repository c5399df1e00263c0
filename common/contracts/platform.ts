/** API contracts of the platform core: sign-in, users, organisations, venues, matches, audit, API tokens. */
import { z } from 'zod';
import { PERMISSION_NAMES, ROLE_NAMES } from '../permissions.ts';
import { CountryCode, Id, Locale, PageQuery } from './common.ts';

export const PermissionName = z.enum(PERMISSION_NAMES as [string, ...string[]]);
export const RoleName = z.enum(ROLE_NAMES as [string, ...string[]]);

const Email = z.email().max(254).transform((e) => e.toLowerCase());
/** At least 12 characters (NIST SP 800-63B allows long passphrases; no composition rules). */
export const NewPassword = z.string().min(12).max(200);

// ---- auth ----
export const LoginBody = z.strictObject({ email: z.string().min(1).max(254), password: z.string().min(1).max(200) });

export const RoleAssignment = z.object({ role: RoleName, venueId: Id.nullable() });

export const Me = z.object({
  id: Id,
  email: z.string(),
  name: z.string(),
  locale: Locale.nullable(),
  organisation: z.object({ id: Id, name: z.string(), kind: z.string() }),
  roles: z.array(RoleAssignment),
  /** Effective permissions with their scope, for the web app to show what the user may do. */
  permissions: z.array(z.object({ permission: PermissionName, scope: z.enum(['operation', 'organisation', 'venue']), venueIds: z.array(Id) })),
});
export type Me = z.infer<typeof Me>;

export const LoginResponse = z.object({ user: Me, csrfToken: z.string() });
export const MeResponse = z.object({ user: Me, csrfToken: z.string().nullable() });
export const ChangePasswordBody = z.strictObject({ currentPassword: z.string().min(1).max(200), newPassword: NewPassword });
export const UpdateMeBody = z.strictObject({ locale: Locale.nullable().optional(), name: z.string().trim().min(1).max(200).optional() });

// ---- organisations ----
export const OrganisationKind = z.enum(['host_agency', 'partner_agency', 'organiser', 'employer']);
export const Organisation = z.object({
  id: Id,
  name: z.string(),
  nameFr: z.string().nullable(),
  nameAr: z.string().nullable(),
  shortName: z.string(),
  kind: OrganisationKind,
  country: z.string(),
  createdAt: z.iso.datetime(),
});
export type Organisation = z.infer<typeof Organisation>;
export const OrganisationQuery = PageQuery.extend({ q: z.string().max(100).optional(), kind: OrganisationKind.optional(), country: CountryCode.optional() });
export const CreateOrganisationBody = z.strictObject({
  name: z.string().trim().min(2).max(200),
  nameFr: z.string().trim().min(2).max(200).nullable().optional(),
  nameAr: z.string().trim().min(2).max(200).nullable().optional(),
  shortName: z.string().trim().min(2).max(40),
  kind: OrganisationKind,
  country: CountryCode,
});
export const UpdateOrganisationBody = CreateOrganisationBody.partial();

// ---- users ----
export const User = z.object({
  id: Id,
  email: z.string(),
  name: z.string(),
  organisationId: Id,
  organisationName: z.string(),
  roles: z.array(RoleAssignment),
  isActive: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type User = z.infer<typeof User>;
export const UserQuery = PageQuery.extend({ q: z.string().max(100).optional(), organisationId: Id.optional(), role: RoleName.optional() });
export const CreateUserBody = z.strictObject({
  email: Email,
  name: z.string().trim().min(1).max(200),
  organisationId: Id,
  password: NewPassword,
  roles: z.array(RoleAssignment).max(20).default([]),
});
export const UpdateUserBody = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  roles: z.array(RoleAssignment).max(20).optional(),
  isActive: z.boolean().optional(),
  password: NewPassword.optional(),
});

// ---- venues and matches ----
/** A venue's texts in one language other than English; a missing one shows in English. */
export const VenueTexts = z.object({
  /** The name, where it is written differently (Arabic names are `nameAr`, which venue managers edit). */
  name: z.string().optional(),
  city: z.string().optional(),
  metroStation: z.string().optional(),
  metroLine: z.string().optional(),
  metroAccess: z.string().optional(),
});
export const VenueTranslations = z.object({ ar: VenueTexts.optional(), fr: VenueTexts.optional() });
export type VenueTranslations = z.infer<typeof VenueTranslations>;
export const Venue = z.object({
  id: Id,
  name: z.string(),
  nameAr: z.string().nullable(),
  city: z.string(),
  capacity: z.number().int(),
  lat: z.number(),
  lon: z.number(),
  metroStation: z.string().nullable(),
  metroLine: z.string().nullable(),
  metroAccess: z.string().nullable(),
  metroVerified: z.boolean(),
  /** City and metro texts in Arabic and French. */
  translations: VenueTranslations,
  matchesHosted: z.number().int(),
  totalAttendance: z.number().int(),
});
export type Venue = z.infer<typeof Venue>;
export const VenueQuery = PageQuery.extend({ q: z.string().max(100).optional(), city: z.string().max(100).optional() });
export const UpdateVenueBody = z.strictObject({
  nameAr: z.string().trim().min(1).max(200).nullable().optional(),
  capacity: z.number().int().min(0).max(250_000).optional(),
});

export const RiskCategory = z.enum(['low', 'standard', 'elevated', 'high']);
export const Match = z.object({
  id: Id,
  number: z.number().int(),
  stage: z.string(),
  venueId: Id,
  venueName: z.string(),
  kickoffAt: z.iso.datetime(),
  home: z.string(),
  away: z.string(),
  homeCode: z.string(),
  awayCode: z.string(),
  attendance: z.number().int().nullable().describe('Actual 2022 attendance'),
  expectedAttendance: z.number().int().nullable(),
  riskCategory: RiskCategory,
  score: z.string().nullable(),
});
export type Match = z.infer<typeof Match>;
export const MatchQuery = PageQuery.extend({
  venueId: Id.optional(),
  from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional().describe('Kickoff at or after (ISO date or date-time)'),
  to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional().describe('Kickoff before (ISO date or date-time)'),
  stage: z.string().max(40).optional(),
  q: z.string().max(100).optional().describe('Team name or code'),
});
export const UpdateMatchBody = z.strictObject({
  expectedAttendance: z.number().int().min(0).max(250_000).nullable().optional(),
  riskCategory: RiskCategory.optional(),
});

// ---- audit ----
export const AuditEntry = z.object({
  seq: z.number().int(),
  id: Id,
  at: z.iso.datetime(),
  actorType: z.enum(['user', 'token', 'system', 'anonymous', 'applicant']),
  actorId: z.string().nullable(),
  actorLabel: z.string().nullable(),
  action: z.string(),
  subjectType: z.string().nullable(),
  subjectId: z.string().nullable(),
  outcome: z.enum(['success', 'failure', 'denied']),
  requestId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  /** null until the entry is linked into the hash chain (~0.2 s after its commit). */
  hash: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
/** The last entry of the hash chain: keep `anchor` outside Tansiq and check later with `tansiq audit verify --anchor`. */
export const AuditHead = z.object({
  head: z
    .object({
      chainPos: z.number().int().positive(),
      seq: z.number().int(),
      hash: z.string(),
      at: z.iso.datetime(),
      /** `chainPos:hash`, as `tansiq audit verify --anchor` takes it. */
      anchor: z.string(),
    })
    .nullable()
    .describe('null while the trail is empty'),
});
export type AuditHead = z.infer<typeof AuditHead>;
export const AuditQuery = PageQuery.extend({
  actor: z.string().max(254).optional().describe('Actor id or label (e.g. an email), exact'),
  action: z.string().max(100).optional().describe('Action, exact or prefix ending in `.`, e.g. `auth.`'),
  subjectType: z.string().max(60).optional(),
  subjectId: z.string().max(100).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});

// ---- API tokens ----
export const ApiToken = z.object({
  id: Id,
  name: z.string(),
  organisationId: Id,
  organisationName: z.string(),
  prefix: z.string().describe('First characters of the token, to recognise it'),
  permissions: z.array(PermissionName),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime().nullable(),
  lastUsedAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
});
export type ApiToken = z.infer<typeof ApiToken>;
export const ApiTokenQuery = PageQuery.extend({ organisationId: Id.optional(), includeRevoked: z.enum(['true', 'false']).optional() });
export const CreateApiTokenBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  organisationId: Id,
  permissions: z.array(PermissionName).min(1).max(50),
  expiresAt: z.iso.datetime({ offset: true }).nullable().optional(),
});
export const CreatedApiToken = z.object({ token: ApiToken, secret: z.string().describe('Shown once; store it now') });

export const Health = z.object({ status: z.literal('ok') });
