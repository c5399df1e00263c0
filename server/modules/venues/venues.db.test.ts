import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { describeEachDatabase } from '../../../test/db.ts';
import { venueId } from '../../../test/factories.ts';
import { systemClock } from '../../platform/clock.ts';
import { venues } from '../../platform/db/schema/index.ts';
import { seedQatar2022 } from '../../seed/seed.ts';

describeEachDatabase('venues and matches', (db) => {
  const t = useTestApp(db);

  it('lists the 8 Qatar 2022 stadiums with Arabic names, and city and metro texts in Arabic and French', async () => {
    const res = await t().request('GET', '/api/venues', { as: await t().as('officer') });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items).toHaveLength(8);
    expect(body.nextCursor).toBeNull();
    expect(body.items.find((v: { name: string }) => v.name === 'Lusail Stadium')).toMatchObject({ nameAr: 'ملعب لوسيل', capacity: 88966, city: 'Lusail' });
    expect(body.items.find((v: { name: string }) => v.name === 'Al Bayt Stadium').translations).toMatchObject({
      ar: { city: 'الخور', metroStation: 'لوسيل QNB', metroLine: 'الخط الأحمر', metroAccess: expect.stringContaining('لا مترو في الخور') },
      fr: { name: 'Stade Al Bayt', metroLine: 'Ligne rouge', metroAccess: expect.stringContaining('pas de métro à Al Khor') },
    });
    // Every stadium has its texts in both languages.
    for (const v of body.items) {
      expect(Object.keys(v.translations.ar).sort()).toEqual(['city', 'metroAccess', 'metroLine', 'metroStation']);
      expect(Object.keys(v.translations.fr).sort()).toEqual(['metroAccess', 'metroLine', 'name']);
    }
  });

  it('a database seeded before venue translations gets them on the next start, and kept ones stay', async () => {
    const db = t().platform.db;
    await db.update(venues).set({ translations: {} }).where(eq(venues.name, 'Lusail Stadium'));
    await db.update(venues).set({ translations: { ar: { city: 'مدينة لوسيل' } } }).where(eq(venues.name, 'Al Janoub Stadium'));
    await seedQatar2022(db, systemClock, { withDemoAccounts: false });
    const rows = await db.select({ name: venues.name, translations: venues.translations }).from(venues);
    expect(rows.find((r) => r.name === 'Lusail Stadium')?.translations.ar?.city).toBe('لوسيل');
    expect(rows.find((r) => r.name === 'Al Janoub Stadium')?.translations).toEqual({ ar: { city: 'مدينة لوسيل' } });
  });

  it('searches venues by name in either script and paginates', async () => {
    const as = await t().as('officer');
    expect((await t().request('GET', '/api/venues?q=janoub', { as })).json().items.map((v: { name: string }) => v.name)).toEqual(['Al Janoub Stadium']);
    expect((await t().request('GET', `/api/venues?q=${encodeURIComponent('البيت')}`, { as })).json().items).toHaveLength(1);
    const p1 = (await t().request('GET', '/api/venues?limit=5', { as })).json();
    const p2 = (await t().request('GET', `/api/venues?limit=5&cursor=${p1.nextCursor}`, { as })).json();
    expect(p1.items).toHaveLength(5);
    expect(p2.items).toHaveLength(3);
    expect(p2.nextCursor).toBeNull();
  });

  it('lists the 64 matches in kickoff order, attendance summing to 3,404,252', async () => {
    const as = await t().as('commander');
    const all: { attendance: number; kickoffAt: string }[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { attendance: number; kickoffAt: string }[]; nextCursor: string | null } = (await t().request('GET', `/api/matches?limit=20${cursor ? `&cursor=${cursor}` : ''}`, { as })).json();
      all.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(all).toHaveLength(64);
    expect(all.reduce((s, m) => s + m.attendance, 0)).toBe(3_404_252);
    expect(all.map((m) => m.kickoffAt)).toEqual([...all.map((m) => m.kickoffAt)].sort());
  });

  it('filters matches by venue and time window', async () => {
    const as = await t().as('commander');
    const lusail = await venueId(t(), 'Lusail Stadium');
    const atLusail = (await t().request('GET', `/api/matches?venueId=${lusail}&limit=50`, { as })).json().items;
    expect(atLusail).toHaveLength(10);
    const day = (await t().request('GET', '/api/matches?from=2022-12-18&to=2022-12-19', { as })).json().items;
    expect(day.map((m: { home: string; away: string }) => `${m.home}-${m.away}`)).toEqual(['Argentina-France']);
    const bad = await t().request('GET', '/api/matches?from=yesterday', { as });
    expect(bad.statusCode).toBe(400);
  });

  it("lets Al Bayt's venue manager edit Al Bayt and its matches", async () => {
    const as = await t().as('venue');
    const alBayt = await venueId(t(), 'Al Bayt Stadium');
    const v = await t().request('PATCH', `/api/venues/${alBayt}`, { as, body: { capacity: 68000 } });
    expect(v.json().capacity).toBe(68000);
    const [match] = (await t().request('GET', `/api/matches?venueId=${alBayt}&limit=1`, { as })).json().items;
    const m = await t().request('PATCH', `/api/matches/${match.id}`, { as, body: { riskCategory: 'high', expectedAttendance: 60000 } });
    expect(m.json()).toMatchObject({ riskCategory: 'high', expectedAttendance: 60000 });
    const trail = await t().request('GET', `/api/audit?subjectId=${match.id}`, { as: await t().as('auditor') });
    expect(trail.json().items[0].action).toBe('match.update');
  });

  it('answers 404 problem for an unknown venue and 400 for a malformed id', async () => {
    const as = await t().as('officer');
    const missing = await t().request('GET', '/api/venues/00000000-0000-4000-8000-000000000000', { as });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('resource.not_found');
    const bad = await t().request('GET', '/api/venues/not-an-id', { as });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('params.id');
  });
});
