import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bootTestApp, signUpOrganization, type SignedUp, type TestApp } from '@aimatch/api-testing';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { Manager, type Socket } from 'socket.io-client';

/**
 * The client's one WebSocket: both namespaces (`/` and `/chat`) on one socket.io Manager, with
 * the one session implementation behind them (handshake, caps, expiry, `auth`, event limits).
 */
describe('one real-time connection per client', () => {
  let t: TestApp;
  const managers: Manager[] = [];

  beforeAll(async () => {
    t = await bootTestApp({ listen: true, env: { SOCKET_MAX_CONNECTIONS_PER_USER: '1' } });
  });
  afterAll(async () => {
    managers.forEach((m) => m.engine?.close());
    await t?.close();
  });

  /** One Manager (one WebSocket) with a socket on each namespace. */
  const connectBoth = (token: string, chatToken = token) => {
    const manager = new Manager(t.url, { transports: ['websocket'], reconnection: false });
    managers.push(manager);
    return { manager, root: manager.socket('/', { auth: { token } }), chat: manager.socket('/chat', { auth: { token: chatToken } }) };
  };
  const connected = (s: Socket) =>
    new Promise<void>((resolve, reject) => {
      if (s.connected) return resolve();
      s.once('connect', () => resolve());
      s.once('connect_error', reject);
    });
  const refusal = (s: Socket) =>
    new Promise<Error & { data?: { code: string; retryAfter?: number } }>((resolve) => s.once('connect_error', resolve));
  const ack = <T>(s: Socket, event: string, payload?: unknown): Promise<T> =>
    (s.timeout(5000) as unknown as { emitWithAck(e: string, ...a: unknown[]): Promise<T> }).emitWithAck(
      event,
      ...(payload === undefined ? [] : [payload]),
    );
  const shortToken = (u: SignedUp, seconds: number) =>
    t.app.get(JwtService).sign({ sub: u.userId, sid: randomUUID() }, { expiresIn: seconds });

  it('carries both namespaces on one WebSocket, which the per-user cap counts once', async () => {
    const u = await signUpOrganization(t);
    const first = connectBoth(u.accessToken);
    await Promise.all([connected(first.root), connected(first.chat)]);
    expect((await ack<{ at: string }>(first.root, 'ping')).at).toMatch(/^\d{4}-/);
    // A second WebSocket of the same user is over the cap of 1 (both of its namespaces are refused).
    const second = connectBoth(u.accessToken);
    const [a, b] = await Promise.all([refusal(second.root), refusal(second.chat)]);
    expect([a.message, b.message]).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
    expect(a.data).toMatchObject({ code: 'RATE_LIMITED', message: expect.any(String) });
    // The first still works; once it closes, the user may connect again.
    expect((await ack<{ at: string }>(first.root, 'ping')).at).toEqual(expect.any(String));
    first.manager.engine.close();
    const deadline = Date.now() + 5000;
    for (;;) {
      const third = connectBoth(u.accessToken);
      try {
        await Promise.all([connected(third.root), connected(third.chat)]);
        break;
      } catch (err) {
        third.manager.engine?.close();
        if (Date.now() > deadline) throw err;
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  });

  it('refuses a bad token on the default namespace with a typed error, as on /chat', async () => {
    const { root, chat } = connectBoth('forged.token.value');
    const [a, b] = await Promise.all([refusal(root), refusal(chat)]);
    expect(a.message).toBe('UNAUTHENTICATED');
    expect(a.data).toMatchObject({ code: 'UNAUTHENTICATED', message: expect.any(String) });
    expect(b.data).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('refreshes the token per namespace with `auth`; an expiry closes only its own namespace', async () => {
    const u = await signUpOrganization(t);
    const { root, chat } = connectBoth(shortToken(u, 3));
    await Promise.all([connected(root), connected(chat)]);
    expect(await ack(root, 'auth', { token: (await signUpOrganization(t)).accessToken })).toEqual({
      error: expect.objectContaining({ code: 'FORBIDDEN' }),
    });
    const refreshed = await ack<{ expiresAt: string }>(root, 'auth', { token: u.accessToken });
    expect(Date.parse(refreshed.expiresAt)).toBeGreaterThan(Date.now() + 60_000);
    const expired = new Promise<void>((resolve) => chat.once('session:expired', () => resolve()));
    const closed = new Promise<string>((resolve) => chat.once('disconnect', (reason) => resolve(reason)));
    await expired;
    expect(await closed).toBe('io server disconnect');
    // The default namespace, refreshed, stays open on the same WebSocket.
    expect(root.connected).toBe(true);
    expect((await ack<{ at: string }>(root, 'ping')).at).toEqual(expect.any(String));
  });

  it('rate-limits socket events per user (`auth`: 20 a minute) with RATE_LIMITED and retryAfter', async () => {
    const u = await signUpOrganization(t);
    const { root } = connectBoth(u.accessToken);
    await connected(root);
    const replies: Array<{ expiresAt?: string; error?: { code: string; retryAfter?: number } }> = [];
    for (let i = 0; i < 21; i++) replies.push(await ack(root, 'auth', { token: u.accessToken }));
    expect(replies.slice(0, 20).every((r) => typeof r.expiresAt === 'string')).toBe(true);
    expect(replies[20].error).toMatchObject({ code: 'RATE_LIMITED', retryAfter: expect.any(Number) });
    expect(replies[20].error!.retryAfter).toBeGreaterThanOrEqual(1);
    // Other events keep their own budgets.
    expect((await ack<{ at: string }>(root, 'ping')).at).toEqual(expect.any(String));
  });
});
