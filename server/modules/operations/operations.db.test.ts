import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { describeEachDatabase } from '../../../test/db.ts';
import { buildApiToken, buildUser, TEST_PASSWORD, venueId } from '../../../test/factories.ts';
import { openSse, type SseStream } from '../../../test/sse.ts';
import { rowsOf } from '../../platform/db/statements.ts';
import { photoWithMetadata } from '../../../test/photos.ts';
import { stripImageMetadata } from '../../platform/images.ts';
import { validateCap } from './cap-validator.test-support.ts';
import { alertBody, buildIncident, dispatch, newKey, reportBody } from './operations.test-support.ts';

const PNG = photoWithMetadata('image/png');

describeEachDatabase('live operations', (db) => {
  const t = useTestApp(db);
  let base = '';
  const streams: SseStream[] = [];
  beforeAll(async () => {
    base = await t().app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => {
    for (const s of streams) s.close();
  });
  const stream = async (role: Parameters<ReturnType<typeof t>['as']>[0], headers: Record<string, string> = {}) => {
    const s = openSse(`${base}/api/events/stream`, { cookie: (await t().as(role)).cookie, ...headers });
    streams.push(s);
    await s.ready;
    return s;
  };

  it('files a report once per Idempotency-Key, even when retried concurrently', async () => {
    const as = await t().as('officer');
    const key = newKey();
    const body = await reportBody(t(), { category: 'crowd_density', severity: 'critical', gateId: 'Gate 12' });
    const first = await t().request('POST', '/api/incidents', { as, body, headers: { 'idempotency-key': key } });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ status: 'reported', category: 'crowd_density', gateId: 'Gate 12', restricted: false, venueName: 'Al Bayt Stadium' });
    const again = await t().request('POST', '/api/incidents', { as, body, headers: { 'idempotency-key': key } });
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(first.json().id);
    const other = await t().request('POST', '/api/incidents', { as, body: { ...body, severity: 'low' }, headers: { 'idempotency-key': key } });
    expect(other.statusCode).toBe(409);
    expect(other.json().code).toBe('incident.idempotency_conflict');
    const missing = await t().request('POST', '/api/incidents', { as, body });
    expect(missing.json().code).toBe('incident.idempotency_key_required');

    const concurrentKey = newKey();
    const burst = await Promise.all(Array.from({ length: 8 }, () => t().request('POST', '/api/incidents', { as, body, headers: { 'idempotency-key': concurrentKey } })));
    expect(burst.map((r) => r.statusCode)).toEqual(Array(8).fill(201));
    expect(new Set(burst.map((r) => r.json().id)).size).toBe(1);
    const rows = await t().platform.db.execute(sql`select count(*)::int as n from incidents where idempotency_key = ${concurrentKey}`);
    expect((rows as unknown as { rows: { n: number }[] }).rows?.[0]?.n ?? (rows as unknown as { n: number }[])[0]?.n).toBe(1);
    // One report, however often it was sent: one timeline entry, one audit entry, one event.
    const id = burst[0]!.json().id;
    const records = rowsOf<{ timeline: number; audit: number; events: number }>(
      await t().platform.db.execute(sql`select (select count(*)::int from incident_timeline where incident_id = ${id}) as timeline,
        (select count(*)::int from audit_log where subject_id = ${id} and action = 'incident.report') as audit,
        (select count(*)::int from event_outbox where type = 'incident.created' and payload->'incident'->>'id' = ${id}) as events`),
    );
    expect(records).toEqual([{ timeline: 1, audit: 1, events: 1 }]);
  });

  it('keeps restricted incidents from officers, partners and venue managers in lists, search, export, reads and the stream', async () => {
    const officerStream = await stream('officer');
    const analystStream = await stream('analyst');
    const marker = `marker-${newKey()}`;
    const threat = await buildIncident(t(), { category: 'terrorist_threat', severity: 'critical', description: `Threat call ${marker}` });
    const marked = await buildIncident(t(), { category: 'suspicious_object', description: `Bag ${marker}`, restricted: true });
    const ordinary = await buildIncident(t(), { category: 'medical', description: `Fainting ${marker}` });
    expect(threat.restricted).toBe(true);
    expect(marked.restricted).toBe(true);
    const hidden = [threat.id, marked.id];

    await analystStream.waitFor((e) => e.event === 'incident.created' && e.data.includes(threat.id));
    const created = await officerStream.waitFor((e) => e.event === 'incident.created' && e.data.includes(ordinary.id));
    // The number is drawn by the statement that stores the report; the event carries the same one.
    expect(JSON.parse(created.data).data.incident.number).toBe(ordinary.number);
    expect(ordinary.number).toBeGreaterThan(0);
    // The restricted events were published before the ordinary one, so the officer would have got them by now.
    expect(officerStream.events.some((e) => hidden.some((id) => e.data.includes(id)))).toBe(false);

    for (const role of ['officer', 'venue', 'partner'] as const) {
      const as = await t().as(role);
      const list = (await t().request('GET', '/api/incidents?limit=200', { as })).json().items.map((i: { id: string }) => i.id);
      expect(list.filter((id: string) => hidden.includes(id)), role).toEqual([]);
      const search = (await t().request('GET', `/api/incidents?q=${marker}`, { as })).json().items.map((i: { id: string }) => i.id);
      expect(search, role).toEqual(role === 'partner' ? [] : [ordinary.id]);
      const csv = (await t().request('GET', `/api/incidents/export.csv?q=${marker}`, { as })).body;
      expect(csv.includes('Threat call') || csv.includes('Bag '), role).toBe(false);
      for (const id of hidden) expect((await t().request('GET', `/api/incidents/${id}`, { as })).statusCode, role).toBe(404);
      expect((await t().request('GET', `/api/incidents/${threat.id}/timeline`, { as })).statusCode).toBe(404);
      expect((await t().request('POST', `/api/incidents/${threat.id}/notes`, { as, body: { text: 'x' } })).statusCode).toBe(404);
    }
    for (const role of ['commander', 'analyst'] as const) {
      const found = (await t().request('GET', `/api/incidents?q=${marker}`, { as: await t().as(role) })).json().items.map((i: { id: string }) => i.id);
      expect(found.sort()).toEqual([...hidden, ordinary.id].sort());
      expect((await t().request('GET', `/api/incidents/export.csv?q=${marker}`, { as: await t().as(role) })).body).toContain('Threat call');
    }
  });

  it('lets command restrict an incident after it was reported, and lift it; a terrorist threat stays restricted', async () => {
    const commander = await t().as('commander');
    const officer = await t().as('officer');
    const bag = await buildIncident(t(), { category: 'suspicious_object', description: 'Unattended bag near gate 3' });
    const seen = async () => (await t().request('GET', `/api/incidents/${bag.id}`, { as: officer })).statusCode;
    expect(await seen()).toBe(200);
    expect((await t().request('GET', `/api/incidents/${bag.id}`, { as: officer })).json().canRestrict).toBe(false);
    expect((await t().request('POST', `/api/incidents/${bag.id}/restriction`, { as: await t().as('venue'), body: { restricted: true } })).statusCode).toBe(403);

    const restricted = await t().request('POST', `/api/incidents/${bag.id}/restriction`, { as: commander, body: { restricted: true, note: 'Part of an investigation' } });
    expect(restricted.statusCode).toBe(200);
    expect(restricted.json()).toMatchObject({ restricted: true, canRestrict: true });
    expect(await seen()).toBe(404);
    const listed = (await t().request('GET', '/api/incidents?limit=200', { as: officer })).json().items.map((i: { id: string }) => i.id);
    expect(listed).not.toContain(bag.id);
    // Its later changes do not reach the officer's stream either.
    const officerStream = await stream('officer');
    const analystStream = await stream('analyst');
    await t().request('POST', `/api/incidents/${bag.id}/notes`, { as: commander, body: { text: 'Police on the way' } });
    await analystStream.waitFor((e) => e.event === 'incident.updated' && e.data.includes(bag.id) && e.data.includes('"change":"note"'));
    const ordinary = await buildIncident(t(), { category: 'medical', description: 'After the restricted note' });
    await officerStream.waitFor((e) => e.data.includes(ordinary.id));
    expect(officerStream.events.some((e) => e.data.includes(bag.id))).toBe(false);

    const lifted = await t().request('POST', `/api/incidents/${bag.id}/restriction`, { as: commander, body: { restricted: false } });
    expect(lifted.json().restricted).toBe(false);
    expect(await seen()).toBe(200);
    const timeline = (await t().request('GET', `/api/incidents/${bag.id}/timeline`, { as: commander })).json().items;
    expect(timeline.filter((e: { kind: string }) => e.kind === 'restriction').map((e: { data: unknown }) => e.data)).toEqual([{ restricted: true, note: 'Part of an investigation' }, { restricted: false }]);

    const threat = await buildIncident(t(), { category: 'terrorist_threat', description: 'Threat call' });
    const refused = await t().request('POST', `/api/incidents/${threat.id}/restriction`, { as: commander, body: { restricted: false } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe('incident.invalid_restriction');
  });

  it('scopes ordinary incidents to the venues one works at', async () => {
    const lusail = await buildIncident(t(), { venue: 'Lusail Stadium', description: 'Lusail only' });
    for (const role of ['officer', 'venue'] as const) {
      const as = await t().as(role);
      expect((await t().request('GET', `/api/incidents/${lusail.id}`, { as })).statusCode).toBe(404);
      const venues = new Set((await t().request('GET', '/api/incidents?limit=200', { as })).json().items.map((i: { venueId: string }) => i.venueId));
      expect([...venues]).toEqual([await venueId(t(), 'Al Bayt Stadium')]);
    }
    // A partner commander sees what their own organisation reported, wherever it was.
    const byOfficer = await buildIncident(t(), { as: 'officer' });
    expect((await t().request('GET', `/api/incidents/${byOfficer.id}`, { as: await t().as('partner') })).statusCode).toBe(200);
    expect((await t().request('POST', `/api/incidents/${lusail.id}/transitions`, { as: await t().as('venue'), body: { to: 'acknowledged' } })).statusCode).toBe(404);
  });

  it('moves through the lifecycle with an append-only timeline; the assignee acknowledges and reports on scene', async () => {
    const commander = await t().as('commander');
    const officer = await t().as('officer');
    const inc = await buildIncident(t(), { as: 'officer', category: 'disorder' });
    const move = (to: string, as = commander) => t().request('POST', `/api/incidents/${inc.id}/transitions`, { as, body: { to } });
    expect((await move('closed')).json().code).toBe('incident.invalid_transition');
    expect((await move('acknowledged')).json()).toMatchObject({ status: 'acknowledged', canTriage: true });
    expect((await move('dispatched')).json().code).toBe('incident.invalid_transition');

    const assignmentId = await dispatch(t(), inc.id, 'Field Officer (demo)');
    const mine = (await t().request('GET', '/api/assignments/mine', { as: officer })).json().items;
    expect(mine.find((a: { id: string }) => a.id === assignmentId)).toMatchObject({ acknowledgedAt: null, incident: { id: inc.id, status: 'dispatched' } });
    const ack = await t().request('POST', `/api/incidents/${inc.id}/assignments/${assignmentId}/acknowledge`, { as: officer });
    expect(ack.statusCode).toBe(200);
    expect(ack.json().assignments[0].acknowledgedAt).not.toBeNull();
    expect(ack.json().allowedMoves).toEqual(['on_scene']);
    expect((await move('on_scene', officer)).json().status).toBe('on_scene');
    expect((await move('resolved', officer)).json().status).toBe('resolved');
    expect((await move('closed', officer)).statusCode).toBe(403);
    expect((await move('closed')).json().status).toBe('closed');
    expect((await move('acknowledged')).json().status).toBe('acknowledged');
    await t().request('POST', `/api/incidents/${inc.id}/notes`, { as: officer, body: { text: 'Crowd calm again' } });

    const timeline = (await t().request('GET', `/api/incidents/${inc.id}/timeline`, { as: commander })).json().items;
    expect(timeline.map((e: { kind: string }) => e.kind)).toEqual(['report', 'status', 'status', 'assignment', 'assignment_ack', 'status', 'status', 'status', 'status', 'note']);
    expect(timeline.at(-2).data).toMatchObject({ from: 'closed', to: 'acknowledged', reopen: true });
    await expect(t().platform.db.execute(sql`update incident_timeline set kind = 'note' where incident_id = ${inc.id}`)).rejects.toThrow();
    await expect(t().platform.db.execute(sql`delete from incident_timeline where incident_id = ${inc.id}`)).rejects.toThrow();
  });

  it('links incidents, attaches photos checked on their bytes, and streams updates with catch-up by Last-Event-ID', async () => {
    const commander = await t().as('commander');
    const a = await buildIncident(t());
    const b = await buildIncident(t());
    const live = await stream('venue');
    const linked = await t().request('POST', `/api/incidents/${a.id}/links`, { as: commander, body: { incidentId: b.id } });
    expect(linked.json().linkedIncidentIds).toEqual([b.id]);
    expect((await t().request('POST', `/api/incidents/${a.id}/links`, { as: commander, body: { incidentId: b.id } })).json().code).toBe('incident.invalid_link');
    const update = await live.waitFor((e) => e.event === 'incident.updated' && e.data.includes(a.id));

    const photo = await t().app.inject({ method: 'POST', url: `/api/incidents/${a.id}/attachments`, headers: { cookie: commander.cookie, 'x-csrf-token': commander.csrfToken, 'content-type': 'image/png' }, payload: PNG });
    expect(photo.statusCode).toBe(200);
    const attachmentId = photo.json().attachmentIds[0];
    const fetched = await t().request('GET', `/api/incidents/${a.id}/attachments/${attachmentId}`, { as: await t().as('officer') });
    expect(fetched.headers['content-type']).toBe('image/png');
    // Stored without the metadata any client may have left in it (who took it, where).
    expect(fetched.rawPayload.equals(stripImageMetadata(PNG)!)).toBe(true);
    expect(fetched.rawPayload.toString('latin1')).not.toContain('Jane Roe');
    const truncated = await t().app.inject({ method: 'POST', url: `/api/incidents/${a.id}/attachments`, headers: { cookie: commander.cookie, 'x-csrf-token': commander.csrfToken, 'content-type': 'image/png' }, payload: PNG.subarray(0, 60) });
    expect(truncated.statusCode).toBe(400);
    expect(truncated.json().code).toBe('incident.invalid_attachment');
    const fake = await t().app.inject({ method: 'POST', url: `/api/incidents/${a.id}/attachments`, headers: { cookie: commander.cookie, 'x-csrf-token': commander.csrfToken, 'content-type': 'image/jpeg' }, payload: Buffer.from('<html>not a photo</html>') });
    expect(fake.json().code).toBe('incident.invalid_attachment');

    // A browser that lost its connection after `update` gets what it missed, in order, on reconnecting.
    const resumed = await stream('venue', { 'last-event-id': update.id! });
    const missed = await resumed.waitFor((e) => e.event === 'incident.updated' && e.data.includes(attachmentId));
    expect(Number(missed.id)).toBeGreaterThan(Number(update.id));
    expect(resumed.events.every((e) => Number(e.id) > Number(update.id))).toBe(true);
  });

  it('takes gate counts from an API token and a CSV, and raises a queue alert', async () => {
    const token = await buildApiToken(t(), { organisation: 'SC', permissions: ['telemetry:write'] });
    const alBayt = await venueId(t(), 'Al Bayt Stadium');
    const board = await stream('venue');
    const push = await t().request('POST', '/api/telemetry/gates', {
      as: { bearer: token.secret },
      body: { venueId: alBayt, counts: [{ gateId: 'N1', at: '2022-11-20T16:00:00+03:00', admitted: 1200, queueEstimate: 300 }, { gateId: 'N1', at: '2022-11-20T16:05:00+03:00', admitted: 1900, queueEstimate: 1500 }, { gateId: 'S2', at: '2022-11-20T16:05:00+03:00', admitted: 800 }] },
    });
    expect(push.statusCode).toBe(202);
    expect(push.json()).toEqual({ accepted: 3, alerts: 1 });
    const alert = await board.waitFor((e) => e.event === 'gate.alert');
    expect(JSON.parse(alert.data).data).toMatchObject({ gateId: 'N1', state: 'queue', queueEstimate: 1500, expected: null });
    const csv = 'gateId,at,admitted,queueEstimate\nS2,2022-11-20T16:10:00+03:00,1100,\n';
    expect((await t().request('POST', '/api/telemetry/gates/csv', { as: await t().as('venue'), body: { venueId: alBayt, csv } })).statusCode).toBe(202);
    const bad = await t().request('POST', '/api/telemetry/gates/csv', { as: await t().as('venue'), body: { venueId: alBayt, csv: 'gateId,at,admitted\nS2,yesterday,-1\n' } });
    expect(bad.json().code).toBe('telemetry.invalid_batch');
    const gates = (await t().request('GET', `/api/telemetry/gates?venueId=${alBayt}`, { as: await t().as('venue') })).json().items;
    expect(gates.map((g: { gateId: string; admitted: number; state: string }) => [g.gateId, g.admitted, g.state])).toEqual([['N1', 1900, 'queue'], ['S2', 1100, 'ok']]);
    const series = (await t().request('GET', `/api/telemetry/gates/series?venueId=${alBayt}&gateId=N1`, { as: await t().as('commander') })).json();
    expect(series.points.map((p: { admitted: number }) => p.admitted)).toEqual([1200, 1900]);
    expect(series.expected).toBeNull();
  });

  it('publishes an alert only after a second person approves it, as valid CAP 1.2 in the Atom feed; updates reference it', async () => {
    const drafter = await t().as('commander');
    const second = await buildUser(t(), { organisation: 'MOI-SSOC', roles: [{ role: 'commander', venueId: null }] });
    const approver = await t().login(second.email, TEST_PASSWORD);
    const alBayt = await venueId(t(), 'Al Bayt Stadium');
    const draft = await t().request('POST', '/api/alerts', { as: drafter, body: alertBody({ venueIds: [alBayt] }) });
    expect(draft.statusCode).toBe(201);
    const id = draft.json().id;
    expect((await t().request('GET', `/cap/alerts/${id}`)).statusCode).toBe(404);
    const self = await t().request('POST', `/api/alerts/${id}/approve`, { as: drafter });
    expect(self.json().code).toBe('alert.same_person');
    const published = await t().request('POST', `/api/alerts/${id}/approve`, { as: approver });
    expect(published.json()).toMatchObject({ state: 'published', capUrl: `/cap/alerts/${id}` });
    expect((await t().request('POST', `/api/alerts/${id}/approve`, { as: approver })).json().code).toBe('alert.invalid_state');

    const cap = await t().request('GET', `/cap/alerts/${id}`);
    expect(cap.headers['content-type']).toContain('application/cap+xml');
    expect(validateCap(cap.body)).toEqual([]);
    expect(cap.body).toContain('<circle>');

    const update = await t().request('POST', '/api/alerts', { as: approver, body: alertBody({ msgType: 'Cancel', referencesAlertId: id }) });
    const cancelled = await t().request('POST', `/api/alerts/${update.json().id}/approve`, { as: drafter });
    const cancelCap = (await t().request('GET', cancelled.json().capUrl)).body;
    expect(validateCap(cancelCap)).toEqual([]);
    expect(cancelCap).toContain(`<references>${published.json().identifier.length ? '' : ''}`);
    expect(cancelCap).toMatch(new RegExp(`<references>[^,]+,${published.json().identifier},[^<]+</references>`));
    expect((await t().request('POST', '/api/alerts', { as: drafter, body: alertBody({ msgType: 'Update' }) })).json().code).toBe('alert.invalid_reference');

    const atom = await t().request('GET', '/cap/alerts.atom');
    expect(atom.headers['content-type']).toContain('application/atom+xml');
    expect(atom.body).toContain(`/cap/alerts/${id}`);
    expect(atom.body).toContain('[Cancel] Congestion at the north gates');
  });
});
