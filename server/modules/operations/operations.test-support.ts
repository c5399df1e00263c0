/** Test helpers of live operations: incidents, personnel and alerts built through the API. */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Credentials, DemoRole, TestApp } from '../../../test/app.ts';
import { venueId } from '../../../test/factories.ts';
import { personnel } from './operations.schema.ts';

export const newKey = () => `k-${randomUUID()}`;

export const reportBody = async (t: TestApp, o: { venue?: string; category?: string; severity?: string; description?: string; restricted?: boolean; zoneId?: string; gateId?: string } = {}) => ({
  venueId: await venueId(t, o.venue ?? 'Al Bayt Stadium'),
  category: o.category ?? 'medical',
  severity: o.severity ?? 'high',
  description: o.description ?? 'Fan collapsed near the north stand',
  ...(o.zoneId ? { zoneId: o.zoneId } : {}),
  ...(o.gateId ? { gateId: o.gateId } : {}),
  ...(o.restricted !== undefined ? { restricted: o.restricted } : {}),
});

/** Reports an incident through the API (as command unless told) and returns it. */
export async function buildIncident(t: TestApp, o: Parameters<typeof reportBody>[1] & { as?: DemoRole | Credentials } = {}) {
  const as = typeof o.as === 'string' || o.as === undefined ? await t.as((o.as as DemoRole | undefined) ?? 'commander') : o.as;
  const res = await t.request('POST', '/api/incidents', { as, body: await reportBody(t, o), headers: { 'idempotency-key': newKey() } });
  if (res.statusCode !== 201) throw new Error(`buildIncident: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; number: number; status: string; venueId: string; restricted: boolean };
}

export async function personnelId(t: TestApp, name: string): Promise<string> {
  const [p] = await t.platform.db.select({ id: personnel.id }).from(personnel).where(eq(personnel.name, name));
  if (!p) throw new Error(`no personnel ${name}`);
  return p.id;
}

/** Dispatches a person to an incident as command; returns the assignment id. */
export async function dispatch(t: TestApp, incidentId: string, name: string): Promise<string> {
  const pid = await personnelId(t, name);
  const res = await t.request('POST', `/api/incidents/${incidentId}/assignments`, { as: await t.as('commander'), body: { personnelId: pid } });
  if (res.statusCode !== 200) throw new Error(`dispatch: ${res.statusCode} ${res.body}`);
  return (res.json().assignments as { id: string; personnelId: string }[]).find((a) => a.personnelId === pid)!.id;
}

export const alertBody = (o: { msgType?: string; referencesAlertId?: string; venueIds?: string[] } = {}) => ({
  msgType: o.msgType ?? 'Alert',
  ...(o.referencesAlertId ? { referencesAlertId: o.referencesAlertId } : {}),
  category: 'Safety',
  event: 'Crowd congestion',
  urgency: 'Immediate',
  severity: 'Moderate',
  certainty: 'Observed',
  venueIds: o.venueIds ?? [],
  areaDesc: 'Al Bayt Stadium, north gates',
  text: {
    ar: { headline: 'ازدحام عند البوابات الشمالية', description: 'يرجى استخدام البوابات الجنوبية.', instruction: 'اتبعوا تعليمات المنظمين.' },
    fr: { headline: 'Affluence aux portes nord', description: 'Merci d’utiliser les portes sud.', instruction: 'Suivez les consignes des stewards.' },
    en: { headline: 'Congestion at the north gates', description: 'Please use the south gates.', instruction: 'Follow the stewards’ instructions.' },
  },
});
