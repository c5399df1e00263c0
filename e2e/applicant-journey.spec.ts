import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placeholderPhoto, placeholderScan } from '../server/modules/workforce/workforce.seed.ts';
import { launchBrowser, startTestServer, type TestServer } from '../test/e2e.ts';
import { screenshotPath } from './helpers.ts';
import { isoDay, staffApi } from './workforce-api.ts';

describe('an applicant goes from account to badge (in Arabic, on a phone)', () => {
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

  it('registers, confirms through the mailbox, applies with photo and scan, is vetted, accepted, gets a visa and a badge', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'ar', acceptDownloads: true });
    await context.addInitScript(() => localStorage.setItem('tansiq.locale', 'ar'));
    const page = await context.newPage();
    const email = `e2e-${Date.now()}@applicants.test`;
    const password = 'a long passphrase for the portal';

    await page.goto(`${server.url}/portal`);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await page.getByRole('heading', { name: 'اعمل أو تطوّع في كأس العالم' }).waitFor();
    await page.screenshot({ path: screenshotPath('portal-openings-ar.png'), fullPage: true });
    await page.getByRole('link', { name: 'إنشاء حساب' }).click();
    await page.getByLabel('البريد الإلكتروني').fill(email);
    await page.getByLabel('كلمة المرور').fill(password);
    await page.getByRole('button', { name: 'أنشئ حسابي' }).click();
    await page.getByText('تم إنشاء الحساب').waitFor();

    // The confirmation link arrives in the development mailbox.
    await page.getByRole('link', { name: 'افتح صندوق البريد' }).click();
    const mail = page.getByTestId('mail').filter({ hasText: email }).first();
    await mail.waitFor();
    await mail.getByRole('link').click();
    await page.getByText('تم تأكيد بريدك الإلكتروني').waitFor();
    await page.getByRole('link', { name: 'تسجيل الدخول' }).last().click();
    await page.getByLabel('البريد الإلكتروني').fill(email);
    await page.getByLabel('كلمة المرور').fill(password);
    await page.locator('form button[type=submit]').click();
    await page.waitForURL((u) => u.pathname === '/portal/applications');

    await page.getByRole('link', { name: 'الفرص' }).first().click();
    await page.getByRole('link', { name: 'مضيف ضيافة في الملعب' }).click();
    await page.getByRole('button', { name: 'قدّم طلبك' }).click();
    await page.waitForURL((u) => /^\/portal\/applications\/[0-9a-f-]{36}$/.test(u.pathname));
    const applicationId = page.url().split('/').pop()!;

    // A failed submit shows field errors in Arabic and keeps what was typed.
    await page.getByLabel('الاسم الشخصي (بحروف لاتينية)').fill('Salma');
    await page.getByRole('button', { name: 'إرسال طلبي' }).click();
    await page.getByText('أكمل الحقول المشار إليها أدناه ثم أعد الإرسال.').waitFor();
    expect(await page.getByLabel('الاسم الشخصي (بحروف لاتينية)').inputValue()).toBe('Salma');
    await page.screenshot({ path: screenshotPath('portal-form-errors-ar.png'), fullPage: true });

    await page.getByLabel('اسم العائلة (بحروف لاتينية)').fill('El Idrissi');
    await page.getByLabel('الاسم الشخصي بالحروف العربية (اختياري)').fill('سلمى');
    await page.getByLabel('اسم العائلة بالحروف العربية (اختياري)').fill('الإدريسي');
    await page.getByLabel('تاريخ الميلاد').fill('1995-06-15');
    await page.getByRole('combobox', { name: /^الجنس( \*)?$/ }).click();
    await page.getByRole('option', { name: 'أنثى' }).click();
    await page.getByRole('combobox', { name: /^الجنسية/ }).fill('المغرب');
    await page.getByRole('option', { name: 'المغرب' }).click();
    await page.getByLabel('رقم جواز السفر').fill('AB1234567');
    await page.getByLabel('تاريخ انتهاء جواز السفر').fill(isoDay(3000));
    await page.getByLabel('الهاتف (بالصيغة الدولية)').fill('+212 612 345 678');
    await page.getByRole('combobox', { name: /^اللغات/ }).or(page.getByRole('textbox', { name: /^اللغات/ })).first().click();
    await page.getByRole('option', { name: 'العربية' }).click();
    await page.keyboard.press('Escape');
    await page.locator('input[type=file][accept="image/jpeg,image/png"]').setInputFiles({ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: placeholderPhoto(1) });
    await page.getByRole('img', { name: 'صورة لوجهك' }).waitFor();
    await page.locator('input[type=file][accept="application/pdf,image/jpeg"]').setInputFiles({ name: 'passport.pdf', mimeType: 'application/pdf', buffer: await placeholderScan('Salma El Idrissi') });
    await page.getByText('تم الرفع').nth(1).waitFor();
    await page.getByRole('checkbox').check();
    await page.getByRole('button', { name: 'إرسال طلبي' }).click();
    await page.getByTestId('stage').filter({ hasText: 'قيد الدراسة' }).waitFor();
    await page.screenshot({ path: screenshotPath('portal-submitted-ar.png'), fullPage: true });

    // The back office: vetting has cleared her; the employer accepts; the visa officer and the accreditation officer do their steps.
    const employer = await staffApi(server.url, 'employer@demo.tansiq.org');
    expect((await employer('GET', `/api/applications/${applicationId}`)).vetting).toBe('cleared');
    const accepted = await employer('POST', `/api/applications/${applicationId}/decision`, { decision: 'accept' });
    const visa = await staffApi(server.url, 'visa@demo.tansiq.org');
    for (const step of ['sponsorship', 'documents', 'security', 'medical']) await visa('POST', `/api/visa-cases/${accepted.visa.id}/steps`, { step, outcome: 'done' });
    await visa('POST', `/api/visa-cases/${accepted.visa.id}/steps`, { step: 'issuance', outcome: 'done', visaNumber: 'QA-WV-E2E1', validFrom: isoDay(0), validTo: isoDay(200) });
    const officer = await staffApi(server.url, 'accreditation@demo.tansiq.org');
    const venues = await officer('GET', '/api/venues?limit=1');
    await officer('POST', '/api/accreditations', { applicationId, roleCategory: 'hospitality', venueIds: [venues.items[0].id], zones: [1, 2], validFrom: isoDay(0), validTo: isoDay(90) });

    await page.reload();
    await page.getByTestId('stage').filter({ hasText: 'معتمد' }).waitFor();
    await page.getByText('إصدار تأشيرة العمل').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-badge').click()]);
    const pdf = readFileSync((await download.path())!);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.screenshot({ path: screenshotPath('portal-accredited-ar.png'), fullPage: true });
    await context.close();
  });
});
