/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bootTestApp, settleOutbox, type TestApp } from '@aimatch/api-testing';
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { ChatRepository } from '../../apps/api/src/modules/chat/chat.repository';
import { DEMO_PASSWORD, DemoSeeder } from '../../apps/api/src/seed/demo.seeder';
import { DESKTOP_KO, launchChromium, signInPage } from './browser';

const D001_TITLE = '프레스 가공 자동차 브래킷 찍힘·스크래치 자동 검사';
const S001_TITLE = '금속 가공·자동차 부품 라인 인라인 비전 검사';
const SME = 'sme@demo.aimatch.kr';
const SUPPLIER = 'supplier@demo.aimatch.kr';

/**
 * Real-time chat in chromium with two browser contexts on the demo marketplace: the demo
 * supplier asks a question on the SME's published demand; the SME sees it arrive live (unread
 * badges, then the thread); both chat live with typing and read receipts; then the SME goes
 * offline, the supplier sends, and when the SME is back the message appears exactly once (and
 * what the SME wrote offline goes out once, too).
 */
describe('web client: chat', () => {
  let t: TestApp;
  let browser: Browser;
  let smeContext: BrowserContext;
  let supplierContext: BrowserContext;
  let sme: Page;
  let supplier: Page;
  let demandId: string;
  let supplyId: string;
  let conversationId: string;

  beforeAll(async () => {
    t = await bootTestApp({ listen: true });
    await t.app.get(DemoSeeder).seed();
    await settleOutbox(t, 60_000);
    browser = await launchChromium();
    mkdirSync('.test-results', { recursive: true });
    demandId = await myListingId(SME, D001_TITLE);
    supplyId = await myListingId(SUPPLIER, S001_TITLE);
    smeContext = await browser.newContext(DESKTOP_KO);
    supplierContext = await browser.newContext(DESKTOP_KO);
    [sme, supplier] = await Promise.all([signIn(smeContext, SME), signIn(supplierContext, SUPPLIER)]);
  }, 180_000);
  afterAll(async () => {
    await smeContext?.close();
    await supplierContext?.close();
    await browser?.close();
    await t?.close();
  });

  async function myListingId(email: string, title: string): Promise<string> {
    const token = (
      await t.gql<{ signIn: { accessToken: string } }>('mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }', {
        i: { email, password: DEMO_PASSWORD },
      })
    ).data!.signIn.accessToken;
    const mine = await t.gql<{ myListings: { edges: Array<{ node: { id: string; title: string } }> } }>(
      '{ myListings { edges { node { id title } } } }',
      {},
      { token },
    );
    return mine.data!.myListings.edges.find((e) => e.node.title === title)!.node.id;
  }

  async function signIn(context: BrowserContext, email: string): Promise<Page> {
    return signInPage(context, t, email, DEMO_PASSWORD);
  }

  /** Bubbles of the open thread whose text is exactly `text`. */
  const bubbles = (page: Page, text: string) =>
    page
      .locator('[data-testid="chat-bubble"]')
      .filter({ has: page.locator('.chat-bubble__body', { hasText: new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) });
  const send = async (page: Page, text: string) => {
    await page.getByTestId('chat-composer-input').fill(text);
    await page.getByTestId('chat-composer-input').press('Enter');
  };
  const screenshotOnFailure = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (err) {
      await sme.screenshot({ path: `.test-results/chat-${name}-sme.png` }).catch(() => undefined);
      await supplier.screenshot({ path: `.test-results/chat-${name}-supplier.png` }).catch(() => undefined);
      throw err;
    }
  };

  it('lets the supplier ask a question on the demand; the SME sees it arrive live', () =>
    screenshotOnFailure('ask', async () => {
      // The SME waits on the messages page, with no conversation yet.
      await sme.goto(`${t.url}/messages`);
      await sme.waitForSelector('[data-testid="conversation-list"][data-state="done"]', { timeout: 15_000 });
      await expect(sme.getByTestId('nav-messages-unread').count()).resolves.toBe(0);

      await supplier.goto(`${t.url}/listings/${demandId}`);
      const ask = supplier.getByTestId('listing-ask-question');
      await ask.waitFor({ timeout: 15_000 });
      await expect(ask.textContent()).resolves.toBe('질문하기');
      await ask.click();
      await supplier.waitForURL(/\/messages\/[0-9a-f-]{36}$/, { timeout: 15_000 });
      conversationId = new URL(supplier.url()).pathname.split('/').pop()!;
      await supplier.waitForSelector('[data-testid="chat-thread"][data-state="done"]', { timeout: 15_000 });
      // The thread names the context and links to it.
      await expect(supplier.getByTestId('chat-context-link').getAttribute('href')).resolves.toBe(`/listings/${demandId}`);
      await expect(supplier.locator('.chat-thread__context').textContent()).resolves.toContain(D001_TITLE);

      await send(supplier, '안녕하세요, 검사 대상 브래킷의 연간 생산량을 알 수 있을까요?');
      await bubbles(supplier, '안녕하세요, 검사 대상 브래킷의 연간 생산량을 알 수 있을까요?')
        .and(supplier.locator('[data-state="sent"]'))
        .waitFor({ timeout: 10_000 });

      // Live on the SME's side: the header badge, then the conversation in the list with its badge.
      await sme.getByTestId('nav-messages-unread').waitFor({ timeout: 10_000 });
      await expect(sme.getByTestId('nav-messages-unread').textContent()).resolves.toBe('1');
      const item = sme.getByTestId(`conversation-item-${conversationId}`);
      await item.waitFor({ timeout: 10_000 });
      await expect(sme.getByTestId(`conversation-unread-${conversationId}`).textContent()).resolves.toBe('1');
      await expect(item.textContent()).resolves.toContain(D001_TITLE);

      await item.click();
      await sme.waitForSelector('[data-testid="chat-thread"][data-state="done"]', { timeout: 15_000 });
      await bubbles(sme, '안녕하세요, 검사 대상 브래킷의 연간 생산량을 알 수 있을까요?').waitFor({ timeout: 10_000 });
      // Reading clears the badges, and the supplier sees "읽음".
      await sme.getByTestId('nav-messages-unread').waitFor({ state: 'detached', timeout: 10_000 });
      await supplier.getByTestId('chat-read-receipt').waitFor({ timeout: 10_000 });
      await expect(supplier.getByTestId('chat-read-receipt').textContent()).resolves.toContain('읽음');
    }));

  it('chats both ways live, with a typing indicator', () =>
    screenshotOnFailure('live', async () => {
      await sme.getByTestId('chat-composer-input').pressSequentially('연간 약 120만 개', { delay: 20 });
      await supplier.waitForFunction(
        () => document.querySelector('[data-testid="chat-typing"]')?.textContent === '상대방이 입력 중…',
        undefined,
        { timeout: 10_000 },
      );
      await sme.getByTestId('chat-composer-input').fill('');
      await send(sme, '연간 약 120만 개이고, 3교대로 생산합니다.');
      await bubbles(supplier, '연간 약 120만 개이고, 3교대로 생산합니다.').waitFor({ timeout: 10_000 });
      await supplier.waitForFunction(() => document.querySelector('[data-testid="chat-typing"]')?.textContent === '', undefined, {
        timeout: 10_000,
      });

      await send(supplier, '감사합니다. 라인 속도도 알려주세요.');
      await bubbles(sme, '감사합니다. 라인 속도도 알려주세요.').waitFor({ timeout: 10_000 });
      // A body is text, never markup.
      await send(sme, '<b>분당 60개</b>');
      await bubbles(supplier, '<b>분당 60개</b>').waitFor({ timeout: 10_000 });
      await expect(supplier.locator('.chat-bubble__body b').count()).resolves.toBe(0);
    }));

  it('delivers what was sent while the SME was offline exactly once when it comes back', () =>
    screenshotOnFailure('offline', async () => {
      await smeContext.setOffline(true);
      await sme.getByTestId('chat-reconnect-banner').waitFor({ timeout: 10_000 });

      const missed = '오프라인 동안 보낸 메시지입니다.';
      await send(supplier, missed);
      await bubbles(supplier, missed).and(supplier.locator('[data-state="sent"]')).waitFor({ timeout: 10_000 });
      // The SME writes while offline: the message waits as pending.
      const queued = '(오프라인에서 작성) 확인 후 회신드리겠습니다.';
      await send(sme, queued);
      await expect(bubbles(sme, queued).getAttribute('data-state')).resolves.toBe('pending');
      await sme.waitForTimeout(1_000);
      await expect(bubbles(sme, missed).count()).resolves.toBe(0);

      await smeContext.setOffline(false);
      await sme.getByTestId('chat-reconnect-banner').waitFor({ state: 'detached', timeout: 20_000 });
      await bubbles(sme, missed).waitFor({ timeout: 10_000 });
      await bubbles(sme, queued).and(sme.locator('[data-state="sent"], [data-state="read"]')).waitFor({ timeout: 10_000 });
      await bubbles(supplier, queued).waitFor({ timeout: 10_000 });
      // Give any duplicate (live broadcast + sync, a resend) time to show up, then count.
      await sme.waitForTimeout(1_500);
      await expect(bubbles(sme, missed).count()).resolves.toBe(1);
      await expect(bubbles(sme, queued).count()).resolves.toBe(1);
      await expect(bubbles(supplier, queued).count()).resolves.toBe(1);
      const seqs = await sme
        .locator('[data-testid="chat-bubble"]')
        .evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-seq'))));
      expect(seqs).toEqual([1, 2, 3, 4, 5, 6]);

      // Stored once on the server as well.
      const [{ n }] = await t.app
        .get(DataSource)
        .query('SELECT count(*)::int AS n FROM chat_messages WHERE conversation_id = $1 AND body = $2', [conversationId, missed]);
      expect(n).toBe(1);
    }));

  it("opens the same conversation from the demand owner's matches panel", () =>
    screenshotOnFailure('matches', async () => {
      await sme.goto(`${t.url}/listings/${demandId}`);
      const chat = sme.getByTestId(`match-chat-${supplyId}`);
      await chat.waitFor({ timeout: 30_000 });
      await expect(chat.isDisabled()).resolves.toBe(false);
      await expect(sme.getByTestId(`match-invite-${supplyId}`).isDisabled()).resolves.toBe(false);
      await chat.click();
      await sme.waitForURL(new RegExp(`/messages/${conversationId}$`), { timeout: 15_000 });
      await sme.waitForSelector('[data-testid="chat-thread"][data-state="done"]', { timeout: 15_000 });
      await expect(sme.locator('[data-testid="chat-bubble"]').count()).resolves.toBe(6);
      // The supplier, who owns no demand, gets no "ask" button on its own listing.
      await supplier.goto(`${t.url}/listings/${supplyId}`);
      await supplier.getByTestId('listing-actions').waitFor({ timeout: 15_000 });
      await expect(supplier.getByTestId('listing-ask-question').count()).resolves.toBe(0);
    }));

  it('scrolls back through a long thread page by page', () =>
    screenshotOnFailure('scroll', async () => {
      const repository = t.app.get(ChatRepository);
      const [{ id: supplierUserId, organizationId }] = await t.app
        .get(DataSource)
        .query(
          'SELECT u.id, m.organization_id AS "organizationId" FROM users u JOIN memberships m ON m.user_id = u.id WHERE u.email = $1',
          [SUPPLIER],
        );
      for (let i = 1; i <= 60; i++) {
        await repository.insertUserMessage({
          conversationId,
          userId: supplierUserId,
          senderOrganizationIds: [organizationId],
          clientMessageId: `bulk-${i}`,
          body: `긴 대화 ${i}`,
        });
      }
      await sme.goto(`${t.url}/messages/${conversationId}`);
      await sme.waitForSelector('[data-testid="chat-thread"][data-state="done"]', { timeout: 15_000 });
      await bubbles(sme, '긴 대화 60').waitFor({ timeout: 10_000 });
      const count = () => sme.locator('[data-testid="chat-bubble"]').count();
      await expect(count()).resolves.toBe(30);
      for (const expected of [60, 66]) {
        await sme.getByTestId('chat-messages').evaluate((el) => {
          el.scrollTop = 0;
          el.dispatchEvent(new Event('scroll'));
        });
        await sme.waitForFunction((n) => document.querySelectorAll('[data-testid="chat-bubble"]').length === n, expected, {
          timeout: 10_000,
        });
      }
      const seqs = await sme
        .locator('[data-testid="chat-bubble"]')
        .evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-seq'))));
      expect(seqs).toEqual(Array.from({ length: 66 }, (_, i) => i + 1));
      await expect(sme.getByTestId('chat-load-older').count()).resolves.toBe(0);
    }));
  it("names each party's verification state and keeps links from an unverified organization behind a warning (#13 M6)", () =>
    screenshotOnFailure('unverified', async () => {
      const ds = t.app.get(DataSource);
      const [{ organizationId }] = await ds.query(
        'SELECT m.organization_id AS "organizationId" FROM users u JOIN memberships m ON m.user_id = u.id WHERE u.email = $1',
        [SUPPLIER],
      );
      const openThread = async (page = sme) => {
        await page.goto(`${t.url}/messages/${conversationId}`);
        await page.waitForSelector('[data-testid="chat-thread"][data-state="done"]', { timeout: 15_000 });
      };
      const supplierBubble = (text: string) => sme.locator('[data-testid="chat-bubble"]', { hasText: text });

      // The demo supplier is verified: its badge, no warning, and its addresses are links that open in a new tab.
      await openThread(supplier);
      await openThread();
      await expect(sme.getByTestId('chat-party-status').getAttribute('data-status')).resolves.toBe('VERIFIED');
      await expect(sme.getByTestId('chat-unverified-note').count()).resolves.toBe(0);
      await send(supplier, '사양서는 https://files.acme.example/spec.pdf 에 있습니다.');
      const link = supplierBubble('files.acme.example').getByTestId('chat-link');
      await link.waitFor({ timeout: 10_000 });
      await expect(link.getAttribute('href')).resolves.toBe('https://files.acme.example/spec.pdf');
      await expect(link.getAttribute('target')).resolves.toBe('_blank');
      await expect(link.getAttribute('rel')).resolves.toBe('noopener noreferrer nofollow ugc');

      // Its verification is withdrawn (back to review): the thread says so, and no address of theirs is a link any more.
      await ds.query(`UPDATE organizations SET verification_status = 'PENDING' WHERE id = $1`, [organizationId]);
      try {
        await send(supplier, '로그인 확인: https://login.acme-pay.example/verify');
        await supplierBubble('login.acme-pay.example')
          .waitFor({ timeout: 10_000 })
          .catch(() => undefined);
        await openThread();
        await supplierBubble('login.acme-pay.example').waitFor({ timeout: 10_000 });
        await expect(sme.getByTestId('chat-party-status').getAttribute('data-status')).resolves.toBe('PENDING');
        await expect(sme.getByTestId('chat-party-status').textContent()).resolves.toBe('검증 대기');
        await expect(sme.getByTestId('chat-unverified-note').textContent()).resolves.toContain('미인증 기관');
        await expect(sme.getByTestId('chat-link').count()).resolves.toBe(0);
        // "링크 확인" shows where it really goes, then an explicit link.
        await supplierBubble('login.acme-pay.example').getByTestId('chat-link-reveal').click();
        const warning = supplierBubble('login.acme-pay.example').getByTestId('chat-link-warning');
        await expect(warning.textContent()).resolves.toContain('인증되지 않은 기관이 보낸 링크입니다. 실제 주소: login.acme-pay.example');
        await expect(warning.getByTestId('chat-link').getAttribute('rel')).resolves.toBe('noopener noreferrer nofollow ugc');
        // On a phone the parties and the warning stay inside the screen.
        await sme.setViewportSize({ width: 375, height: 740 });
        const overflow = await sme.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        await sme.screenshot({ path: '.test-results/chat-unverified-375.png' });
      } finally {
        await ds.query(`UPDATE organizations SET verification_status = 'VERIFIED' WHERE id = $1`, [organizationId]);
        await sme.setViewportSize(DESKTOP_KO.viewport);
      }
    }));
  it('lets the SME ask the supplier about its supply listing (문의하기) in a conversation of its own', () =>
    screenshotOnFailure('inquiry', async () => {
      await sme.goto(`${t.url}/listings/${supplyId}`);
      const inquire = sme.getByTestId('listing-inquire');
      await inquire.waitFor({ timeout: 15_000 });
      // From the listing, the SME also invites the supplier to bid on one of its open demands (#14).
      await sme.getByTestId('listing-invite-to-bid').waitFor({ timeout: 15_000 });
      if (await sme.getByTestId('listing-invite-demand').count()) await sme.getByTestId('listing-invite-demand').selectOption(demandId);
      await sme.getByTestId(`match-invite-${supplyId}`).click();
      await expect(sme.getByTestId(`match-invite-answer-${supplyId}`).textContent({ timeout: 10_000 })).resolves.toContain('초대했습니다');
      await expect(inquire.textContent()).resolves.toBe('문의하기');
      await inquire.click();
      await sme.waitForURL(/\/messages\/[0-9a-f-]{36}$/, { timeout: 15_000 });
      const inquiryId = new URL(sme.url()).pathname.split('/').pop()!;
      expect(inquiryId).not.toBe(conversationId);
      await sme.waitForSelector('[data-testid="chat-thread"][data-state="done"]', { timeout: 15_000 });
      await expect(sme.locator('.chat-thread__context').textContent()).resolves.toContain('공급 문의');
      await expect(sme.locator('.chat-thread__context').textContent()).resolves.toContain(S001_TITLE);
      // The supplier does not see a "문의하기" on its own listing.
      await supplier.goto(`${t.url}/listings/${supplyId}`);
      await supplier.getByTestId('listing-title').waitFor({ timeout: 15_000 });
      await expect(supplier.getByTestId('listing-inquire').count()).resolves.toBe(0);
    }));
});
