import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { crowdRuns } from './crowd.schema.ts';
import { expect, it } from 'vitest';
import { auditLog, matches } from '../../platform/db/schema/index.ts';
import { useTestApp } from '../../../test/app.ts';
import { describeEachDatabase } from '../../../test/db.ts';
import { buildUser, venueId } from '../../../test/factories.ts';
import type { TestApp } from '../../../test/app.ts';

async function matchAt(t: TestApp, venue: string) {
  const [m] = await t.platform.db.select({ id: matches.id, expected: matches.expectedAttendance }).from(matches).where(eq(matches.venueId, await venueId(t, venue))).orderBy(matches.number).limit(1);
  return m!;
}

/** Polls a run until it is done or failed. */
async function waitForRun(t: TestApp, id: string) {
  for (let i = 0; i < 600; i++) {
    const res = await t.request('GET', `/api/crowd-runs/${id}`, { as: await t.as('commander') });
    const run = res.json();
    if (run.status === 'done' || run.status === 'failed') return run;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('run did not finish');
}

describeEachDatabase('crowd planner', (db) => {
  const t = useTestApp(db);

  it('seeds an approved plan per stadium, sized to its capacity and marked as assumptions', async () => {
    const lusail = await venueId(t(), 'Lusail Stadium');
    const list = await t().request('GET', `/api/venues/${lusail}/plans`, { as: await t().as('analyst') });
    expect(list.statusCode).toBe(200);
    const [v1] = list.json().items;
    expect(v1).toMatchObject({ version: 1, status: 'approved', frozen: true, seats: 88_966 });
    expect(v1.gates).toBeGreaterThanOrEqual(40);
    const full = await t().request('GET', `/api/venues/${lusail}/plans/1`, { as: await t().as('analyst') });
    expect(full.json().plan.assumptions.length).toBeGreaterThan(5);
    const cap = await t().request('GET', `/api/venues/${lusail}/plans/1/capacity`, { as: await t().as('analyst') });
    expect(cap.json().venue).toMatchObject({ final: 88_966, limitingFactor: 'holding' });
  });

  it('versions and two sign-offs in order, by different roles; a frozen version is never edited', async () => {
    const alBayt = await venueId(t(), 'Al Bayt Stadium');
    const venue = await t().as('venue');
    const commander = await t().as('commander');
    const plan = (await t().request('GET', `/api/venues/${alBayt}/plans/1`, { as: venue })).json().plan;
    // v1 is approved, so frozen: editing it is refused.
    const frozen = await t().request('PUT', `/api/venues/${alBayt}/plans/1`, { as: venue, body: { plan } });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().code).toBe('crowd_plan.frozen');
    // Changes make a new version.
    const created = await t().request('POST', `/api/venues/${alBayt}/plans`, { as: venue, body: { fromVersion: 1 } });
    expect(created.statusCode).toBe(201);
    const v = created.json().version as number;
    expect(created.json()).toMatchObject({ status: 'draft', basedOnVersion: 1, frozen: false });
    plan.gates[0].screening.lanes = 12;
    const edited = await t().request('PUT', `/api/venues/${alBayt}/plans/${v}`, { as: venue, body: { plan } });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().plan.gates[0].screening.lanes).toBe(12);
    // The commander cannot sign before the venue manager.
    const early = await t().request('POST', `/api/venues/${alBayt}/plans/${v}/sign-command`, { as: commander });
    expect(early.json().code).toBe('crowd_plan.sign_off_order');
    const signed = await t().request('POST', `/api/venues/${alBayt}/plans/${v}/sign-venue`, { as: venue });
    expect(signed.json()).toMatchObject({ status: 'venue_signed', frozen: true });
    expect((await t().request('PUT', `/api/venues/${alBayt}/plans/${v}`, { as: venue, body: { plan } })).json().code).toBe('crowd_plan.frozen');
    expect((await t().request('POST', `/api/venues/${alBayt}/plans/${v}/sign-venue`, { as: venue })).json().code).toBe('crowd_plan.sign_off_order');
    const approved = await t().request('POST', `/api/venues/${alBayt}/plans/${v}/sign-command`, { as: commander });
    expect(approved.json()).toMatchObject({ status: 'approved' });
    expect(approved.json().venueSignature.label).toBe('venue@demo.tansiq.org');
    expect(approved.json().commandSignature.label).toBe('commander@demo.tansiq.org');
    const audit = await t().platform.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.subjectId, created.json().id));
    expect(audit.map((a) => a.action).sort()).toEqual(['crowd_plan.new_version', 'crowd_plan.sign_command', 'crowd_plan.sign_venue', 'crowd_plan.update']);
  });

  it('refuses the commander sign-off by the person who signed for the venue', async () => {
    const lusail = await venueId(t(), 'Lusail Stadium');
    const both = await buildUser(t(), { organisation: 'MOI-SSOC', roles: [{ role: 'commander', venueId: null }, { role: 'venue_manager', venueId: lusail }] });
    const as = await t().login(both.email, 'correct horse battery staple');
    const v = (await t().request('POST', `/api/venues/${lusail}/plans`, { as, body: {} })).json().version;
    expect((await t().request('POST', `/api/venues/${lusail}/plans/${v}/sign-venue`, { as })).statusCode).toBe(200);
    const res = await t().request('POST', `/api/venues/${lusail}/plans/${v}/sign-command`, { as });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('crowd_plan.same_signer');
  });

  it('exports and imports a plan file (round trip); an invalid file names the field', async () => {
    const education = await venueId(t(), 'Education City Stadium');
    const commander = await t().as('commander');
    const exported = await t().request('GET', `/api/venues/${education}/plans/1/export`, { as: commander });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-disposition']).toContain('crowd-plan-v1.json');
    const file = exported.json();
    expect(file).toMatchObject({ format: 'tansiq.crowd-plan', formatVersion: 1, source: { version: 1, status: 'approved' } });
    const imported = await t().request('POST', `/api/venues/${education}/plans/import`, { as: commander, body: file });
    expect(imported.statusCode).toBe(201);
    expect(imported.json().status).toBe('draft');
    expect(imported.json().plan).toEqual(file.plan);
    const again = await t().request('GET', `/api/venues/${education}/plans/${imported.json().version}/export`, { as: commander });
    expect(again.json().plan).toEqual(file.plan);

    file.plan.gates[2].screening.lanes = 0;
    file.plan.sections[0].seats = 'many';
    const bad = await t().request('POST', `/api/venues/${education}/plans/import`, { as: commander, body: file });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('crowd_plan.invalid');
    const paths = bad.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toContain('plan.gates[2].screening.lanes');
    expect(paths).toContain('plan.sections[0].seats');
  });

  it('runs a match simulation in a worker, stores it with its inputs, and reproduces it bit for bit', async () => {
    const commander = await t().as('commander');
    const match = await matchAt(t(), 'Khalifa International Stadium');
    const res = await t().request('POST', `/api/matches/${match.id}/crowd-runs`, { as: commander, body: { seed: 42 } });
    expect(res.statusCode).toBe(202);
    expect(['queued', 'running']).toContain(res.json().status);
    expect(res.json().inputs).toMatchObject({ attendance: match.expected, seed: 42, planVersion: 1, arrivals: { kind: 'profile', name: 'late-surge' } });
    expect(res.json().inputs.engineVersion).toMatch(/^crowd-engine@/);
    const run = await waitForRun(t(), res.json().id);
    expect(run.status).toBe('done');
    expect(run.progress).toBe(1);
    expect(run.result.simulation.ingress.admitted).toBe(match.expected);
    expect(run.result.simulation.egress.routes.length).toBe(16);
    expect(run.result.capacity.venue.final).toBe(45_857);
    expect(run.headline.p95WaitMinutes).toBe(run.result.simulation.ingress.p95WaitMinutes);

    const again = await t().request('POST', `/api/crowd-runs/${run.id}/reproduce`, { as: commander });
    expect(again.statusCode).toBe(202);
    const rerun = await waitForRun(t(), again.json().id);
    expect(rerun.reproducedFrom).toBe(run.id);
    expect(rerun.resultHash).toBe(run.resultHash);
    expect(rerun.result).toEqual(run.result);

    const list = await t().request('GET', `/api/matches/${match.id}/crowd-runs`, { as: await t().as('auditor') });
    expect(list.json().items.map((r: { id: string }) => r.id)).toEqual([rerun.id, run.id]);
    const khalifa = await venueId(t(), 'Khalifa International Stadium');
    const venueRuns = await t().request('GET', `/api/venues/${khalifa}/crowd-runs?limit=1`, { as: await t().as('analyst') });
    expect(venueRuns.json().items.map((r: { id: string }) => r.id)).toEqual([rerun.id]);

    // What-if: fewer lanes at every gate, compared with the first run.
    const whatIf = await t().request('POST', `/api/matches/${match.id}/crowd-runs`, { as: commander, body: { seed: 42, options: { lanesPerGate: 2 } } });
    const w = await waitForRun(t(), whatIf.json().id);
    const cmp = await t().request('GET', `/api/crowd-runs/compare?a=${run.id}&b=${w.id}`, { as: commander });
    expect(cmp.statusCode).toBe(200);
    expect(cmp.json().inputChanges).toContainEqual({ path: 'options.lanesPerGate', a: null, b: 2 });
    const p95 = cmp.json().figures.find((f: { key: string }) => f.key === 'p95WaitMinutes');
    expect(p95.b).toBeGreaterThan(p95.a);
  });

  it('recommends lanes per gate per 15-minute slot and the stewards needed', async () => {
    const match = await matchAt(t(), 'Stadium 974');
    const res = await t().request('POST', `/api/matches/${match.id}/crowd-runs`, { as: await t().as('commander'), body: { kind: 'recommendation', seed: 3 } });
    const run = await waitForRun(t(), res.json().id);
    expect(run.status).toBe('done');
    const rec = run.result.recommendation;
    expect(rec.slotMinutes).toBe(15);
    expect(rec.targetP95WaitMinutes).toBe(15);
    expect(rec.gates.length).toBe(24);
    expect(rec.mobileStewards).toBe(Math.ceil(match.expected! / 250));
    expect(rec.peakStewards).toBeGreaterThan(rec.mobileStewards);
  });

  it("keeps a venue manager to their venue's plans and matches", async () => {
    const venue = await t().as('venue');
    const lusailMatch = await matchAt(t(), 'Lusail Stadium');
    const lusail = await venueId(t(), 'Lusail Stadium');
    expect((await t().request('POST', `/api/matches/${lusailMatch.id}/crowd-runs`, { as: venue, body: {} })).statusCode).toBe(403);
    expect((await t().request('POST', `/api/venues/${lusail}/plans/1/sign-venue`, { as: venue })).statusCode).toBe(403);
    // Reading is operation-wide.
    expect((await t().request('GET', `/api/venues/${lusail}/plans/1`, { as: venue })).statusCode).toBe(200);
    const alBaytMatch = await matchAt(t(), 'Al Bayt Stadium');
    const own = await t().request('POST', `/api/matches/${alBaytMatch.id}/crowd-runs`, { as: venue, body: { attendance: 20_000 } });
    expect(own.statusCode).toBe(202);
    expect((await waitForRun(t(), own.json().id)).status).toBe('done');
  });

  it('shows a run lost with its process (still running long after it started) as failed', async () => {
    const alBaytMatch = await matchAt(t(), 'Al Bayt Stadium');
    const started = await t().request('POST', `/api/matches/${alBaytMatch.id}/crowd-runs`, { as: await t().as('commander'), body: { attendance: 1000 } });
    const done = await waitForRun(t(), started.json().id);
    const [row] = await t().platform.db.select().from(crowdRuns).where(eq(crowdRuns.id, done.id));
    const lost = { ...row!, id: randomUUID(), status: 'running', result: null, resultHash: null, finishedAt: null, createdAt: new Date(Date.now() - 20 * 60_000) };
    await t().platform.db.insert(crowdRuns).values(lost);
    const res = await t().request('GET', `/api/crowd-runs/${lost.id}`, { as: await t().as('commander') });
    expect(res.json()).toMatchObject({ status: 'failed', error: expect.stringContaining('interrupted') });
  });
});
