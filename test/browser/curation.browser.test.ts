/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  bootTestApp,
  createDemand,
  publish,
  signInStaff,
  signUpOrganization,
  transition,
  TEST_PASSWORD,
  type TestApp,
  createStaff,
} from '@aimatch/api-testing';
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DESKTOP_KO, launchChromium, signInPage } from './browser';

/**
 * Browser test (b) of #12: staff open a curation queue item that copies another organization's
 * published demand and carries a phone number in its text, see the pre-check flags (near-duplicate
 * with a link to the other listing, contact details with the number masked), request changes with a
 * canned reason and a comment at an element; the owner is notified, opens the notification and
 * sees the comment on the listing page. Also read at 375 px.
 */
const PHONE = '010-2345-6789';
const BASE_TITLE = '도장 라인 외관 결함 자동 검사 시스템 구축';
const BASE_SUMMARY = '자동차 도장 라인에서 카메라로 외관 결함을 전수 검사하고 불량을 자동으로 분류하고 싶습니다.';

describe('web client: listing curation', () => {
  let t: TestApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let staffPage: Page;
  let ownerPage: Page;
  let originalId: string;
  let copyId: string;

  async function shot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: `.test-results/curation-${name}.png`, fullPage: true }).catch(() => undefined);
  }

  beforeAll(async () => {
    t = await bootTestApp({ listen: true });
    browser = await launchChromium();
    mkdirSync('.test-results', { recursive: true });
    const apiStaff = await signInStaff(t);
    // The original, published by one SME…
    const first = await signUpOrganization(t, { kind: 'SME' as never, nameKo: '한빛도장(주)' });
    originalId = (
      await publish(t, await createDemand(t, first, { title: BASE_TITLE, summary: BASE_SUMMARY }), first.accessToken, apiStaff.accessToken)
    ).id;
    // …and a near copy by another one, with a phone number in its text, submitted for review.
    const owner = await signUpOrganization(t, { kind: 'SME' as never, nameKo: '새별오토(주)' });
    const copy = await createDemand(t, owner, {
      title: BASE_TITLE,
      summary: `${BASE_SUMMARY} 문의는 ${PHONE} 으로 주세요.`,
    });
    const submitted = await transition(t, 'submitListing', copy, owner.accessToken);
    if (!submitted.data) throw new Error(JSON.stringify(submitted.errors));
    copyId = copy.id;

    const staffEmail = `curator-${Date.now()}@aimatch.or.kr`;
    const { password, totpSecret } = await createStaff(t, { email: staffEmail });
    const staffContext = await browser.newContext(DESKTOP_KO);
    contexts.push(staffContext);
    staffPage = await signInPage(staffContext, t, staffEmail, password, { totpSecret });
    const ownerContext = await browser.newContext(DESKTOP_KO);
    contexts.push(ownerContext);
    ownerPage = await signInPage(ownerContext, t, owner.email, TEST_PASSWORD);
  }, 120_000);
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await t?.close();
  });

  it('staff find the item in 등록 건 심사 (count in the navigation) with its flags, oldest first', async () => {
    const page = staffPage;
    await page.getByTestId('nav-review-count').waitFor({ timeout: 15_000 });
    await expect(page.getByTestId('nav-review-count').textContent()).resolves.toBe('1');
    await page.getByTestId('nav-review').click();
    await page.waitForURL('**/staff/review');
    const row = page.getByTestId(`review-row-${copyId}`);
    await row.waitFor({ timeout: 15_000 });
    await expect(page.getByTestId(`curation-org-${copyId}`).textContent()).resolves.toContain('새별오토');
    await expect(page.getByTestId(`curation-waiting-${copyId}`).textContent()).resolves.toContain('대기');
    const flags = page.getByTestId(`curation-flags-${copyId}`);
    await flags.waitFor({ timeout: 15_000 });
    const kinds = (await flags.getAttribute('data-flags')) ?? '';
    expect(kinds).toContain('NEAR_DUPLICATE');
    expect(kinds).toContain('PERSONAL_DATA');
    // A flagged item cannot be bulk-approved.
    await expect(page.getByTestId(`curation-select-${copyId}`).isDisabled()).resolves.toBe(true);
    await shot(page, 'queue');
  });

  it('staff open the item: pre-check panel, never-published diff, and request changes with a canned reason and a comment', async () => {
    const page = staffPage;
    await page.getByTestId(`curation-open-${copyId}`).click();
    await page.waitForURL(`**/staff/review/${copyId}`);
    await page.getByTestId('curation-item').waitFor({ timeout: 15_000 });
    const panel = page.getByTestId('precheck-panel');
    await panel.locator(`a[href="/listings/${originalId}"]`).first().waitFor({ timeout: 15_000 });
    const text = (await panel.textContent()) ?? '';
    // The phone number is named, masked, never shown whole.
    expect(text).not.toContain(PHONE);
    expect(text).toContain('010-****-6789');
    // A new listing: nothing to compare with.
    await page.getByTestId('curation-diff-never').waitFor({ timeout: 15_000 });

    await page.getByTestId('curation-action-requestChanges').click();
    await page.getByTestId('review-canned-contact-details').click();
    await expect(page.getByTestId('review-reason').inputValue()).resolves.toContain('연락처');
    await page.getByTestId('review-comment-path-0').selectOption('summary');
    await page.getByTestId('review-comment-text-0').fill('요약에서 전화번호를 지워 주세요.');
    await page.getByTestId('review-confirm').click();
    // The only item was decided: the queue is empty now.
    await page.getByTestId('curation-queue-empty').waitFor({ timeout: 15_000 });
    await shot(page, 'decided');

    // (c) The decision is in 감사 로그 with its actor and the status change.
    await page.getByTestId('nav-audit').click();
    await page.getByTestId('audit-log-page').waitFor({ timeout: 15_000 });
    const row = page.locator('[data-testid^="audit-row-"]', { hasText: 'listing.requestChanges' }).first();
    await row.waitFor({ timeout: 15_000 });
    await expect(row.getByTestId('audit-change').textContent()).resolves.toContain('CHANGES_REQUESTED');
  });

  it('the owner is notified, opens the notification and sees the comment at its element', async () => {
    const page = ownerPage;
    await page.reload();
    await page.getByTestId('notification-bell-button').click();
    const note = page.locator('[data-testid="notification-list"] li[data-type="LISTING_CHANGES_REQUESTED"]').first();
    await note.waitFor({ timeout: 15_000 });
    await expect(note.textContent()).resolves.toContain('수정 요청');
    await note.locator('.notification-item__open').click();
    await page.waitForURL((u) => u.pathname === `/listings/${copyId}`, { timeout: 10_000 });
    const feedback = page.getByTestId('review-feedback');
    await feedback.waitFor({ timeout: 15_000 });
    await expect(page.getByTestId('review-feedback-reason').textContent()).resolves.toContain('연락처');
    await expect(page.getByTestId('review-feedback-comments').textContent()).resolves.toContain('요약에서 전화번호를 지워 주세요.');
    // The stale "submitted" banner is not there.
    expect(await page.getByTestId('listing-notice').count()).toBe(0);
    await shot(page, 'owner-feedback');
  });

  it('the curation screens read at 375 px (no sideways scroll)', async () => {
    const page = staffPage;
    await page.setViewportSize({ width: 375, height: 812 });
    for (const path of ['/staff/review', `/staff/review/${copyId}`, '/staff/prohibited-keywords']) {
      await page.goto(`${t.url}${path}`);
      await page.locator('h1').first().waitFor({ timeout: 15_000 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect({ path, overflow }).toEqual({ path, overflow: 0 });
    }
    await shot(page, 'item-375');
  });
});
