/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bootTestApp, createStaff, settleOutbox, type TestApp } from '@aimatch/api-testing';
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DemoSeeder } from '../../apps/api/src/seed/demo.seeder';
import { launchChromium, signInPage } from './browser';

/** A phone (375 px wide) in Korean. */
const PHONE_KO = { locale: 'ko-KR', viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true } as const;

/**
 * #15: the console's occasional pages (support programs, verified suppliers, market numbers) on a
 * 375 px phone scroll only downwards (`scrollWidth <= 375`); the supplier list filters by region and
 * certification with pickers of the vocabulary's concepts, not typed ids.
 */
describe('web client: staff console pages at 375 px', () => {
  let t: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    t = await bootTestApp({ listen: true });
    await t.app.get(DemoSeeder).seed(); // the demo marketplace: programs, verified suppliers with certifications, listings, bids
    await settleOutbox(t, 60_000);
    browser = await launchChromium();
    mkdirSync('.test-results', { recursive: true });
    const email = `phone-staff-${Date.now()}@aimatch.or.kr`;
    const { password, totpSecret } = await createStaff(t, { email });
    context = await browser.newContext(PHONE_KO);
    page = await signInPage(context, t, email, password, { totpSecret });
  }, 180_000);
  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
    await t?.close();
  });

  const fits = async (name: string) => {
    await page.screenshot({ path: `.test-results/${name}-375.png`, fullPage: true }).catch(() => undefined);
    const widths = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      wide: [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > 375.5 && !e.closest('.table-scroll'))
        .slice(0, 5)
        .map((e) => `${e.tagName.toLowerCase()}.${e.className}`),
    }));
    expect([name, widths]).toEqual([name, { scroll: widths.scroll, wide: [] }]);
    expect(widths.scroll).toBeLessThanOrEqual(375);
  };

  it('/staff/programs fits the phone', async () => {
    await page.goto(`${t.url}/staff/programs`);
    await page.getByTestId('staff-programs-page').waitFor({ timeout: 15_000 });
    await page.getByTestId('program-new').waitFor();
    await page.waitForLoadState('networkidle');
    await fits('staff-programs');
    // The editor with a rule row open.
    await page.getByTestId('program-new').click();
    await page.getByTestId('rule-add').click();
    await page.getByTestId('rule-fact-0').selectOption('organization.region');
    await fits('staff-programs-editor');
  });

  it('/staff/suppliers fits the phone and filters with region and certification pickers', async () => {
    await page.goto(`${t.url}/staff/suppliers`);
    await page.getByTestId('verified-suppliers-page').waitFor({ timeout: 15_000 });
    const region = page.getByTestId('suppliers-region');
    const certification = page.getByTestId('suppliers-certification');
    const options = (id: string, min: number) =>
      page.waitForFunction(
        ([testId, n]) => (document.querySelector<HTMLSelectElement>(`[data-testid="${testId}"]`)?.options.length ?? 0) > n,
        [id, min] as const,
      );
    await options('suppliers-region', 5);
    await options('suppliers-certification', 2);
    expect(await region.evaluate((s: HTMLSelectElement) => [...s.options].map((o) => o.textContent))).toContain('경상남도');
    await region.selectOption('urn:aimatch:region:gyeongnam');
    await certification.selectOption({ index: 1 });
    await page.getByRole('button', { name: '적용' }).click();
    await page.getByTestId('suppliers-table').waitFor();
    await expect(page.getByRole('alert').count()).resolves.toBe(0);
    await fits('staff-suppliers-filtered');
    // Unfiltered: the demo's verified suppliers with their certifications in the table.
    await region.selectOption('');
    await certification.selectOption('');
    await page.getByRole('button', { name: '적용' }).click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="suppliers-table"] tbody tr').length > 0);
    await fits('staff-suppliers');
  });

  it('/staff/stats fits the phone', async () => {
    await page.goto(`${t.url}/staff/stats`);
    await page.getByTestId('market-stats-page').waitFor({ timeout: 15_000 });
    await page.getByTestId('stats-chart-LISTINGS_BY_STATUS').waitFor({ timeout: 15_000 });
    await page.getByTestId('stats-chart-NEW_LISTINGS').waitFor({ timeout: 15_000 });
    await page.waitForLoadState('networkidle');
    await fits('staff-stats');
  });
});
