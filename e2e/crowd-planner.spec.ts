import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startTestServer, type TestServer } from '../test/e2e.ts';
import { screenshotPath, signIn } from './helpers.ts';

describe('the commander plans a match crowd in French', () => {
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

  it("opens Lusail's security plan, runs a simulation of the final and reads the charts", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
    await context.addInitScript(() => localStorage.setItem('tansiq.locale', 'fr'));
    const page = await context.newPage();
    await signIn(page, server.url, 'commander@demo.tansiq.org');

    const venues = (await (await page.request.get(`${server.url}/api/venues?limit=200`)).json()) as { items: { id: string; name: string }[] };
    const lusail = venues.items.find((v) => v.name === 'Lusail Stadium')!;
    await page.goto(`${server.url}/venues/${lusail.id}`);
    await page.getByRole('link', { name: 'Ouvrir le plan de sûreté' }).click();
    await page.waitForURL((url) => url.pathname === `/venues/${lusail.id}/plan`);
    await page.getByRole('heading', { name: 'Plan de sûreté — Stade de Lusail' }).waitFor();
    // The seeded version is approved, frozen, and its figures are marked as assumptions.
    await page.getByText('Approuvée par le commandant').first().waitFor();
    await page.getByText('Chiffres marqués comme hypothèses').waitFor();
    await page.getByText('Capacité sûre finale 88 966 pour 88 966 places.', { exact: false }).waitFor();
    await page.getByRole('img', { name: 'Schéma du stade (pas à l\'échelle)' }).waitFor();
    await page.screenshot({ path: screenshotPath('crowd-plan-fr.png'), fullPage: false });

    const matches = (await (await page.request.get(`${server.url}/api/matches?venueId=${lusail.id}&stage=final`)).json()) as { items: { id: string; expectedAttendance: number }[] };
    const final = matches.items[0]!;
    await page.goto(`${server.url}/matches/${final.id}`);
    await page.getByRole('link', { name: 'Ouvrir le plan des flux' }).click();
    await page.waitForURL((url) => url.pathname === `/matches/${final.id}/crowd`);
    // Attendance prefilled from the match's expected attendance (the real 2022 figure).
    await expect.poll(() => page.getByLabel('Affluence').first().inputValue()).toBe(String(final.expectedAttendance));
    await page.getByRole('button', { name: 'Lancer la simulation' }).click();
    await page.waitForURL((url) => url.searchParams.has('run'));
    await page.getByRole('img', { name: "Files d'attente à toutes les portes" }).waitFor({ timeout: 90_000 });
    await page.getByRole('img', { name: 'Sortie par voie' }).waitFor();
    await page.getByRole('img', { name: 'Dispersion par les transports après le coup de sifflet final' }).waitFor();
    await page.getByText('Attente au 95e centile').first().waitFor();
    const runs = (await (await page.request.get(`${server.url}/api/matches/${final.id}/crowd-runs`)).json()) as { items: { status: string }[] };
    expect(runs.items[0]?.status).toBe('done');
    await page.screenshot({ path: screenshotPath('crowd-planner-fr.png'), fullPage: true });
    await context.close();
  });
});
