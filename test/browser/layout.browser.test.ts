/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bootTestApp, createStaff, settleOutbox, type StaffAccount, type TestApp } from '@aimatch/api-testing';
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD, DemoSeeder } from '../../apps/api/src/seed/demo.seeder';
import { accessTokenOf, launchChromium, signInPage } from './browser';

const D001_TITLE = '프레스 가공 자동차 브래킷 찍힘·스크래치 자동 검사';
const SME = 'sme@demo.aimatch.kr';
const SUPPLIER_A = 'supplier@demo.aimatch.kr';
const SUPPLIER_B = 's002@demo.aimatch.kr';
const PHONE = { locale: 'ko-KR', viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true } as const;

/** No horizontal scrolling: the page is never wider than the screen. */
async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}

/** The header is one row: every item of its row sits on the same line, and the header is no taller than one row. */
async function expectOneRowHeader(page: Page): Promise<void> {
  const rows = await page.getByTestId('site-header').evaluate((header) => {
    const row = header.querySelector('.header__inner')!;
    const tops = Array.from(row.children).map((c) => Math.round(c.getBoundingClientRect().top + c.getBoundingClientRect().height / 2));
    return { centres: new Set(tops.map((y) => Math.round(y / 8))).size, height: header.getBoundingClientRect().height };
  });
  expect(rows.centres).toBe(1);
  expect(rows.height).toBeLessThan(80);
}

/** Opens the compact header's menu and returns the test ids of the links in it. */
async function openMenu(page: Page): Promise<string[]> {
  const button = page.getByTestId('nav-menu-button');
  await expect(button.getAttribute('aria-expanded')).resolves.toBe('false');
  await button.click();
  await page.getByTestId('nav-menu').waitFor();
  await expect(button.getAttribute('aria-expanded')).resolves.toBe('true');
  return page
    .getByTestId('nav-menu')
    .locator('.nav__link')
    .evaluateAll((links) => links.map((a) => a.getAttribute('data-testid') ?? ''));
}

/**
 * The layout at 375 px (one-row header, the navigation in a menu sheet, no horizontal overflow on the home page,
 * a demand, the bid comparison and chat) and at 1366 px (one row with the longest navigation: staff, a supplier),
 * with the navigation narrowed to the roles that use it.
 */
