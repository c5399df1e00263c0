import type { AccessCase } from '../../../test/access-cases.ts';
import type { TestApp } from '../../../test/app.ts';
import { buildApiToken, organisationId, venueId } from '../../../test/factories.ts';
import { buildIncident, dispatch, personnelId, reportBody } from './operations.test-support.ts';

const NOT_OPERATIONAL = ['accreditation', 'visa', 'employer', 'auditor', 'admin'] as const;
const alBaytIncident = async (t: TestApp) => (await buildIncident(t)).id;
const lusail = (t: TestApp) => venueId(t, 'Lusail Stadium');
const counts = async (t: TestApp, venue: string) => ({ venueId: await venueId(t, venue), counts: [{ gateId: 'G1', at: '2022-12-18T15:00:00+03:00', admitted: 10 }] });

export const accessCases: AccessCase[] = [
  { method: 'GET', route: '/api/events/stream', url: () => '/api/events/stream', forbiddenFor: [] },
  {
    method: 'POST',
    route: '/api/incidents',
    url: () => '/api/incidents',
    body: (t) => reportBody(t),
    forbiddenFor: ['analyst', ...NOT_OPERATIONAL],
    wrongScope: [
      { why: "Al Bayt's officer reports at Lusail", as: (t) => t.as('officer'), body: (t) => reportBody(t, { venue: 'Lusail Stadium' }) },
      { why: "Al Bayt's venue manager reports at Lusail", as: (t) => t.as('venue'), body: (t) => reportBody(t, { venue: 'Lusail Stadium' }) },
    ],
  },
  { method: 'GET', route: '/api/incidents', url: () => '/api/incidents', forbiddenFor: [...NOT_OPERATIONAL] },
  { method: 'GET', route: '/api/incidents/export.csv', url: () => '/api/incidents/export.csv', forbiddenFor: [...NOT_OPERATIONAL] },
  { method: 'GET', route: '/api/incidents/:id', url: async (t) => `/api/incidents/${await alBaytIncident(t)}`, forbiddenFor: [...NOT_OPERATIONAL] },
  { method: 'GET', route: '/api/incidents/:id/timeline', url: async (t) => `/api/incidents/${await alBaytIncident(t)}/timeline`, forbiddenFor: [...NOT_OPERATIONAL] },
  {
    method: 'POST',
    route: '/api/incidents/:id/transitions',
    url: async (t) => `/api/incidents/${await alBaytIncident(t)}/transitions`,
    body: () => ({ to: 'acknowledged' }),
    forbiddenFor: [...NOT_OPERATIONAL],
    wrongScope: [{ why: 'an officer who sees the incident acknowledges it (triage only)', as: (t) => t.as('officer') }],
  },
  { method: 'POST', route: '/api/incidents/:id/notes', url: async (t) => `/api/incidents/${await alBaytIncident(t)}/notes`, body: () => ({ text: 'note' }), forbiddenFor: [...NOT_OPERATIONAL] },
  {
    method: 'POST',
    route: '/api/incidents/:id/restriction',
    url: async (t) => `/api/incidents/${await alBaytIncident(t)}/restriction`,
    body: () => ({ restricted: true }),
    forbiddenFor: ['partner', 'officer', 'venue', ...NOT_OPERATIONAL],
  },
  {
    method: 'POST',
    route: '/api/incidents/:id/links',
    url: async (t) => `/api/incidents/${await alBaytIncident(t)}/links`,
    body: async (t) => ({ incidentId: await alBaytIncident(t) }),
    forbiddenFor: ['partner', 'officer', 'analyst', ...NOT_OPERATIONAL],
  },
  {
    method: 'POST',
    route: '/api/incidents/:id/assignments',
    url: async (t) => `/api/incidents/${await alBaytIncident(t)}/assignments`,
    body: async (t) => ({ personnelId: await personnelId(t, 'Youssef Benali') }),
    forbiddenFor: ['partner', 'officer', 'analyst', ...NOT_OPERATIONAL],
  },
  {
    method: 'POST',
    route: '/api/incidents/:id/assignments/:assignmentId/acknowledge',
    url: async (t) => {
      const id = await alBaytIncident(t);
      return `/api/incidents/${id}/assignments/${await dispatch(t, id, 'Youssef Benali')}/acknowledge`;
    },
    forbiddenFor: [],
    wrongScope: [{ why: "the officer acknowledges another person's assignment", as: (t) => t.as('officer') }],
  },
  {
    method: 'POST',
    route: '/api/incidents/:id/attachments',
    url: async (t) => `/api/incidents/${await alBaytIncident(t)}/attachments`,
    forbiddenFor: [...NOT_OPERATIONAL],
  },
  {
    method: 'GET',
    route: '/api/incidents/:id/attachments/:attachmentId',
    url: async (t) => `/api/incidents/${await alBaytIncident(t)}/attachments/00000000-0000-4000-8000-000000000000`,
    forbiddenFor: [...NOT_OPERATIONAL],
  },
  { method: 'GET', route: '/api/assignments/mine', url: () => '/api/assignments/mine', forbiddenFor: [] },
  {
    method: 'GET',
    route: '/api/personnel',
    url: () => '/api/personnel',
    forbiddenFor: ['officer', 'analyst', ...NOT_OPERATIONAL],
    wrongScope: [{ why: "DGSN's commander lists the host's personnel", as: (t) => t.as('partner'), url: async (t) => `/api/personnel?organisationId=${await organisationId(t, 'MOI-SSOC')}` }],
  },
  {
    method: 'POST',
    route: '/api/personnel',
    url: () => '/api/personnel',
    body: async (t) => ({ organisationId: await organisationId(t, 'DGSN'), name: 'New Officer' }),
    forbiddenFor: ['venue', 'officer', 'analyst', ...NOT_OPERATIONAL],
    wrongScope: [{ why: "DGSN's commander adds to the host's personnel", as: (t) => t.as('partner'), body: async (t) => ({ organisationId: await organisationId(t, 'MOI-SSOC'), name: 'X' }) }],
  },
  {
    method: 'POST',
    route: '/api/telemetry/gates',
    url: () => '/api/telemetry/gates',
    body: (t) => counts(t, 'Al Bayt Stadium'),
    forbiddenFor: ['partner', 'officer', 'analyst', ...NOT_OPERATIONAL],
    wrongScope: [{ why: "Al Bayt's venue manager pushes Lusail's counts", as: (t) => t.as('venue'), body: (t) => counts(t, 'Lusail Stadium') }],
  },
  {
    method: 'POST',
    route: '/api/telemetry/gates/csv',
    url: () => '/api/telemetry/gates/csv',
    body: async (t) => ({ venueId: await venueId(t, 'Al Bayt Stadium'), csv: 'gateId,at,admitted\nG1,2022-12-18T15:00:00+03:00,5\n' }),
    forbiddenFor: ['partner', 'officer', 'analyst', ...NOT_OPERATIONAL],
    wrongScope: [{ why: "Al Bayt's venue manager replays Lusail's counts", as: (t) => t.as('venue'), body: async (t) => ({ venueId: await lusail(t), csv: 'gateId,at,admitted\nG1,2022-12-18T15:00:00+03:00,5\n' }) }],
  },
  {
    method: 'GET',
    route: '/api/telemetry/gates',
    url: () => '/api/telemetry/gates',
    forbiddenFor: ['officer', ...NOT_OPERATIONAL],
    wrongScope: [{ why: "Al Bayt's venue manager reads Lusail's gates", as: (t) => t.as('venue'), url: async (t) => `/api/telemetry/gates?venueId=${await lusail(t)}` }],
  },
  {
    method: 'GET',
    route: '/api/telemetry/gates/series',
    url: async (t) => `/api/telemetry/gates/series?venueId=${await venueId(t, 'Al Bayt Stadium')}&gateId=G1`,
    forbiddenFor: ['officer', ...NOT_OPERATIONAL],
    wrongScope: [
      { why: "Al Bayt's venue manager reads a Lusail gate", as: (t) => t.as('venue'), url: async (t) => `/api/telemetry/gates/series?venueId=${await lusail(t)}&gateId=G1` },
      { why: 'a token with telemetry:write only reads gates', as: async (t) => ({ bearer: (await buildApiToken(t, { permissions: ['telemetry:write'] })).secret }) },
    ],
  },
  { method: 'POST', route: '/api/alerts', url: () => '/api/alerts', forbiddenFor: ['partner', 'venue', 'officer', 'analyst', ...NOT_OPERATIONAL] },
  { method: 'GET', route: '/api/alerts', url: () => '/api/alerts', forbiddenFor: ['officer', ...NOT_OPERATIONAL] },
  { method: 'GET', route: '/api/alerts/:id', url: () => '/api/alerts/00000000-0000-4000-8000-000000000000', forbiddenFor: ['officer', ...NOT_OPERATIONAL] },
  { method: 'POST', route: '/api/alerts/:id/approve', url: () => '/api/alerts/00000000-0000-4000-8000-000000000000/approve', forbiddenFor: ['partner', 'venue', 'officer', 'analyst', ...NOT_OPERATIONAL] },
  { method: 'POST', route: '/api/alerts/:id/reject', url: () => '/api/alerts/00000000-0000-4000-8000-000000000000/reject', forbiddenFor: ['partner', 'venue', 'officer', 'analyst', ...NOT_OPERATIONAL] },
];
