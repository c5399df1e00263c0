/**
 * The one place that says who may do what. Every route names a permission from here (or `public` /
 * `authenticated`); roles grant permissions with a scope; `server/platform/access.ts` enforces them.
 */

/** How far a grant reaches: the whole operation, the actor's own organisation, or the venues assigned to the role. */
export type ScopeKind = 'operation' | 'organisation' | 'venue';

interface PermissionSpec {
  /** One sentence shown to admins choosing API token permissions. */
  description: string;
  /** Scope a machine client gets for this permission (tokens belong to one organisation). `null`: never grantable to a token. */
  tokenScope: ScopeKind | null;
}

export const PERMISSIONS = {
  'organisation:read': { description: 'List and read the organisations of the operation', tokenScope: 'operation' },
  'organisation:manage': { description: 'Create and edit organisations', tokenScope: null },
  'venue:read': { description: 'List and read venues', tokenScope: 'operation' },
  'venue:update': { description: "Edit a venue's details", tokenScope: null },
  'match:read': { description: 'List and read matches', tokenScope: 'operation' },
  // A machine client (e.g. the ticketing system's feed of expected attendance) serves the whole operation.
  'match:update': { description: "Edit a match's expected attendance and risk category", tokenScope: 'operation' },
  'user:read': { description: "List and read user accounts (personal data; every read is audited)", tokenScope: 'organisation' },
  'user:manage': { description: 'Create users, change their roles, disable them', tokenScope: null },
  'api_token:manage': { description: 'Create and revoke API tokens', tokenScope: null },
  'audit:read': { description: 'Read the audit trail', tokenScope: 'operation' },
  // A reporting client (e.g. a control room's console) files reports in the name of its organisation.
  'incident:report': { description: 'Report incidents from the field', tokenScope: 'organisation' },
  'incident:read': { description: 'Read incidents of the venues one works at (restricted ones need incident:read_restricted)', tokenScope: 'operation' },
  'incident:triage': { description: 'Acknowledge, dispatch, move, link and close incidents', tokenScope: null },
  'incident:read_restricted': { description: 'Read restricted incidents (terrorist threats and any marked restricted)', tokenScope: null },
  'personnel:read': { description: 'List the personnel that incidents can be dispatched to', tokenScope: 'organisation' },
  'personnel:manage': { description: 'Add personnel to an organisation', tokenScope: null },
  // Turnstile counters serve a whole venue whatever organisation runs them, so a gate feed writes operation-wide.
  'telemetry:write': { description: 'Push or replay gate counts', tokenScope: 'operation' },
  'telemetry:read': { description: 'Read gate counts and gate status', tokenScope: 'operation' },
  'alert:read': { description: 'Read public safety alerts, drafts included', tokenScope: 'operation' },
  'alert:draft': { description: 'Write public safety alerts for fans', tokenScope: null },
  'alert:approve': { description: "Approve and publish another person's public safety alert", tokenScope: null },
  // Vetting: the workforce portal (or an HR system's client) submits people for screening and reads the neutral outcome.
  'vetting:screen': { description: 'Submit people for security screening (one or a batch) and read their vetting outcome', tokenScope: 'operation' },
  'vetting:read': { description: "Read screenings and their watchlist hits (personal data; every read is audited)", tokenScope: null },
  'vetting:adjudicate': { description: 'Decide on watchlist hits: false positive, possible match, confirmed match (four eyes)', tokenScope: null },
  // A list feed (e.g. a nightly import of the UN Consolidated List) is a legitimate machine client.
  'watchlist:read': { description: 'List watchlists, their versions and what each version changed', tokenScope: 'operation' },
  'watchlist:manage': { description: 'Create watchlists, import new versions, activate or deactivate them', tokenScope: 'operation' },
  // Workforce portal and accreditation (docs/workforce.md).
  'opening:manage': { description: "Publish and edit openings (employers: their organisation's only)", tokenScope: 'organisation' },
  'application:review': { description: 'Read applications and shortlist, accept or decline them (personal data; every read is audited)', tokenScope: 'organisation' },
  'visa:manage': { description: 'Move work-visa cases through their steps', tokenScope: null },
  'accreditation:read': { description: 'List and read accreditations and badge scans', tokenScope: 'operation' },
  'accreditation:manage': { description: 'Issue, suspend, reinstate and revoke accreditations; rotate the badge signing key', tokenScope: null },
  // A checkpoint device (an API token) verifies badges and uploads its scans for the whole operation.
  'badge:verify': { description: 'Verify badges at checkpoints and upload the scans', tokenScope: 'operation' },
  // Crowd-flow planner (docs/crowd-planner.md): venue security plans with two sign-offs, and per-match runs.
  'crowd_plan:read': { description: "Read venues' crowd-flow plans, their versions and capacity checks", tokenScope: 'operation' },
  'crowd_plan:edit': { description: "Edit, import and version a venue's crowd-flow plan (venue managers: their venue only)", tokenScope: null },
  'crowd_plan:sign_venue': { description: "Sign off a venue's crowd-flow plan as its venue manager", tokenScope: null },
  'crowd_plan:sign_command': { description: 'Approve a venue-signed crowd-flow plan as commander (the version is frozen)', tokenScope: null },
  'crowd_run:read': { description: 'Read crowd simulations and lane recommendations of matches', tokenScope: 'operation' },
  'crowd_run:create': { description: "Run crowd simulations and lane recommendations for a match (venue managers: their venue's matches)", tokenScope: null },
} as const satisfies Record<string, PermissionSpec>;

export type Permission = keyof typeof PERMISSIONS;
export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[];

