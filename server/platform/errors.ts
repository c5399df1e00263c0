/**
 * One error type for the whole server. Services throw `AppError` with a code from this closed list;
 * the HTTP error handler turns it into RFC 9457 problem+json with the mapped status.
 */
export const ERROR_STATUS = {
  /** The request has no valid session or token. */
  'auth.unauthenticated': 401,
  /** Wrong email or password (never says which). */
  'auth.invalid_credentials': 401,
  /** Too many failed sign-ins for this account; try again later. */
  'auth.locked': 429,
  /** The current password given to change it is wrong. */
  'auth.wrong_password': 400,
  /** A state-changing request made with the session cookie lacks the right X-CSRF-Token header. */
  'auth.csrf_failed': 403,
  /** The actor lacks the permission, or the record is outside the actor's scope. */
  'access.denied': 403,
  /** Body, query or path parameters fail validation; `errors` lists the fields. */
  'request.invalid': 400,
  /** The body is not valid JSON. */
  'request.malformed_json': 400,
  /** The body is larger than the server accepts. */
  'request.too_large': 413,
  /** The Content-Type is not supported by this endpoint. */
  'request.unsupported_media_type': 415,
  /** Too many requests from this client; slow down. */
  'request.rate_limited': 429,
  /** The pagination cursor is not one this server issued. */
  'request.invalid_cursor': 400,
  /** No such route. */
  'route.not_found': 404,
  /** The record does not exist (or is not visible to the actor). */
  'resource.not_found': 404,
  /** Another user already has this email. */
  'user.email_taken': 409,
  /** A role that needs a venue was given without one, or a venue for a role that takes none. */
  'user.invalid_role': 400,
  /** An admin may not disable themselves or remove their own admin role. */
  'user.self_lockout': 409,
  /** Another organisation already has this name. */
  'organisation.name_taken': 409,
  /** A referenced organisation does not exist. */
  'organisation.not_found': 400,
  /** A referenced venue does not exist. */
  'venue.not_found': 400,
  /** The token is already revoked. */
  'api_token.already_revoked': 409,
  /** Permissions that may not be given to a machine client. */
  'api_token.permission_not_grantable': 400,
  /** The incident cannot move from its current status to the one asked, or not by this actor. */
  'incident.invalid_transition': 409,
  /** The Idempotency-Key was already used by this reporter for a different report. */
  'incident.idempotency_conflict': 409,
  /** The Idempotency-Key header is missing or malformed on a report. */
  'incident.idempotency_key_required': 400,
  /** The attachment is not a JPEG or PNG image (checked on its bytes), or it is too large. */
  'incident.invalid_attachment': 400,
  /** A terrorist threat cannot have its restriction lifted. */
  'incident.invalid_restriction': 400,
  /** An incident cannot be linked to itself, or the two are already linked. */
  'incident.invalid_link': 409,
  /** The person to dispatch does not exist or is already assigned to this incident. */
  'incident.invalid_assignment': 409,
  /** The alert is not in a state that allows this (e.g. approving a published alert). */
  'alert.invalid_state': 409,
  /** The person who drafted an alert may not approve it (two-person rule). */
  'alert.same_person': 409,
  /** An update or cancellation must reference a published alert. */
  'alert.invalid_reference': 400,
  /** A telemetry batch names a venue that does not exist, or a CSV line is malformed. */
  'telemetry.invalid_batch': 400,
  /** The hit is already decided (false positive, confirmed) or withdrawn; it takes no more decisions. */
  'vetting.hit_closed': 409,
  /** This decision does not apply to the hit's current status (e.g. escalating an escalated hit). */
  'vetting.invalid_decision': 409,
  /** Four eyes: the officer who proposed a confirmed match may not also confirm it; a second officer must. */
  'vetting.same_officer': 409,
  /** The people file of a batch is not a readable CSV with a name column, or it has no person. */
  'vetting.invalid_people_file': 400,
  /** The uploaded watchlist file cannot be read in the list's format (the detail says what and where). */
  'watchlist.invalid_file': 400,
  /** Another watchlist of the operation already has this name. */
  'watchlist.name_taken': 409,
  /** Another applicant account already uses this email. */
  'applicant.email_taken': 409,
  /** The applicant has not confirmed their email yet; the confirmation link was sent again. */
  'applicant.email_not_confirmed': 403,
  /** The email confirmation link is unknown, already used or expired. */
  'applicant.invalid_token': 400,
  /** The opening is not published or no longer takes applications. */
  'opening.not_open': 409,
  /** The applicant already has an application to this opening. */
  'application.already_exists': 409,
  /** The application is not in a state that allows this (e.g. editing after submission). */
  'application.invalid_state': 409,
  /** The application lacks required fields or documents; `errors` lists them. */
  'application.incomplete': 400,
  /** The uploaded file is not an accepted type (checked on its bytes), is too large, or its image is unusable. */
  'application.invalid_file': 400,
  /** The visa case cannot take this step now (wrong order, already decided, or vetting not cleared). */
  'visa.invalid_step': 409,
  /** The application cannot be accredited yet (not accepted, not cleared by vetting, or no visa where one is needed). */
  'accreditation.not_eligible': 409,
  /** The accreditation is not in a state that allows this (e.g. suspending a revoked one). */
  'accreditation.invalid_state': 409,
  /** The badge code is not a code this system issued (malformed). */
  'badge.malformed_code': 400,
  /** The database is not reachable. */
  'service.unavailable': 503,
  /** The plan version is signed (frozen): it is never edited; start a new version from it instead. */
  'crowd_plan.frozen': 409,
  /** Sign-offs go in order: the venue manager signs a draft, then the commander signs the venue-signed version. */
  'crowd_plan.sign_off_order': 409,
  /** The plan document fails validation; `errors` names each field (e.g. `plan.gates[3].screening.lanes`). */
  'crowd_plan.invalid': 400,
  /** The same person may not sign a plan version twice (venue and command sign-offs are by different people). */
  'crowd_plan.same_signer': 409,
  /** The venue has no approved (commander-signed) plan version to run a match from; name a version explicitly. */
  'crowd_plan.not_approved': 409,
  /** An unexpected failure on our side (logged with its cause, never shown). */
  'internal.error': 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface FieldError {
  path: string;
  message: string;
}

/** An error a client may see: stable code, readable detail, optional field errors. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly options: { errors?: FieldError[]; headers?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(`${code}: ${detail}`, { cause: options.cause });
    this.name = 'AppError';
    this.status = ERROR_STATUS[code];
  }
}

export const notFound = (what: string) => new AppError('resource.not_found', `${what} not found`);
export const denied = (detail = 'You do not have permission to do this') => new AppError('access.denied', detail);
