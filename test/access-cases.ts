/**
 * The shape of a route's access cases. Each module lists its routes in `<module>.access-cases.ts`; the
 * matrix test (test/access-matrix.db.test.ts) proves 401 without credentials, 403 for every listed wrong
 * role and 403 for each wrong-scope case, and fails when a registered route has no case.
 */
import type { Credentials, DemoRole, TestApp } from './app.ts';

export interface AccessCase {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** The route as registered, e.g. `/api/venues/:id`. */
  route: string;
  url: (t: TestApp) => string | Promise<string>;
  /** A valid body, so that scope checks (which run after validation) are reached. */
  body?: (t: TestApp) => unknown | Promise<unknown>;
  /** Demo roles that lack the route's permission. */
  forbiddenFor: DemoRole[];
  /** Actors that hold the permission but not for this record. */
  wrongScope?: { why: string; as: (t: TestApp) => Promise<Credentials>; url?: (t: TestApp) => string | Promise<string>; body?: (t: TestApp) => unknown | Promise<unknown> }[];
}
