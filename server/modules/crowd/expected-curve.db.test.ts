import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { type TestApp, useTestApp } from '../../../test/app.ts';
import { describeEachDatabase } from '../../../test/db.ts';
import { buildApiToken, venueId } from '../../../test/factories.ts';
import { matches } from '../../platform/db/schema/index.ts';

async function waitForRun(t: TestApp, id: string) {
  for (let i = 0; i < 600; i++) {
    const run = (await t.request('GET', `/api/crowd-runs/${id}`, { as: await t.as('commander') })).json();
    if (run.status === 'done' || run.status === 'failed') return run;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('run did not finish');
}

describeEachDatabase("live gate counts against the crowd plan's expected curve", (db) => {
  const t = useTestApp(db);

  it('has no expectation without a simulation, then compares counts with the latest simulation of the match', async () => {
    const alBayt = await venueId(t(), 'Al Bayt Stadium');
    const [opening] = await t().platform.db.select().from(matches).where(eq(matches.number, 1));
    const gate = (await t().request('GET', `/api/venues/${alBayt}/plans/1`, { as: await t().as('commander') })).json().plan.gates[0].id as string;
    const token = await buildApiToken(t(), { permissions: ['telemetry:write'] });
    const at = new Date(opening!.kickoffAt.getTime() - 20 * 60_000).toISOString();
    const push = (admitted: number) => t().request('POST', '/api/telemetry/gates', { as: { bearer: token.secret }, body: { venueId: alBayt, counts: [{ gateId: gate, at, admitted }] } });
    const status = async () => ((await t().request('GET', `/api/telemetry/gates?venueId=${alBayt}`, { as: await t().as('commander') })).json().items as { gateId: string; expected: number | null; state: string }[]).find((g) => g.gateId === gate)!;

    expect((await push(10)).statusCode).toBe(202);
    expect((await status()).expected).toBeNull();

    const started = await t().request('POST', `/api/matches/${opening!.id}/crowd-runs`, { as: await t().as('commander'), body: {} });
    expect((await waitForRun(t(), started.json().id)).status).toBe('done');
    // Another clock hour than the first count: the provider caches "no plan" per venue and hour for 30 s.
    const later = new Date(opening!.kickoffAt.getTime() + 5 * 60_000).toISOString();
    await t().request('POST', '/api/telemetry/gates', { as: { bearer: token.secret }, body: { venueId: alBayt, counts: [{ gateId: gate, at: later, admitted: 10 }] } });
    const s = await status();
    expect(s.expected).toBeGreaterThan(100);
    expect(s.state).toBe('behind_plan');
  });
});