/**
 * What a route requires: a permission, any signed-in staff actor, a signed-in applicant of the public
 * portal (applicants reach only these), or nothing.
 */
export type RouteAccess = Permission | 'authenticated' | 'applicant' | 'public';

interface RoleSpec {
  /** Whether an assignment of this role names venues (venue managers, officers). */
  needsVenue: boolean;
  grants: Partial<Record<Permission, ScopeKind>>;
}

const READ_OPERATION = {
  'organisation:read': 'operation',
  'venue:read': 'operation',
  'match:read': 'operation',
} as const;

// The operations centre: every incident (restricted ones too), dispatch, gates and public alerts.
const OPERATIONS_COMMAND = {
  'incident:report': 'operation',
  'incident:read': 'operation',
  'incident:triage': 'operation',
  'incident:read_restricted': 'operation',
  'personnel:read': 'operation',
  'personnel:manage': 'operation',
  'telemetry:write': 'operation',
  'telemetry:read': 'operation',
  'alert:read': 'operation',
  'alert:draft': 'operation',
  'alert:approve': 'operation',
} as const;

// Adjudicating watchlist hits: read the hits (with the person's vetting data) and decide on them.
const VETTING_OFFICER = {
  'vetting:read': 'operation',
  'vetting:adjudicate': 'operation',
  'watchlist:read': 'operation',
} as const;

// Crowd-flow plans and runs are read across the operation by those who plan or review match-day safety.
const CROWD_READ = {
  'crowd_plan:read': 'operation',
  'crowd_run:read': 'operation',
} as const;

export const ROLES = {
  commander: {
    needsVenue: false,
    grants: { ...READ_OPERATION, 'venue:update': 'operation', 'match:update': 'operation', 'user:read': 'operation', ...OPERATIONS_COMMAND, 'accreditation:read': 'operation', 'badge:verify': 'operation', ...CROWD_READ, 'crowd_plan:edit': 'operation', 'crowd_plan:sign_command': 'operation', 'crowd_run:create': 'operation' },
  },
  partner_commander: {
    needsVenue: false,
    grants: {
      ...READ_OPERATION,
      'user:read': 'organisation',
      // Their own contingent: incidents their organisation reported or was dispatched to, their personnel.
      'incident:report': 'organisation',
      'incident:read': 'organisation',
      'personnel:read': 'organisation',
      'personnel:manage': 'organisation',
      'telemetry:read': 'operation',
      'alert:read': 'operation',
      ...CROWD_READ,
    },
  },
  venue_manager: {
    needsVenue: true,
    grants: {
      ...READ_OPERATION,
      'venue:update': 'venue',
      'match:update': 'venue',
      'incident:report': 'venue',
      'incident:read': 'venue',
      'incident:triage': 'venue',
      'personnel:read': 'operation',
      'telemetry:write': 'venue',
      'telemetry:read': 'venue',
      'alert:read': 'operation',
      'badge:verify': 'venue',
      ...CROWD_READ,
      'crowd_plan:edit': 'venue',
      'crowd_plan:sign_venue': 'venue',
      'crowd_run:create': 'venue',
    },
  },
  officer: { needsVenue: true, grants: { ...READ_OPERATION, 'incident:report': 'venue', 'incident:read': 'venue', 'badge:verify': 'venue' } },
  analyst: {
    needsVenue: false,
    grants: {
      ...READ_OPERATION,
      'incident:read': 'operation',
      'incident:read_restricted': 'operation',
      'telemetry:read': 'operation',
      'alert:read': 'operation',
      // The partner services bring the watchlists and help adjudicate hits (docs/vetting.md).
      ...VETTING_OFFICER,
      'watchlist:manage': 'operation',
      ...CROWD_READ,
    },
  },
  accreditation_officer: {
    needsVenue: false,
    grants: {
      ...READ_OPERATION,
      ...VETTING_OFFICER,
      'vetting:screen': 'operation',
      // The organiser's volunteer roles are the accreditation officer's organisation's openings.
      'opening:manage': 'organisation',
      'application:review': 'operation',
      'accreditation:read': 'operation',
      'accreditation:manage': 'operation',
      'badge:verify': 'operation',
    },
  },
  visa_officer: { needsVenue: false, grants: { ...READ_OPERATION, 'visa:manage': 'operation' } },
  employer: { needsVenue: false, grants: { ...READ_OPERATION, 'opening:manage': 'organisation', 'application:review': 'organisation' } },
  auditor: { needsVenue: false, grants: { ...READ_OPERATION, 'audit:read': 'operation', ...CROWD_READ } },
  admin: {
    needsVenue: false,
    grants: {
      ...READ_OPERATION,
      'organisation:manage': 'operation',
      'user:read': 'operation',
      'user:manage': 'operation',
      'api_token:manage': 'operation',
    },
  },
} as const satisfies Record<string, RoleSpec>;

export type Role = keyof typeof ROLES;
export const ROLE_NAMES = Object.keys(ROLES) as Role[];

/** Permissions an admin may put on an API token. */
export const TOKEN_PERMISSIONS = PERMISSION_NAMES.filter((p) => PERMISSIONS[p].tokenScope !== null);

/** TLP 2.0 markings (FIRST), least to most restrictive. */
export const TLP_LEVELS = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const;
export type Tlp = (typeof TLP_LEVELS)[number];

/** Who may see a record (MISP-style distribution): its owner organisation, a named sharing group, or the whole operation. */
export type Distribution =
  | { kind: 'organisation' }
  | { kind: 'sharing_group'; sharingGroupId: string }
  | { kind: 'operation' };
