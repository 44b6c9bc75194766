/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bootTestApp, type TestApp, totpCode } from '@aimatch/api-testing';
import type { Browser, BrowserContext } from 'playwright-core';
import { StaffAccountService } from '../../apps/api/src/modules/identity/staff-account.service';
import { DESKTOP_KO, launchChromium, signInPage } from './browser';

/**
 * Staff two-factor in chromium (#13 "What to build" 6): a new staff member (made by the CLI's
 * service) signs in with the password, opens a staff page and is sent to the enrolment page first:
 * QR code and secret, a code from the app, then the recovery codes (continue only after "I saved
 * them") and back to the staff page. The next sign-in asks for the app code; a recovery code works
 * instead; the account page shows the state.
 */
describe('web client: staff two-factor sign-in', () => {
  let t: TestApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const email = `tf-browser-${Date.now()}@aimatch.or.kr`;
  let password = '';
  let secret = '';
  let recoveryCodes: string[] = [];

  beforeAll(async () => {
    t = await bootTestApp({ listen: true });
    browser = await launchChromium();
    password = (await t.app.get(StaffAccountService).createOrPromote({ email, admin: false })).password!;
  }, 120_000);
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await t?.close();
  });

  it('sends un-enrolled staff to the enrolment page before a staff page, and back after the recovery codes', async () => {
    const context = await browser.newContext(DESKTOP_KO);
    contexts.push(context);
    const page = await signInPage(context, t, email, password);
    await page.goto(`${t.url}/staff/audit`);
    await page.waitForURL((u) => u.pathname === '/account/two-factor');
    await page.getByTestId('twofactor-start').click();
    await page.getByTestId('twofactor-qr').waitFor();
    secret = (await page.getByTestId('twofactor-secret').textContent())!.trim();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await page.getByTestId('twofactor-code').fill(await totpCode(t, secret));
    await page.getByTestId('twofactor-confirm').click();
    await page.getByTestId('twofactor-recovery-codes').waitFor();
    recoveryCodes = (await page.getByTestId('twofactor-recovery-codes').locator('code').allTextContents()).map((c) => c.trim());
    expect(recoveryCodes).toHaveLength(10);
    await expect(page.getByTestId('twofactor-done').isDisabled()).resolves.toBe(true);
    await page.getByTestId('twofactor-saved').check();
    await page.getByTestId('twofactor-done').click();
    await page.waitForURL((u) => u.pathname === '/staff/audit');
    await page.getByTestId('audit-log-page').waitFor();
  });

  it('asks for the app code at the next sign-in, and takes a recovery code instead', async () => {
    const context = await browser.newContext(DESKTOP_KO);
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${t.url}/signin`);
    await page.getByTestId('signin-email').fill(email);
    await page.getByTestId('signin-password').fill(password);
    await page.getByTestId('signin-submit').click();
    await page.getByTestId('signin-totp').waitFor();
    await page.getByTestId('signin-totp').fill('000000');
    await page.getByTestId('signin-submit').click();
    await page.getByTestId('form-alert').filter({ hasText: '인증 코드가 올바르지 않거나' }).waitFor();
    await page.getByTestId('signin-two-factor-switch').click();
    await page.getByTestId('signin-recovery').fill(recoveryCodes[0]);
    await page.getByTestId('signin-submit').click();
    await page.waitForURL((u) => !u.pathname.startsWith('/signin'));
    await page.goto(`${t.url}/account`);
    await expect(page.getByTestId('account-two-factor-state').textContent()).resolves.toContain('남은 복구 코드 9개');

    // And with the app code, in another browser.
    const other = await browser.newContext(DESKTOP_KO);
    contexts.push(other);
    const staffPage = await signInPage(other, t, email, password, { totpSecret: secret });
    await staffPage.goto(`${t.url}/staff/audit`);
    await staffPage.getByTestId('audit-log-page').waitFor();
  });
});
