import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startTestServer, type TestServer } from '../test/e2e.ts';
import { screenshotPath, signIn, signOut } from './helpers.ts';

describe('an administrator creates an account', () => {
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

  it('creates a venue manager for Al Bayt Stadium, signs out, and the new user signs in', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    const page = await context.newPage();
    await signIn(page, server.url, 'admin@demo.tansiq.org');

    const orgs = (await (await page.request.get(`${server.url}/api/organisations?kind=host_agency&limit=200`)).json()) as {
      items: { name: string }[];
    };
    const organisation = orgs.items[0]?.name;
    expect(organisation).toBeTruthy();

    await page.getByRole('link', { name: 'Users' }).click();
    await page.getByRole('link', { name: 'New user' }).click();
    await page.waitForURL((url) => url.pathname === '/admin/users/new');

    const email = `e2e-${Date.now()}@demo.tansiq.org`;
    const password = 'a long passphrase for e2e';
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Full name').fill('Salma El Idrissi');
    await page.getByRole('combobox', { name: /^Organisation/ }).click();
    await page.getByRole('option', { name: organisation as string, exact: true }).click();
    await page.getByLabel('Initial password').fill(password);

    await page.getByRole('button', { name: 'Add a role' }).click();
    await page.getByRole('combobox', { name: 'Role', exact: true }).click();
    await page.getByRole('option', { name: 'Venue security manager' }).click();
    // A venue manager needs a venue: submitting without one is refused before anything is sent.
    await page.getByRole('button', { name: 'Create the account' }).click();
    await page.getByText('Choose the venue for this role').waitFor();
    await page.getByRole('combobox', { name: 'Venue', exact: true }).click();
    await page.getByRole('option', { name: 'Al Bayt Stadium' }).click();

    await page.getByRole('button', { name: 'Create the account' }).click();
    await page.waitForURL((url) => /^\/admin\/users\/[0-9a-f-]{36}$/.test(url.pathname));
    await page.getByRole('heading', { name: 'Salma El Idrissi' }).waitFor();
    expect(await page.getByText('Venue security manager · Al Bayt Stadium').count()).toBe(1);

    await signOut(page);

    await signIn(page, server.url, email, password);
    await page.getByRole('heading', { name: 'Venues' }).waitFor();
    expect(await page.getByTestId('user-menu').innerText()).toContain('Salma El Idrissi');
    // A venue manager sees no administration.
    expect(await page.getByRole('link', { name: 'Users' }).count()).toBe(0);
    await page.screenshot({ path: screenshotPath('admin-users-new-user.png'), fullPage: true });
    await context.close();
  });
});
