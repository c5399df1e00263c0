/** Factories that build the records a test needs, through the services (so they are audited and valid). */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Role } from '../common/permissions.ts';
import { organisations, venues } from '../server/platform/db/schema/index.ts';
import type { TestApp } from './app.ts';

export const TEST_PASSWORD = 'correct horse battery staple';

export async function venueId(t: TestApp, name: string): Promise<string> {
  const [v] = await t.platform.db.select({ id: venues.id }).from(venues).where(eq(venues.name, name));
  if (!v) throw new Error(`no venue ${name}`);
  return v.id;
}

export async function organisationId(t: TestApp, shortName: string): Promise<string> {
  const [o] = await t.platform.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.shortName, shortName));
  if (!o) throw new Error(`no organisation ${shortName}`);
  return o.id;
}

/** Creates a user through the API as the demo admin; returns its id and email. */
export async function buildUser(t: TestApp, o: { organisation?: string; roles?: { role: Role; venueId: string | null }[]; email?: string } = {}) {
  const email = o.email ?? `user-${randomUUID().slice(0, 8)}@test.tansiq.org`;
  const res = await t.request('POST', '/api/users', {
    as: await t.as('admin'),
    body: { email, name: 'Test User', organisationId: await organisationId(t, o.organisation ?? 'DGSN'), password: TEST_PASSWORD, roles: o.roles ?? [] },
  });
  if (res.statusCode !== 201) throw new Error(`buildUser: ${res.statusCode} ${res.body}`);
  return { id: res.json().id as string, email };
}

/** Creates an API token through the API as the demo admin; returns the secret. */
export async function buildApiToken(t: TestApp, o: { organisation?: string; permissions: string[] }) {
  const res = await t.request('POST', '/api/api-tokens', {
    as: await t.as('admin'),
    body: { name: `token-${randomUUID().slice(0, 6)}`, organisationId: await organisationId(t, o.organisation ?? 'MOI-SSOC'), permissions: o.permissions },
  });
  if (res.statusCode !== 201) throw new Error(`buildApiToken: ${res.statusCode} ${res.body}`);
  return { id: res.json().token.id as string, secret: res.json().secret as string };
}
