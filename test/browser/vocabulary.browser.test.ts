/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { OrganizationKind } from '@aimatch/contracts';
import {
  bootTestApp,
  createStaff,
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
import { DESKTOP_KO, launchChromium, signInPage } from './browser';

const PM = 'urn:aimatch:task:predictive-maintenance';
const SYNONYM = 'zorbtronics';

/**
 * #15 item 7 (first part): staff add a synonym in the vocabulary editor, and the search page finds a listing by it
 * once the outbox has re-indexed; the editor is usable at 375 px.
 */
describe('web client: vocabulary governance', () => {
  let t: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let listingId: string;

  beforeAll(async () => {
    t = await bootTestApp({ listen: true });
    browser = await launchChromium();
    mkdirSync('.test-results', { recursive: true });
    const apiStaff = (await signInStaff(t)).accessToken;
    const supplier = await signUpOrganization(t, { kind: OrganizationKind.AI_SUPPLIER, nameKo: '예지웍스(주)' });
    listingId = (
      await publish(
        t,
        await createSupply(t, supplier, {
          title: '설비 예지보전 솔루션',
          capability: { ...(supplyInput().capability as Record<string, unknown>), tasks: [PM] },
        }),
        supplier.accessToken,
        apiStaff,
      )
    ).id;
    await settleOutbox(t);
    const email = `vocab-${Date.now()}@aimatch.or.kr`;
    const { password, totpSecret } = await createStaff(t, { email });
    context = await browser.newContext(DESKTOP_KO);
    page = await signInPage(context, t, email, password, { totpSecret });
  }, 120_000);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await t?.close();
  });

  const searchIds = async (q: string) => {
    await page.goto(`${t.url}/search?q=${encodeURIComponent(q)}`);
    await page.waitForFunction(
      () => {
        const r = document.querySelector('[data-testid="search-results"]');
        return (
          r !== null &&
          r.getAttribute('data-state') !== 'loading' &&
          r.getAttribute('data-query') === new URL(location.href).searchParams.toString()
        );
      },
      undefined,
      { timeout: 15_000 },
    );
    return page
      .locator('[data-testid^="search-result-"]')
      .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-testid')!.slice('search-result-'.length)));
  };

  it('staff add a synonym and the search page finds the listing by it', async () => {
    expect(await searchIds(SYNONYM)).not.toContain(listingId);
    await page.goto(`${t.url}/staff/vocabulary`);
    await page.getByTestId('vocab-search').fill('predictive');
    const item = page.locator(`[data-testid="vocab-tree-item"][data-concept-id="${PM}"]`);
    await item.waitFor({ timeout: 15_000 });
    await item.click();
    const form = page.getByTestId('vocab-edit-form');
    await expect(form.locator('.vocab-editor__id').textContent()).resolves.toBe(PM);
    await page.locator('#vocab-synonymsEn').fill(SYNONYM);
    await page.locator('#vocab-synonymsEn').press('Enter');
    await expect(form.locator('.vocab-chip', { hasText: SYNONYM }).count()).resolves.toBe(1);
    await page.getByTestId('vocab-save').click();
    await page.getByTestId('vocab-notice').waitFor({ timeout: 15_000 });
    // The change history shows the edit.
    await page.locator('.vocab-editor__history li').first().waitFor({ timeout: 15_000 });
    await settleOutbox(t);
    expect(await searchIds(SYNONYM)).toContain(listingId);
  });

  it('the editor is usable at 375 px (no horizontal scrolling)', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${t.url}/staff/vocabulary`);
    await page.getByTestId('vocab-tree-item').first().waitFor({ timeout: 15_000 });
    await page.getByTestId('vocab-tree-item').first().click();
    await page.getByTestId('vocab-save').waitFor();
    await page.screenshot({ path: '.test-results/vocabulary-375.png', fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
