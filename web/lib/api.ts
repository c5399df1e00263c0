/**
 * The one typed HTTP client of the web app. Same-origin cookies carry the session; every non-GET request
 * carries the CSRF token that sign-in and `GET /api/me` hand out; errors arrive as RFC 9457 problems and
 * are thrown as `ApiError`.
 */
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { Problem } from '../../common/contracts/common.ts';

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(`${problem.code}: ${problem.detail}`);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }
  get code(): string {
    return this.problem.code;
  }
}

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

/** Remembers the CSRF token of the current session (from sign-in or `GET /api/me`). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function getCsrfToken(): string | null {
  return csrfToken;
}

/** Called when any request (other than sign-in itself) answers 401: the session is gone. */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions<T extends z.ZodType | undefined> {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** A body sent as it is (file text, FormData) instead of JSON, with its content type (FormData sets its own). */
  raw?: { body: BodyInit; contentType?: string };
  /** Extra request headers, e.g. `Idempotency-Key`. */
  headers?: Record<string, string>;
  /** Schema the answer is parsed with; omit for empty answers (204). */
  schema?: T;
  signal?: AbortSignal;
}

export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** A problem made up on the client when the server could not be reached or answered no problem document. */
function localProblem(status: number, code: string, detail: string): Problem {
  return { type: 'about:blank', title: code, status, code, detail, requestId: '' };
}

async function readProblem(res: Response): Promise<Problem> {
  const text = await res.text().catch(() => '');
  try {
    const parsed = Problem.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  } catch {
    // not JSON: fall through to a generic problem
  }
  return localProblem(res.status, res.status >= 500 ? 'internal.error' : 'http.unexpected', text.slice(0, 200));
}

export async function apiRequest<T extends z.ZodType | undefined = undefined>(
  path: string,
  options: RequestOptions<T> = {},
): Promise<T extends z.ZodType ? z.infer<T> : undefined> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (options.raw) {
    if (options.raw.contentType) headers['Content-Type'] = options.raw.contentType;
  } else if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let res: Response;
  try {
    res = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.raw ? options.raw.body : options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if ((cause as Error)?.name === 'AbortError') throw cause;
    throw new ApiError(localProblem(0, 'network.unreachable', String(cause)));
  }

  if (!res.ok) {
    const problem = await readProblem(res);
    if (res.status === 401 && path !== '/api/auth/login') onUnauthenticated?.();
    throw new ApiError(problem);
  }
  if (!options.schema || res.status === 204) return undefined as never;
  const json: unknown = await res.json();
  const parsed = options.schema.safeParse(json);
  if (!parsed.success) {
    // The server answered something the contract does not describe: say so loudly, never guess.
    console.error('Response does not match its contract', path, parsed.error.issues);
    throw new ApiError(localProblem(res.status, 'contract.mismatch', `${method} ${path}`));
  }
  return parsed.data as never;
}

/** Turns any error into one sentence for the user, in their language. */
export function toUserMessage(error: unknown, t: TFunction): string {
  const problem = error instanceof ApiError ? error.problem : null;
  if (problem) {
    const key = `errors.${problem.code}`;
    const message = t(key, { defaultValue: key });
    if (message && message !== key) return message;
    if (problem.status >= 500) return t('errors.internal.error');
  }
  return t('errors.generic');
}

/** Field errors of a `request.invalid` problem, keyed by the dotted field path (`roles.0.venueId`). */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || !error.problem.errors) return {};
  const out: Record<string, string> = {};
  for (const { path, message } of error.problem.errors) {
    out[normalisePath(path)] = message;
  }
  return out;
}

/** Accepts `/email`, `body.email`, `body/email`, `roles[0].venueId` and answers `email`, `roles.0.venueId`. */
export function normalisePath(path: string): string {
  return path
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/\//g, '.')
    .replace(/^\.+/, '')
    .replace(/^body\./, '')
    .replace(/^querystring\./, '');
}
