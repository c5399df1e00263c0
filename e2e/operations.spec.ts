import type { APIRequestContext, Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startTestServer, type TestServer } from '../test/e2e.ts';
import { DEMO_PASSWORD, screenshotPath, signIn } from './helpers.ts';

/** Signs a request context in through the API; answers the CSRF token for its writes. */
async function apiSignIn(request: APIRequestContext, url: string, email: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await request.post(`${url}/api/auth/login`, { data: { email, password } });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { csrfToken: string }).csrfToken;
}

describe('live operations in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let alBayt: string;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    const ctx = await browser.newContext();
    await apiSignIn(ctx.request, server.url, 'commander@demo.tansiq.org');
    const venues = (await (await ctx.request.get(`${server.url}/api/venues?q=Bayt`)).json()) as { items: { id: string }[] };
    alBayt = venues.items[0]!.id;
    await ctx.close();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('an officer reports from a 390-px phone with no network; the report waits, then is sent once when the network returns', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-GB', hasTouch: true, isMobile: true });
    const page = await context.newPage();
    await signIn(page, server.url, 'officer@demo.tansiq.org');
    await page.goto(`${server.url}/operations/report`);
    await page.getByTestId('category-medical').click();
    const marker = `Fan collapsed near gate 7 ${Date.now()}`;
    await page.getByTestId('report-description').fill(marker);
    await page.getByTestId('report-gate').fill('Gate 7');

    await context.setOffline(true);
    await page.getByTestId('offline-banner').waitFor();
    await page.getByTestId('report-submit').click();
    const item = page.getByTestId('outbox-item').first();
    await expect.poll(() => item.getAttribute('data-state')).toBe('queued');
    await page.screenshot({ path: screenshotPath('operations-report-offline-390.png'), fullPage: true });

    await context.setOffline(false);
    await expect.poll(() => item.getAttribute('data-state'), { timeout: 15_000 }).toBe('sent');
    await page.screenshot({ path: screenshotPath('operations-report-sent-390.png'), fullPage: true });
    // Reloading re-sends nothing twice: the outbox remembers the report as sent, and the server holds it once.
    await page.reload();
    await page.getByTestId('report-outbox').waitFor();
    const found = (await (await page.request.get(`${server.url}/api/incidents?q=${encodeURIComponent(marker)}`)).json()) as { items: { gateId: string }[] };
    expect(found.items).toHaveLength(1);
    expect(found.items[0]!.gateId).toBe('Gate 7');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await context.close();
  });

  it('the venue board updates by itself when someone else reports', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    const page = await context.newPage();
    await signIn(page, server.url, 'venue@demo.tansiq.org');
    await page.goto(`${server.url}/operations/board/${alBayt}`);
    await expect.poll(() => page.getByTestId('live-state').getAttribute('data-state')).toBe('live');
    const critical = page.getByTestId('count-critical');
    const before = Number(await critical.textContent());

    const officer = await browser.newContext();
    const csrf = await apiSignIn(officer.request, server.url, 'officer@demo.tansiq.org');
    const res = await officer.request.post(`${server.url}/api/incidents`, {
      headers: { 'x-csrf-token': csrf, 'idempotency-key': `board-${Date.now()}` },
      data: { venueId: alBayt, category: 'crowd_density', severity: 'critical', description: 'Crush risk at the north concourse', zoneId: 'North stand' },
    });
    expect(res.status()).toBe(201);
    const started = Date.now();
    await expect.poll(async () => Number(await critical.textContent()), { timeout: 5000, interval: 100 }).toBe(before + 1);
    expect(Date.now() - started).toBeLessThan(3000);
    await page.getByTestId('schematic-zone').first().waitFor();
    await page.screenshot({ path: screenshotPath('operations-board-live.png'), fullPage: true });
    await officer.close();
    await context.close();
  });

  it('an alert drafted in three languages is published after a second commander approves it, and appears in the Atom feed', async () => {
    const admin = await browser.newContext();
    const csrf = await apiSignIn(admin.request, server.url, 'admin@demo.tansiq.org');
    const orgs = (await (await admin.request.get(`${server.url}/api/organisations?q=MOI-SSOC`)).json()) as { items: { id: string; shortName: string }[] };
    const moi = orgs.items.find((o) => o.shortName === 'MOI-SSOC')!.id;
    const password = 'second commander passphrase';
    const created = await admin.request.post(`${server.url}/api/users`, { headers: { 'x-csrf-token': csrf }, data: { email: `duty-${Date.now()}@test.tansiq.org`, name: 'Duty Commander', organisationId: moi, password, roles: [{ role: 'commander', venueId: null }] } });
    expect(created.status()).toBe(201);
    const secondEmail = ((await created.json()) as { email: string }).email;
    await admin.close();

    const drafter = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    const page = await drafter.newPage();
    await signIn(page, server.url, 'commander@demo.tansiq.org');
    await page.goto(`${server.url}/operations/alerts/new`);
    await page.getByTestId('alert-event').fill('Crowd congestion');
    await page.getByTestId('alert-area').fill('Al Bayt Stadium, north gates');
    const headline = `Congestion at the north gates ${Date.now()}`;
    const texts = { ar: ['ازدحام عند البوابات الشمالية', 'يرجى استخدام البوابات الجنوبية.'], fr: ['Affluence aux portes nord', 'Merci d’utiliser les portes sud.'], en: [headline, 'Please use the south gates.'] } as const;
    for (const [lang, [h, d]] of Object.entries(texts)) {
      await page.getByRole('tab', { name: { ar: 'Arabic', fr: 'French', en: 'English' }[lang as 'ar'] }).click();
      await page.getByTestId(`alert-headline-${lang}`).fill(h);
      await page.getByTestId(`alert-description-${lang}`).fill(d);
    }
    await page.getByTestId('submit-alert').click();
    await page.waitForURL((u) => u.pathname === '/operations/alerts');
    await page.locator('[data-testid=alert-card][data-state=draft]').first().waitFor();
    expect(await page.getByTestId('approve-alert').count()).toBe(0); // the drafter cannot approve their own alert
    expect(await (await page.request.get(`${server.url}/cap/alerts.atom`)).text()).not.toContain(headline);

    const approverCtx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    const approver = await approverCtx.newPage();
    await signIn(approver, server.url, secondEmail, password);
    await approver.goto(`${server.url}/operations/alerts`);
    await approver.getByTestId('approve-alert').first().click();
    await approver.locator('[data-testid=alert-card][data-state=published]').first().waitFor();
    const capHref = await approver.getByTestId('cap-link').first().getAttribute('href');
    await approver.screenshot({ path: screenshotPath('operations-alert-published.png'), fullPage: true });

    const atom = await (await approver.request.get(`${server.url}/cap/alerts.atom`)).text();
    expect(atom).toContain(headline);
    expect(atom).toContain(capHref!);
    const cap = await (await approver.request.get(`${server.url}${capHref}`)).text();
    expect(cap).toContain('<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">');
    expect(cap).toContain('<language>ar</language>');
    // The drafter's page shows it published too, without a reload (live event).
    await page.locator('[data-testid=alert-card][data-state=published]').first().waitFor({ timeout: 5000 });
    await approverCtx.close();
    await drafter.close();
  });
});
