import { randomUUID } from 'node:crypto';
import { and, asc, eq, like } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { useTestApp, type Credentials, type TestApp } from '../../../test/app.ts';
import { describeEachDatabase } from '../../../test/db.ts';
import { buildApiToken, buildUser, TEST_PASSWORD } from '../../../test/factories.ts';
import { systemActor } from '../../platform/access.ts';
import { auditLog } from '../../platform/db/schema/index.ts';
import { createVettingModule, vettingCallerActor } from './index.ts';
import { screeningHits, watchlists } from './vetting.schema.ts';

// Every name below is invented for these tests.
const LIST_V1 = [
  'id,name,aliases,date_of_birth,nationality,gender',
  'T-001,Zorvath Quellinor,Zorvat Kelinor,1970-01-01,,male',
  'T-002,Brannoch Veltrimo,,1980-05-05,,male',
  'T-003,Ossiander Pruvelk,,1975,,male',
  'T-004,Ilvetha Morcanti,,1991-09-09,,female',
  'T-005,Quillon Dessarev,,1966,,male',
].join('\n');
// v2: T-003 changed (new alias), T-005 removed, T-006 added; T-001, T-002, T-004 unchanged.
const LIST_V2 = [
  'id,name,aliases,date_of_birth,nationality,gender',
  'T-001,Zorvath Quellinor,Zorvat Kelinor,1970-01-01,,male',
  'T-002,Brannoch Veltrimo,,1980-05-05,,male',
  'T-003,Ossiander Pruvelk,Osiander Pruvelke,1975,,male',
  'T-004,Ilvetha Morcanti,,1991-09-09,,female',
  'T-006,Tamsarek Ulvondi,,1984-02-02,,male',
].join('\n');

async function upload(t: TestApp, as: Credentials, url: string, body: string, type = 'text/csv') {
  return t.request('POST', url, { as, body, headers: { 'content-type': type } });
}

