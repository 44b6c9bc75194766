/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bootTestApp, createStaff, settleOutbox, type TestApp } from '@aimatch/api-testing';
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD, DemoSeeder } from '../../apps/api/src/seed/demo.seeder';
import { accessTokenOf, launchChromium, signInPage } from './browser';

const SME = 'sme@demo.aimatch.kr';
const SUPPLIER = 'supplier@demo.aimatch.kr';
const BIDDER = 's002@demo.aimatch.kr';
const D001_TITLE = '프레스 가공 자동차 브래킷 찍힘·스크래치 자동 검사';
const DESKTOP = { locale: 'ko-KR', viewport: { width: 1366, height: 900 } } as const;
const PHONE = { locale: 'ko-KR', viewport: { width: 375, height: 800 }, isMobile: true, hasTouch: true } as const;

/**
 * #14 items 1 and 8 in chromium on the demo marketplace: a supplier lands on its home and opens a
 * recommended demand to see its fit; an SME lands on its demands with a bid count; staff land on
 * the console; a match card shows its tier, summary and weights, low fit folded.
 */
describe('web client: role homes and readable match cards', () => {
  let t: TestApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const tokenOf = (email: string) => accessTokenOf(t, email, DEMO_PASSWORD);

  async function open(email: string, options: typeof DESKTOP | typeof PHONE = DESKTOP): Promise<Page> {
    const context = await browser.newContext(options);
    contexts.push(context);
    return signInPage(context, t, email, DEMO_PASSWORD);
  }
  const noHorizontalOverflow = (page: Page) =>
    page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1);

  beforeAll(async () => {
    t = await bootTestApp({ listen: true });
    await t.app.get(DemoSeeder).seed();
    await settleOutbox(t, 60_000);
    browser = await launchChromium();
    mkdirSync('.test-results', { recursive: true });
  }, 180_000);
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await t?.close();
  });

  it('a supplier lands on 내 기회, sees a recommended demand with its tier, opens it and sees its fit', async () => {
    const page = await open(SUPPLIER);
    await page.goto(`${t.url}/`);
    await page.getByTestId('home-supplier').waitFor({ timeout: 15_000 });
    await expect(page.locator('h1').textContent()).resolves.toBe('내 기회');
    const first = page.locator('[data-testid="home-recommended-list"] > li').first();
    await first.waitFor({ timeout: 30_000 });
    const tier = await first.getAttribute('data-tier');
    expect(['GOOD', 'REVIEW', 'LOW']).toContain(tier);
    await expect(first.locator('.fit-tier').textContent()).resolves.toMatch(/^(적합|검토|낮음)$/);
    await expect(first.locator('.home-row__meta').first().textContent()).resolves.toMatch(/[가-힣]/);
    // Every block answered, with content or an empty state that says what to do next.
    for (const id of ['home-invitations', 'home-consortium', 'home-bids', 'home-unread']) {
      await page.locator(`[data-testid="${id}"][data-state="done"]`).waitFor({ timeout: 15_000 });
    }
    await page.screenshot({ path: '.test-results/home-supplier.png', fullPage: true });

    await first.locator('a.home-row__title').click();
    await page.waitForURL(/\/listings\/[0-9a-f-]{36}$/);
    const fit = page.getByTestId('my-fit');
    await fit.waitFor({ timeout: 15_000 });
    await expect(page.getByTestId('my-fit-tier').textContent()).resolves.toMatch(/^(적합|검토|낮음)$/);
    await expect(page.getByTestId('my-fit-summary').textContent()).resolves.toMatch(/[가-힣]/);
    await expect(fit.getByTestId('reason-weight').first().textContent()).resolves.toMatch(/\d+%$/);
  });

  it('the supplier home fits a 375 px screen', async () => {
    const page = await open(SUPPLIER, PHONE);
    await page.goto(`${t.url}/`);
    await page.locator('[data-testid="home-recommended-list"] > li').first().waitFor({ timeout: 30_000 });
    expect(await noHorizontalOverflow(page)).toBe(true);
    await page.screenshot({ path: '.test-results/home-supplier-375.png', fullPage: true });
  });

  it('an SME lands on its demands and sees the bid count of the one that got a bid', async () => {
    const smeToken = await tokenOf(SME);
    const mine = await t.gql<{ myListings: { edges: Array<{ node: { id: string; title: string } }> } }>(
      '{ myListings(kind: DEMAND, status: PUBLISHED) { edges { node { id title } } } }',
      {},
      { token: smeToken },
    );
    const demandId = mine.data!.myListings.edges.find((e) => e.node.title === D001_TITLE)!.node.id;
    const bidderToken = await tokenOf(BIDDER);
    const org = (
      await t.gql<{ me: { memberships: Array<{ organization: { id: string } }> } }>(
        '{ me { memberships { organization { id } } } }',
        {},
        { token: bidderToken },
      )
    ).data!.me.memberships[0].organization.id;
    const created = await t.gql<{ createBid: { id: string; version: number } }>(
      'mutation($i: CreateBidInput!) { createBid(input: $i) { id version } }',
      {
        i: {
          demandId,
          organizationId: org,
          amountKrw: 80_000_000,
          durationWeeks: 10,
          approach: '프레스 라인 카메라와 결함 분류 모델로 찍힘과 스크래치를 검출합니다.',
          milestones: [{ title: '개발·설치', weeks: 10, amountKrw: 80_000_000 }],
          coveredConceptIds: [],
        },
      },
      { token: bidderToken },
    );
    expect(created.errors).toBeUndefined();
    const submitted = await t.gql(
      'mutation($id: ID!, $v: Int!) { submitBid(id: $id, version: $v) { status } }',
      {
        id: created.data!.createBid.id,
        v: created.data!.createBid.version,
      },
      { token: bidderToken },
    );
    expect(submitted.errors).toBeUndefined();

    const page = await open(SME);
    await page.goto(`${t.url}/`);
    await page.getByTestId('home-sme').waitFor({ timeout: 15_000 });
    await expect(page.getByTestId(`home-demand-bids-${demandId}`).textContent({ timeout: 15_000 })).resolves.toMatch(/입찰 [1-9]\d*건/);
    await expect(page.getByTestId('home-new-demand').getAttribute('href')).resolves.toBe('/listings/new?kind=DEMAND');
    await page.screenshot({ path: '.test-results/home-sme.png', fullPage: true });
  });

  it('staff land on the console', async () => {
    const email = `home-staff-${Date.now()}@aimatch.or.kr`;
    const { password, totpSecret } = await createStaff(t, { email });
    const context = await browser.newContext(DESKTOP);
    contexts.push(context);
    const page = await signInPage(context, t, email, password, { totpSecret });
    await page.goto(`${t.url}/`);
    await page.waitForURL((u) => u.pathname === '/staff/review', { timeout: 15_000 });
  });

  it('a match card shows its tier, plain summary and the weights next to the reasons; low fit folds under 더 보기 (N)', async () => {
    const smeToken = await tokenOf(SME);
    const mine = await t.gql<{ myListings: { edges: Array<{ node: { id: string; title: string } }> } }>(
      '{ myListings(kind: DEMAND, status: PUBLISHED) { edges { node { id title } } } }',
      {},
      { token: smeToken },
    );
    const demandId = mine.data!.myListings.edges.find((e) => e.node.title === D001_TITLE)!.node.id;
    const page = await open(SME);
    await page.goto(`${t.url}/listings/${demandId}`);
    await page.locator('[data-testid="matches"][data-state="done"]').waitFor({ timeout: 30_000 });
    const top = page.locator('[data-testid="matches-list"] article.match-card').first();
    const id = await top.getAttribute('data-listing-id');
    await expect(page.getByTestId(`match-tier-${id}`).textContent()).resolves.toBe('적합');
    await expect(page.getByTestId(`match-summary-${id}`).textContent()).resolves.toMatch(/맞/);
    await expect(top.getByTestId('reason-weight').first().textContent()).resolves.toMatch(/^[가-힣A-Za-z ]+ \d+%$/);
    await expect(top.locator('.match-feature__weight').first().isVisible()).resolves.toBe(true);

    const folded = page.locator('[data-testid="matches-list"] > li[data-folded="true"]');
    const count = await folded.count();
    expect(count).toBeGreaterThan(0);
    await expect(folded.first().isVisible()).resolves.toBe(false);
    const toggle = page.getByTestId('matches-low-toggle');
    await expect(toggle.textContent()).resolves.toBe(`적합도 낮음 더 보기 (${count})`);
    await toggle.click();
    await expect(folded.first().isVisible()).resolves.toBe(true);
    await expect(folded.first().locator('.fit-tier').textContent()).resolves.toBe('낮음');
    await top.screenshot({ path: '.test-results/home-match-card.png' });
  });

  it('removing a concept inferred from the demand text takes it out of the match card; undo brings it back', async () => {
    const smeToken = await tokenOf(SME);
    const mine = await t.gql<{ myListings: { edges: Array<{ node: { id: string; title: string } }> } }>(
      '{ myListings(kind: DEMAND, status: PUBLISHED) { edges { node { id title } } } }',
      {},
      { token: smeToken },
    );
    const demandId = mine.data!.myListings.edges.find((e) => e.node.title === D001_TITLE)!.node.id;
    const page = await open(SME);
    await page.goto(`${t.url}/listings/${demandId}`);
    await page.locator('[data-testid="matches"][data-state="done"]').waitFor({ timeout: 30_000 });
    await page.getByTestId('inferred-concepts').waitFor({ timeout: 15_000 });
    // An inferred concept the top card counts as matched.
    const top = page.locator('[data-testid="matches-list"] article.match-card').first();
    const topId = (await top.getAttribute('data-listing-id'))!;
    const inferredOnCard = await top
      .locator('li.tag:has([data-testid="match-inferred"])')
      .evaluateAll((tags) => tags.map((tag) => tag.getAttribute('data-concept-id')!));
    const offered = await page
      .locator('[data-testid="inferred-concepts"] li[data-decision=""]')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-testid')!.replace(/^inferred-/, '')));
    const conceptId = inferredOnCard.find((id) => offered.includes(id));
    expect(conceptId).toBeDefined();
    const card = page.getByTestId(`match-card-${topId}`);
    await expect(card.locator(`li.tag[data-concept-id="${conceptId}"]`).count()).resolves.toBeGreaterThan(0);

    await page.getByTestId(`inferred-remove-${conceptId}`).click();
    await page.locator(`[data-testid="inferred-${conceptId}"][data-decision="DISMISSED"]`).waitFor({ timeout: 15_000 });
    await page.waitForFunction(
      ([id, concept]) => {
        const c = document.querySelector(`[data-testid="match-card-${id}"]`);
        return !!c && !c.querySelector(`li.tag[data-concept-id="${concept}"]`);
      },
      [topId, conceptId!] as const,
      { timeout: 30_000 },
    );
    await page.getByTestId('inferred-concepts').screenshot({ path: '.test-results/home-inferred-removed.png' });

    await page.getByTestId(`inferred-undo-${conceptId}`).click();
    await page.waitForFunction(
      ([id, concept]) => !!document.querySelector(`[data-testid="match-card-${id}"] li.tag[data-concept-id="${concept}"]`),
      [topId, conceptId!] as const,
      { timeout: 30_000 },
    );
  });
});
