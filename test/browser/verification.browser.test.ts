/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  bootTestApp,
  createDemand,
  mailTo,
  publish,
  signInStaff,
  signUpOrganization,
  TEST_PASSWORD,
  type TestApp,
  validBrn,
  createStaff,
  VERIFICATION_MAIL,
} from '@aimatch/api-testing';
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DESKTOP_KO, launchChromium, signInPage, submitBid } from './browser';

/**
 * Organization verification end to end in chromium: a NEW AI supplier signs up, is refused a bid
 * with the real reason next to the action, requests verification from its organization page;
 * staff find it in 인증 심사 (count in the navigation), check it and verify it; the supplier is
 * told and then submits its bid on a published demand. The organization page is also looked at 375 px wide.
 * The request carries a PDF as evidence (uploaded with a progress bar; an .exe renamed .pdf is refused
 * next to the file); staff see it on the review page and its link answers with the PDF's bytes.
 */
const EVIDENCE_PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1');
/** What an .exe starts with: "MZ", then padding. */
const FAKE_PDF = Buffer.concat([Buffer.from('MZ', 'latin1'), Buffer.alloc(126, 0x90)]);
describe('web client: organization verification', () => {
  let t: TestApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let demandId: string;
  let restrictedId: string;
  let supplierPage: Page;
  let staffPage: Page;
  const email = `new-supplier-${Date.now()}@example.kr`;
  const orgName = `새내기 비전 ${Date.now() % 100_000}`;
  let staffEmail = '';

  async function shot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: `.test-results/verification-${name}.png`, fullPage: true }).catch(() => undefined);
  }

  beforeAll(async () => {
    t = await bootTestApp({ listen: true });
    browser = await launchChromium();
    mkdirSync('.test-results', { recursive: true });
    const staff = await signInStaff(t);
    const sme = await signUpOrganization(t, { kind: 'SME' as never });
    demandId = (await publish(t, await createDemand(t, sme, { title: '도장 라인 결함 자동 검사' }), sme.accessToken, staff.accessToken)).id;
    restrictedId = (
      await publish(
        t,
        await createDemand(t, sme, { title: '인증 기관 전용 검사 수요', visibility: 'VERIFIED_SUPPLIERS' }),
        sme.accessToken,
        staff.accessToken,
      )
    ).id;
    staffEmail = `reviewer-${Date.now()}@aimatch.or.kr`;
    const { password, totpSecret } = await createStaff(t, { email: staffEmail });
    const staffContext = await browser.newContext(DESKTOP_KO);
    contexts.push(staffContext);
    staffPage = await signInPage(staffContext, t, staffEmail, password, { totpSecret });
  }, 120_000);
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await t?.close();
  });

  it('a new supplier signs up and is refused a bid with the real reason, then requests verification', async () => {
    const context = await browser.newContext(DESKTOP_KO);
    contexts.push(context);
    supplierPage = await context.newPage();
    const page = supplierPage;
    await page.goto(`${t.url}/signup`);
    await page.getByTestId('signup-email').fill(email);
    await page.getByTestId('signup-password').fill(TEST_PASSWORD);
    await page.getByTestId('signup-display-name').fill('신규 공급사 대표');
    await page.getByTestId('signup-org-kind').selectOption('AI_SUPPLIER');
    await page.getByTestId('signup-org-name-ko').fill(orgName);
    await page.getByTestId('signup-brn').fill(validBrn());
    await page.getByTestId('signup-region').selectOption('urn:aimatch:region:seoul');
    await page.getByTestId('consent-TERMS').check();
    await page.getByTestId('consent-PRIVACY').check();
    await page.getByTestId('signup-submit').click();
    await page.waitForURL('**/organization', { timeout: 15_000 });
    // The e-mail first, from the mail's link (the organization's verification is the association's, below).
    await page.getByTestId('email-unverified-banner').waitFor({ timeout: 15_000 });
    const mail = await mailTo(t, email, { match: VERIFICATION_MAIL });
    await page.goto(`${t.url}${new URL(mail.links[0]).pathname}${new URL(mail.links[0]).search}`);
    await page.getByTestId('verify-email-done').waitFor({ timeout: 15_000 });

    // A demand for verified suppliers only: not found, with why and how to get verified.
    await page.goto(`${t.url}/listings/${restrictedId}`);
    await page.getByTestId('listing-not-found').waitFor({ timeout: 15_000 });
    await expect(page.getByTestId('verification-panel').textContent({ timeout: 15_000 })).resolves.toContain('인증 기관 전용 수요');

    // A correct bid is refused: the reason stands next to the action, not only a generic banner.
    await page.goto(`${t.url}/listings/${demandId}`);
    await page.getByTestId('bid-start').click();
    await page.getByTestId('bid-amount').fill('80000000');
    await page.getByTestId('bid-weeks').fill('10');
    await page.getByTestId('bid-approach').fill('도장면 결함을 라인 카메라와 분류 모델로 검출합니다.');
    await page.getByTestId('bid-milestone-title-0').fill('전체 구축');
    await page.getByTestId('bid-milestone-weeks-0').fill('10');
    await page.getByTestId('bid-milestone-amount-0').fill('80000000');
    await submitBid(page);
    const reason = page.getByTestId('bid-action-reason');
    await expect(reason.textContent({ timeout: 15_000 })).resolves.toContain('협회 인증(VERIFIED)을 받은 기관만 입찰할 수 있습니다.');
    // …with what verification means and the way to ask for it.
    await expect(page.getByTestId('bid-alert').textContent()).resolves.not.toContain('입력값을 확인해 주세요.');
    const panel = page.getByTestId('verification-panel');
    await expect(panel.textContent()).resolves.toContain('영업일 기준 2~3일');
    await shot(page, 'bid-refused');

    // The request, from the organization page.
    await page.goto(`${t.url}/organization`);
    await expect(page.getByTestId('verification-state').textContent({ timeout: 15_000 })).resolves.toContain(
      '아직 인증을 요청하지 않았습니다',
    );
    // Evidence: the .exe renamed .pdf is refused next to the file (the server's reason) and removed; the PDF uploads.
    await page.getByTestId('evidence-input').setInputFiles([{ name: '프로그램.pdf', mimeType: 'application/pdf', buffer: FAKE_PDF }]);
    const refusedFile = page.getByTestId('evidence-item').filter({ hasText: '프로그램.pdf' });
    await expect(refusedFile.getByTestId('evidence-error').textContent({ timeout: 15_000 })).resolves.toMatch(/PDF, PNG, JPEG/);
    await refusedFile.getByTestId('evidence-remove').click();
    await page
      .getByTestId('evidence-input')
      .setInputFiles([{ name: '사업자등록증.pdf', mimeType: 'application/pdf', buffer: EVIDENCE_PDF }]);
    const evidence = page.getByTestId('evidence-item').filter({ hasText: '사업자등록증.pdf' });
    await evidence.getByTestId('evidence-done').waitFor({ timeout: 15_000 });
    await expect(evidence.getByTestId('evidence-progress').getAttribute('value')).resolves.toBe('100');
    await expect(page.getByTestId('evidence-item').count()).resolves.toBe(1);
    await page.getByTestId('verification-note').fill('사업자등록증 사본을 첨부했습니다.');
    await page.getByTestId('verification-request').click();
    await page.getByTestId('verification-sent').waitFor({ timeout: 15_000 });
    await expect(page.getByTestId('verification-panel').getAttribute('data-status')).resolves.toBe('PENDING');
    await expect(page.getByTestId('verification-state').textContent()).resolves.toContain('인증 심사 중');
    await shot(page, 'requested');
  });

  it('staff find it in 인증 심사, check it and verify it', async () => {
    const page = staffPage;
    await page.goto(`${t.url}/`);
    const count = page.getByTestId('nav-verification-count');
    await expect(count.textContent({ timeout: 15_000 })).resolves.toBe('1');
    await page.getByTestId('nav-verification').click();
    const row = page.locator('[data-testid^="verification-row-"]', { hasText: orgName });
    await row.waitFor({ timeout: 15_000 });
    await row.locator('[data-testid^="verification-open-"]').click();
    await page.getByTestId('verification-review').waitFor({ timeout: 15_000 });
    await expect(page.getByTestId('review-brn').getAttribute('data-valid')).resolves.toBe('true');
    await expect(page.getByTestId('review-note').textContent()).resolves.toContain('사업자등록증 사본');
    await expect(page.getByTestId('review-members').textContent()).resolves.toContain(email);
    await expect(page.getByTestId('review-listings-count').textContent()).resolves.toBe('0');
    // The evidence, with name, size and type, and a link that downloads the PDF's bytes.
    const file = page.getByTestId('review-evidence-item');
    await expect(file.count()).resolves.toBe(1);
    await expect(file.textContent()).resolves.toMatch(/사업자등록증\.pdf.*PDF/);
    const href = await file.getByTestId('review-evidence-link').getAttribute('href');
    expect(href).toMatch(/^\/files\/[0-9a-f-]{36}\?exp=\d+&sig=/);
    const download = await page.request.get(`${t.url}${href}`);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toBe('application/pdf');
    expect(Buffer.compare(await download.body(), EVIDENCE_PDF)).toBe(0);
    await shot(page, 'review');

    // REJECTED needs a reason: the server says so next to the field.
    await page.getByTestId('review-decision-REJECTED').check();
    await page.getByTestId('review-submit').click();
    await page.getByTestId('field-error-reason').waitFor({ timeout: 10_000 });

    await page.getByTestId('review-decision-VERIFIED').check();
    await page.getByTestId('review-submit').click();
    await page.getByTestId('review-decided').waitFor({ timeout: 15_000 });
    await page.waitForFunction(
      () => document.querySelector('[data-testid="review-org-status"]')?.getAttribute('data-status') === 'VERIFIED',
      undefined,
      { timeout: 15_000 },
    );
    // "Next item": nothing else is waiting.
    await page.getByTestId('review-next').click();
    await page.getByTestId('review-no-next').waitFor({ timeout: 10_000 });
  });

  it('the supplier is told, and now submits its bid', async () => {
    const page = supplierPage;
    await page.goto(`${t.url}/organization`);
    await expect(page.getByTestId('verification-panel').getAttribute('data-status')).resolves.toBe('VERIFIED');
    await page.getByTestId('notification-bell-button').click();
    const told = page.locator('[data-testid="notification-list"] li[data-type="VERIFICATION_DECIDED"]').first();
    await expect(told.textContent({ timeout: 15_000 })).resolves.toContain('기관 인증이 완료되었습니다');
    await page.getByTestId('notification-bell-button').click();

    await page.goto(`${t.url}/listings/${demandId}`);
    // The refused attempt left nothing behind: a fresh form.
    await page.getByTestId('bid-start').click();
    await page.getByTestId('bid-amount').fill('80000000');
    await page.getByTestId('bid-weeks').fill('10');
    await page.getByTestId('bid-approach').fill('도장면 결함을 라인 카메라와 분류 모델로 검출합니다.');
    await page.getByTestId('bid-milestone-title-0').fill('전체 구축');
    await page.getByTestId('bid-milestone-weeks-0').fill('10');
    await page.getByTestId('bid-milestone-amount-0').fill('80000000');
    await submitBid(page);
    await page.getByTestId('my-bid').waitFor({ timeout: 15_000 });
    await expect(page.getByTestId('bid-status').getAttribute('data-status')).resolves.toBe('SUBMITTED');
  });

  it('the organization page reads at 375 px', async () => {
    const page = supplierPage;
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto(`${t.url}/organization`);
    await page.getByTestId('verification-panel').waitFor({ timeout: 15_000 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(page, 'organization-375');
    await staffPage.setViewportSize({ width: 375, height: 812 });
    await staffPage.goto(`${t.url}/staff/verification`);
    await staffPage.getByTestId('verification-queue-page').waitFor({ timeout: 15_000 });
    const staffOverflow = await staffPage.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(staffOverflow).toBeLessThanOrEqual(0);
    await shot(staffPage, 'queue-375');
  });

  it('staff open 감사 로그 and see the verification decision (action, organization, staff actor), also at 375 px', async () => {
    const page = staffPage;
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${t.url}/`);
    await page.getByTestId('nav-audit').click();
    await page.getByTestId('audit-log-page').waitFor({ timeout: 15_000 });
    const decided = page.locator('[data-testid^="audit-row-"]', { hasText: 'verification.decided' }).filter({ hasText: orgName });
    await decided.first().waitFor({ timeout: 15_000 });
    await expect(decided.first().getByTestId('audit-actor').textContent()).resolves.toContain(staffEmail);
    await expect(decided.first().getByTestId('audit-change').textContent()).resolves.toContain('VERIFIED');

    // The action filter narrows the table to that action only.
    await page.getByTestId('audit-filter-action').fill('verification.requested');
    await page.getByTestId('audit-filter-apply').click();
    await page.waitForFunction(
      () => {
        const actions = [...document.querySelectorAll('[data-testid="audit-action"]')].map((e) => e.textContent);
        return actions.length > 0 && actions.every((a) => a === 'verification.requested');
      },
      undefined,
      { timeout: 15_000 },
    );
    await shot(page, 'audit');

    await page.setViewportSize({ width: 375, height: 812 });
    await page.getByTestId('audit-filter-action').fill('');
    await page.getByTestId('audit-filter-apply').click();
    await decided.first().waitFor({ timeout: 15_000 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(page, 'audit-375');
  });
});
