/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  bootTestApp,
  createDemand,
  publish,
  signInStaff,
  signUpOrganization,
  type SignedUp,
  type TestApp,
  createStaff,
} from '@aimatch/api-testing';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ChatService } from '../../apps/api/src/modules/chat/chat.service';
import { DESKTOP_KO, launchChromium, signInPage } from './browser';

/**
 * Moderation end to end in chromium (#12 item 5): an SME reports a supplier's chat message;
 * staff see the open-report count in the navigation, open 신고 처리, find the report, look at the
 * context with the reported message highlighted among its neighbours, and remove it with a reason;
 * the supplier's open thread shows the message removed, live. The page is also looked at 375 px.
 */
describe('web client: moderation', () => {
  let t: TestApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let sme: SignedUp;
  let supplier: SignedUp;
  let conversationId = '';
  let reportId = '';
  let staffPage: Page;
  let supplierPage: Page;
  const BAD = `욕설이 섞인 문제의 메시지 ${Date.now() % 10_000}`;

  async function shot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: `.test-results/moderation-${name}.png`, fullPage: true }).catch(() => undefined);
  }

  beforeAll(async () => {
    t = await bootTestApp({ listen: true });
    browser = await launchChromium();
    mkdirSync('.test-results', { recursive: true });
    const staff = await signInStaff(t);
    sme = await signUpOrganization(t, { kind: 'SME' as never });
    supplier = await signUpOrganization(t, { kind: 'AI_SUPPLIER' as never });
    const demand = await publish(t, await createDemand(t, sme, { title: '신고 처리 확인용 수요' }), sme.accessToken, staff.accessToken);
    const open = await t.gql<{ openConversation: { id: string } }>(
      'mutation($i: OpenConversationInput!) { openConversation(input: $i) { id } }',
      { i: { contextType: 'DEMAND', contextId: demand.id } },
      { token: supplier.accessToken },
    );
    conversationId = open.data!.openConversation.id;
    const chat = t.app.get(ChatService);
    const viewerOf = (u: SignedUp) => ({ userId: u.userId, roles: [], locale: 'KO' as never, sessionId: 'browser' });
    let badId = '';
    for (let i = 1; i <= 8; i++) {
      const from = i % 2 ? supplier : sme;
      const body = i === 5 ? BAD : `일정 문의 ${i}`;
      const { message } = await chat.send(viewerOf(from), { conversationId, clientMessageId: randomUUID(), body });
      if (i === 5) badId = message.id;
    }
    // The SME reports the supplier's message.
    const reported = await t.gql<{ reportMessage: string }>(
      'mutation($id: ID!) { reportMessage(id: $id, reason: "욕설") }',
      { id: badId },
      { token: sme.accessToken },
    );
    reportId = reported.data!.reportMessage;

    const staffEmail = `moderator-${Date.now()}@aimatch.or.kr`;
    const { password, totpSecret } = await createStaff(t, { email: staffEmail });
    const staffContext = await browser.newContext(DESKTOP_KO);
    const supplierContext = await browser.newContext(DESKTOP_KO);
    contexts.push(staffContext, supplierContext);
    staffPage = await signInPage(staffContext, t, staffEmail, password, { totpSecret });
    supplierPage = await signInPage(supplierContext, t, supplier.email, supplier.password);
  }, 120_000);
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await t?.close();
  });

  it('the participant sees the message in the open thread', async () => {
    await supplierPage.goto(`${t.url}/messages/${conversationId}`);
    await supplierPage.getByTestId('chat-bubble').filter({ hasText: BAD }).first().waitFor({ timeout: 15_000 });
  });

  it('staff open the moderation tab from the navigation, see the context with the message highlighted and remove it with a reason', async () => {
    const page = staffPage;
    await page.goto(`${t.url}/`);
    const nav = page.getByTestId('nav-moderation');
    await nav.waitFor({ timeout: 15_000 });
    await expect(nav.textContent()).resolves.toContain('신고 처리');
    await page.getByTestId('nav-moderation-count').waitFor({ timeout: 15_000 });
    await nav.click();
    await page.waitForURL((u) => u.pathname === '/staff/moderation');
    const item = page.getByTestId(`message-report-${reportId}`);
    await item.waitFor({ timeout: 15_000 });
    await expect(item.textContent()).resolves.toContain('욕설');
    await item.getByTestId('message-report-open').click();
    await page.waitForURL((u) => u.pathname === `/staff/moderation/messages/${reportId}`);

    const reported = page.getByTestId('context-reported');
    await reported.waitFor({ timeout: 15_000 });
    await expect(reported.textContent()).resolves.toContain(BAD);
    await expect(reported.getAttribute('aria-current')).resolves.toBe('true');
    // Its neighbours are there (5 each side at most: 8 messages in all, the 5th reported).
    await expect(page.getByTestId('moderation-context').locator('li').count()).resolves.toBe(8);
    await shot(page, 'context');

    // A reason is required; the error is next to the action.
    await page.getByTestId('message-resolve-REMOVE_MESSAGE').click();
    await page.getByText('처리 사유를 입력해 주세요.').waitFor({ timeout: 5_000 });
    await page.getByTestId('message-resolve-reason').fill('욕설이 포함되어 삭제합니다');
    await page.getByTestId('message-resolve-REMOVE_MESSAGE').click();
    await page.getByTestId('message-report-resolved').waitFor({ timeout: 15_000 });
    await expect(page.getByTestId('context-reported').textContent()).resolves.toContain('삭제된 메시지입니다.');
    await expect(page.getByTestId('context-reported').textContent()).resolves.not.toContain(BAD);
  });

  it("the participant's open thread shows the message removed, live", async () => {
    await supplierPage.getByTestId('chat-bubble').filter({ hasText: '삭제된 메시지입니다.' }).first().waitFor({ timeout: 15_000 });
    await expect(supplierPage.getByTestId('chat-bubble').filter({ hasText: BAD }).count()).resolves.toBe(0);
    await shot(supplierPage, 'thread-removed');
  });

  it('the queue is empty afterwards and the page reads at 375 px', async () => {
    const page = staffPage;
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto(`${t.url}/staff/moderation`);
    await page.getByTestId('moderation-messages-empty').waitFor({ timeout: 15_000 });
    await page.getByTestId('moderation-tab-reviews').click();
    await page.getByTestId('moderation-reviews-empty').waitFor({ timeout: 15_000 });
    await page.getByTestId('moderation-tab-settings').click();
    await page.getByTestId('settings-verified-only').waitFor({ timeout: 15_000 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(page, 'settings-375');
  });
});
