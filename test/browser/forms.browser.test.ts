/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bootTestApp, settleOutbox, type TestApp } from '@aimatch/api-testing';
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD, DemoSeeder } from '../../apps/api/src/seed/demo.seeder';
import { accessTokenOf, DESKTOP_KO, launchChromium, signInPage } from './browser';

const D001_TITLE = '프레스 가공 자동차 브래킷 찍힘·스크래치 자동 검사';
const SME = 'sme@demo.aimatch.kr';
const SUPPLIER = 'supplier@demo.aimatch.kr';
const WIDE = { width: 1366, height: 900 };
const PHONE = { width: 375, height: 812 };

/**
 * Forms that help (#14 item 7), in chromium: a failed sign-up names every mistake at once and
 * focuses the first, fixing a field clears its error; the editor reads "1억5천" as 150,000,000 and
 * asks before in-app navigation drops unsaved changes; a bid is confirmed before it is sent.
 */
describe('web client: forms that help', () => {
  let t: TestApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  const testIdOfFocused = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
  const overflows = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
  const shot = (page: Page, name: string) =>
    page.screenshot({ path: `.test-results/forms-${name}.png`, fullPage: true }).catch(() => undefined);

  async function newPage(viewport = WIDE): Promise<Page> {
    const context = await browser.newContext({ ...DESKTOP_KO, viewport });
    contexts.push(context);
    return context.newPage();
  }
  async function signIn(email: string, viewport = WIDE): Promise<Page> {
    const context = await browser.newContext({ ...DESKTOP_KO, viewport });
    contexts.push(context);
    return signInPage(context, t, email, DEMO_PASSWORD);
  }

  beforeAll(async () => {
    t = await bootTestApp({ listen: true });
    await t.app.get(DemoSeeder).seed();
    await settleOutbox(t, 60_000);
    browser = await launchChromium();
    mkdirSync('.test-results', { recursive: true });
  }, 240_000);
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await t?.close();
  });

  for (const viewport of [WIDE, PHONE]) {
    it(`sign-up at ${viewport.width} px: every mistake at once, the first focused; fixing one clears it`, async () => {
      const page = await newPage(viewport);
      await page.goto(`${t.url}/signup`);
      await page.getByTestId('signup-email').fill('not-an-address');
      await page.getByTestId('signup-website').fill('example.co.kr');
      await page.getByTestId('signup-website').blur();
      await expect(page.getByTestId('signup-website').inputValue()).resolves.toBe('https://example.co.kr');
      await page.getByTestId('signup-submit').click();

      await page.getByTestId('field-error-email').waitFor({ timeout: 10_000 });
      for (const path of ['email', 'displayName', 'password', 'organization.nameKo', 'organization.businessRegistrationNumber']) {
        await expect(page.getByTestId(`field-error-${path}`).isVisible()).resolves.toBe(true);
      }
      await expect(page.getByTestId('field-error-email').textContent()).resolves.toContain('이메일');
      await expect(page.getByTestId('field-error-displayName').textContent()).resolves.toBe('필수 입력 항목입니다.');
      await expect(testIdOfFocused(page)).resolves.toBe('signup-email');
      await expect(page.getByTestId('signup-email').getAttribute('aria-invalid')).resolves.toBe('true');
      // Next to the button: how many fields to fix.
      await expect(page.getByTestId('form-alert').textContent()).resolves.toBe('입력한 내용 중 5곳을 확인해 주세요.');
      await expect(overflows(page)).resolves.toBe(false);
      await shot(page, `signup-${viewport.width}`);

      // The keystroke that fixes a field takes its error away; the others stay.
      await page.getByTestId('signup-display-name').fill('김민지');
      await expect(page.getByTestId('field-error-displayName').count()).resolves.toBe(0);
      await expect(page.getByTestId('signup-display-name').getAttribute('aria-invalid')).resolves.toBe('false');
      await expect(page.getByTestId('field-error-email').isVisible()).resolves.toBe(true);
      await expect(page.getByTestId('field-error-password').isVisible()).resolves.toBe(true);
      expect(new URL(page.url()).pathname).toBe('/signup');
    });
  }

  it('editor: "1억5천" is read back and saved as 150,000,000; leaving with changes asks first, not after a save', async () => {
    const page = await signIn(SME);
    await page.goto(`${t.url}/listings/new?kind=DEMAND`);
    await page.getByTestId('editor-title').fill('용접 비드 외관 자동 검사');
    await page.getByTestId('editor-step-4').click();
    await page.getByTestId('editor-min-amount').fill('8천만');
    await page.getByTestId('editor-max-amount').fill('1억5천');
    await expect(page.getByTestId('editor-max-amount-reading').textContent()).resolves.toBe('1억 5,000만원');
    await expect(page.getByTestId('editor-max-amount-digits').textContent()).resolves.toContain('150,000,000원');
    await expect(page.getByTestId('editor-min-amount-reading').textContent()).resolves.toBe('8,000만원');
    await page.getByTestId('editor-save-draft').click();
    await page.waitForURL(/\/listings\/[0-9a-f-]{36}\/edit$/, { timeout: 15_000 });
    const id = /\/listings\/([0-9a-f-]{36})\/edit/.exec(page.url())![1];
    const saved = await t.gql<{ listing: { commercialTerms: { minAmountKrw: number; maxAmountKrw: number } } }>(
      'query($id: ID!) { listing(id: $id) { commercialTerms { minAmountKrw maxAmountKrw } } }',
      { id },
      { token: await accessTokenOf(t, SME, DEMO_PASSWORD) },
    );
    expect(saved.data!.listing.commercialTerms).toEqual({ minAmountKrw: 80_000_000, maxAmountKrw: 150_000_000 });

    // Submitting the incomplete demand: the editor goes to the first step in error and focuses its
    // first field; the required AI task is named on its step, and the reason stands above the buttons.
    await page.getByTestId('editor-step-6').click();
    await page.getByTestId('editor-submit').click();
    await page.getByTestId('field-error-summary').waitFor({ timeout: 15_000 });
    await expect(testIdOfFocused(page)).resolves.toBe('editor-summary');
    await expect(page.getByTestId('editor-step-2').getAttribute('data-has-errors')).resolves.toBe('true');
    await expect(page.getByTestId('editor-footer').getByTestId('editor-alert').getAttribute('role')).resolves.toBe('alert');
    await page.getByTestId('editor-step-2').click();
    await expect(page.getByTestId('field-error-AIRequirement.tasks').textContent()).resolves.toContain('필수');

    // A change, then a link away inside the app: asked; staying keeps the change.
    await page.getByTestId('editor-step-1').click();
    await page.getByTestId('editor-title').fill('용접 비드 외관 자동 검사 (수정)');
    await page.getByTestId('editor-view-listing').click();
    const dialog = page.getByTestId('confirm-dialog');
    // The dialog element can be in the page before its text is (under load): wait for the words, not only the element.
    await dialog.getByText('저장하지 않은 변경 사항').first().waitFor({ timeout: 10_000 });
    await shot(page, 'editor-leave');
    await page.getByTestId('confirm-cancel').click();
    expect(new URL(page.url()).pathname).toBe(`/listings/${id}/edit`);
    await expect(page.getByTestId('editor-title').inputValue()).resolves.toBe('용접 비드 외관 자동 검사 (수정)');
    // Saved: leaving is not questioned.
    await page.getByTestId('editor-save-draft').click();
    await page.waitForFunction(
      () => !document.querySelector('[data-testid="editor-state"]')?.textContent?.includes('저장하지 않은'),
      null,
      {
        timeout: 15_000,
      },
    );
    await page.getByTestId('editor-view-listing').click();
    await page.waitForURL(`**/listings/${id}`, { timeout: 15_000 });
    await expect(page.getByTestId('confirm-dialog').isVisible()).resolves.toBe(false);
  });

  it('bid at 375 px: a confirmation with the amount in words comes before the bid is sent; 수정 goes back', async () => {
    const res = await t.gql<{ myListings: { edges: Array<{ node: { id: string; title: string } }> } }>(
      '{ myListings { edges { node { id title } } } }',
      {},
      { token: await accessTokenOf(t, SME, DEMO_PASSWORD) },
    );
    const demandId = res.data!.myListings.edges.find((e) => e.node.title === D001_TITLE)!.node.id;
    const page = await signIn(SUPPLIER, PHONE);
    await page.goto(`${t.url}/listings/${demandId}`);
    await page.getByTestId('bid-start').click();
    await page.getByTestId('bid-amount').fill('1억 1천만');
    await expect(page.getByTestId('bid-amount-reading').textContent()).resolves.toBe('1억 1,000만원');
    await page.getByTestId('bid-weeks').fill('14');
    await page.getByTestId('bid-approach').fill('라인 카메라와 결함 분류 모델로 찍힘·스크래치를 검출합니다.');
    await page.getByTestId('bid-milestone-title-0').fill('설계·데이터 수집');
    await page.getByTestId('bid-milestone-weeks-0').fill('4');
    await page.getByTestId('bid-milestone-amount-0').fill('3천만');
    await page.getByTestId('bid-milestone-add').click();
    await page.getByTestId('bid-milestone-title-1').fill('모델 개발·설치');
    await page.getByTestId('bid-milestone-weeks-1').fill('10');
    await page.getByTestId('bid-milestone-amount-1').fill('80,000,000');
    await expect(page.getByTestId('bid-milestone-total').getAttribute('data-balanced')).resolves.toBe('true');

    await page.getByTestId('bid-submit').click();
    const summary = page.getByTestId('bid-confirm-summary');
    await summary.waitFor({ timeout: 10_000 });
    await expect(page.getByTestId('bid-confirm-amount').textContent()).resolves.toBe('1억 1,000만원');
    await expect(page.getByTestId('bid-confirm-amount-exact').textContent()).resolves.toContain('110,000,000원');
    await expect(page.getByTestId('bid-confirm-weeks').textContent()).resolves.toBe('14주');
    await expect(page.getByTestId('bid-confirm-milestone-0').textContent()).resolves.toContain('30,000,000원');
    await expect(page.getByTestId('bid-confirm-partners').textContent()).resolves.toContain('단독 입찰');
    await expect(overflows(page)).resolves.toBe(false);
    await shot(page, 'bid-confirm-375');

    // 수정: back to the form, nothing sent.
    await page.getByTestId('bid-confirm-edit').click();
    await expect(summary.count()).resolves.toBe(0);
    await expect(page.getByTestId('my-bid').count()).resolves.toBe(0);
    await page.getByTestId('bid-weeks').fill('12');
    await page.getByTestId('bid-milestone-weeks-1').fill('8');

    // 제출: now it is sent, as confirmed.
    await page.getByTestId('bid-submit').click();
    await expect(page.getByTestId('bid-confirm-weeks').textContent({ timeout: 10_000 })).resolves.toBe('12주');
    await page.getByTestId('bid-confirm-submit').click();
    await page.getByTestId('my-bid').waitFor({ timeout: 15_000 });
    await expect(page.getByTestId('bid-status').getAttribute('data-status')).resolves.toBe('SUBMITTED');
    const bids = await t.gql<{ myBids: { edges: Array<{ node: { amountKrw: number; durationWeeks: number } }> } }>(
      '{ myBids { edges { node { amountKrw durationWeeks } } } }',
      {},
      { token: await accessTokenOf(t, SUPPLIER, DEMO_PASSWORD) },
    );
    expect(bids.data!.myBids.edges.map((e) => e.node)).toContainEqual({ amountKrw: 110_000_000, durationWeeks: 12 });
  });
});