/** A new active list; the lists earlier tests made are switched off, so each test sees its own hits only. */
async function newList(t: TestApp, as: Credentials, format: 'csv' | 'un-xml' | 'ftm' = 'csv') {
  await t.platform.db.update(watchlists).set({ isActive: false }).where(like(watchlists.name, 'Test list %'));
  const res = await t.request('POST', '/api/watchlists', { as, body: { name: `Test list ${randomUUID().slice(0, 8)}`, format } });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

const subject = (o: Partial<{ subjectId: string; givenNames: string; familyName: string; dateOfBirth: string; nationality: string; gender: 'male' | 'female'; nameArabic: string }> = {}) => ({
  subjectType: 'application',
  subjectId: o.subjectId ?? `app-${randomUUID().slice(0, 8)}`,
  givenNames: o.givenNames ?? 'Perinel',
  familyName: o.familyName ?? 'Astovarre',
  ...(o.dateOfBirth ? { dateOfBirth: o.dateOfBirth } : {}),
  ...(o.nationality ? { nationality: o.nationality } : {}),
  ...(o.gender ? { gender: o.gender } : {}),
  ...(o.nameArabic ? { nameArabic: o.nameArabic } : {}),
});

/** A subject's audit entries in the order they were written (an unordered query returns any order on PostgreSQL). */
async function auditActions(t: TestApp, subjectId: string) {
  return t.platform.db
    .select({ action: auditLog.action, details: auditLog.details })
    .from(auditLog)
    .where(eq(auditLog.subjectId, subjectId))
    .orderBy(asc(auditLog.seq));
}

describeEachDatabase('vetting', (db) => {
  const t = useTestApp(db);

  it('imports a list in versions and shows what each version added, changed and removed', async () => {
    const analyst = await t().as('analyst');
    const id = await newList(t(), analyst);
    const v1 = await upload(t(), analyst, `/api/watchlists/${id}/versions?fileName=list-v1.csv`, LIST_V1);
    expect(v1.statusCode).toBe(201);
    expect(v1.json().version).toMatchObject({ version: 1, entryCount: 5, added: 5, changed: 0, removed: 0, fileName: 'list-v1.csv' });
    const v2 = await upload(t(), analyst, `/api/watchlists/${id}/versions`, LIST_V2);
    expect(v2.json().version).toMatchObject({ version: 2, entryCount: 5, added: 1, changed: 1, removed: 1 });
    const detail = await t().request('GET', `/api/watchlists/${id}`, { as: await t().as('accreditation') });
    expect(detail.json()).toMatchObject({ currentVersion: 2, entryCount: 5, isActive: true });
    expect(detail.json().versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const diff = (await t().request('GET', `/api/watchlists/${id}/versions/2/diff`, { as: analyst })).json();
    expect(diff.counts).toEqual({ added: 1, changed: 1, removed: 1 });
    expect(diff.added.map((e: { sourceRef: string }) => e.sourceRef)).toEqual(['T-006']);
    expect(diff.removed.map((e: { sourceRef: string }) => e.sourceRef)).toEqual(['T-005']);
    expect(diff.changed[0]).toMatchObject({ fields: ['names'], before: { sourceRef: 'T-003' }, after: { sourceRef: 'T-003' } });
    expect(diff.changed[0].after.names.map((n: { full: string }) => n.full)).toContain('Osiander Pruvelke');
    const first = (await t().request('GET', `/api/watchlists/${id}/versions/1/diff`, { as: analyst })).json();
    expect(first.counts).toEqual({ added: 5, changed: 0, removed: 0 });
    const audit = await auditActions(t(), id);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['watchlist.create', 'watchlist.import']));
  });

  it('imports the UN XML and FtM formats, keeping each source reference', async () => {
    const analyst = await t().as('analyst');
    const un = await newList(t(), analyst, 'un-xml');
    const xml = `<?xml version="1.0"?><CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><DATAID>1</DATAID><FIRST_NAME>VORNAK</FIRST_NAME><SECOND_NAME>TESSELDRIM</SECOND_NAME><REFERENCE_NUMBER>QDi.901</REFERENCE_NUMBER><INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>Vornac Tesseldrim</ALIAS_NAME></INDIVIDUAL_ALIAS></INDIVIDUAL></INDIVIDUALS><ENTITIES/></CONSOLIDATED_LIST>`;
    const r1 = await upload(t(), analyst, `/api/watchlists/${un}/versions`, xml, 'text/xml');
    expect(r1.statusCode).toBe(201);
    const d1 = (await t().request('GET', `/api/watchlists/${un}/versions/1/diff`, { as: analyst })).json();
    expect(d1.added[0].sourceRef).toBe('QDi.901');
    const ftm = await newList(t(), analyst, 'ftm');
    const lines = [
      JSON.stringify({ id: 'os-test-1', schema: 'Person', properties: { name: ['Halvric Ombersen'], birthDate: ['1972'] } }),
      JSON.stringify({ id: 'os-test-2', schema: 'Company', properties: { name: ['Not A Person Ltd'] } }),
    ].join('\n');
    const r2 = await upload(t(), analyst, `/api/watchlists/${ftm}/versions`, lines, 'application/x-ndjson');
    expect(r2.json().version).toMatchObject({ entryCount: 1, added: 1 });
    const bad = await upload(t(), analyst, `/api/watchlists/${un}/versions`, '<CONSOLIDATED_LIST><INDIVIDUALS>', 'text/xml');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('watchlist.invalid_file');
    const taken = await t().request('POST', '/api/watchlists', { as: analyst, body: { name: 'DEMO — fictional watchlist (training)', format: 'csv' } });
    expect(taken.json().code).toBe('watchlist.name_taken');
    // The file is the raw body with its own content type: other types are refused, JSON is not a file.
    const pdf = await upload(t(), analyst, `/api/watchlists/${un}/versions`, '%PDF-1.4', 'application/pdf');
    expect(pdf.statusCode).toBe(415);
    const json = await t().request('POST', `/api/watchlists/${un}/versions`, { as: analyst, body: { content: xml } });
    expect(json.statusCode).toBe(400);
    expect(json.json().code).toBe('request.invalid');
  });

  it('screens one person: the outcome for everyone, the hits only for officers, with the explanation', async () => {
    const analyst = await t().as('analyst');
    const id = await newList(t(), analyst);
    await upload(t(), analyst, `/api/watchlists/${id}/versions`, LIST_V1);
    const officer = await t().as('accreditation');
    const res = await t().request('POST', '/api/screenings', { as: officer, body: subject({ givenNames: 'Zorvat', familyName: 'Quellinor', dateOfBirth: '1970-01-01' }) });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.outcome.state).toBe('hit_under_review');
    const hit = body.screening.hits.find((h: { sourceRef: string }) => h.sourceRef === 'T-001');
    expect(hit).toMatchObject({ status: 'open', watchlistId: id, entry: { sourceRef: 'T-001', birthDates: ['1970-01-01'] } });
    expect(hit.score).toBeGreaterThanOrEqual(hit.explanation.threshold);
    expect(hit.explanation.tokens.length).toBeGreaterThan(0);
    expect(hit.explanation.birthDate.outcome).toBe('exact');

    const clean = await t().request('POST', '/api/screenings', { as: officer, body: subject({ givenNames: 'Marisol', familyName: 'Penhaligon' }) });
    expect(clean.json().outcome.state).toBe('cleared');

    // A machine client with only vetting:screen gets the neutral outcome, never the hits.
    const token = await buildApiToken(t(), { permissions: ['vetting:screen'] });
    const neutral = await t().request('POST', '/api/screenings', { as: { bearer: token.secret }, body: subject({ givenNames: 'Zorvath', familyName: 'Quellinor' }) });
    expect(neutral.statusCode).toBe(201);
    expect(neutral.json().screening).toBeNull();
    expect(neutral.json().outcome.state).toBe('hit_under_review');

    // Only vetting data is accepted: a passport number is refused.
    const extra = await t().request('POST', '/api/screenings', { as: officer, body: { ...subject(), passportNumber: 'X1234567' } });
    expect(extra.statusCode).toBe(400);
  });

  it('re-screening a subject replaces its open screening', async () => {
    const analyst = await t().as('analyst');
    const id = await newList(t(), analyst);
    await upload(t(), analyst, `/api/watchlists/${id}/versions`, LIST_V1);
    const officer = await t().as('accreditation');
    const s = subject({ givenNames: 'Brannoch', familyName: 'Veltrimo', dateOfBirth: '1980-05-05' });
    const first = (await t().request('POST', '/api/screenings', { as: officer, body: s })).json();
    const second = (await t().request('POST', '/api/screenings', { as: officer, body: { ...s, givenNames: 'Corentin', familyName: 'Abelard' } })).json();
    expect(second.outcome.state).toBe('cleared');
    const old = (await t().request('GET', `/api/screenings/${first.screening.id}`, { as: officer })).json();
    expect(old.isCurrent).toBe(false);
    expect(old.hits.every((h: { status: string }) => h.status === 'withdrawn')).toBe(true);
    const queue = (await t().request('GET', `/api/vetting/queue?q=${s.subjectId}`, { as: officer })).json();
    expect(queue.items).toEqual([]);
  });

  it('submitting the same person again changes nothing: the screening and its decisions stand', async () => {
    const analyst = await t().as('analyst');
    const id = await newList(t(), analyst);
    await upload(t(), analyst, `/api/watchlists/${id}/versions`, LIST_V1);
    const officer = await t().as('accreditation');
    const s = subject({ givenNames: 'Quillon', familyName: 'Dessarev', dateOfBirth: '1999-03-03' });
    const first = (await t().request('POST', '/api/screenings', { as: officer, body: s })).json();
    const hitId = first.screening.hits[0].id;
    await t().request('POST', `/api/vetting/hits/${hitId}/decisions`, { as: officer, body: { decision: 'false_positive', reason: 'Born 1999; the listed person c. 1966' } });
    const again = (await t().request('POST', '/api/screenings', { as: officer, body: s })).json();
    expect(again.screening.id).toBe(first.screening.id);
    expect(again.outcome.state).toBe('cleared');
    expect(again.screening.hits.map((h: { id: string; status: string }) => [h.id, h.status])).toEqual([[hitId, 'false_positive']]);
    const audit = await auditActions(t(), first.screening.id);
    expect(audit.filter((a) => a.action === 'vetting.screen').map((a) => a.details.unchanged)).toEqual([false, true]);
  });

  it('an officer adjudicates a hit; a confirmed match needs a second, different officer (four eyes)', async () => {
    const analyst = await t().as('analyst');
    const id = await newList(t(), analyst);
    await upload(t(), analyst, `/api/watchlists/${id}/versions`, LIST_V1);
    const first = await t().as('accreditation');
    const s = subject({ givenNames: 'Ilvetha', familyName: 'Morcanti', dateOfBirth: '1991-09-09', gender: 'female' });
    await t().request('POST', '/api/screenings', { as: first, body: s });
    const queue = (await t().request('GET', `/api/vetting/queue?watchlistId=${id}&q=Morcanti`, { as: first })).json();
    expect(queue.items).toHaveLength(1);
    const hitId = queue.items[0].id as string;
    expect(queue.items[0]).toMatchObject({ subjectId: s.subjectId, sourceRef: 'T-004', status: 'open' });

    const proposed = await t().request('POST', `/api/vetting/hits/${hitId}/decisions`, { as: first, body: { decision: 'confirmed_match', reason: 'Same name, same birth date and gender as T-004' } });
    expect(proposed.statusCode).toBe(201);
    expect(proposed.json()).toMatchObject({ status: 'pending_confirmation', subjectState: 'hit_under_review' });
    const again = await t().request('POST', `/api/vetting/hits/${hitId}/decisions`, { as: first, body: { decision: 'confirmed_match', reason: 'I confirm my own proposal' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('vetting.same_officer');
    const pending = (await t().request('GET', `/api/vetting/queue?status=pending_confirmation&watchlistId=${id}`, { as: first })).json();
    expect(pending.items.map((i: { id: string }) => i.id)).toEqual([hitId]);

    const second = await t().as('analyst');
    const confirmed = await t().request('POST', `/api/vetting/hits/${hitId}/decisions`, { as: second, body: { decision: 'confirmed_match', reason: 'Second officer: agreed, all evidence matches' } });
    expect(confirmed.statusCode).toBe(201);
    expect(confirmed.json()).toMatchObject({ status: 'confirmed', subjectState: 'refused' });
    expect(confirmed.json().decisions.map((d: { decision: string; statusAfter: string }) => [d.decision, d.statusAfter])).toEqual([
      ['confirmed_match', 'pending_confirmation'],
      ['confirmed_match', 'confirmed'],
    ]);
    const closed = await t().request('POST', `/api/vetting/hits/${hitId}/decisions`, { as: first, body: { decision: 'false_positive', reason: 'too late' } });
    expect(closed.json().code).toBe('vetting.hit_closed');

    // The refusal stands when the person is submitted again.
    const vetting = createVettingModule(t().platform);
    const ctx = { actor: vettingCallerActor('workforce'), requestId: null };
    expect((await vetting.service.screenSubject(ctx, s)).state).toBe('refused');
    expect((await vetting.service.outcomeOf(ctx, s.subjectType, s.subjectId)).state).toBe('refused');

    // Decisions are audited with their reasons.
    const audit = await auditActions(t(), hitId);
    expect(audit.filter((a) => a.action === 'vetting.decide').map((a) => a.details.reason)).toEqual(['Same name, same birth date and gender as T-004', 'Second officer: agreed, all evidence matches']);
  });

  it('a false positive clears the subject; a disagreement on a proposed match escalates it', async () => {
    const analyst = await t().as('analyst');
    const id = await newList(t(), analyst);
    await upload(t(), analyst, `/api/watchlists/${id}/versions`, LIST_V1);
    const officer = await t().as('accreditation');
    const a = subject({ givenNames: 'Quillon', familyName: 'Dessarev' });
    const screened = (await t().request('POST', '/api/screenings', { as: officer, body: a })).json();
    const hitA = screened.screening.hits.find((h: { sourceRef: string }) => h.sourceRef === 'T-005').id;
    const fp = await t().request('POST', `/api/vetting/hits/${hitA}/decisions`, { as: officer, body: { decision: 'false_positive', reason: 'Applicant born 1999, listed person c. 1966' } });
    expect(fp.json()).toMatchObject({ status: 'false_positive', subjectState: 'cleared' });

    const b = subject({ givenNames: 'Ossiander', familyName: 'Pruvelk' });
    const hitB = (await t().request('POST', '/api/screenings', { as: officer, body: b })).json().screening.hits[0].id;
    await t().request('POST', `/api/vetting/hits/${hitB}/decisions`, { as: officer, body: { decision: 'confirmed_match', reason: 'looks like the listed person' } });
    const disagree = await t().request('POST', `/api/vetting/hits/${hitB}/decisions`, { as: analyst, body: { decision: 'false_positive', reason: 'Not convinced: no date of birth to compare' } });
    expect(disagree.json()).toMatchObject({ status: 'escalated', subjectState: 'hit_under_review', proposedBy: null });
    const invalid = await t().request('POST', `/api/vetting/hits/${hitB}/decisions`, { as: analyst, body: { decision: 'possible_match', reason: 'again' } });
    expect(invalid.json().code).toBe('vetting.invalid_decision');
    const tooShort = await t().request('POST', `/api/vetting/hits/${hitB}/decisions`, { as: analyst, body: { decision: 'false_positive', reason: '' } });
    expect(tooShort.statusCode).toBe(400);
  });

  it('when a list changes, everyone is screened again against the changed entries only, with no duplicate hits', async () => {
    const analyst = await t().as('analyst');
    const officer = await t().as('accreditation');
    const id = await newList(t(), analyst);
    await upload(t(), analyst, `/api/watchlists/${id}/versions`, LIST_V1);
    const unchanged = subject({ givenNames: 'Zorvath', familyName: 'Quellinor', dateOfBirth: '1970-01-01' });
    const changed = subject({ givenNames: 'Osiander', familyName: 'Pruvelke' });
    const added = subject({ givenNames: 'Tamsarek', familyName: 'Ulvondi', dateOfBirth: '1984-02-02' });
    const removed = subject({ givenNames: 'Quillon', familyName: 'Dessarev', dateOfBirth: '1966' });
    const ids: Record<string, string> = {};
    for (const [k, s] of Object.entries({ unchanged, changed, added, removed })) {
      ids[k] = (await t().request('POST', '/api/screenings', { as: officer, body: s })).json().screening.id;
    }
    const hitsOf = async (screeningId: string) =>
      t().platform.db.select({ sourceRef: screeningHits.sourceRef, status: screeningHits.status, foundBy: screeningHits.foundBy }).from(screeningHits).where(and(eq(screeningHits.screeningId, screeningId), eq(screeningHits.watchlistId, id)));
    expect((await hitsOf(ids.added!)).length).toBe(0);
    expect((await hitsOf(ids.unchanged!)).map((h) => h.sourceRef)).toEqual(['T-001']);

    const v2 = await upload(t(), analyst, `/api/watchlists/${id}/versions`, LIST_V2);
    const rescreen = v2.json().rescreen;
    // Only T-003 (changed) and T-006 (added) were indexed and compared; the three unchanged entries were not.
    expect(rescreen.entriesCompared).toBe(2);
    expect(rescreen.subjects).toBeGreaterThanOrEqual(4);
    expect(rescreen.newHits).toBeGreaterThanOrEqual(1);
    const addedHits = await hitsOf(ids.added!);
    expect(addedHits).toEqual([{ sourceRef: 'T-006', status: 'open', foundBy: 'rescreen' }]);
    expect(await hitsOf(ids.unchanged!)).toEqual([{ sourceRef: 'T-001', status: 'open', foundBy: 'screening' }]);
    expect((await hitsOf(ids.removed!)).map((h) => h.status)).toEqual(['withdrawn']);
    const changedHits = await hitsOf(ids.changed!);
    expect(changedHits.filter((h) => h.sourceRef === 'T-003')).toHaveLength(1);
    const outcome = (await t().request('GET', `/api/screenings/${ids.added}`, { as: officer })).json();
    expect(outcome.state).toBe('hit_under_review');
    expect(outcome.screenedAgainst.find((s: { watchlistId: string }) => s.watchlistId === id).version).toBe(2);

    // Importing the same file again changes nothing and compares nothing.
    const v3 = (await upload(t(), analyst, `/api/watchlists/${id}/versions`, LIST_V2)).json();
    expect(v3.version).toMatchObject({ version: 3, added: 0, changed: 0, removed: 0 });
    expect(v3.rescreen).toMatchObject({ entriesCompared: 0, newHits: 0 });
    expect(await hitsOf(ids.unchanged!)).toHaveLength(1);
  });

  it('a deactivated list is not screened against; activating it screens everyone against it', async () => {
    const analyst = await t().as('analyst');
    const officer = await t().as('accreditation');
    const id = await newList(t(), analyst);
    await upload(t(), analyst, `/api/watchlists/${id}/versions`, LIST_V1);
    const off = await t().request('PATCH', `/api/watchlists/${id}`, { as: analyst, body: { isActive: false } });
    expect(off.json().isActive).toBe(false);
    const s = subject({ givenNames: 'Brannoch', familyName: 'Veltrimo', dateOfBirth: '1980-05-05' });
    const res = (await t().request('POST', '/api/screenings', { as: officer, body: s })).json();
    expect(res.screening.hits.filter((h: { watchlistId: string }) => h.watchlistId === id)).toEqual([]);
    await t().request('PATCH', `/api/watchlists/${id}`, { as: analyst, body: { isActive: true } });
    const after = (await t().request('GET', `/api/screenings/${res.screening.id}`, { as: officer })).json();
    expect(after.hits.filter((h: { watchlistId: string }) => h.watchlistId === id).map((h: { sourceRef: string; foundBy: string }) => [h.sourceRef, h.foundBy])).toEqual([['T-002', 'rescreen']]);
    expect(after.state).toBe('hit_under_review');
  });

  it('reads of personal data are audited: the queue, a hit, a screening, the list of screenings', async () => {
    const officer = await t().as('accreditation');
    const queue = (await t().request('GET', '/api/vetting/queue?limit=1', { as: officer })).json();
    const hitId = queue.items[0].id;
    const hit = await t().request('GET', `/api/vetting/hits/${hitId}`, { as: officer });
    expect(hit.statusCode).toBe(200);
    expect(hit.json().person).not.toHaveProperty('passportNumber');
    await t().request('GET', `/api/screenings/${hit.json().screeningId}`, { as: officer });
    await t().request('GET', '/api/screenings?state=hit_under_review', { as: officer });
    const rows = await t().platform.db.select({ action: auditLog.action, subjectId: auditLog.subjectId, actor: auditLog.actorLabel }).from(auditLog);
    const mine = rows.filter((r) => r.actor === 'accreditation@demo.tansiq.org').map((r) => r.action);
    expect(mine).toEqual(expect.arrayContaining(['vetting.queue_read', 'vetting.hit_read', 'screening.read', 'screening.list']));
    expect(rows.some((r) => r.action === 'vetting.hit_read' && r.subjectId === hitId)).toBe(true);
  });

  it('the service for other capabilities: screenSubject and outcomeOf, with vetting:screen only', async () => {
    const vetting = createVettingModule(t().platform);
    const ctx = { actor: vettingCallerActor('workforce'), requestId: 'req-1' };
    const s = subject({ givenNames: 'Abderrahmane', familyName: 'Benkasfoura', dateOfBirth: '1979-04-12' });
    expect(await vetting.service.outcomeOf(ctx, s.subjectType, s.subjectId)).toEqual({ subjectType: s.subjectType, subjectId: s.subjectId, state: 'pending', decidedAt: null });
    const outcome = await vetting.service.screenSubject(ctx, s);
    expect(outcome).toMatchObject({ subjectType: s.subjectType, subjectId: s.subjectId, state: 'hit_under_review' });
    expect(outcome).not.toHaveProperty('hits');
    expect(await vetting.service.outcomeOf(ctx, s.subjectType, s.subjectId)).toEqual(outcome);
    const clean = await vetting.service.screenSubject(ctx, subject({ givenNames: 'Odalys', familyName: 'Fenwarre' }));
    expect(clean.state).toBe('cleared');
    await expect(vetting.service.screenSubject({ actor: systemActor('nobody'), requestId: null }, s)).rejects.toMatchObject({ code: 'access.denied' });
    await expect(vetting.service.outcomeOf({ actor: systemActor('nobody'), requestId: null }, 'application', 'x')).rejects.toMatchObject({ code: 'access.denied' });
    const rows = await t().platform.db.select({ action: auditLog.action, actor: auditLog.actorLabel, requestId: auditLog.requestId }).from(auditLog);
    expect(rows.some((r) => r.action === 'vetting.screen' && r.actor === 'workforce' && r.requestId === 'req-1')).toBe(true);
  });

  it('screens a batch in the background and shows its progress', async () => {
    const officer = await t().as('accreditation');
    const people = ['id,full_name,first_name,last_name,gender,date_of_birth,nationality', 'B-1,,Abderrahmane,Benkasfoura,male,1979-04-12,MA', 'B-2,Norbert Feldane,,,male,1990,FR', 'B-3,يوسف فكتيفاني,,,male,1985,'];
    for (let i = 4; i <= 60; i++) people.push(`B-${i},,Person${i},Ordinaryname${i},,,`);
    const res = await upload(t(), officer, '/api/screenings/batches?subjectType=batch_test&fileName=people.csv', people.join('\n'));
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({ total: 60, fileName: 'people.csv' });
    let batch = res.json();
    for (let i = 0; i < 300 && batch.status !== 'done' && batch.status !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      batch = (await t().request('GET', `/api/screenings/batches/${batch.id}`, { as: officer })).json();
    }
    expect(batch).toMatchObject({ status: 'done', done: 60, error: null });
    expect(batch.subjectsWithHits).toBeGreaterThanOrEqual(2);
    const list = (await t().request('GET', `/api/screenings?batchId=${batch.id}&limit=200`, { as: officer })).json();
    expect(list.items).toHaveLength(60);
    const b1 = list.items.find((i: { subjectId: string }) => i.subjectId === 'B-1');
    expect(b1).toMatchObject({ subjectType: 'batch_test', state: 'hit_under_review' });
    const b3 = list.items.find((i: { subjectId: string }) => i.subjectId === 'B-3');
    expect(b3.person.nameArabic).toBe('يوسف فكتيفاني');
    const bad = await upload(t(), officer, '/api/screenings/batches', 'id,colour\n1,blue');
    expect(bad.json().code).toBe('vetting.invalid_people_file');
  });

  it('a second accreditation officer can confirm what the first proposed', async () => {
    const { email } = await buildUser(t(), { organisation: 'SC', roles: [{ role: 'accreditation_officer', venueId: null }] });
    const second = await t().login(email, TEST_PASSWORD);
    const first = await t().as('accreditation');
    const s = subject({ givenNames: 'Yusuf', familyName: 'Fiktivani', dateOfBirth: '1985' });
    const hit = (await t().request('POST', '/api/screenings', { as: first, body: s })).json().screening.hits[0];
    await t().request('POST', `/api/vetting/hits/${hit.id}/decisions`, { as: first, body: { decision: 'confirmed_match', reason: 'alias and year of birth match' } });
    const res = await t().request('POST', `/api/vetting/hits/${hit.id}/decisions`, { as: second, body: { decision: 'confirmed_match', reason: 'agreed' } });
    expect(res.json()).toMatchObject({ status: 'confirmed', subjectState: 'refused' });
  });
});
