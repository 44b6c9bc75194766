/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ChatClientToServerEvents, ChatServerToClientEvents } from '@aimatch/contracts';
import {
  bootTestApp,
  createDemand,
  publish,
  signInStaff,
  signUpOrganization,
  type SignedUp,
  TEST_PASSWORD,
  type TestApp,
} from '@aimatch/api-testing';
import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page, WebSocket } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';
import { DESKTOP_KO, launchChromium } from './browser';

/**
 * One WebSocket per tab: from sign-in through a live chat message and a live notification, the
 * page opens exactly one WebSocket, and both namespaces (`/` for notifications, `/chat`) connect over it.
 */
describe('web client: one WebSocket per tab', () => {
  let t: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let sme: SignedUp;
  let supplier: SignedUp;
  let staff: { accessToken: string };
  let conversationId: string;
  let supplierSocket: Socket<ChatServerToClientEvents, ChatClientToServerEvents> | undefined;

  beforeAll(async () => {
    t = await bootTestApp({ listen: true });
    sme = await signUpOrganization(t, { kind: 'SME' as never });
    supplier = await signUpOrganization(t, { kind: 'AI_SUPPLIER' as never });
    staff = await signInStaff(t);
    const demand = await publish(t, await createDemand(t, sme), sme.accessToken, staff.accessToken);
    const res = await t.gql(
      'mutation($i: OpenConversationInput!) { openConversation(input: $i) { id } }',
      { i: { contextType: 'DEMAND', contextId: demand.id } },
      { token: supplier.accessToken },
    );
    conversationId = res.data!.openConversation.id;
    browser = await launchChromium();
    context = await browser.newContext(DESKTOP_KO);
  }, 120_000);
  afterAll(async () => {
    supplierSocket?.close();
    await context?.close();
    await browser?.close();
    await t?.close();
  });

  /** The supplier, outside the browser, says something in the conversation over its own socket.io client. */
  async function supplierSays(body: string): Promise<void> {
    supplierSocket ??= io(`${t.url}/chat`, { auth: { token: supplier.accessToken }, transports: ['websocket'], forceNew: true });
    const s = supplierSocket;
    if (!s.connected) await new Promise<void>((resolve, reject) => s.once('connect', resolve).once('connect_error', reject));
    const ack = (event: 'join' | 'send', payload: unknown) =>
      (s.timeout(5000) as unknown as { emitWithAck(e: string, p: unknown): Promise<{ error?: unknown }> }).emitWithAck(event, payload);
    expect((await ack('join', { conversationId })).error).toBeUndefined();
    expect((await ack('send', { conversationId, clientMessageId: randomUUID(), body })).error).toBeUndefined();
  }

  it('carries sign-in, chat and a notification on exactly one WebSocket', async () => {
    const page: Page = await context.newPage();
    const sockets: WebSocket[] = [];
    const sent: string[] = [];
    const received: string[] = [];
    page.on('websocket', (ws) => {
      sockets.push(ws);
      ws.on('framesent', (f) => sent.push(String(f.payload)));
      ws.on('framereceived', (f) => received.push(String(f.payload)));
    });

    await page.goto(`${t.url}/signin`);
    await page.getByTestId('signin-email').fill(sme.email);
    await page.getByTestId('signin-password').fill(TEST_PASSWORD);
    await page.getByTestId('signin-submit').click();
    await page.waitForURL((u) => !u.pathname.startsWith('/signin'), { timeout: 15_000 });

    // To the messages page and into the thread without reloading (a reload is a new page load).
    await page.getByTestId('nav-messages').click();
    await page.getByTestId(`conversation-item-${conversationId}`).click({ timeout: 15_000 });
    await page.waitForSelector('[data-testid="chat-thread"][data-state="done"]', { timeout: 15_000 });
    await supplierSays('실시간 연결은 하나면 충분합니다.');
    await page.locator('[data-testid="chat-bubble"]', { hasText: '실시간 연결은 하나면 충분합니다.' }).waitFor({ timeout: 10_000 });

    // A notification pushed live: staff approve a second demand of the SME.
    const pushed = received.length;
    await publish(t, await createDemand(t, sme, { title: '웹소켓 하나로 받는 알림' }), sme.accessToken, staff.accessToken);
    const deadline = Date.now() + 15_000;
    while (!received.slice(pushed).some((f) => f.startsWith('42["notification"'))) {
      if (Date.now() > deadline) throw new Error('no live notification on the page');
      await page.waitForTimeout(50);
    }
    await page.getByTestId('nav-unread-notifications').waitFor({ timeout: 10_000 });

    expect(sockets.map((ws) => new URL(ws.url()).pathname)).toEqual(['/socket.io/']);
    expect(sockets[0].isClosed()).toBe(false);
    // Both namespaces connected over that one WebSocket (socket.io CONNECT packets: `40` + nsp).
    expect(sent.some((f) => f.startsWith('40{'))).toBe(true);
    expect(sent.some((f) => f.startsWith('40/chat,'))).toBe(true);
    await page.close();
  });
});
