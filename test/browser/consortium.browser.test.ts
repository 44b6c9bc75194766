/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bootTestApp, settleOutbox, type TestApp } from '@aimatch/api-testing';
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD, DemoSeeder } from '../../apps/api/src/seed/demo.seeder';
import { accessTokenOf, DESKTOP_KO, launchChromium, signInPage, submitBid } from './browser';

const D001_TITLE = '프레스 가공 자동차 브래킷 찍힘·스크래치 자동 검사';
const SME = 'sme@demo.aimatch.kr';
const LEAD = 'supplier@demo.aimatch.kr';
const PARTNER = 's071@demo.aimatch.kr';
const PARTNER_NAME = '(주)해오름스마트솔루션';
const LEAD_NAME = '(주)가온비전테크';

/**
 * A consortium bid end to end in chromium on the demo marketplace: the lead supplier finds a
 * partner organization in the bid form and invites it (SI integration, 30 %); submitting is
 * refused while the invitation is pending; the partner's owner accepts from its notification;
 * the lead submits; the SME sees the bid with its consortium.
 */
describe('web client: consortium bids', () => {
  let t: TestApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let demandId: string;
  let partnerOrg: string;
  let leadPage: Page;
  let partnerPage: Page;
  let smePage: Page;
  let bidId: string;

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
    await page.screenshot({ path: `.test-results/consortium-${name}.png`, fullPage: true }).catch(() => undefined);
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
    partnerOrg = await firstOrgOf(PARTNER);
    [leadPage, partnerPage, smePage] = await Promise.all([signIn(LEAD), signIn(PARTNER), signIn(SME)]);
  }, 240_000);
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await t?.close();
  });

  it('the lead drafts a bid with a partner found by name; submitting is refused until the partner accepts', async () => {
    const page = leadPage;
    await page.goto(`${t.url}/listings/${demandId}`);
    await page.getByTestId('bid-start').click();
    await page.getByTestId('bid-amount').fill('60000000');
    await page.getByTestId('bid-weeks').fill('14');
    await page.getByTestId('bid-approach').fill('가온비전테크가 검사 모델을, 해오름스마트솔루션이 MES 연동과 현장 설치를 맡습니다.');
    await page.getByTestId('bid-milestone-title-0').fill('전체 구축');
    await page.getByTestId('bid-milestone-weeks-0').fill('14');
    await page.getByTestId('bid-milestone-amount-0').fill('60000000');

    // Partner search over published supply listings, one entry per organization.
    await page.getByTestId('consortium-empty').waitFor({ timeout: 5_000 });
    await page.getByTestId('consortium-search-input').fill('해오름스마트솔루션');
    await page.getByTestId('consortium-search-button').click();
    await page.getByTestId(`consortium-result-${partnerOrg}`).waitFor({ timeout: 15_000 });
    await page.getByTestId(`consortium-add-${partnerOrg}`).click();
    await page.getByTestId(`consortium-role-${partnerOrg}`).selectOption('SI_INTEGRATION');
    await page.getByTestId(`consortium-share-${partnerOrg}`).fill('30');
    await expect(page.getByTestId('consortium-lead-share').textContent()).resolves.toBe('주관 기관 지분 70%');
    await expect(page.getByTestId(`consortium-status-${partnerOrg}`).getAttribute('data-status')).resolves.toBe('UNSAVED');

    // Save and submit: the draft is saved (and the partner invited), the submission refused.
    await submitBid(page);
    const refused = page.getByTestId('bid-consortium-pending');
    await refused.waitFor({ timeout: 15_000 });
    await expect(refused.textContent()).resolves.toContain('1곳이 아직 초대를 수락하지 않았습니다');
    await page.getByTestId('bid-form').waitFor();
    await page.waitForFunction(
      (org) => document.querySelector(`[data-testid="consortium-status-${org}"]`)?.getAttribute('data-status') === 'INVITED',
      partnerOrg,
      { timeout: 15_000 },
    );
    await expect(page.getByTestId(`consortium-status-${partnerOrg}`).textContent()).resolves.toBe('수락 대기');
    await expect(page.getByTestId('consortium-pending-note').isVisible()).resolves.toBe(true);
    await shot(page, 'pending');

    // Trying again while pending is refused the same way.
    await submitBid(page);
    await page.getByTestId('bid-consortium-pending').waitFor({ timeout: 15_000 });
    await expect(page.getByTestId('my-bid').count()).resolves.toBe(0);
  });

  it("the partner's owner opens the invitation from its notification and accepts", async () => {
    const page = partnerPage;
    await page.goto(`${t.url}/`);
    await page.getByTestId('notification-bell-button').waitFor();
    const invitation = page.locator('[data-testid="notification-list"] li[data-type="CONSORTIUM_INVITATION"]').first();
    const deadline = Date.now() + 20_000;
    for (;;) {
      await page.getByTestId('notification-bell-button').click();
      if (
        await invitation.waitFor({ timeout: 3_000 }).then(
          () => true,
          () => false,
        )
      )
        break;
      if (Date.now() > deadline) throw new Error('no consortium invitation notification');
      await page.keyboard.press('Escape');
    }
    await expect(invitation.textContent()).resolves.toContain(D001_TITLE);
    await invitation.locator('.notification-item__open').click();
    await page.waitForURL((u) => /^\/bids\/[^/]+\/invitation$/.test(u.pathname), { timeout: 15_000 });
    bidId = page.url().split('/bids/')[1].split('/')[0]!;

    const mine = page.getByTestId(`consortium-invitation-${partnerOrg}`);
    await mine.waitFor({ timeout: 15_000 });
    await expect(page.getByTestId('consortium-invitation-demand').textContent()).resolves.toContain(D001_TITLE);
    await expect(page.getByTestId('consortium-invitation-lead').textContent()).resolves.toBe(LEAD_NAME);
    await expect(page.getByTestId('consortium-invitation-role').textContent()).resolves.toBe('SI 통합');
    await expect(page.getByTestId('consortium-invitation-share').textContent()).resolves.toBe('30%');
    await expect(page.getByTestId('consortium-invitation-status').getAttribute('data-status')).resolves.toBe('INVITED');
    await shot(page, 'invitation');

    await page.getByTestId('consortium-accept').click();
    await expect(page.getByTestId('consortium-invitation-notice').textContent()).resolves.toBe('컨소시엄 참여를 수락했습니다.');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="consortium-invitation-status"]')?.getAttribute('data-status') === 'ACCEPTED',
      undefined,
      {
        timeout: 15_000,
      },
    );
    await expect(page.getByTestId('consortium-accept').count()).resolves.toBe(0);
  });

  it('the lead sees the acceptance and submits', async () => {
    const page = leadPage;
    await page.goto(`${t.url}/listings/${demandId}`);
    await page.getByTestId('bid-form').waitFor({ timeout: 15_000 });
    await page.waitForFunction(
      (org) => document.querySelector(`[data-testid="consortium-status-${org}"]`)?.getAttribute('data-status') === 'ACCEPTED',
      partnerOrg,
      { timeout: 15_000 },
    );
    await expect(page.getByTestId('consortium-pending-note').count()).resolves.toBe(0);
    await submitBid(page);
    await page.getByTestId('my-bid').waitFor({ timeout: 15_000 });
    await expect(page.getByTestId('bid-notice').textContent()).resolves.toBe('입찰을 제출했습니다.');
    await expect(page.getByTestId('bid-status').getAttribute('data-status')).resolves.toBe('SUBMITTED');
    await expect(page.getByTestId('my-bid').getAttribute('data-bid-id')).resolves.toBe(bidId);
    const partner = page.getByTestId(`bid-consortium-partner-${partnerOrg}`);
    await expect(partner.getAttribute('data-status')).resolves.toBe('ACCEPTED');
    await expect(partner.textContent()).resolves.toContain(PARTNER_NAME);
    await shot(page, 'submitted');
  });

  it('the SME sees the bid with its consortium', async () => {
    const page = smePage;
    await page.goto(`${t.url}/listings/${demandId}`);
    await page.getByTestId(`bid-row-${bidId}`).waitFor({ timeout: 15_000 });
    const consortium = page.getByTestId(`bid-consortium-${bidId}`);
    await expect(consortium.textContent()).resolves.toContain('주관 기관 지분 70%');
    const partner = page.getByTestId(`bid-consortium-${bidId}-partner-${partnerOrg}`);
    await expect(partner.textContent()).resolves.toContain(PARTNER_NAME);
    await expect(partner.textContent()).resolves.toContain('SI 통합');
    await expect(partner.textContent()).resolves.toContain('30%');
    await expect(partner.getAttribute('data-status')).resolves.toBe('ACCEPTED');
    await shot(page, 'sme');
  });
});
