import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { assembleCode, decodeCode, encodePayload } from '../../../common/badge-code.ts';
import { useTestApp } from '../../../test/app.ts';
import { describeEachDatabase } from '../../../test/db.ts';
import { auditLog } from '../../platform/db/schema/index.ts';
import { applicantLogin, buildSubmittedApplication, COMPLETE_FIELDS, seededApplication, seededOpening, upload } from './workforce.factories.ts';
import { placeholderPhoto } from './workforce.seed.ts';
import { applicationFiles, applications } from './workforce.schema.ts';

const actions = async (t: ReturnType<ReturnType<typeof useTestApp>>, subjectId: string) =>
  (await t.platform.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.subjectId, subjectId))).map((r) => r.action);

describeEachDatabase('workforce portal', (db) => {
  const t = useTestApp(db);

  it('an applicant registers, confirms the email from the mailbox, signs in and sees the published openings', async () => {
    const email = `reg-${Date.now()}@test.tansiq.org`;
    const reg = await t().request('POST', '/api/portal/register', { body: { email, password: 'a long enough passphrase', locale: 'ar' } });
    expect(reg.statusCode).toBe(201);
    expect((await t().request('POST', '/api/portal/register', { body: { email, password: 'a long enough passphrase', locale: 'ar' } })).json().code).toBe('applicant.email_taken');
    const early = await t().request('POST', '/api/portal/login', { body: { email, password: 'a long enough passphrase' } });
    expect(early.json().code).toBe('applicant.email_not_confirmed');
    const mail = (await t().request('GET', '/api/dev/mailbox')).json().items.find((m: { to: string }) => m.to === email);
    expect(mail.subject).toContain('أكّد');
    const token = /token=([^\s]+)/.exec(mail.body)![1]!;
    expect((await t().request('POST', '/api/portal/confirm', { body: { token: decodeURIComponent(token) } })).statusCode).toBe(204);
    expect((await t().request('POST', '/api/portal/confirm', { body: { token: decodeURIComponent(token) } })).json().code).toBe('applicant.invalid_token');
    const session = await applicantLogin(t(), email, 'a long enough passphrase');
    const me = await t().request('GET', '/api/portal/me', { as: session });
    expect(me.json().applicant).toMatchObject({ email, locale: 'ar', emailConfirmed: true });
    const openings = (await t().request('GET', '/api/openings?kind=volunteer')).json();
    expect(openings.items.length).toBeGreaterThanOrEqual(2);
    expect(openings.items[0].title).toHaveProperty('ar');
    expect(await actions(t(), reg.json().id)).toEqual(expect.arrayContaining(['applicant.register', 'applicant.confirm_email', 'applicant.login']));
  });

  it('keeps drafts, refuses bad documents with field errors, re-encodes photos and lists what is missing at submission', async () => {
    const { applicantSession } = await import('./workforce.factories.ts');
    const me = await applicantSession(t());
    const openingId = await seededOpening(t(), 'Al Waha');
    const id = (await t().request('POST', '/api/portal/applications', { as: me, body: { openingId } })).json().id;
    expect((await t().request('POST', '/api/portal/applications', { as: me, body: { openingId } })).json().code).toBe('application.already_exists');
    const bad = await t().request('PATCH', `/api/portal/applications/${id}`, { as: me, body: { givenNames: 'يوسف', nationality: 'Morocco' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(['body.givenNames', 'body.nationality']);
    const saved = await t().request('PATCH', `/api/portal/applications/${id}`, { as: me, body: { givenNames: 'Salma', phone: '+212 600 000 000' } });
    expect(saved.json().fields).toMatchObject({ givenNames: 'Salma', phone: '+212 600 000 000', familyName: null });
    const gif = await upload(t(), me, id, 'photo', Buffer.from('GIF89a....'), 'image/gif');
    expect(gif.json()).toMatchObject({ code: 'application.invalid_file', errors: [{ path: 'photo' }] });
    const landscape = await upload(t(), me, id, 'photo', Buffer.from((await import('jpeg-js')).default.encode({ data: Buffer.alloc(800 * 300 * 4, 200), width: 800, height: 300 }, 80).data), 'image/jpeg');
    expect(landscape.json().code).toBe('application.invalid_file');
    // A JPEG carrying an EXIF block (with a fake GPS tag) comes back re-encoded without it.
    const photo = placeholderPhoto(2);
    const exif = Buffer.concat([photo.subarray(0, 2), Buffer.from([0xff, 0xe1, 0x00, 0x10]), Buffer.from('Exif\0\0GPSLAT12'), photo.subarray(2)]);
    expect((await upload(t(), me, id, 'photo', exif, 'image/jpeg')).statusCode).toBe(200);
    const [stored] = await t().platform.db.select().from(applicationFiles).where(and(eq(applicationFiles.applicationId, id), eq(applicationFiles.kind, 'photo')));
    expect(stored!.bytes.includes(Buffer.from('GPSLAT'))).toBe(false);
    const submit = await t().request('POST', `/api/portal/applications/${id}/submit`, { as: me });
    expect(submit.statusCode).toBe(400);
    expect(submit.json().code).toBe('application.incomplete');
    expect(submit.json().errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['body.familyName', 'body.passportScan', 'body.consent']));
  });

  it('runs the pipeline: submit → vetting → employer accepts → visa steps → accreditation → badge verified, suspended, revoked', async () => {
    const { id, applicant } = await buildSubmittedApplication(t());
    const mine = (await t().request('GET', `/api/portal/applications/${id}`, { as: applicant })).json();
    expect(mine.stage).toBe('under_review');
    const employer = await t().as('employer');
    const seen = (await t().request('GET', `/api/applications/${id}`, { as: employer })).json();
    expect(seen).toMatchObject({ status: 'submitted', vetting: 'cleared', vettingState: null });
    expect((await t().request('GET', `/api/applications/${id}`, { as: await t().as('accreditation') })).json().vettingState).toBe('cleared');
    const accepted = (await t().request('POST', `/api/applications/${id}/decision`, { as: employer, body: { decision: 'accept' } })).json();
    expect(accepted.status).toBe('accepted');
    expect(accepted.visa).toMatchObject({ status: 'open', currentStep: 'sponsorship' });

    const visa = await t().as('visa');
    const caseId = accepted.visa.id;
    expect((await t().request('POST', `/api/visa-cases/${caseId}/steps`, { as: visa, body: { step: 'medical', outcome: 'done' } })).json().code).toBe('visa.invalid_step');
    for (const step of ['sponsorship', 'documents', 'security', 'medical']) {
      expect((await t().request('POST', `/api/visa-cases/${caseId}/steps`, { as: visa, body: { step, outcome: 'done' } })).statusCode).toBe(200);
    }
    const today = new Date().toISOString().slice(0, 10);
    const plus = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10);
    const issuedVisa = (await t().request('POST', `/api/visa-cases/${caseId}/steps`, { as: visa, body: { step: 'issuance', outcome: 'done', visaNumber: 'QA-WV-9001', validFrom: today, validTo: plus(200) } })).json();
    expect(issuedVisa).toMatchObject({ status: 'issued', visaNumber: 'QA-WV-9001' });

    const officer = await t().as('accreditation');
    const venues = (await t().request('GET', '/api/venues?limit=2', { as: officer })).json().items;
    const tooLong = await t().request('POST', '/api/accreditations', { as: officer, body: { applicationId: id, roleCategory: 'hospitality', venueIds: [venues[0].id], zones: [1], validFrom: today, validTo: plus(400) } });
    expect(tooLong.statusCode).toBe(400);
    const acc = (await t().request('POST', '/api/accreditations', { as: officer, body: { applicationId: id, roleCategory: 'hospitality', venueIds: [venues[0].id, venues[1].id], zones: [3, 1], validFrom: today, validTo: plus(90) } })).json();
    expect(acc).toMatchObject({ status: 'issued', zones: [1, 3], holderName: 'Salma El Idrissi', holderNameAr: 'سلمى الإدريسي' });
    expect((await t().request('POST', '/api/accreditations', { as: officer, body: { applicationId: id, roleCategory: 'hospitality', venueIds: [venues[0].id], zones: [1], validFrom: today, validTo: plus(90) } })).json().code).toBe('accreditation.not_eligible');
    expect((await t().request('GET', `/api/portal/applications/${id}`, { as: applicant })).json().stage).toBe('accredited');

    const pdf = await t().request('GET', `/api/accreditations/${acc.id}/badge`, { as: officer });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const mine2 = await t().request('GET', `/api/portal/applications/${id}/badge`, { as: applicant });
    expect(mine2.statusCode).toBe(200);

    const { code } = (await t().request('GET', `/api/accreditations/${acc.id}/badge-code`, { as: officer })).json();
    const checkpoint = await t().as('officer');
    const verify = async (c: string) => (await t().request('POST', '/api/badges/verify', { as: checkpoint, body: { code: c } })).json();
    expect(await verify(code)).toMatchObject({ valid: true, reason: 'valid', holder: { name: 'Salma El Idrissi', number: acc.number }, zones: [1, 3] });
    const d = decodeCode(code)!;
    expect(await verify(assembleCode(encodePayload({ ...d.payload, zones: [1, 2, 3, 4] }), d.signature))).toMatchObject({ valid: false, reason: 'bad_signature', holder: null });
    expect(await verify(assembleCode(encodePayload({ ...d.payload, kid: 'ffffffffffffffff' }), d.signature))).toMatchObject({ valid: false, reason: 'unknown_key' });
    expect(await verify('not a badge')).toMatchObject({ valid: false, reason: 'malformed' });

    // Key rotation: new codes use the new key, the old code still verifies until its key is retired.
    const rotated = (await t().request('POST', '/api/badges/keys/rotate', { as: officer })).json();
    expect(rotated.kid).not.toBe(d.payload.kid);
    const newCode = (await t().request('GET', `/api/accreditations/${acc.id}/badge-code`, { as: officer })).json().code;
    expect(decodeCode(newCode)!.payload.kid).toBe(rotated.kid);
    expect((await verify(code)).reason).toBe('valid');
    expect((await t().request('POST', `/api/badges/keys/${d.payload.kid}/retire`, { as: officer })).statusCode).toBe(200);
    expect((await verify(code)).reason).toBe('unknown_key');
    expect((await verify(newCode)).reason).toBe('valid');

    expect((await t().request('POST', `/api/accreditations/${acc.id}/suspend`, { as: officer })).json().status).toBe('suspended');
    expect((await verify(newCode)).reason).toBe('suspended');
    const revocations = (await t().request('GET', '/api/badges/revocations', { as: checkpoint })).json();
    expect(revocations.items).toContainEqual(expect.objectContaining({ id: acc.id, status: 'suspended' }));
    expect((await t().request('POST', `/api/accreditations/${acc.id}/reinstate`, { as: officer })).json().status).toBe('issued');
    expect((await t().request('POST', `/api/accreditations/${acc.id}/revoke`, { as: officer })).json().status).toBe('revoked');
    expect((await verify(newCode)).reason).toBe('revoked');
    expect((await t().request('POST', `/api/accreditations/${acc.id}/reinstate`, { as: officer })).json().code).toBe('accreditation.invalid_state');
    expect((await t().request('GET', `/api/portal/applications/${id}`, { as: applicant })).json().stage).toBe('accreditation_revoked');

    // Scans recorded offline are uploaded once, verified again by the server.
    const scans = { scans: [{ id: `scan-${id}`, code: newCode, scannedAt: new Date().toISOString(), checkpoint: 'Gate 3', offlineReason: 'valid' }] };
    expect((await t().request('POST', '/api/badges/scans', { as: checkpoint, body: scans })).json()).toEqual({ stored: 1, duplicates: 0 });
    expect((await t().request('POST', '/api/badges/scans', { as: checkpoint, body: scans })).json()).toEqual({ stored: 0, duplicates: 1 });
    const listed = (await t().request('GET', `/api/badges/scans?accreditationId=${acc.id}`, { as: officer })).json().items;
    expect(listed[0]).toMatchObject({ valid: false, reason: 'revoked (offline: valid)', checkpoint: 'Gate 3' });

    expect(await actions(t(), id)).toEqual(expect.arrayContaining(['application.create', 'application.upload', 'application.submit', 'application.accept', 'application.read']));
    expect(await actions(t(), acc.id)).toEqual(expect.arrayContaining(['accreditation.issue', 'accreditation.suspend', 'accreditation.reinstate', 'accreditation.revoke', 'badge.verify']));
  });

  it('a watchlist match confirmed after accreditation declines the application and stops the badge at once, with nobody opening the application', async () => {
    const { id } = await buildSubmittedApplication(t());
    const employer = await t().as('employer');
    expect((await t().request('POST', `/api/applications/${id}/decision`, { as: employer, body: { decision: 'accept' } })).json().status).toBe('accepted');
    const visa = await t().as('visa');
    const caseId = (await t().request('GET', `/api/applications/${id}`, { as: await t().as('accreditation') })).json().visa.id;
    const plus = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10);
    for (const step of ['sponsorship', 'documents', 'security', 'medical']) await t().request('POST', `/api/visa-cases/${caseId}/steps`, { as: visa, body: { step, outcome: 'done' } });
    await t().request('POST', `/api/visa-cases/${caseId}/steps`, { as: visa, body: { step: 'issuance', outcome: 'done', visaNumber: 'QA-WV-9002', validFrom: plus(0), validTo: plus(200) } });
    const officer = await t().as('accreditation');
    const venues = (await t().request('GET', '/api/venues?limit=1', { as: officer })).json().items;
    const acc = (await t().request('POST', '/api/accreditations', { as: officer, body: { applicationId: id, roleCategory: 'hospitality', venueIds: [venues[0].id], zones: [1], validFrom: plus(0), validTo: plus(90) } })).json();
    expect(acc.status).toBe('issued');
    const { code } = (await t().request('GET', `/api/accreditations/${acc.id}/badge-code`, { as: officer })).json();
    const checkpoint = await t().as('officer');
    const verify = async () => (await t().request('POST', '/api/badges/verify', { as: checkpoint, body: { code } })).json();
    expect((await verify()).reason).toBe('valid');

    // A new list names her: re-screening puts a hit in the queue, and two officers confirm it.
    const analyst = await t().as('analyst');
    const list = (await t().request('POST', '/api/watchlists', { as: analyst, body: { name: `Late list ${id.slice(0, 8)}`, format: 'csv' } })).json();
    const csv = 'id,name,aliases,date_of_birth,nationality,gender\nL-001,Salma El Idrissi,,1995-06-15,MA,female\n';
    const imported = await t().request('POST', `/api/watchlists/${list.id}/versions`, { as: analyst, body: csv, headers: { 'content-type': 'text/csv' } });
    expect(imported.statusCode).toBe(201);
    const [held] = await t().platform.db.select({ vettingState: applications.vettingState }).from(applications).where(eq(applications.id, id));
    expect(held?.vettingState).toBe('hit_under_review');
    const queue = (await t().request('GET', `/api/vetting/queue?watchlistId=${list.id}`, { as: officer })).json();
    const hitId = queue.items.find((h: { subjectId: string }) => h.subjectId === id).id;
    await t().request('POST', `/api/vetting/hits/${hitId}/decisions`, { as: officer, body: { decision: 'confirmed_match', reason: 'Same name, birth date and nationality as L-001' } });
    expect((await verify()).reason).toBe('valid');
    const confirmed = await t().request('POST', `/api/vetting/hits/${hitId}/decisions`, { as: analyst, body: { decision: 'confirmed_match', reason: 'Agreed' } });
    expect(confirmed.json()).toMatchObject({ status: 'confirmed', subjectState: 'refused' });

    // At once: the badge is refused at the gate and listed for offline checkpoints; the application is declined.
    expect(await verify()).toMatchObject({ valid: false, reason: 'suspended' });
    const revocations = (await t().request('GET', '/api/badges/revocations', { as: checkpoint })).json();
    expect(revocations.items).toContainEqual(expect.objectContaining({ id: acc.id, status: 'suspended' }));
    const [row] = await t().platform.db.select({ status: applications.status, vettingState: applications.vettingState }).from(applications).where(eq(applications.id, id));
    expect(row).toEqual({ status: 'declined', vettingState: 'refused' });
    expect(await actions(t(), acc.id)).toEqual(expect.arrayContaining(['accreditation.suspend']));
    expect(await actions(t(), id)).toEqual(expect.arrayContaining(['application.vetting_state']));
  });

  it('a hit under review holds the application; the employer sees "in progress" and cannot accept', async () => {
    const abd = await seededApplication(t(), 'Abderrahmane');
    const employer = await t().as('employer');
    const seen = (await t().request('GET', `/api/applications/${abd}`, { as: employer })).json();
    expect(seen).toMatchObject({ vetting: 'in_progress', vettingState: null });
    expect((await t().request('POST', `/api/applications/${abd}/decision`, { as: employer, body: { decision: 'accept' } })).json().code).toBe('application.invalid_state');
    expect((await t().request('GET', `/api/applications/${abd}`, { as: await t().as('accreditation') })).json().vettingState).toBe('hit_under_review');
  });

  it('employers see only their openings\' applications; accreditation officers see ready ones', async () => {
    const list = (await t().request('GET', '/api/applications?limit=200', { as: await t().as('employer') })).json().items;
    expect(list.length).toBeGreaterThan(0);
    expect(new Set(list.map((a: { organisationId: string }) => a.organisationId)).size).toBe(1);
    expect(list.some((a: { givenNames: string }) => a.givenNames === 'Amina')).toBe(false);
    const issued = (await t().request('GET', '/api/accreditations?status=issued', { as: await t().as('accreditation') })).json().items;
    expect(issued.every((a: { status: string }) => a.status === 'issued')).toBe(true);
    expect(issued.length).toBeGreaterThanOrEqual(2);
  });

  it('an employer publishes and closes an opening of their own', async () => {
    const employer = await t().as('employer');
    const created = await t().request('POST', '/api/manage/openings', { as: employer, body: { kind: 'job', title: { fr: 'Chauffeur' }, description: { fr: 'Conduire les navettes' }, places: 4, startsOn: '2030-01-01', endsOn: '2030-02-01', sponsorsVisa: true } });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ organisationName: expect.stringContaining('Al Waha'), status: 'published' });
    const closed = await t().request('PATCH', `/api/manage/openings/${created.json().id}`, { as: employer, body: { status: 'closed' } });
    expect(closed.json().status).toBe('closed');
    expect((await t().request('GET', `/api/openings/${created.json().id}`)).statusCode).toBe(404);
    const bad = await t().request('POST', '/api/manage/openings', { as: employer, body: { kind: 'job', title: {}, description: { en: 'x' }, places: 0, startsOn: '2030-02-01', endsOn: '2030-01-01', sponsorsVisa: true } });
    expect(bad.statusCode).toBe(400);
  });

  it('withdraw, export and erase: only the minimal vetting record stays, and the erasure is audited', async () => {
    const { id, applicant } = await buildSubmittedApplication(t(), { opening: await seededOpening(t(), 'Corniche') });
    const exported = await t().request('GET', '/api/portal/export', { as: applicant });
    expect(exported.headers['content-disposition']).toContain('my-data.json');
    expect(JSON.parse(exported.body).applications[0].documents).toHaveLength(2);
    const erased = await t().request('POST', '/api/portal/erase', { as: applicant });
    expect(erased.json().kept).toEqual(expect.arrayContaining(['givenNames', 'birthDate', 'nationality']));
    const [row] = await t().platform.db.select().from(applications).where(eq(applications.id, id));
    expect(row).toMatchObject({ status: 'withdrawn', givenNames: COMPLETE_FIELDS.givenNames, birthDate: COMPLETE_FIELDS.birthDate, nationality: 'MA', passportNumber: null, phone: null, gender: null });
    expect(await t().platform.db.select().from(applicationFiles).where(eq(applicationFiles.applicationId, id))).toHaveLength(0);
    expect((await t().request('GET', '/api/portal/me', { as: applicant })).statusCode).toBe(401);
    const [audit] = await t().platform.db.select().from(auditLog).where(eq(auditLog.action, 'applicant.erase')).limit(1);
    expect(audit).toBeTruthy();
  });

  it('a staff member signed in in the same browser reaches applicant routes only as the applicant', async () => {
    const staff = await t().as('employer');
    const applicant = await applicantLogin(t(), 'applicant@demo.tansiq.org', 'tansiq-demo-2022');
    const both = { cookie: `${staff.cookie}; ${applicant.cookie}`, csrfToken: applicant.csrfToken };
    expect((await t().request('GET', '/api/portal/me', { as: both })).statusCode).toBe(200);
    expect((await t().request('GET', '/api/applications', { as: { cookie: both.cookie, csrfToken: staff.csrfToken } })).statusCode).toBe(200);
  });
});

describe('outside development', () => {
  describeEachDatabase('production', (db) => {
    const t = useTestApp(db, { env: { NODE_ENV: 'production' } });
    it('has no mailbox: /api/dev/mailbox and /dev/mailbox answer 404', async () => {
      expect((await t().request('GET', '/api/dev/mailbox')).statusCode).toBe(404);
      expect((await t().request('GET', '/dev/mailbox')).statusCode).toBe(404);
    });
  });
});