describe('web client: layout at 375 px and 1366 px, navigation by role', () => {
  let t: TestApp;
  let browser: Browser;
  let staff: StaffAccount;
  let demandId: string;
  const contexts: BrowserContext[] = [];

  async function newContext(options: Parameters<Browser['newContext']>[0]): Promise<BrowserContext> {
    const context = await browser.newContext(options);
    contexts.push(context);
    return context;
  }

  async function bid(email: string, amountKrw: number): Promise<void> {
    const token = await accessTokenOf(t, email, DEMO_PASSWORD);
    const me = await t.gql<{ me: { memberships: Array<{ organization: { id: string } }> } }>(
      '{ me { memberships { organization { id } } } }',
      {},
      { token },
    );
    const organizationId = me.data!.me.memberships[0].organization.id;
    const created = await t.gql<{ createBid: { id: string; version: number } }>(
      'mutation($i: CreateBidInput!) { createBid(input: $i) { id version } }',
      {
        i: {
          demandId,
          organizationId,
          amountKrw,
          durationWeeks: 12,
          approach: '라인 카메라와 결함 분류 모델로 찍힘·스크래치를 검출하고, 현장 설치와 운영 교육까지 맡습니다.',
          milestones: [
            { title: '데이터 수집·라벨링', weeks: 4, amountKrw: amountKrw / 2 },
            { title: '모델 개발·현장 설치', weeks: 8, amountKrw: amountKrw / 2 },
          ],
        },
      },
      { token },
    );
    if (!created.data) throw new Error(JSON.stringify(created.errors));
    const submitted = await t.gql(
      'mutation($id: ID!, $version: Int!) { submitBid(id: $id, version: $version) { id } }',
      created.data.createBid,
      {
        token,
      },
    );
    if (!submitted.data) throw new Error(JSON.stringify(submitted.errors));
  }

  beforeAll(async () => {
    t = await bootTestApp({ listen: true });
    await t.app.get(DemoSeeder).seed();
    await settleOutbox(t, 60_000);
    staff = await createStaff(t, { admin: true });
    const res = await t.gql<{ myListings: { edges: Array<{ node: { id: string; title: string } }> } }>(
      '{ myListings { edges { node { id title } } } }',
      {},
      { token: await accessTokenOf(t, SME, DEMO_PASSWORD) },
    );
    demandId = res.data!.myListings.edges.find((e) => e.node.title === D001_TITLE)!.node.id;
    await bid(SUPPLIER_A, 110_000_000);
    await bid(SUPPLIER_B, 98_000_000);
    browser = await launchChromium();
    mkdirSync('.test-results', { recursive: true });
  }, 240_000);
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await t?.close();
  });

  it('375 px, signed out: one row (logo and menu), the menu holds browse, search and sign-in, traps focus, Escape returns it', async () => {
    const page = await (await newContext(PHONE)).newPage();
    await page.goto(`${t.url}/`);
    await page.getByTestId('nav-menu-button').waitFor();
    await expectOneRowHeader(page);
    await expectNoHorizontalOverflow(page);
    await page.screenshot({ path: '.test-results/layout-375-home.png' });
    await expect(page.getByTestId('nav-demands').count()).resolves.toBe(0);

    const links = await openMenu(page);
    expect(links).toEqual(expect.arrayContaining(['nav-demands', 'nav-supplies', 'nav-search', 'nav-signin', 'nav-signup']));
    expect(links).not.toContain('nav-my-bids');
    await expect(page.getByTestId('lang-switch').isVisible()).resolves.toBe(true);
    await page.screenshot({ path: '.test-results/layout-375-menu.png' });
    await expectNoHorizontalOverflow(page);

    // Focus moved into the sheet and stays there however far one tabs.
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      await expect(page.evaluate(() => Boolean(document.activeElement?.closest('[data-testid="nav-menu"]')))).resolves.toBe(true);
    }
    await page.keyboard.press('Escape');
    await page.getByTestId('nav-menu').waitFor({ state: 'detached' });
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('nav-menu-button');
    await expect(page.getByTestId('nav-menu-button').getAttribute('aria-expanded')).resolves.toBe('false');

    // A link in the menu navigates and closes it.
    await openMenu(page);
    await page.getByTestId('nav-demands').click();
    await page.waitForURL('**/demands');
    await page.getByTestId('nav-menu').waitFor({ state: 'detached' });
    await expectNoHorizontalOverflow(page);
  }, 90_000);

  it('375 px, the SME: the demand page and the bid comparison as cards fit the screen; no "내 입찰" in its menu', async () => {
    const page = await signInPage(await newContext(PHONE), t, SME, DEMO_PASSWORD);
    await page.getByTestId('nav-menu-button').waitFor();
    await expectOneRowHeader(page);
    await expect(page.getByTestId('notification-bell-button').isVisible()).resolves.toBe(true);
    const links = await openMenu(page);
    expect(links).toEqual(expect.arrayContaining(['nav-demands', 'nav-my-listings', 'nav-organization', 'nav-account']));
    expect(links).not.toContain('nav-my-bids');
    expect(links).not.toContain('nav-review');
    await expect(page.getByTestId('nav-signout').isVisible()).resolves.toBe(true);
    await page.keyboard.press('Escape');

    await page.goto(`${t.url}/listings/${demandId}`);
    const table = page.getByTestId('bids-table');
    await table.waitFor({ timeout: 15_000 });
    await page.locator('[data-testid^="bid-row-"]').nth(1).waitFor();
    await expectNoHorizontalOverflow(page);
    // Cards: no column headers, each bid a block as wide as the panel, its values labelled.
    await expect(table.locator('thead').isVisible()).resolves.toBe(false);
    const rows = await page
      .locator('[data-testid^="bid-row-"]')
      .evaluateAll((trs) => trs.map((tr) => ({ display: getComputedStyle(tr).display, right: tr.getBoundingClientRect().right })));
    for (const row of rows) {
      expect(row.display).toBe('block');
      expect(row.right).toBeLessThanOrEqual(375);
    }
    const label = await page
      .locator('[data-testid^="bid-amount-"]')
      .first()
      .evaluate((td) => getComputedStyle(td, '::before').content);
    expect(label).toBe('"금액"');
    await table.screenshot({ path: '.test-results/layout-375-bid-cards.png' });
    await expectOneRowHeader(page);
  }, 90_000);

  it('375 px, a supplier: chat fits the screen, and its menu has "내 입찰" and messages', async () => {
    const page = await signInPage(await newContext(PHONE), t, SUPPLIER_A, DEMO_PASSWORD);
    const links = await openMenu(page);
    expect(links).toEqual(expect.arrayContaining(['nav-my-listings', 'nav-my-bids', 'nav-organization']));
    await page.getByTestId('nav-messages').click();
    await page.waitForURL('**/messages');
    await page.getByTestId('nav-menu').waitFor({ state: 'detached' });
    await page.locator('main h1').first().waitFor();
    await expectNoHorizontalOverflow(page);
    await expectOneRowHeader(page);
    await page.screenshot({ path: '.test-results/layout-375-messages.png' });

    await page.goto(`${t.url}/listings/${demandId}`);
    await page.getByTestId('listing-jump-to-bid').waitFor({ timeout: 15_000 });
    await expectNoHorizontalOverflow(page);
  }, 90_000);

  it('1366 px and 1280 px: the staff console header is one row with every console link inline, no authoring links', async () => {
    const context = await newContext({ locale: 'ko-KR', viewport: { width: 1366, height: 900 } });
    const page = await signInPage(context, t, staff.email, staff.password, { totpSecret: staff.totpSecret });
    await page.getByTestId('nav-review').waitFor();
    for (const width of [1366, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      // The queue counts arrive after the links (and make the row longer): measure once the page has settled.
      await page.waitForLoadState('networkidle');
      const room = await page.getByTestId('site-header').evaluate((header) => {
        const links = header.querySelectorAll('.nav__list > li');
        const tools = header.querySelector('.header__tools');
        return links.length && tools ? tools.getBoundingClientRect().left - links[links.length - 1].getBoundingClientRect().right : NaN;
      });
      // Room left for the five queue counts (about 30 px each) before the row would have to fold into the menu.
      expect(room).toBeGreaterThanOrEqual(150);
      await expect(page.getByTestId('site-header').getAttribute('data-compact')).resolves.toBe('false');
      await expectOneRowHeader(page);
      for (const id of [
        'nav-demands',
        'nav-search',
        'nav-review',
        'nav-verification',
        'nav-certifications',
        'nav-audit',
        'nav-moderation',
        'nav-trust',
      ]) {
        await expect(page.getByTestId(id).isVisible()).resolves.toBe(true);
      }
      for (const id of ['nav-my-listings', 'nav-my-bids', 'nav-organization']) await expect(page.getByTestId(id).count()).resolves.toBe(0);
      await expectNoHorizontalOverflow(page);
    }
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.getByTestId('site-header').screenshot({ path: '.test-results/layout-1366-staff.png' });
  }, 90_000);

  it('1366 px: a supplier with every item keeps one row; 1024 px folds into the menu rather than wrapping', async () => {
    const page = await signInPage(
      await newContext({ locale: 'ko-KR', viewport: { width: 1366, height: 900 } }),
      t,
      SUPPLIER_A,
      DEMO_PASSWORD,
    );
    await page.getByTestId('nav-my-bids').waitFor();
    await expect(page.getByTestId('site-header').getAttribute('data-compact')).resolves.toBe('false');
    await expectOneRowHeader(page);
    await page.getByTestId('site-header').screenshot({ path: '.test-results/layout-1366-supplier.png' });
    await page.setViewportSize({ width: 1024, height: 800 });
    await expectOneRowHeader(page);
    await expectNoHorizontalOverflow(page);
    await page.getByTestId('site-header').screenshot({ path: '.test-results/layout-1024-supplier.png' });
  }, 90_000);
});
