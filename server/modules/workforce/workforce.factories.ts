/** Test factories of the workforce portal: applicant sessions, seeded records, and multipart uploads over `app.inject`. */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Credentials, TestApp } from '../../../test/app.ts';
import { organisations } from '../../platform/db/schema/index.ts';
import { newId } from '../../platform/ids.ts';
import { hashPassword } from '../../platform/secrets.ts';
import { placeholderPhoto, placeholderScan } from './workforce.seed.ts';
import { accreditations, applicantAccounts, applications, openings } from './workforce.schema.ts';

export const APPLICANT_PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;

/** A confirmed applicant account made directly in the database, signed in through the API. */
export async function applicantSession(t: TestApp, email = `applicant-${randomUUID().slice(0, 8)}@test.tansiq.org`): Promise<{ cookie: string; csrfToken: string; id: string; email: string }> {
  passwordHash ??= hashPassword(APPLICANT_PASSWORD);
  const id = newId();
  const now = t.platform.clock.now();
  await t.platform.db.insert(applicantAccounts).values({ id, operationId: t.platform.operationId, email, passwordHash: await passwordHash, locale: 'en', emailConfirmedAt: now, createdAt: now, updatedAt: now });
  return { ...(await applicantLogin(t, email)), id, email };
}

export async function applicantLogin(t: TestApp, email: string, password = APPLICANT_PASSWORD): Promise<{ cookie: string; csrfToken: string }> {
  const res = await t.app.inject({ method: 'POST', url: '/api/portal/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`applicant login ${email}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'tansiq_applicant');
  return { cookie: `tansiq_applicant=${cookie?.value}`, csrfToken: res.json().csrfToken as string };
}

const cached = new WeakMap<TestApp, Promise<{ cookie: string; csrfToken: string }>>();
/** One applicant per test app (for the access matrix). */
export function someApplicant(t: TestApp): Promise<Credentials> {
  let s = cached.get(t);
  if (!s) cached.set(t, (s = applicantSession(t)));
  return s;
}

/** An opening of the seeded data, by organisation short name (and kind). */
export async function seededOpening(t: TestApp, orgShort: string, kind: 'job' | 'volunteer' = 'job'): Promise<string> {
  const [row] = await t.platform.db
    .select({ id: openings.id })
    .from(openings)
    .innerJoin(organisations, eq(organisations.id, openings.organisationId))
    .where(and(eq(organisations.shortName, orgShort), eq(openings.kind, kind), eq(openings.status, 'published')))
    .limit(1);
  if (!row) throw new Error(`no seeded ${kind} opening of ${orgShort}`);
  return row.id;
}

/** A seeded application, by the applicant's given names. */
export async function seededApplication(t: TestApp, givenNames: string): Promise<string> {
  const [row] = await t.platform.db.select({ id: applications.id }).from(applications).where(eq(applications.givenNames, givenNames)).limit(1);
  if (!row) throw new Error(`no seeded application of ${givenNames}`);
  return row.id;
}

export async function seededAccreditation(t: TestApp, givenNames: string): Promise<string> {
  const [row] = await t.platform.db.select({ id: accreditations.id }).from(accreditations).innerJoin(applications, eq(applications.id, accreditations.applicationId)).where(eq(applications.givenNames, givenNames)).limit(1);
  if (!row) throw new Error(`no seeded accreditation of ${givenNames}`);
  return row.id;
}

/** A multipart/form-data body with one file in the field `file`. */
export function multipart(bytes: Buffer, filename: string, contentType: string): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----tansiq${randomUUID().replace(/-/g, '')}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, bytes, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export async function upload(t: TestApp, as: { cookie: string; csrfToken: string }, applicationId: string, kind: 'photo' | 'passport_scan', bytes: Buffer, contentType: string) {
  const { payload, headers } = multipart(bytes, kind === 'photo' ? 'photo.jpg' : 'scan.pdf', contentType);
  return t.app.inject({ method: 'PUT', url: `/api/portal/applications/${applicationId}/files/${kind}`, payload, headers: { ...headers, cookie: as.cookie, 'x-csrf-token': as.csrfToken } });
}

export const COMPLETE_FIELDS = {
  givenNames: 'Salma',
  familyName: 'El Idrissi',
  givenNamesAr: 'سلمى',
  familyNameAr: 'الإدريسي',
  birthDate: '1995-06-15',
  gender: 'female',
  nationality: 'MA',
  passportNumber: 'AB1234567',
  passportExpiry: '2035-01-01',
  phone: '+212 612 345 678',
  languages: ['ar', 'fr'],
  consent: true,
} as const;

/** A complete, submitted application of a new applicant to a seeded opening, through the API. */
export async function buildSubmittedApplication(t: TestApp, o: { opening?: string; fields?: Partial<Record<keyof typeof COMPLETE_FIELDS, unknown>> } = {}) {
  const applicant = await applicantSession(t);
  const openingId = o.opening ?? (await seededOpening(t, 'Al Waha'));
  const created = await t.request('POST', '/api/portal/applications', { as: applicant, body: { openingId } });
  if (created.statusCode !== 201) throw new Error(`draft: ${created.statusCode} ${created.body}`);
  const id = created.json().id as string;
  const saved = await t.request('PATCH', `/api/portal/applications/${id}`, { as: applicant, body: { ...COMPLETE_FIELDS, ...o.fields } });
  if (saved.statusCode !== 200) throw new Error(`save: ${saved.statusCode} ${saved.body}`);
  await upload(t, applicant, id, 'photo', placeholderPhoto(1), 'image/jpeg');
  await upload(t, applicant, id, 'passport_scan', await placeholderScan('Salma El Idrissi'), 'application/pdf');
  const submitted = await t.request('POST', `/api/portal/applications/${id}/submit`, { as: applicant });
  if (submitted.statusCode !== 200) throw new Error(`submit: ${submitted.statusCode} ${submitted.body}`);
  return { id, applicant };
}
