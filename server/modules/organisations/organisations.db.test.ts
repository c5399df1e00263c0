import { expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { describeEachDatabase } from '../../../test/db.ts';

describeEachDatabase('organisations', (db) => {
  const t = useTestApp(db);

  it('lists the host, the partners, the organiser and two employers', async () => {
    const res = await t().request('GET', '/api/organisations?limit=100', { as: await t().as('officer') });
    const items = res.json().items as { shortName: string; kind: string; country: string }[];
    expect(items.map((o) => o.shortName).sort()).toEqual(['Al Waha', 'CNP', 'Corniche', 'DGSN', 'DGST', 'GR', 'MOI-SSOC', 'PN', 'POLFED', 'SC']);
    expect(items.filter((o) => o.kind === 'partner_agency' && o.country === 'MA')).toHaveLength(3);
    expect(items.filter((o) => o.kind === 'employer')).toHaveLength(2);
  });

  it('filters by kind and country and searches the names in three languages', async () => {
    const as = await t().as('officer');
    expect((await t().request('GET', '/api/organisations?kind=partner_agency&country=MA', { as })).json().items).toHaveLength(3);
    expect((await t().request('GET', `/api/organisations?q=${encodeURIComponent('الدرك')}`, { as })).json().items[0].shortName).toBe('GR');
    expect((await t().request('GET', '/api/organisations?q=sûreté', { as })).json().items[0].shortName).toBe('DGSN');
    expect((await t().request('GET', '/api/organisations?country=qatar', { as })).statusCode).toBe(400);
  });

  it('an admin creates and edits an organisation; names are unique', async () => {
    const as = await t().as('admin');
    const created = await t().request('POST', '/api/organisations', { as, body: { name: 'Italian State Police', shortName: 'PS', kind: 'partner_agency', country: 'IT' } });
    expect(created.statusCode).toBe(201);
    const again = await t().request('POST', '/api/organisations', { as, body: { name: 'Italian State Police', shortName: 'PS2', kind: 'partner_agency', country: 'IT' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('organisation.name_taken');
    const edited = await t().request('PATCH', `/api/organisations/${created.json().id}`, { as, body: { nameFr: "Police d'État italienne" } });
    expect(edited.json().nameFr).toBe("Police d'État italienne");
    const unknownField = await t().request('PATCH', `/api/organisations/${created.json().id}`, { as, body: { colour: 'blue' } });
    expect(unknownField.statusCode).toBe(400);
  });
});
