import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assembleCode, decodeCode, encodePayload } from '../common/badge-code.ts';
import { launchBrowser, startTestServer, type TestServer } from '../test/e2e.ts';
import { screenshotPath, signIn } from './helpers.ts';
import { staffApi } from './workforce-api.ts';

describe('a checkpoint verifies badges with the network cut', () => {
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

  it('loads keys and revocations, goes offline, accepts a valid badge, refuses a tampered, a suspended and a malformed code, reopens offline, then uploads the scans', async () => {
    const officer = await staffApi(server.url, 'accreditation@demo.tansiq.org');
    const issued = (await officer('GET', '/api/accreditations?status=issued')).items[0];
    const suspended = (await officer('GET', '/api/accreditations?status=suspended')).items[0];
    const { code } = await officer('GET', `/api/accreditations/${issued.id}/badge-code`);
    // A badge printed before its accreditation was suspended: well signed, but on the revocation list.
    const { code: suspendedCode } = await officer('GET', `/api/accreditations/${suspended.id}/badge-code`);
    const d = decodeCode(code)!;
    const tampered = assembleCode(encodePayload({ ...d.payload, zones: [1, 2, 3, 4, 5, 6, 7, 8] }), d.signature);

    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'fr-FR' });
    await context.addInitScript(() => localStorage.setItem('tansiq.locale', 'fr'));
    const page = await context.newPage();
    await signIn(page, server.url, 'officer@demo.tansiq.org');
    await page.goto(`${server.url}/checkpoint`);
    await page.getByTestId('cache-info').waitFor();
    await page.getByLabel('Nom du point de contrôle').fill('Al Bayt — porte 3');
    // The service worker has the page and its assets before the network goes.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });

    await context.setOffline(true);
    await page.getByTestId('network').filter({ hasText: 'Hors ligne' }).waitFor();
    const verify = async (c: string) => {
      await page.getByTestId('manual-code').fill(c);
      await page.getByRole('button', { name: 'Vérifier', exact: true }).click();
    };
    await verify(code);
    await page.locator('[data-testid=verdict][data-reason=valid]').waitFor();
    await page.getByText('ACCÈS AUTORISÉ').waitFor();
    await page.screenshot({ path: screenshotPath('checkpoint-offline-valid-fr.png'), fullPage: true });

    await verify(tampered);
    await page.locator('[data-testid=verdict][data-reason=bad_signature]').waitFor();
    await page.getByText('Signature invalide : le code a été modifié').waitFor();
    await page.screenshot({ path: screenshotPath('checkpoint-offline-tampered-fr.png'), fullPage: true });

    await verify(suspendedCode);
    await page.locator('[data-testid=verdict][data-reason=suspended]').waitFor();
    await verify('TQ1.not-a-code');
    await page.locator('[data-testid=verdict][data-reason=malformed]').waitFor();
    expect(await page.getByTestId('pending-scans').innerText()).toContain('4 en attente');

    // The page itself reopens with no network (service worker), with its keys and the scans not yet sent.
    await page.reload();
    await page.getByRole('heading', { name: 'Contrôle des badges' }).waitFor();
    await page.getByTestId('cache-info').waitFor();
    expect(await page.getByTestId('pending-scans').innerText()).toContain('4 en attente');
    await verify(code);
    await page.locator('[data-testid=verdict][data-reason=valid]').waitFor();

    await context.setOffline(false);
    await page.getByTestId('network').filter({ hasText: 'En ligne' }).waitFor();
    await page.getByTestId('pending-scans').filter({ hasText: '0 en attente' }).waitFor();
    const scans = (await officer('GET', '/api/badges/scans?limit=10')).items as { reason: string; checkpoint: string; accreditationId: string | null }[];
    expect(scans.filter((s) => s.checkpoint === 'Al Bayt — porte 3').map((s) => s.reason).sort()).toEqual(['bad_signature', 'malformed', 'suspended', 'valid', 'valid']);
    await context.close();
  });
});
