/** Recognises database errors that a service turns into a client error (the rest stay 500s). */
export function isUniqueViolation(err: unknown): boolean {
  return pgCode(err) === '23505';
}

/** The constraint (or unique index) a unique violation broke, or null for any other error. */
export function uniqueViolationOn(err: unknown): string | null {
  if (!isUniqueViolation(err)) return null;
  for (let e = err as { constraint?: unknown; cause?: unknown } | undefined, i = 0; e && i < 5; e = e.cause as typeof e, i++) {
    if (typeof e.constraint === 'string') return e.constraint;
  }
  return null;
}

function pgCode(err: unknown): string | undefined {
  // Drizzle wraps driver errors; the PostgreSQL SQLSTATE is on the error or its cause.
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, i = 0; e && i < 5; e = e.cause as typeof e, i++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  }
  return undefined;
}
