/** Steps shared by the browser journeys: sign in and out through the UI, as a person would. */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Page } from 'playwright-core';

export const DEMO_PASSWORD = 'tansiq-demo-2022';

export async function signIn(page: Page, baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.locator('input[name=email]').fill(email);
  await page.locator('input[name=password]').fill(password);
  await page.locator('form button[type=submit]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('sign-out').click();
  await page.waitForURL((url) => url.pathname.startsWith('/sign-in'));
}

/** Where browser tests leave screenshots: test-output/e2e/ at the project root. */
export function screenshotPath(name: string): string {
  const path = resolve(process.cwd(), 'test-output/e2e', name);
  mkdirSync(dirname(path), { recursive: true });
  return path;
}
