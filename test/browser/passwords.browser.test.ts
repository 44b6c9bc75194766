/// <reference lib="dom" />
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { bootTestApp, mailTo, signUpOrganization, TEST_PASSWORD, type TestApp } from '@aimatch/api-testing';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { DESKTOP_KO, launchChromium, signInPage } from './browser';

const NEW_PASSWORD = 'Saebyeok-Haneul-7429!';

/** #13 R in the web client: forgotten password by the mailed link, the account page's password change, and a revoked session. */
describe('web client: passwords and revoked sessions', () => {
  let t: TestApp;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    // Its own mail directory: outbox ids (hence .eml names) restart with every test database.
    t = await bootTestApp({ listen: true, env: { MAIL_DIR: mkdtempSync(join(tmpdir(), 'aimatch-passwords-browser-mail-')) } });
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });
  beforeEach(async () => {
    await context?.close();
    context = await browser.newContext(DESKTOP_KO);
  });

  it('resets a forgotten password with the mailed link, then signs in with the new one', async () => {
    const u = await signUpOrganization(t);
    const page = await context.newPage();
    await page.goto(`${t.url}/signin`);
    await page.getByTestId('signin-forgot-password').click();
    await page.waitForURL((url) => url.pathname === '/forgot-password');
    await page.getByTestId('forgot-password-email').fill(u.email);
    await page.getByTestId('forgot-password-submit').click();
    await expect(page.getByTestId('forgot-password-sent').textContent()).resolves.toContain('메일을 보냈습니다');

    const mail = await mailTo(t, u.email, { match: /비밀번호 재설정/ });
    expect(new URL(mail.links[0]).pathname).toBe('/reset-password');
    await page.goto(`${t.url}/reset-password?token=${encodeURIComponent(mail.token!)}`);
    await page.getByTestId('reset-password-new').fill(NEW_PASSWORD);
    await page.getByTestId('reset-password-confirm').fill('something-else-entirely');
    await page.getByTestId('reset-password-submit').click();
    await expect(page.getByTestId('field-error-confirmPassword').textContent()).resolves.toContain('다릅니다');
    await page.getByTestId('reset-password-confirm').fill(NEW_PASSWORD);
    await page.getByTestId('reset-password-submit').click();
    await page.waitForURL((url) => url.pathname === '/signin' && url.searchParams.get('reset') === '1');
    await page.getByTestId('password-reset-done').waitFor();

    await page.getByTestId('signin-email').fill(u.email);
    await page.getByTestId('signin-password').fill(NEW_PASSWORD);
    await page.getByTestId('signin-submit').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
  });

  it('changes the password on the account page, with the error next to the field', async () => {
    const u = await signUpOrganization(t);
    const page = await signInPage(context, t, u.email, TEST_PASSWORD);
    await page.goto(`${t.url}/account`);
    await page.getByTestId('account-password-current').fill('not-my-password-1');
    await page.getByTestId('account-password-new').fill(NEW_PASSWORD);
    await page.getByTestId('account-password-confirm').fill(NEW_PASSWORD);
    await page.getByTestId('account-password-submit').click();
    await expect(page.getByTestId('field-error-currentPassword').textContent()).resolves.toContain('비밀번호가 올바르지 않습니다');
    await page.getByTestId('account-password-current').fill(TEST_PASSWORD);
    await page.getByTestId('account-password-submit').click();
    await page.getByTestId('account-password-done').waitFor();
    // Still signed in here (only the other sessions end).
    expect(new URL(page.url()).pathname).toBe('/account');
  });

  it('signs the tab out with a notice when its session is revoked elsewhere (session:revoked)', async () => {
    const u = await signUpOrganization(t);
    // The frames the tab receives: the default namespace's CONNECT answer means its socket joined the session's room.
    const received: string[] = [];
    context.on('page', (p) => p.on('websocket', (ws) => ws.on('framereceived', (f) => received.push(String(f.payload)))));
    const page = await signInPage(context, t, u.email, TEST_PASSWORD);
    const deadline = Date.now() + 10_000;
    while (!received.some((f) => f.startsWith('40{'))) {
      if (Date.now() > deadline) throw new Error(`the tab's socket did not connect: ${received.join(' | ')}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const refreshToken = await page.evaluate(() => window.localStorage.getItem('aimatch.refreshToken'));
    expect(refreshToken).toEqual(expect.any(String));
    expect((await t.gql('mutation($r: String!) { signOut(refreshToken: $r) }', { r: refreshToken })).data!.signOut).toBe(true);
    await page.waitForURL((url) => url.pathname === '/signin' && url.searchParams.get('revoked') === '1', { timeout: 15_000 });
    await expect(page.getByTestId('session-revoked').textContent()).resolves.toContain('로그인이 종료되었습니다');
  });
});
