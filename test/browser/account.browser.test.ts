/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bootTestApp, signUpOrganization, type SignedUp, type TestApp, TEST_PASSWORD } from '@aimatch/api-testing';
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext } from 'playwright-core';
import { DataSource } from 'typeorm';
import { DESKTOP_KO, launchChromium, signInPage } from './browser';

/** 내 계정 in chromium: the re-consent gate, optional consents, the personal data download, deleting the account. */
describe('web client: consents and account data', () => {
  let t: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let me: SignedUp;

  beforeAll(async () => {
    t = await bootTestApp({ listen: true });
    browser = await launchChromium();
    context = await browser.newContext(DESKTOP_KO);
    me = await signUpOrganization(t);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await t?.close();
  });

  it('shows the terms to anyone from the footer', async () => {
    const page = await context.newPage();
    await page.goto(`${t.url}/`);
    await page.getByTestId('footer-terms').click();
    await expect(page.getByTestId('legal-body').textContent({ timeout: 15_000 })).resolves.toContain('제1조');
    await page.close();
  });

  it('asks again after a required document changed, and lets the user on once accepted', async () => {
    // The accepted versions become older ones, as after a new version is published.
    await t.app.get(DataSource).query(`UPDATE user_consents SET version = '2020-01-01' WHERE user_id = $1`, [me.userId]);
    const page = await signInPage(context, t, me.email, me.password);
    await page.getByTestId('consent-gate').waitFor({ timeout: 15_000 });
    await expect(page.getByTestId('consent-gate-TERMS').textContent()).resolves.toContain('이용약관');
    await page.getByTestId('consent-gate-accept').click();
    await page.getByTestId('consent-gate').waitFor({ state: 'detached', timeout: 15_000 });
    await page.close();
  });

  it('grants and withdraws the optional marketing consent, with dates in the history', async () => {
    const page = await context.newPage();
    await page.goto(`${t.url}/account`);
    const state = page.getByTestId('consent-state-MARKETING');
    await expect(state.getAttribute('data-active', { timeout: 15_000 })).resolves.toBe('false');
    expect(await page.getByTestId('consent-toggle-TERMS').count()).toBe(0);
    await page.getByTestId('consent-toggle-MARKETING').click();
    await page.locator('[data-testid="consent-state-MARKETING"][data-active="true"]').waitFor({ timeout: 15_000 });
    await page.getByTestId('consent-toggle-MARKETING').click();
    await page.locator('[data-testid="consent-state-MARKETING"][data-active="false"]').waitFor({ timeout: 15_000 });
    await expect(page.getByTestId('consent-history').textContent()).resolves.toContain('마케팅');
    await page.close();
  });

  it('downloads the personal data as JSON, then deletes the account with the password and is signed out', async () => {
    const page = await context.newPage();
    await page.goto(`${t.url}/account`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('data-download').click()]);
    expect(download.suggestedFilename()).toMatch(/\.json$/);
    const data = JSON.parse(readFileSync(await download.path(), 'utf8'));
    expect(data.profile).toMatchObject({ id: me.userId, email: me.email });

    await page.getByTestId('delete-password').fill('not-my-password-1');
    await page.getByTestId('delete-understood').check();
    await page.getByTestId('delete-submit').click();
    await expect(page.getByTestId('field-error-password').textContent({ timeout: 15_000 })).resolves.toContain('비밀번호');

    await page.getByTestId('delete-password').fill(TEST_PASSWORD);
    await page.getByTestId('delete-submit').click();
    await page.getByTestId('nav-signin').waitFor({ timeout: 15_000 });
    expect(new URL(page.url()).pathname).toBe('/');
    const signIn = await t.gql('mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }', {
      i: { email: me.email, password: TEST_PASSWORD },
    });
    expect(signIn.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});
