/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bootTestApp, settleOutbox, type TestApp } from '@aimatch/api-testing';
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD, DemoSeeder } from '../../apps/api/src/seed/demo.seeder';
import { accessTokenOf, DESKTOP_KO, launchChromium, signInPage, submitBid } from './browser';

const D001_TITLE = '프레스 가공 자동차 브래킷 찍힘·스크래치 자동 검사';
const SME = 'sme@demo.aimatch.kr';
const SUPPLIER_A = 'supplier@demo.aimatch.kr';
const SUPPLIER_B = 's002@demo.aimatch.kr';
const DELIVERY_PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1');

/**
 * Bidding end to end in chromium on the demo marketplace: two suppliers bid on d001 (milestone
 * editor with a running total), the SME compares, shortlists and accepts A's bid, B is told live
 * that its bid was declined, the project runs on A's milestones (A delivers with a file, the SME
 * asks for rework, then accepts; the last acceptance completes it), and the double-blind reviews appear
 * on A's organization page only once both sides reviewed.
 */
describe('web client: bids, awards, reviews and notifications', () => {
  let t: TestApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let demandId: string;
  let orgA: string;
  let orgB: string;
  let smePage: Page;
  let aPage: Page;
  let bPage: Page;
  let bidA: string;
  let bidB: string;

  const tokenOf = (email: string) => accessTokenOf(t, email, DEMO_PASSWORD);

  async function firstOrgOf(email: string): Promise<string> {
    const res = await t.gql<{ me: { memberships: Array<{ organization: { id: string } }> } }>(
      '{ me { memberships { organization { id } } } }',
      {},
      { token: await tokenOf(email) },
    );
    return res.data!.me.memberships[0].organization.id;
  }

  async function signIn(email: string): Promise<Page> {
    const context = await browser.newContext(DESKTOP_KO);
    contexts.push(context);
    return signInPage(context, t, email, DEMO_PASSWORD);
  }

  async function shot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: `.test-results/bids-${name}.png`, fullPage: true }).catch(() => undefined);
  }

  /** Fills and submits a bid on d001 through the form. */
  async function placeBid(page: Page, amount: string, milestones: Array<[string, string, string]>): Promise<void> {
    await page.goto(`${t.url}/listings/${demandId}`);
    // "입찰하기" at the top of the demand brings the bid panel into view (#14).
    await page.getByTestId('listing-jump-to-bid').click();
    await page.waitForFunction(() => {
      const box = document.getElementById('bid-panel')?.getBoundingClientRect();
      return !!box && box.top >= 0 && box.top < window.innerHeight;
    });
    await page.getByTestId('bid-start').click();
    await page.getByTestId('bid-amount').fill(amount);
    await page.getByTestId('bid-weeks').fill('12');
    await page.getByTestId('bid-approach').fill('라인 카메라 2대와 딥러닝 결함 분류 모델로 찍힘·스크래치를 검출합니다.');
    for (let i = 0; i < milestones.length; i++) {
      if (i > 0) await page.getByTestId('bid-milestone-add').click();
      const [title, weeks, value] = milestones[i];
      await page.getByTestId(`bid-milestone-title-${i}`).fill(title);
      await page.getByTestId(`bid-milestone-weeks-${i}`).fill(weeks);
      await page.getByTestId(`bid-milestone-amount-${i}`).fill(value);
    }
  }

  beforeAll(async () => {
    t = await bootTestApp({ listen: true });
    await t.app.get(DemoSeeder).seed();
    await settleOutbox(t, 60_000);
    browser = await launchChromium();
    mkdirSync('.test-results', { recursive: true });
    const res = await t.gql<{ myListings: { edges: Array<{ node: { id: string; title: string } }> } }>(
      '{ myListings { edges { node { id title } } } }',
      {},
      { token: await tokenOf(SME) },
    );
    demandId = res.data!.myListings.edges.find((e) => e.node.title === D001_TITLE)!.node.id;
    orgA = await firstOrgOf(SUPPLIER_A);
    orgB = await firstOrgOf(SUPPLIER_B);
    [smePage, aPage, bPage] = await Promise.all([signIn(SME), signIn(SUPPLIER_A), signIn(SUPPLIER_B)]);
  }, 240_000);
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await t?.close();
  });

  it('the SME invites supplier A to bid from A’s profile; A is told and opens the demand from the notice', async () => {
    // #14 "Done when" (b) starts on the supplier's profile: the SME picks its demand and one of A's supply listings.
    const listings = await t.gql<{ organization: { publishedListings: { edges: Array<{ node: { id: string } }> } } }>(
      'query($id: ID!) { organization(id: $id) { publishedListings(kind: SUPPLY, first: 1) { edges { node { id } } } } }',
      { id: orgA },
      { token: await tokenOf(SME) },
    );
    const supplyId = listings.data!.organization.publishedListings.edges[0].node.id;
    await smePage.goto(`${t.url}/organizations/${orgA}`);
    await smePage.getByTestId('org-profile-contact').waitFor({ timeout: 15_000 });
    if (await smePage.getByTestId('org-profile-about').count()) await smePage.getByTestId('org-profile-about').selectOption(supplyId);
    await smePage.getByTestId('listing-invite-to-bid').waitFor({ timeout: 15_000 });
    if (await smePage.getByTestId('listing-invite-demand').count())
      await smePage.getByTestId('listing-invite-demand').selectOption(demandId);
    await smePage.getByTestId(`match-invite-${supplyId}`).click();
    await expect(smePage.getByTestId(`match-invite-answer-${supplyId}`).textContent({ timeout: 10_000 })).resolves.toContain(
      '초대했습니다',
    );

    await settleOutbox(t);
    await aPage.goto(`${t.url}/`);
    await aPage.getByTestId('notification-bell-button').click();
    const notice = aPage.locator('[data-testid="notification-list"] li[data-type="BID_INVITATION"]').first();
    await expect(notice.textContent({ timeout: 15_000 })).resolves.toContain(D001_TITLE.slice(0, 10));
    await notice.locator('button.notification-item__open').click();
    await aPage.waitForURL(new RegExp(`/listings/${demandId}`), { timeout: 15_000 });
  });

  it('supplier A drafts a bid with a milestone running total, then submits it', async () => {
    // On the demand, A first sees its own fit (its best supply listing, as the owner's ranking scores it).
    await aPage.goto(`${t.url}/listings/${demandId}`);
    await expect(aPage.getByTestId('my-fit').textContent({ timeout: 15_000 })).resolves.toMatch(/우리 기관의 적합도 \d+\/100/);
    await expect(aPage.getByTestId('my-fit-listing').getAttribute('href')).resolves.toMatch(/^\/listings\/[0-9a-f-]{36}$/);
    await aPage.getByTestId('my-fit').screenshot({ path: '.test-results/bids-my-fit.png' });
    await placeBid(aPage, '50000000', [
      ['데이터 수집·라벨링', '4', '20000000'],
      ['모델 개발·현장 설치', '8', '20000000'],
    ]);
    // 40,000,000 of 50,000,000: the total says what is missing and the form refuses to send it.
    const total = aPage.getByTestId('bid-milestone-total');
    await expect(total.getAttribute('data-balanced')).resolves.toBe('false');
    await expect(total.textContent()).resolves.toContain('10,000,000원 부족');
    await aPage.getByTestId('bid-save-draft').click();
    await aPage.getByTestId('field-error-milestones').waitFor();

    await aPage.getByTestId('bid-milestone-amount-1').fill('30000000');
    await expect(total.getAttribute('data-balanced')).resolves.toBe('true');
    await expect(total.textContent()).resolves.toContain('합계 50,000,000원 / 입찰 금액 50,000,000원');
    // Covers the first required concept of the demand.
    await aPage.locator('[data-testid^="bid-covers-"]').first().check();
    await aPage.getByTestId('bid-save-draft').click();
    await expect(aPage.getByTestId('bid-notice').textContent()).resolves.toBe('입찰을 임시 저장했습니다.');

    // The draft comes back into the form; submit it.
    await aPage.getByTestId('bid-form').waitFor();
    await expect(aPage.getByTestId('bid-milestone-amount-1').inputValue()).resolves.toBe('30,000,000');
    await submitBid(aPage);
    await aPage.getByTestId('my-bid').waitFor({ timeout: 15_000 });
    await expect(aPage.getByTestId('bid-notice').textContent()).resolves.toBe('입찰을 제출했습니다.');
    await expect(aPage.getByTestId('bid-status').getAttribute('data-status')).resolves.toBe('SUBMITTED');
    bidA = (await aPage.getByTestId('my-bid').getAttribute('data-bid-id'))!;

    // "My bids" lists it with its state.
    await aPage.getByTestId('nav-my-bids').click();
    await aPage.getByTestId(`my-bid-${bidA}`).waitFor({ timeout: 15_000 });
    await expect(aPage.getByTestId(`my-bid-status-${bidA}`).textContent()).resolves.toBe('제출됨');
    await shot(aPage, 'my-bids');
  });

  it('supplier B bids too', async () => {
    await placeBid(bPage, '45000000', [['전체 구축', '10', '45000000']]);
    await submitBid(bPage);
    await bPage.getByTestId('my-bid').waitFor({ timeout: 15_000 });
    bidB = (await bPage.getByTestId('my-bid').getAttribute('data-bid-id'))!;
    // Other suppliers see only how many bids there are.
    await bPage.reload();
    await expect(bPage.getByTestId('listing-fact-bids').textContent()).resolves.toContain('2건');
    // B waits on its bids page for the decision.
    await bPage.goto(`${t.url}/bids`);
    await bPage.getByTestId(`my-bid-${bidB}`).waitFor({ timeout: 15_000 });
  });

  it('the SME compares the bids, shortlists and accepts A; B is told live that it was declined', async () => {
    await smePage.goto(`${t.url}/listings/${demandId}`);
    await smePage.getByTestId(`bid-row-${bidA}`).waitFor({ timeout: 15_000 });
    await expect(smePage.locator('[data-testid^="bid-row-"]').count()).resolves.toBe(2);
    await expect(smePage.getByTestId(`bid-row-${bidA}`).getAttribute('data-organization-id')).resolves.toBe(orgA);
    await expect(smePage.getByTestId(`bid-row-${bidB}`).getAttribute('data-organization-id')).resolves.toBe(orgB);
    await expect(smePage.getByTestId(`bid-amount-${bidA}`).textContent()).resolves.toBe('50,000,000원');
    // A has a published supply listing: its match score is shown; coverage counts the ticked concept.
    await expect(smePage.getByTestId(`bid-score-${bidA}`).textContent()).resolves.toMatch(/^\d+\/100$/);
    await expect(smePage.getByTestId(`bid-coverage-${bidA}`).textContent()).resolves.toMatch(/^1\/\d+ \(\d+%\)$/);
    await shot(smePage, 'compare');

    await smePage.getByTestId(`bid-shortlist-${bidA}`).click();
    await smePage.waitForFunction(
      (id) => document.querySelector(`[data-testid="bid-row-${id}"]`)?.getAttribute('data-status') === 'SHORTLISTED',
      bidA,
      { timeout: 15_000 },
    );

    const unreadBefore = await bPage.evaluate(() =>
      Number(document.querySelector('[data-testid="nav-unread-notifications"]')?.getAttribute('data-count') ?? '0'),
    );

    await smePage.getByTestId(`bid-accept-${bidA}`).click();
    await smePage.getByTestId('confirm-dialog').getByTestId('action-confirm').click();
    await smePage.getByTestId('award-actions').waitFor({ timeout: 15_000 });
    await smePage.waitForFunction(
      (id) => document.querySelector(`[data-testid="bid-row-${id}"]`)?.getAttribute('data-status') === 'DECLINED',
      bidB,
      { timeout: 15_000 },
    );
    await expect(smePage.getByTestId('listing-status').getAttribute('data-status')).resolves.toBe('AWARDED');

    // B's open page: the bell's count goes up without a reload (socket `notification`).
    await bPage.waitForFunction(
      (before) => Number(document.querySelector('[data-testid="nav-unread-notifications"]')?.getAttribute('data-count') ?? '0') > before,
      unreadBefore,
      { timeout: 20_000 },
    );
    // …and the open "my bids" list follows.
    await bPage.waitForFunction(
      (id) => document.querySelector(`[data-testid="my-bid-${id}"]`)?.getAttribute('data-status') === 'DECLINED',
      bidB,
      { timeout: 10_000 },
    );
    await bPage.getByTestId('notification-bell-button').click();
    const declined = bPage.locator('[data-testid="notification-list"] li[data-type="BID_DECLINED"]').first();
    await declined.waitFor({ timeout: 10_000 });
    await expect(declined.textContent()).resolves.toContain('입찰이 반려되었습니다');
    await expect(declined.getAttribute('data-read')).resolves.toBe('false');
    await shot(bPage, 'declined-notification');
    // Opening it marks it read and leads to the demand.
    await declined.locator('.notification-item__open').click();
    await bPage.waitForURL((u) => u.pathname === `/listings/${demandId}`, { timeout: 10_000 });
    await bPage.getByTestId('my-bid-declined').waitFor({ timeout: 15_000 });

    // The award opened a conversation with A whose system message says it in words, not BID_ACCEPTED.
    const mine = await t.gql<{
      conversations: { edges: Array<{ node: { id: string; lastMessage: { systemEvent: string | null } | null } }> };
    }>('{ conversations(first: 20) { edges { node { id lastMessage { systemEvent } } } } }', {}, { token: await tokenOf(SUPPLIER_A) });
    const awardThread = mine.data!.conversations.edges.find((e) => e.node.lastMessage?.systemEvent === 'BID_ACCEPTED')!.node.id;
    await aPage.goto(`${t.url}/messages/${awardThread}`);
    const notice = aPage.getByTestId('chat-system').last();
    await notice.waitFor({ timeout: 15_000 });
    await expect(notice.textContent()).resolves.toMatch(/^.+의 5,000만원·\d+주 입찰이 선정되었습니다\.$/);
    await expect(aPage.getByTestId(`conversation-item-${awardThread}`).textContent()).resolves.toContain('입찰이 선정되었습니다');
  });

  it('the project runs on the bid’s milestones: A delivers 1 with a file, the SME asks for rework then accepts; the last acceptance completes it', async () => {
    // Both sides see the plan: A's two milestones, planned.
    await aPage.goto(`${t.url}/listings/${demandId}`);
    await aPage.getByTestId('project-section').waitFor({ timeout: 15_000 });
    await expect(aPage.getByTestId('milestone-1-status').getAttribute('data-status')).resolves.toBe('PLANNED');
    await expect(aPage.getByTestId('project-milestones').textContent()).resolves.toContain('데이터 수집·라벨링');
    await expect(aPage.getByTestId('project-progress').textContent()).resolves.toContain('마일스톤 0/2개 승인');
    // One click no longer completes a project.
    await expect(smePage.getByTestId('demand-complete').count()).resolves.toBe(0);

    // A delivers milestone 1 with a note and a PDF, at 375 px (no horizontal overflow).
    await aPage.setViewportSize({ width: 375, height: 800 });
    await aPage.getByTestId('milestone-1-deliver').click();
    await aPage.getByTestId('milestone-1-deliver-note').fill('1차 라벨링 데이터 5,000장과 라벨링 기준서를 납품합니다.');
    await aPage
      .getByTestId('milestone-1-deliver-files')
      .setInputFiles([{ name: '라벨링_기준서.pdf', mimeType: 'application/pdf', buffer: DELIVERY_PDF }]);
    await aPage.waitForFunction(
      () => document.querySelector('[data-testid="milestone-1-deliver-file"]')?.getAttribute('data-state') === 'done',
      undefined,
      {
        timeout: 15_000,
      },
    );
    await expect(aPage.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).resolves.toBe(true);
    await shot(aPage, 'project-deliver-375');
    await aPage.getByTestId('milestone-1-deliver-submit').click();
    await aPage.waitForFunction(
      () => document.querySelector('[data-testid="milestone-1"]')?.getAttribute('data-status') === 'DELIVERED',
      undefined,
      {
        timeout: 15_000,
      },
    );
    await expect(aPage.getByTestId('milestone-1-file').textContent()).resolves.toBe('라벨링_기준서.pdf');
    await aPage.setViewportSize(DESKTOP_KO.viewport);

    // The SME sees the delivery (its page follows the notification) and asks for rework with a reason.
    await smePage.goto(`${t.url}/listings/${demandId}`);
    await smePage.getByTestId('milestone-1-rework').waitFor({ timeout: 15_000 });
    await expect(smePage.getByTestId('milestone-1-delivery').textContent()).resolves.toContain('1차 라벨링 데이터 5,000장');
    await expect(smePage.getByTestId('milestone-1-file').getAttribute('href')).resolves.toMatch(/^\/files\//);
    await smePage.getByTestId('milestone-1-rework').click();
    await smePage.getByTestId('milestone-1-rework-note').fill('불량 유형(찍힘/스크래치) 라벨이 빠진 이미지가 있습니다.');
    await smePage.getByTestId('milestone-1-rework-submit').click();
    await smePage.waitForFunction(
      () => document.querySelector('[data-testid="milestone-1"]')?.getAttribute('data-status') === 'REWORK_REQUESTED',
      undefined,
      {
        timeout: 15_000,
      },
    );

    // A delivers the rework; the SME accepts it.
    await aPage.reload();
    await aPage.getByTestId('milestone-1-deliver').click();
    await aPage.getByTestId('milestone-1-deliver-note').fill('누락된 라벨을 보완했습니다.');
    await aPage.getByTestId('milestone-1-deliver-submit').click();
    await aPage.waitForFunction(
      () => document.querySelector('[data-testid="milestone-1"]')?.getAttribute('data-status') === 'DELIVERED',
      undefined,
      {
        timeout: 15_000,
      },
    );
    await smePage.reload();
    await smePage.getByTestId('milestone-1-accept').click();
    await smePage.getByTestId('milestone-1-accept-yes').click();
    await smePage.waitForFunction(
      () => document.querySelector('[data-testid="milestone-1"]')?.getAttribute('data-status') === 'ACCEPTED',
      undefined,
      {
        timeout: 15_000,
      },
    );
    await expect(smePage.getByTestId('project-progress').getAttribute('data-accepted')).resolves.toBe('1');
    // The history shows every step, newest first.
    await smePage.waitForFunction(
      () =>
        [...document.querySelectorAll('[data-testid="project-event"]')].map((e) => e.getAttribute('data-action')).join() ===
        'accept,deliver,requestRework,deliver',
      undefined,
      { timeout: 15_000 },
    );
    await shot(smePage, 'project-history');

    // Milestone 2: delivered and accepted; that completes the project and the demand.
    await aPage.reload();
    await aPage.getByTestId('milestone-2-deliver').click();
    await aPage.getByTestId('milestone-2-deliver-note').fill('현장 설치와 검수 보고서를 납품합니다.');
    await aPage.getByTestId('milestone-2-deliver-submit').click();
    await aPage.waitForFunction(
      () => document.querySelector('[data-testid="milestone-2"]')?.getAttribute('data-status') === 'DELIVERED',
      undefined,
      {
        timeout: 15_000,
      },
    );
    await smePage.reload();
    await smePage.getByTestId('milestone-2-accept').click();
    await smePage.getByTestId('milestone-2-accept-yes').click();
    await smePage.getByTestId('project-completed').waitFor({ timeout: 15_000 });
  });

  it('the SME reviews A: blind until A reviews too', async () => {
    await smePage.getByTestId('review-form').waitFor({ timeout: 15_000 });
    await expect(smePage.getByTestId('listing-status').getAttribute('data-status')).resolves.toBe('COMPLETED');
    for (const criterion of ['QUALITY', 'COMMUNICATION', 'SCHEDULE', 'EXPERTISE'])
      await smePage.getByTestId(`review-rating-${criterion}-5`).check();
    await smePage.getByTestId('review-body').fill('검사 정확도가 기대 이상이었습니다.');
    await smePage.getByTestId('review-submit').click();
    await smePage.getByTestId('review-submitted').waitFor({ timeout: 15_000 });
    await expect(smePage.getByTestId('review-submitted').getAttribute('data-visible')).resolves.toBe('false');
    await expect(smePage.getByTestId('review-blind-note').textContent()).resolves.toContain('상대방 평가가 등록되면 공개됩니다');
    await settleOutbox(t);

    // A's organization page does not show it yet.
    await aPage.goto(`${t.url}/organizations/${orgA}`);
    await aPage.waitForFunction(
      () => document.querySelector('[data-testid="org-reviews"]')?.getAttribute('data-state') === 'done',
      undefined,
      { timeout: 15_000 },
    );
    await expect(aPage.locator('[data-testid^="org-review-"][data-side="CLIENT"]').count()).resolves.toBe(0);
    await expect(aPage.getByTestId('org-reputation').getAttribute('data-count')).resolves.toBe('0');
  });

  it('A reviews the SME; then both reviews are public and count in the reputation', async () => {
    await aPage.goto(`${t.url}/listings/${demandId}`);
    await aPage.getByTestId('review-form').waitFor({ timeout: 15_000 });
    await expect(aPage.getByTestId('bid-status').getAttribute('data-status')).resolves.toBe('ACCEPTED');
    for (const criterion of ['REQUIREMENTS_CLARITY', 'COMMUNICATION', 'COOPERATION', 'PAYMENT'])
      await aPage.getByTestId(`review-rating-${criterion}-4`).check();
    await aPage.getByTestId('review-body').fill('요구사항이 명확했고 대금 지급도 빨랐습니다.');
    await aPage.getByTestId('review-submit').click();
    await aPage.getByTestId('review-submitted').waitFor({ timeout: 15_000 });
    await expect(aPage.getByTestId('review-submitted').getAttribute('data-visible')).resolves.toBe('true');
    await settleOutbox(t);

    await aPage.goto(`${t.url}/organizations/${orgA}`);
    await aPage.waitForFunction(
      () => document.querySelector('[data-testid="org-reviews"]')?.getAttribute('data-state') === 'done',
      undefined,
      { timeout: 15_000 },
    );
    const client = aPage.locator('[data-testid^="org-review-"][data-side="CLIENT"]');
    await client.first().waitFor({ timeout: 10_000 });
    await expect(client.getAttribute('data-visible')).resolves.toBe('true');
    await expect(client.textContent()).resolves.toContain('검사 정확도가 기대 이상이었습니다.');
    await expect(aPage.getByTestId('org-reputation').getAttribute('data-count')).resolves.toBe('1');
    await expect(aPage.getByTestId('org-reputation-text').textContent()).resolves.toContain('평균 5.0점');
    await shot(aPage, 'org-reviews');

    // The SME's organization page shows A's review of it.
    const smeOrg = await firstOrgOf(SME);
    await smePage.goto(`${t.url}/organizations/${smeOrg}`);
    const supplierSide = smePage.locator('[data-testid^="org-review-"][data-side="SUPPLIER"]');
    await supplierSide.first().waitFor({ timeout: 15_000 });
    await expect(supplierSide.first().getAttribute('data-visible')).resolves.toBe('true');
  });
});
