/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { OrganizationKind } from '@aimatch/contracts';
import { bootTestApp, signUpOrganization, type SignedUp, type TestApp, TEST_PASSWORD, createStaff } from '@aimatch/api-testing';
import { mkdirSync } from 'node:fs';
import { randomInt } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DESKTOP_KO, launchChromium, signInPage } from './browser';

/**
 * A demand's life in chromium: an SME member writes it in the guided editor (vocabulary picker
 * searched in Korean), a field error shows at its field, it is submitted; staff approve it from
 * the review queue; an anonymous visitor finds it under /demands and opens it.
 */
describe('web client: listings', () => {
  let t: TestApp;
  let browser: Browser;
  let sme: SignedUp;
  let staff: { email: string; password: string; totpSecret: string };
  let listingId: string;
  const title = `프레스 부품 찍힘 자동 검사 ${randomInt(1e6)}`;
  const summary = '자동차 브래킷 프레스 라인에서 카메라로 전수 검사하고 불량을 자동 배출하고 싶습니다.';

  beforeAll(async () => {
    t = await bootTestApp({ listen: true });
    browser = await launchChromium();
    mkdirSync('.test-results', { recursive: true });
    sme = await signUpOrganization(t, { kind: OrganizationKind.SME, nameKo: '경남정밀(주)' });
    const email = `reviewer-${randomInt(1e9)}@aimatch.or.kr`;
    const created = await createStaff(t, { email });
    staff = { email, password: created.password, totpSecret: created.totpSecret };
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function signIn(context: BrowserContext, email: string, password: string, totpSecret?: string): Promise<Page> {
    return signInPage(context, t, email, password, { totpSecret });
  }

  describe('the SME member', () => {
    let context: BrowserContext;
    let page: Page;
    const byTestId = (id: string) => page.getByTestId(id);

    beforeAll(async () => {
      context = await browser.newContext(DESKTOP_KO);
      page = await signIn(context, sme.email, TEST_PASSWORD);
    });
    afterAll(async () => {
      await context?.close();
    });

    it('starts a demand from "my listings" and fills the basics', async () => {
      await byTestId('nav-my-listings').click();
      await byTestId('mine-new-demand').click();
      await page.waitForURL('**/listings/new?kind=DEMAND');
      await byTestId('editor-title').fill(title);
      await byTestId('editor-description').fill(
        '경남 김해의 2차 협력사입니다. 작업자 육안 검사를 카메라 기반 자동 검사로 바꾸고, 결과를 MES에 남기려 합니다.',
      );
      await byTestId('editor-region').selectOption('urn:aimatch:region:gyeongnam');
      const deadline = new Date(Date.now() + 30 * 86_400_000);
      const pad = (n: number) => String(n).padStart(2, '0');
      await byTestId('editor-bid-deadline').fill(
        `${deadline.getFullYear()}-${pad(deadline.getMonth() + 1)}-${pad(deadline.getDate())}T18:00`,
      );
      await byTestId('editor-save-draft').click();
      await page.waitForURL(/\/listings\/[0-9a-f-]{36}\/edit$/, { timeout: 15_000 });
      listingId = /\/listings\/([0-9a-f-]{36})\/edit/.exec(page.url())![1]!;
      await expect(byTestId('editor-status').getAttribute('data-status')).resolves.toBe('DRAFT');
      // Still on the first step, with what was typed.
      await expect(byTestId('editor-title').inputValue()).resolves.toBe(title);
    });

    it('finds "visual inspection" by typing a Korean word into the vocabulary picker', async () => {
      await byTestId('editor-next').click();
      await byTestId('concept-picker-tasks').fill('불량');
      const option = byTestId('concept-option-urn:aimatch:task:visual-inspection');
      await option.waitFor({ timeout: 10_000 });
      // The option shows where it sits in the hierarchy.
      await expect(option.textContent()).resolves.toContain('컴퓨터 비전');
      await option.click();
      await byTestId('concept-chip-tasks-urn:aimatch:task:visual-inspection').waitFor();

      await byTestId('concept-picker-modalities').fill('이미지');
      await byTestId('concept-option-urn:aimatch:modality:image').click();
      await byTestId('concept-picker-integrations').fill('MES');
      await byTestId('concept-option-urn:aimatch:integration:mes').click();
      await page.screenshot({ path: '.test-results/listing-editor-requirement.png', fullPage: true });
    });

    it('fills data and budget, and groups the amount by thousands', async () => {
      await byTestId('editor-next').click();
      // The data types chosen on step 2 are already here (#14 item 7): not asked twice.
      await byTestId('concept-chip-dataKinds-urn:aimatch:modality:image').waitFor({ timeout: 10_000 });
      await byTestId('concept-chip-systems-urn:aimatch:integration:mes').waitFor();
      await byTestId('editor-labelling').selectOption('UNLABELLED');
      await byTestId('editor-sample').check();
      await byTestId('editor-next').click();
      await byTestId('editor-min-amount').fill('70000000');
      await byTestId('editor-max-amount').fill('150000000');
      await expect(byTestId('editor-max-amount').inputValue()).resolves.toBe('150,000,000');
      await expect(byTestId('editor-max-amount-reading').textContent()).resolves.toBe('1억 5,000만원');
      await byTestId('editor-duration').fill('16');
      await byTestId('editor-next').click();
      await byTestId('editor-contact-name').fill('김민지');
      await byTestId('editor-contact-email').fill('minji@example.kr');
    });

    it('shows a missing summary at its field and marks the step', async () => {
      await byTestId('editor-next').click();
      await byTestId('editor-submit').click();
      const error = byTestId('field-error-summary');
      await error.waitFor({ timeout: 15_000 });
      await expect(error.textContent()).resolves.toContain('필수');
      await expect(byTestId('editor-step-1').getAttribute('data-has-errors')).resolves.toBe('true');
      await expect(byTestId('editor-step-2').getAttribute('data-has-errors')).resolves.toBe('false');
      expect(new URL(page.url()).pathname).toBe(`/listings/${listingId}/edit`);
      await page.screenshot({ path: '.test-results/listing-editor-error.png', fullPage: true });
    });

    it('submits once the summary is there', async () => {
      await byTestId('editor-summary').fill(summary);
      await byTestId('editor-step-6').click();
      await byTestId('editor-submit').click();
      await page.waitForURL(`**/listings/${listingId}`, { timeout: 15_000 });
      await expect(byTestId('listing-status').getAttribute('data-status')).resolves.toBe('SUBMITTED');
      await expect(byTestId('listing-title').textContent()).resolves.toBe(title);
      await expect(byTestId('listing-tasks').textContent()).resolves.toContain('비전 검사');
    });
  });

  describe('association staff', () => {
    let context: BrowserContext;
    let page: Page;
    const byTestId = (id: string) => page.getByTestId(id);

    beforeAll(async () => {
      context = await browser.newContext(DESKTOP_KO);
      page = await signIn(context, staff.email, staff.password, staff.totpSecret);
    });
    afterAll(async () => {
      await context?.close();
    });

    it('approves the demand from the review queue', async () => {
      await byTestId('nav-review').click();
      await byTestId(`review-open-${listingId}`).click();
      await page.waitForURL(`**/listings/${listingId}`);
      await byTestId('listing-action-approve').click();
      await byTestId('review-confirm').click();
      await page.waitForFunction(
        () => document.querySelector('[data-testid="listing-status"]')?.getAttribute('data-status') === 'PUBLISHED',
        undefined,
        { timeout: 15_000 },
      );
      await expect(byTestId('listing-notice').textContent()).resolves.toBeTruthy();
    });
  });

  describe('an anonymous visitor', () => {
    let context: BrowserContext;
    let page: Page;
    const byTestId = (id: string) => page.getByTestId(id);

    beforeAll(async () => {
      context = await browser.newContext(DESKTOP_KO);
      page = await context.newPage();
    });
    afterAll(async () => {
      await context?.close();
    });

    it('sees the demand under /demands and opens it, without the contact', async () => {
      await page.goto(`${t.url}/demands`);
      const card = byTestId(`listing-card-${listingId}`);
      await card.waitFor({ timeout: 15_000 });
      await expect(card.textContent()).resolves.toContain('경남정밀');
      await expect(byTestId(`listing-card-money-${listingId}`).textContent()).resolves.toBe('7,000만원 ~ 1억 5,000만원');
      await byTestId(`listing-card-link-${listingId}`).click();
      await page.waitForURL(`**/listings/${listingId}`);
      await expect(byTestId('listing-title').textContent()).resolves.toBe(title);
      await expect(byTestId('listing-status').getAttribute('data-status')).resolves.toBe('PUBLISHED');
      await byTestId('listing-contact-hidden').waitFor();
      expect(await byTestId('listing-action-submit').count()).toBe(0);
      await page.screenshot({ path: '.test-results/listing-detail.png', fullPage: true });
    });

    it('downloads the listing as AAS JSON', async () => {
      const [download] = await Promise.all([page.waitForEvent('download'), byTestId('download-aas').click()]);
      expect(download.suggestedFilename()).toBe(`listing-${listingId}.aas.json`);
      const path = await download.path();
      const { readFileSync } = await import('node:fs');
      const environment = JSON.parse(readFileSync(path, 'utf8')) as { submodels?: unknown[] };
      expect(Array.isArray(environment.submodels)).toBe(true);
    });
  });
});
