import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startTestServer, type TestServer } from '../test/e2e.ts';
import { screenshotPath, signIn } from './helpers.ts';

describe('the host commander works in Arabic', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('signs in, switches to Arabic (right to left) and sees the 8 stadiums by their Arabic names', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    const page = await context.newPage();
    await signIn(page, server.url, 'commander@demo.tansiq.org');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('ltr');

    await page.getByText('عربي', { exact: true }).click();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ar');

    await page.getByRole('link', { name: 'الملاعب' }).click();
    await page.waitForURL((url) => url.pathname === '/venues');
    await page.getByRole('heading', { name: 'الملاعب' }).waitFor();

    // The names the server holds, in the form an Arabic reader should see them.
    const venues = (await (await page.request.get(`${server.url}/api/venues?limit=200`)).json()) as {
      items: { name: string; nameAr: string | null; translations: { ar?: { city?: string } } }[];
    };
    expect(venues.items).toHaveLength(8);
    const cards = page.getByTestId('venue-card');
    await expect.poll(() => cards.count()).toBe(8);
    const shown = await cards.allInnerTexts();
    for (const venue of venues.items) {
      const expected = venue.nameAr ?? venue.name;
      const card = shown.find((text) => text.includes(expected));
      expect(card, `${expected} on the venues page`).toBeDefined();
      // …with its city in Arabic too.
      expect(card).toContain(venue.translations.ar?.city);
    }

    // The choice is saved to the profile, so the next sign-in opens in Arabic.
    const me = (await (await page.request.get(`${server.url}/api/me`)).json()) as { user: { locale: string | null } };
    expect(me.user.locale).toBe('ar');

    await page.screenshot({ path: screenshotPath('commander-arabic.png'), fullPage: true });
    await context.close();
  });
});
