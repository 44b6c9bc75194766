/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bootTestApp, invalidBrn, type TestApp, TEST_PASSWORD, validBrn } from '@aimatch/api-testing';
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { launchChromium } from './browser';

/** A person in chromium: sign up with an organization, see it, sign out and in, switch language. */
describe('web client: sign-up, organization, language', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  const email = `browser-${Date.now()}@example.kr`;
  const orgName = `<b>브라우저</b> 정밀(주)`;

  beforeAll(async () => {
    t = await bootTestApp({ listen: true });
    browser = await launchChromium();
    page = await browser.newPage({ locale: 'ko-KR' });
    mkdirSync('.test-results', { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const byTestId = (id: string) => page.getByTestId(id);

  async function fillSignUp(brn: string) {
    await page.goto(`${t.url}/signup`);
    await byTestId('signup-email').fill(email);
    await byTestId('signup-password').fill(TEST_PASSWORD);
    await byTestId('signup-display-name').fill('브라우저 사용자');
    await byTestId('signup-org-kind').selectOption('SME');
    await byTestId('signup-org-name-ko').fill(orgName);
    await byTestId('signup-brn').fill(brn);
    await byTestId('signup-region').selectOption('urn:aimatch:region:gyeongnam');
    await byTestId('signup-submit').click();
  }

  it('shows the broken rule next to the business registration number and stays on the form', async () => {
    await fillSignUp(invalidBrn());
    const error = byTestId('field-error-organization.businessRegistrationNumber');
    await expect(error.textContent({ timeout: 10_000 })).resolves.toContain('검증번호');
    expect(new URL(page.url()).pathname).toBe('/signup');
    // The required consents were not ticked: named next to the boxes.
    await expect(byTestId('field-error-consents').textContent()).resolves.toContain('이용약관');
    await byTestId('consent-TERMS').check();
    await byTestId('consent-PRIVACY').check();
    // Marketing is optional and stays unticked unless chosen.
    expect(await byTestId('consent-MARKETING').isChecked()).toBe(false);
  });

  it('signs up and lands on the organization page, with HTML in the name shown as text', async () => {
    const brn = validBrn();
    await byTestId('signup-brn').fill(brn);
    await byTestId('signup-submit').click();
    await page.waitForURL('**/organization', { timeout: 15_000 });
    await expect(byTestId('org-name').textContent()).resolves.toContain(orgName);
    expect(await page.locator('b', { hasText: '브라우저' }).count()).toBe(0);
    await expect(byTestId('org-verification').textContent()).resolves.toBeTruthy();
    await page.screenshot({ path: '.test-results/organization-ko.png', fullPage: true });
  });

  it('signs out and back in, and the organization is still there', async () => {
    await byTestId('nav-signout').click();
    await page.goto(`${t.url}/signin`);
    await byTestId('signin-email').fill(email);
    await byTestId('signin-password').fill(TEST_PASSWORD);
    await byTestId('signin-submit').click();
    await page.waitForURL((u) => !u.pathname.startsWith('/signin'), { timeout: 15_000 });
    await page.goto(`${t.url}/organization`);
    await expect(byTestId('org-name').textContent({ timeout: 10_000 })).resolves.toContain(orgName);
  });

  it('keeps the session across a reload (refresh token)', async () => {
    await page.reload();
    await expect(byTestId('org-name').textContent({ timeout: 10_000 })).resolves.toContain(orgName);
  });

  it('switches the interface to English and back', async () => {
    const koText = await page.locator('body').innerText();
    await byTestId('lang-switch').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    const enText = await page.locator('body').innerText();
    expect(enText).not.toBe(koText);
    expect(enText).toMatch(/Organization|Sign out/);
    // Signed in, the choice is saved to the account (e-mails and notifications follow it).
    const localeOf = async () => (await t.app.get(DataSource).query('SELECT locale FROM users WHERE email = $1', [email]))[0].locale;
    for (let i = 0; i < 50 && (await localeOf()) !== 'EN'; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await localeOf()).toBe('EN');
    await page.screenshot({ path: '.test-results/organization-en.png', fullPage: true });
    await page.reload();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await byTestId('lang-switch').click();
    await page.waitForFunction(() => document.documentElement.lang === 'ko');
  });
});
