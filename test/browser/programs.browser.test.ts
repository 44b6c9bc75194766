/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bootTestApp, createStaff, settleOutbox, type TestApp } from '@aimatch/api-testing';
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD, DemoSeeder } from '../../apps/api/src/seed/demo.seeder';
import { accessTokenOf, launchChromium, signInPage } from './browser';

const SME = 'sme@demo.aimatch.kr';
const D001_TITLE = '프레스 가공 자동차 브래킷 찍힘·스크래치 자동 검사';
const DESKTOP = { locale: 'ko-KR', viewport: { width: 1366, height: 900 } } as const;
const PHONE = { locale: 'ko-KR', viewport: { width: 375, height: 800 }, isMobile: true, hasTouch: true } as const;
const PROGRAM = '브라우저 시험 중소기업 AI 도입 지원';

/**
 * #15 item 7 (middle part) in chromium on the demo marketplace: staff create a program whose rule
 * matches the demo SME, preview and publish it, and the SME sees it with its reasons on its demand
 * D001; the deduction calculator computes a worked example at 375 px without overflow.
 */
describe('web client: support programs and the deduction calculator', () => {
  let t: TestApp;
  let browser: Browser;
  let demandId: string;
  const contexts: BrowserContext[] = [];
  const noHorizontalOverflow = (page: Page) =>
    page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1);

  beforeAll(async () => {
    t = await bootTestApp({ listen: true });
    await t.app.get(DemoSeeder).seed();
    await settleOutbox(t, 60_000);
    browser = await launchChromium();
    mkdirSync('.test-results', { recursive: true });
    const res = await t.gql<{ myListings: { edges: Array<{ node: { id: string; title: string } }> } }>(
      '{ myListings { edges { node { id title } } } }',
      {},
      { token: await accessTokenOf(t, SME, DEMO_PASSWORD) },
    );
    demandId = res.data!.myListings.edges.find((e) => e.node.title === D001_TITLE)!.node.id;
  }, 180_000);
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await t?.close();
  });

  it('staff create and publish a program for SMEs; the SME sees it with its reasons on D001', async () => {
    const staffEmail = 'programs-staff@aimatch.kr';
    const { password, totpSecret } = await createStaff(t, { email: staffEmail });
    const staffContext = await browser.newContext(DESKTOP);
    contexts.push(staffContext);
    const staff = await signInPage(staffContext, t, staffEmail, password, { totpSecret });
    await staff.goto(`${t.url}/staff/programs`);
    await staff.getByTestId('program-new').click();
    await staff.getByTestId('program-nameKo').fill(PROGRAM);
    await staff.getByTestId('program-agencyKo').fill('중소벤처기업부');
    await staff.getByTestId('program-benefitKo').fill('AI 솔루션 도입비 지원');
    await staff.getByTestId('program-max').fill('1억');
    await staff.getByTestId('rule-add').click();
    await staff.getByTestId('rule-fact-0').selectOption('organization.kind');
    await staff.getByTestId('rule-0-value-SME').check();
    await staff.getByTestId('rule-preview').click();
    await expect(staff.getByTestId('rule-preview-result').textContent()).resolves.toMatch(
      /^\d+개 기관이 조건에 맞습니다 \(확인 필요 \d+\)$/,
    );
    await staff.getByTestId('program-save').click();
    const row = staff.locator('li[data-testid^="staff-program-"]', { hasText: PROGRAM });
    await row.waitFor({ timeout: 15_000 });
    await row.locator('[data-testid^="program-publish-"]').click();
    await row.getByText('게시됨').waitFor({ timeout: 15_000 });
    await staff.screenshot({ path: '.test-results/programs-staff.png', fullPage: true });

    const smeContext = await browser.newContext(DESKTOP);
    contexts.push(smeContext);
    const sme = await signInPage(smeContext, t, SME, DEMO_PASSWORD);
    await sme.goto(`${t.url}/listings/${demandId}`);
    const item = sme.locator('li[data-testid^="eligible-program-"]', { hasText: PROGRAM }).first();
    await item.waitFor({ timeout: 15_000 });
    await expect(item.locator('[data-testid^="eligible-program-verdict-"]').textContent()).resolves.toBe('지원 가능');
    await expect(item.getByTestId('eligible-program-rule').first().textContent()).resolves.toMatch(/[가-힣]/);
    await sme.screenshot({ path: '.test-results/programs-sme-demand.png', fullPage: true });
  });

  it('the calculator computes direct 100,000,000원 → 59,000,000원 at 375 px without overflow', async () => {
    const context = await browser.newContext(PHONE);
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${t.url}/tools/venture-deduction`);
    await page.getByTestId('deduction-notice').waitFor({ timeout: 15_000 });
    await page.getByTestId('deduction-investment-year').fill('2025');
    await page.getByTestId('deduction-tax-year').selectOption('2025');
    await expect(page.locator('[data-testid="deduction-tax-year"] option').count()).resolves.toBe(3);
    await page.getByTestId('deduction-income').fill('5억');
    await page.getByTestId('deduction-amount-0').fill('100000000');
    await page.getByTestId('deduction-calculate').click();
    const total = page.getByTestId('deduction-total');
    await total.waitFor({ timeout: 15_000 });
    await expect(total.getAttribute('data-krw')).resolves.toBe('59000000');
    await expect(total.textContent()).resolves.toBe('5,900만원');
    expect(await noHorizontalOverflow(page)).toBe(true);
    await page.screenshot({ path: '.test-results/deduction-375.png', fullPage: true });
  });
});
