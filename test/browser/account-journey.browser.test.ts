/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bootTestApp, mailTo, type TestApp, TEST_PASSWORD, validBrn, VERIFICATION_MAIL } from '@aimatch/api-testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './browser';

/** A phone (375 px wide) in Korean. */
const PHONE_KO = { locale: 'ko-KR', viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true } as const;
const NEW_PASSWORD = 'Bomnal-Hangang-Yeoul-58';

/**
 * #13 "Done when", on a phone, as one person's first week: signs up, verifies the address from the
 * .eml file, forgets the password and resets it from the mail, invites a colleague by e-mail (who
 * signs up from the mailed link), and removes them again. Every page stays inside the screen.
 */
describe('web client on a phone: sign up, verify, reset the password, invite and remove a member', () => {
  let t: TestApp;
  let browser: Browser;
  let ownerContext: BrowserContext;
  let colleagueContext: BrowserContext;
  let page: Page;
  const stamp = Date.now();
  const email = `journey-${stamp}@example.kr`;
  const colleagueEmail = `journey-colleague-${stamp}@example.kr`;
  const orgName = '여정정밀(주)';

  beforeAll(async () => {
    t = await bootTestApp({ listen: true });
    browser = await launchChromium();
    ownerContext = await browser.newContext(PHONE_KO);
    colleagueContext = await browser.newContext(PHONE_KO);
    page = await ownerContext.newPage();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** Nothing wider than the phone: no sideways scrolling on this page. */
  const fitsTheScreen = async (p: Page) =>
    expect(await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  const open = async (p: Page, link: string) => {
    const url = new URL(link);
    await p.goto(`${t.url}${url.pathname}${url.search}`);
  };

  it('signs up with the required consents and lands, unverified, on the organization page', async () => {
    await page.goto(`${t.url}/signup`);
    await page.getByTestId('signup-email').fill(email);
    await page.getByTestId('signup-password').fill(TEST_PASSWORD);
    await page.getByTestId('signup-display-name').fill('여정 대표');
    await page.getByTestId('signup-org-kind').selectOption('SME');
    await page.getByTestId('signup-org-name-ko').fill(orgName);
    await page.getByTestId('signup-brn').fill(validBrn());
    await page.getByTestId('consent-TERMS').check();
    await page.getByTestId('consent-PRIVACY').check();
    await fitsTheScreen(page);
    await page.getByTestId('signup-submit').click();
    await page.waitForURL('**/organization', { timeout: 15_000 });
    await expect(page.getByTestId('email-unverified-banner').textContent({ timeout: 10_000 })).resolves.toContain(
      '이메일 인증이 필요합니다',
    );
    await fitsTheScreen(page);
  });

  it('opens the verification link from the mail', async () => {
    const mail = await mailTo(t, email, { match: VERIFICATION_MAIL });
    await open(page, mail.links[0]);
    await expect(page.getByTestId('verify-email-done').textContent({ timeout: 10_000 })).resolves.toContain(email);
    await page.getByTestId('email-unverified-banner').waitFor({ state: 'detached', timeout: 10_000 });
    await fitsTheScreen(page);
  });

  it('forgets the password, resets it from the mailed link and signs in with the new one', async () => {
    const fresh = await browser.newContext(PHONE_KO);
    const phone = await fresh.newPage();
    await phone.goto(`${t.url}/signin`);
    await phone.getByTestId('signin-forgot-password').click();
    await phone.getByTestId('forgot-password-email').fill(email);
    await phone.getByTestId('forgot-password-submit').click();
    await phone.getByTestId('forgot-password-sent').waitFor({ timeout: 10_000 });
    await fitsTheScreen(phone);

    const mail = await mailTo(t, email, { match: /비밀번호 재설정/ });
    await open(phone, mail.links[0]);
    await phone.getByTestId('reset-password-new').fill(NEW_PASSWORD);
    await phone.getByTestId('reset-password-confirm').fill(NEW_PASSWORD);
    await fitsTheScreen(phone);
    await phone.getByTestId('reset-password-submit').click();
    await phone.getByTestId('password-reset-done').waitFor({ timeout: 10_000 });
    // The old password no longer works; the new one does.
    await phone.getByTestId('signin-email').fill(email);
    await phone.getByTestId('signin-password').fill(TEST_PASSWORD);
    await phone.getByTestId('signin-submit').click();
    await phone.getByTestId('form-alert').waitFor({ timeout: 10_000 });
    await phone.getByTestId('signin-password').fill(NEW_PASSWORD);
    await phone.getByTestId('signin-submit').click();
    await phone.waitForURL((u) => !u.pathname.startsWith('/signin'), { timeout: 15_000 });
    await ownerContext.close();
    ownerContext = fresh;
    page = phone;
  });

  it('invites a colleague by e-mail; the colleague signs up from the mailed link and is a member at once', async () => {
    await page.goto(`${t.url}/organization`);
    await page.getByTestId('invite-email').fill(colleagueEmail);
    await page.getByTestId('invite-submit').click();
    await expect(page.getByTestId('invite-mailed').textContent({ timeout: 10_000 })).resolves.toContain(colleagueEmail);
    await fitsTheScreen(page);

    const invitation = await mailTo(t, colleagueEmail, { match: /초대/ });
    const colleague = await colleagueContext.newPage();
    await open(
      colleague,
      invitation.links.find((l) => l.includes('/signup?'))!,
    );
    await expect(colleague.getByTestId('invitation-notice').textContent({ timeout: 10_000 })).resolves.toContain(orgName);
    await expect(colleague.getByTestId('signup-email').inputValue()).resolves.toBe(colleagueEmail);
    await colleague.getByTestId('signup-password').fill(TEST_PASSWORD);
    await colleague.getByTestId('signup-display-name').fill('여정 동료');
    await colleague.getByTestId('consent-TERMS').check();
    await colleague.getByTestId('consent-PRIVACY').check();
    await fitsTheScreen(colleague);
    await colleague.getByTestId('signup-submit').click();
    await colleague.waitForURL('**/organization', { timeout: 15_000 });
    await expect(colleague.getByTestId('org-name').textContent({ timeout: 10_000 })).resolves.toContain(orgName);
    // The invitation was mailed to this address: no verification step for the colleague.
    await expect(colleague.getByTestId('email-unverified-banner').count()).resolves.toBe(0);
  });

  it('removes the colleague after confirming; the colleague no longer sees the organization', async () => {
    await page.reload();
    const row = page.getByTestId('member-row').filter({ hasText: colleagueEmail });
    await row.waitFor({ timeout: 10_000 });
    await fitsTheScreen(page);
    await row.getByTestId('member-remove').click();
    await page.getByTestId('action-confirm').click();
    await row.waitFor({ state: 'detached', timeout: 10_000 });

    const colleague = colleagueContext.pages()[0];
    await colleague.goto(`${t.url}/organization`);
    await colleague.waitForLoadState('networkidle');
    await expect(colleague.getByTestId('org-name').count()).resolves.toBe(0);
    // And is told by mail, naming the organization.
    const mail = await mailTo(t, colleagueEmail, { match: /제외되었습니다/ });
    expect(mail.subject).toContain(`${orgName}에서 제외되었습니다`);
  });
  it('turns off e-mail for one kind of notification on the account page; the choice is kept', async () => {
    await page.goto(`${t.url}/account`);
    const email = page.getByTestId('notification-pref-BID_RECEIVED-email');
    await email.waitFor({ timeout: 10_000 });
    // An SME sees the kinds it can receive, in Korean; staff-only kinds are not listed.
    await expect(page.getByTestId('notification-pref-BID_RECEIVED').textContent()).resolves.toContain('새 입찰 접수');
    await expect(page.getByTestId('notification-pref-LISTING_SUBMITTED').count()).resolves.toBe(0);
    expect(await email.isChecked()).toBe(true);
    await email.uncheck();
    await page.waitForFunction(
      () => !(document.querySelector('[data-testid="notification-pref-BID_RECEIVED-email"]') as HTMLInputElement).checked,
    );
    await page.reload();
    await page.getByTestId('notification-pref-BID_RECEIVED-email').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('notification-pref-BID_RECEIVED-email').isChecked()).toBe(false);
    expect(await page.getByTestId('notification-pref-BID_RECEIVED-inApp').isChecked()).toBe(true);
    await fitsTheScreen(page);
    await page.getByTestId('notification-preferences').screenshot({ path: '.test-results/notification-settings-375.png' });
  });
});
