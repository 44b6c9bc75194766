/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bootTestApp, createDemand, createStaff, publish, signInStaff, signUpOrganization, type TestApp } from '@aimatch/api-testing';
import { mkdirSync, readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DESKTOP_KO, launchChromium, signInPage } from './browser';

/**
 * #15 items 4 and 7: staff open 시장 통계 from the navigation; the dashboard draws its charts
 * (canvases with pixels), each with a table; a reversed range is refused next to the dates; a
 * table downloads as CSV with a BOM; at 375 px the charts fit the screen.
 */
describe('web client: market numbers dashboard', () => {
  let t: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    t = await bootTestApp({ listen: true });
    browser = await launchChromium();
    mkdirSync('.test-results', { recursive: true });
    const apiStaff = await signInStaff(t);
    const sme = await signUpOrganization(t, { kind: 'SME' as never });
    await publish(t, await createDemand(t, sme), sme.accessToken, apiStaff.accessToken);
    await publish(t, await createDemand(t, sme), sme.accessToken, apiStaff.accessToken);
    const email = `stats-${Date.now()}@aimatch.or.kr`;
    const { password, totpSecret } = await createStaff(t, { email });
    context = await browser.newContext({ ...DESKTOP_KO, acceptDownloads: true, viewport: { width: 1366, height: 900 } });
    page = await signInPage(context, t, email, password, { totpSecret });
  }, 120_000);
  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
    await t?.close();
  });

  /** True when the canvas has at least one non-transparent pixel. */
  const painted = (testId: string) =>
    page.getByTestId(testId).evaluate((canvas: HTMLCanvasElement) => {
      const ctx = canvas.getContext('2d');
      if (!ctx || canvas.width === 0 || canvas.height === 0) return false;
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) return true;
      return false;
    });

  it('renders the charts with their tables from the staff navigation', async () => {
    await page.goto(`${t.url}/staff/stats`);
    await page.getByTestId('market-stats-page').waitFor({ timeout: 15_000 });
    // In the staff navigation: the header's 더보기 menu lists the console's occasional pages.
    await page.getByTestId('nav-menu-button').click();
    await page.getByTestId('nav-menu').getByTestId('nav-stats').waitFor({ timeout: 10_000 });
    await page.keyboard.press('Escape');
    await page.getByTestId('stats-chart-LISTINGS_BY_STATUS').waitFor({ timeout: 15_000 });
    for (const id of ['stats-chart-LISTINGS_BY_STATUS', 'stats-chart-NEW_LISTINGS', 'stats-chart-LISTINGS_BY_TASK']) {
      expect(await painted(id)).toBe(true);
    }
    const statusTable = page.getByTestId('stats-section-LISTINGS_BY_STATUS').locator('table tbody tr');
    expect(await statusTable.count()).toBeGreaterThan(0);
    await expect(page.getByTestId('stats-section-LISTINGS_BY_STATUS').locator('table').textContent()).resolves.toContain('PUBLISHED');
    await page.screenshot({ path: '.test-results/market-stats-1366.png', fullPage: true }).catch(() => undefined);
  });

  it('refuses a reversed range next to the dates', async () => {
    await page.getByTestId('stats-from').fill('2026-03-31');
    await page.getByTestId('stats-to').fill('2026-03-01');
    await page.getByTestId('stats-apply').click();
    await expect(page.getByTestId('stats-range-error').textContent()).resolves.toContain('종료일은 시작일보다 빠를 수 없습니다');
    await page.getByTestId('stats-preset-90').click();
    await page.getByTestId('stats-range-error').waitFor({ state: 'detached' });
  });

  it('downloads a table as CSV with a BOM and Korean headers', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('stats-csv-LISTINGS_BY_STATUS').click()]);
    expect(download.suggestedFilename()).toMatch(/^aimatch-listings-by-status-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = readFileSync(await download.path(), 'utf8');
    expect(text.startsWith('\uFEFF공고 종류,상태,코드,건수\r\n')).toBe(true);
    expect(text).toContain('DEMAND');
  });

  it('fits 375 px: the charts resize to the screen', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    const canvas = page.getByTestId('stats-chart-LISTINGS_BY_STATUS');
    await page.waitForFunction(() => {
      const c = document.querySelector('[data-testid="stats-chart-LISTINGS_BY_STATUS"]');
      return !!c && c.getBoundingClientRect().width <= 375;
    });
    const box = await canvas.boundingBox();
    expect(box!.width).toBeLessThanOrEqual(375);
    expect(await painted('stats-chart-LISTINGS_BY_STATUS')).toBe(true);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: '.test-results/market-stats-375.png', fullPage: true }).catch(() => undefined);
  });
});
