/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  bootTestApp,
  createDemand,
  invalidBrn,
  mailTo,
  signInAs,
  type TestApp,
  TEST_PASSWORD,
  validBrn,
  VERIFICATION_MAIL,
} from '@aimatch/api-testing';
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { launchChromium } from './browser';

/** A person in chromium: sign up with an organization, see it, verify the e-mail from the mail, sign out and in, switch language. */
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

  it('is signed in but unverified: the banner says so, and submitting a listing is refused next to the action', async () => {
    const banner = byTestId('email-unverified-banner');
    await expect(banner.textContent({ timeout: 10_000 })).resolves.toContain('이메일 인증이 필요합니다');
    const session = await signInAs(t, email);
    const draft = await createDemand(t, { ...session, organizationId: session.organizationId! });
    await page.goto(`${t.url}/listings/${draft.id}`);
    await byTestId('listing-action-submit').click();
    await expect(byTestId('listing-alert').textContent({ timeout: 10_000 })).resolves.toContain('이메일 인증 후 이용할 수 있습니다');
    await page.screenshot({ path: '.test-results/email-unverified-ko.png', fullPage: true });

    // Re-sending answers next to the button.
    await byTestId('email-resend').click();
    await expect(byTestId('email-resend-done').textContent({ timeout: 10_000 })).resolves.toContain(email);
  });

  it('opens the link of the verification mail: verified at once, the banner is gone and the listing can be submitted', async () => {
    const mail = await mailTo(t, email, { match: VERIFICATION_MAIL });
    const link = new URL(mail.links[0]);
    expect(link.pathname).toBe('/verify-email');
    await page.goto(`${t.url}${link.pathname}${link.search}`);
    await expect(byTestId('verify-email-done').textContent({ timeout: 10_000 })).resolves.toContain(email);
    await byTestId('email-unverified-banner').waitFor({ state: 'detached', timeout: 10_000 });
    // The same link again: already done, not an error for this signed-in, verified user.
    await page.reload();
    await byTestId('verify-email-already').waitFor({ timeout: 10_000 });

    await page.goto(`${t.url}/organization`);
    await byTestId('org-name').waitFor({ timeout: 10_000 });
    expect(await byTestId('email-unverified-banner').count()).toBe(0);
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

  it('a second sign-up with the same address (another password) tells nothing: check your mailbox; the owner is told', async () => {
    await byTestId('nav-signout').click();
    await page.goto(`${t.url}/signup`);
    await byTestId('signup-email').fill(email);
    await byTestId('signup-password').fill('a-different-pass-phrase-7');
    await byTestId('signup-display-name').fill('다른 사람');
    await byTestId('signup-org-kind').selectOption('SME');
    await byTestId('signup-org-name-ko').fill('다른 회사(주)');
    await byTestId('signup-brn').fill(validBrn());
    await byTestId('consent-TERMS').check();
    await byTestId('consent-PRIVACY').check();
    await byTestId('signup-submit').click();
    await expect(byTestId('signup-check-mailbox').textContent({ timeout: 15_000 })).resolves.toContain(email);
    const notice = await mailTo(t, email, { match: /가입 시도/ });
    expect(notice.links.map((l) => new URL(l).pathname)).toEqual(['/signin', '/forgot-password']);

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
