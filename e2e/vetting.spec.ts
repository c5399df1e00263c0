import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startTestServer, type TestServer } from '../test/e2e.ts';
import { DEMO_PASSWORD, screenshotPath, signIn, signOut } from './helpers.ts';

const SECOND_OFFICER = { email: 'second.officer@test.tansiq.org', password: 'second officer passphrase' };

/** A signed-in API session for seeding data (cookie + CSRF token). */
async function apiSession(base: string, email: string, password = DEMO_PASSWORD) {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return (method: string, path: string, body?: unknown) =>
    fetch(`${base}${path}`, { method, headers: { cookie, 'x-csrf-token': csrfToken, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined }).then(async (r) => ({ status: r.status, json: (await r.json()) as Record<string, unknown> }));
}

async function toArabic(page: Page) {
  await page.getByText('عربي', { exact: true }).click();
  await page.waitForFunction(() => document.documentElement.dir === 'rtl');
}

describe('vetting: an officer adjudicates a hit in Arabic and a second officer confirms it', () => {
  let server: TestServer;
  let browser: Browser;
  let hitId: string;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    // An invented applicant who resembles the fictional demo list's DEMO.004.
    const officer = await apiSession(server.url, 'accreditation@demo.tansiq.org');
    const screened = await officer('POST', '/api/screenings', { subjectType: 'application', subjectId: 'E2E-APP-1', givenNames: 'Samira', familyName: 'Testouni', nameArabic: 'سميرة تستوني', dateOfBirth: '1990-02-14', gender: 'female', nationality: 'TN' });
    expect(screened.status).toBe(201);
    const hits = (screened.json.screening as { hits: { id: string; sourceRef: string }[] }).hits;
    hitId = hits.find((h) => h.sourceRef === 'DEMO.004')!.id;
    const admin = await apiSession(server.url, 'admin@demo.tansiq.org');
    const orgs = await admin('GET', '/api/organisations?limit=200');
    const sc = (orgs.json.items as { id: string; shortName: string }[]).find((o) => o.shortName === 'SC')!;
    const created = await admin('POST', '/api/users', { email: SECOND_OFFICER.email, name: 'Second Accreditation Officer', organisationId: sc.id, password: SECOND_OFFICER.password, roles: [{ role: 'accreditation_officer', venueId: null }] });
    expect(created.status).toBe(201);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('first officer proposes a confirmed match in Arabic; the same officer cannot confirm; a second officer does', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    const page = await context.newPage();
    await signIn(page, server.url, 'accreditation@demo.tansiq.org');
    await toArabic(page);

    await page.getByRole('link', { name: 'قائمة التدقيق' }).click();
    await page.waitForURL((url) => url.pathname === '/vetting/queue');
    await page.getByRole('heading', { name: 'قائمة التدقيق' }).waitFor();
    await page.getByRole('link', { name: 'سميرة تستوني' }).first().click();
    await page.waitForURL((url) => url.pathname === `/vetting/hits/${hitId}`);

    // The explanation beside the applicant's data, in Arabic.
    await page.getByTestId('side-by-side').waitFor();
    await page.getByText('بيانات مقدّم الطلب').waitFor();
    await page.getByText('كيف قُورنت الأسماء').waitFor();
    expect(await page.getByTestId('pair-kind').count()).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('vetting-hit-arabic.png'), fullPage: true });

    await page.getByTestId('decision-confirmed_match').check();
    await page.getByTestId('decision-reason').fill('الاسم وتاريخ الميلاد والجنس تطابق القيد DEMO.004');
    await page.getByTestId('decision-submit').click();
    await page.getByTestId('four-eyes').getByText('بانتظار ضابط ثانٍ').waitFor();
    expect(await page.getByTestId('hit-status').innerText()).toBe('بانتظار ضابط ثانٍ');
    // Four eyes: the proposer's own confirmation is disabled in the page (and refused by the API).
    expect(await page.getByTestId('decision-confirmed_match').isDisabled()).toBe(true);
    await signOut(page);

    await signIn(page, server.url, SECOND_OFFICER.email, SECOND_OFFICER.password);
    await page.goto(`${server.url}/vetting/hits/${hitId}`);
    await page.getByTestId('four-eyes').getByText('accreditation@demo.tansiq.org', { exact: false }).waitFor();
    await page.getByTestId('decision-confirmed_match').check();
    await page.getByTestId('decision-reason').fill('Second officer: agreed, every element matches.');
    await page.getByTestId('decision-submit').click();
    await page.getByTestId('hit-status').getByText('تطابق مؤكد').or(page.getByTestId('hit-status').getByText('Confirmed match')).waitFor();
    await expect.poll(() => page.getByTestId('subject-state').innerText()).toMatch(/مرفوض|Refused/);
    expect(await page.getByTestId('decisions').innerText()).toContain('Second officer: agreed');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: screenshotPath('vetting-confirmed.png'), fullPage: true });

    // What the workforce portal would read: the neutral outcome.
    const officer = await apiSession(server.url, 'accreditation@demo.tansiq.org');
    const detail = await officer('GET', `/api/vetting/hits/${hitId}`);
    expect(detail.json).toMatchObject({ status: 'confirmed', subjectState: 'refused' });
    await context.close();
  });
});
