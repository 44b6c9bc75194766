/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { OrganizationKind } from '@aimatch/contracts';
import {
  bootTestApp,
  createSupply,
  publish,
  settleOutbox,
  signInStaff,
  signUpOrganization,
  supplyInput,
  type TestApp,
} from '@aimatch/api-testing';
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { launchChromium } from './browser';

const VISION_TASK = 'urn:aimatch:task:visual-inspection';
const PDM_TASK = 'urn:aimatch:task:predictive-maintenance';
const FORECAST_TASK = 'urn:aimatch:task:demand-forecasting';

/**
 * The search page in chromium, against published supply listings indexed through the outbox:
 * Korean particles, initial consonants, a facet that becomes a filter chip in the URL, the back
 * button restoring the previous search, suggestions, the empty and the error state, ko and en.
 */
describe('web client: search', () => {
  let t: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let visionId: string;
  let pdmId: string;
  let forecastId: string;
  const byTestId = (id: string) => page.getByTestId(id);
  const capability = supplyInput().capability as Record<string, unknown>;

  beforeAll(async () => {
    t = await bootTestApp({ listen: true });
    browser = await launchChromium();
    mkdirSync('.test-results', { recursive: true });
    const staff = (await signInStaff(t)).accessToken;
    const supplier = await signUpOrganization(t, { kind: OrganizationKind.AI_SUPPLIER, nameKo: '비전웍스(주)' });
    const verified = await signUpOrganization(t, { kind: OrganizationKind.AI_SUPPLIER, nameKo: '한빛데이터(주)' });
    await t.app.get(DataSource).query(`UPDATE organizations SET verification_status = 'VERIFIED' WHERE id = $1`, [verified.organizationId]);

    visionId = (
      await publish(
        t,
        await createSupply(t, supplier, {
          title: '스마트 공장 불량 검출 비전 시스템',
          capability: { ...capability, tasks: [VISION_TASK] },
        }),
        supplier.accessToken,
        staff,
      )
    ).id;
    pdmId = (
      await publish(
        t,
        await createSupply(t, supplier, {
          title: '설비 예지보전 솔루션',
          summary: '진동 데이터로 설비 고장을 미리 알립니다.',
          description: '모터와 펌프의 진동을 분석해 고장 징후를 알려 줍니다.',
          capability: { ...capability, tasks: [PDM_TASK] },
          commercialTerms: { minAmountKrw: 30_000_000, maxAmountKrw: 80_000_000, leadTimeWeeks: 8 },
        }),
        supplier.accessToken,
        staff,
      )
    ).id;
    forecastId = (
      await publish(
        t,
        await createSupply(t, verified, {
          title: '물류센터 출고량 수요 예측',
          summary: '판매·출고 이력으로 품목별 출고량을 예측합니다.',
          description: '창고관리시스템 데이터를 연동해 주간 출고량을 예측합니다.',
          capability: { ...capability, tasks: [FORECAST_TASK] },
        }),
        verified.accessToken,
        staff,
      )
    ).id;
    await settleOutbox(t);

    context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await t?.close();
  });

  const params = () => new URL(page.url()).searchParams;
  /** Waits until the results region shows the answer (results, empty or error) to the search in the URL. */
  const settled = () =>
    page.waitForFunction(
      () => {
        const results = document.querySelector('[data-testid="search-results"]');
        return (
          results !== null &&
          results.getAttribute('data-state') !== 'loading' &&
          results.getAttribute('data-query') === new URL(window.location.href).searchParams.toString()
        );
      },
      undefined,
      { timeout: 15_000 },
    );
  const resultIds = async () =>
    page
      .locator('[data-testid^="search-result-"]')
      .evaluateAll((cards) => cards.map((card) => card.getAttribute('data-testid')!.slice('search-result-'.length)));

  async function searchFor(text: string): Promise<void> {
    await byTestId('search-input').fill(text);
    await byTestId('search-submit').click();
    await page.waitForURL((url) => url.searchParams.get('q') === (text.trim() || null), { timeout: 15_000 });
    await settled();
  }

  it('is linked from the header and lists everything published before a search', async () => {
    await page.goto(`${t.url}/`);
    await byTestId('nav-search').click();
    await page.waitForURL('**/search');
    await settled();
    expect(new Set(await resultIds())).toEqual(new Set([visionId, pdmId, forecastId]));
    await expect(byTestId('search-total').textContent()).resolves.toBe('총 3건');
  });

  it('finds "스마트 공장" through a particle (스마트공장의) and marks the matched words', async () => {
    await searchFor('스마트공장의');
    expect((await resultIds())[0]).toBe(visionId);
    const card = byTestId(`search-result-${visionId}`);
    const marked = await card.getByTestId('search-highlight').allTextContents();
    expect(marked).toEqual(expect.arrayContaining(['스마트', '공장']));
    // The rest of the title is plain text around the marks.
    await expect(card.locator('.listing-card__title').textContent()).resolves.toBe('스마트 공장 불량 검출 비전 시스템');
    await expect(byTestId('search-total').textContent()).resolves.toContain('스마트공장의');
  });

  it('finds the vision listing by initial consonants (ㅂㄹㄱㅊ)', async () => {
    await searchFor('ㅂㄹㄱㅊ');
    expect(await resultIds()).toContain(visionId);
  });

  it('turns a task facet into a filter chip in the URL, and the back button restores the previous search', async () => {
    await searchFor('');
    expect(await resultIds()).toHaveLength(3);
    const facet = byTestId(`facet-task-${PDM_TASK}`);
    await expect(facet.textContent()).resolves.toMatch(/예지 보전.*1/);
    await facet.click();
    await byTestId(`filter-chip-task-${PDM_TASK}`).waitFor({ timeout: 15_000 });
    expect(params().getAll('task')).toEqual([PDM_TASK]);
    await settled();
    expect(await resultIds()).toEqual([pdmId]);
    await page.screenshot({ path: '.test-results/search.png', fullPage: true });

    await page.goBack();
    await page.waitForURL((url) => url.pathname === '/search' && !url.searchParams.has('task') && !url.searchParams.has('q'));
    await settled();
    expect(await byTestId(`filter-chip-task-${PDM_TASK}`).count()).toBe(0);
    expect(new Set(await resultIds())).toEqual(new Set([visionId, pdmId, forecastId]));

    await page.goBack();
    await page.waitForURL((url) => url.searchParams.get('q') === 'ㅂㄹㄱㅊ');
    await settled();
    await expect(byTestId('search-input').inputValue()).resolves.toBe('ㅂㄹㄱㅊ');
    expect(await resultIds()).toContain(visionId);
  });

  it('narrows by kind tab, verified organizations and sort, all in the URL', async () => {
    await searchFor('');
    await byTestId('search-kind-SUPPLY').click();
    await page.waitForURL((url) => url.searchParams.get('kind') === 'SUPPLY');
    await byTestId('facet-verified-true').click();
    await page.waitForURL((url) => url.searchParams.get('verified') === '1');
    await settled();
    expect(await resultIds()).toEqual([forecastId]);
    await byTestId('filter-chip-remove-verified-true').click();
    await page.waitForURL((url) => !url.searchParams.has('verified'));
    await byTestId('search-sort').selectOption('amount_asc');
    await page.waitForURL((url) => url.searchParams.get('sort') === 'amount_asc');
    await settled();
    expect((await resultIds())[0]).toBe(pdmId);

    // Prices overlapping "from 100,000,000 KRW": the 30–80M offer drops out.
    await byTestId('search-amount-min').fill('100000000');
    await expect(byTestId('search-amount-min').inputValue()).resolves.toBe('100,000,000');
    await expect(byTestId('search-amount-min-reading').textContent()).resolves.toBe('1억원');
    await byTestId('search-amount-apply').click();
    await page.waitForURL((url) => url.searchParams.get('min') === '100000000');
    await byTestId('filter-chip-amountMin-100000000').waitFor();
    await settled();
    expect(new Set(await resultIds())).toEqual(new Set([visionId, forecastId]));
  });

  it('adds a filter from a concept suggestion with the keyboard', async () => {
    await page.goto(`${t.url}/search`);
    await settled();
    await byTestId('search-input').fill('예지보전');
    const option = page.locator(`[data-testid^="suggestion-"][data-id="${PDM_TASK}"]`);
    await option.waitFor({ timeout: 15_000 });
    await page.screenshot({ path: '.test-results/search-suggestions.png' });
    const index = Number((await option.getAttribute('data-testid'))!.slice('suggestion-'.length));
    for (let i = 0; i <= index; i += 1) await byTestId('search-input').press('ArrowDown');
    await expect(option.getAttribute('aria-selected')).resolves.toBe('true');
    await byTestId('search-input').press('Enter');
    await byTestId(`filter-chip-task-${PDM_TASK}`).waitFor({ timeout: 15_000 });
    expect(params().getAll('task')).toEqual([PDM_TASK]);
    await settled();
    expect(await resultIds()).toEqual([pdmId]);
  });

  it('shows the empty state with ways to broaden the search', async () => {
    await page.goto(`${t.url}/search?kind=SUPPLY`);
    await searchFor('양자암호 블록체인');
    await byTestId('search-empty').waitFor();
    await expect(byTestId('search-empty').textContent()).resolves.toContain('양자암호 블록체인');
    await byTestId('search-empty-all-kinds').waitFor();
    await page.screenshot({ path: '.test-results/search-empty.png', fullPage: true });
  });

  it("shows the server's message for a query that is too long, next to the box", async () => {
    await page.goto(`${t.url}/search?q=${encodeURIComponent('가'.repeat(301))}`);
    await byTestId('search-error').waitFor({ timeout: 15_000 });
    await expect(byTestId('field-error-q').textContent()).resolves.toBeTruthy();
    await expect(byTestId('search-input').getAttribute('aria-invalid')).resolves.toBe('true');
    await page.screenshot({ path: '.test-results/search-error.png' });
  });

  it('folds the filters away on a small screen', async () => {
    const phone = await browser.newContext({ locale: 'ko-KR', viewport: { width: 390, height: 844 }, isMobile: true });
    try {
      const mobile = await phone.newPage();
      await mobile.goto(`${t.url}/search?q=${encodeURIComponent('스마트공장의')}&kind=SUPPLY`);
      await mobile.getByTestId(`search-result-${visionId}`).waitFor({ timeout: 15_000 });
      expect(await mobile.getByTestId(`facet-task-${VISION_TASK}`).isVisible()).toBe(false);
      await mobile.screenshot({ path: '.test-results/search-mobile.png', fullPage: true });
      await mobile.getByRole('button', { name: '필터' }).click();
      await mobile.getByTestId(`facet-task-${VISION_TASK}`).waitFor();
    } finally {
      await phone.close();
    }
  });

  it('speaks English: concept labels of the facets in the UI language', async () => {
    await page.goto(`${t.url}/search`);
    await byTestId('lang-switch').click();
    await page.getByTestId(`facet-task-${PDM_TASK}`).filter({ hasText: 'Predictive maintenance' }).waitFor({ timeout: 15_000 });
    await settled();
    await searchFor('스마트공장의');
    await expect(byTestId('search-total').textContent()).resolves.toContain('found for');
    await page.screenshot({ path: '.test-results/search-en.png', fullPage: true });
  });
});
