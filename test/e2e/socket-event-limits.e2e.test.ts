import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bootTestApp, signUpOrganization, type TestApp } from '@aimatch/api-testing';
import { randomUUID } from 'node:crypto';
import { Manager, type Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';
import { Clock } from '../../apps/api/src/common/clock';
import { RateLimiter, type RateLimitPolicy } from '../../apps/api/src/common/rate-limit/rate-limit.service';
import { SESSION_RECHECK_MS } from '../../apps/api/src/realtime/realtime-sessions';

/**
 * #13 M3: every client event of both namespaces is counted per user under a rate-limit policy
 * (`send` and `typing` are counted inside their handlers: see chat.e2e). For each event the
 * user's budget of its policy is spent first; the event must then be refused as RATE_LIMITED
 * before its handler runs — an unlimited event would answer its own result or error instead.
 */
describe('socket events are rate-limited', () => {
  let t: TestApp;
  const managers: Manager[] = [];
  beforeAll(async () => {
    t = await bootTestApp({ listen: true });
  });
  afterAll(async () => {
    managers.forEach((m) => m.engine?.close());
    await t?.close();
  });

  const connect = async (token: string, namespace: '/' | '/chat'): Promise<Socket> => {
    const manager = new Manager(t.url, { transports: ['websocket'], reconnection: false });
    managers.push(manager);
    const socket = manager.socket(namespace, { auth: { token } });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    return socket;
  };
  const exhaust = async (policy: RateLimitPolicy, userId: string) => {
    const limiter = t.app.get(RateLimiter);
    for (let i = 0; i < 1000; i++) {
      const refused = await limiter.consume(policy, userId).then(
        () => false,
        () => true,
      );
      if (refused) return;
    }
    throw new Error(`${policy} never refused`);
  };

  it.each<[string, '/' | '/chat', RateLimitPolicy, unknown]>([
    ['ping', '/', 'socket-ping', undefined],
    ['auth', '/', 'socket-auth', { token: 'x' }],
    ['auth', '/chat', 'socket-auth', { token: 'x' }],
    ['join', '/chat', 'socket-join', { conversationId: randomUUID() }],
    ['leave', '/chat', 'socket-join', { conversationId: randomUUID() }],
    ['sync', '/chat', 'socket-sync', { conversationId: randomUUID(), afterSeq: 0 }],
    ['read', '/chat', 'socket-read', { conversationId: randomUUID(), seq: 1 }],
    ['edit', '/chat', 'chat-edit', { messageId: randomUUID(), body: 'x' }],
    ['delete', '/chat', 'chat-edit', { messageId: randomUUID() }],
  ])('%s on %s is counted under %s', async (event, namespace, policy, payload) => {
    const user = await signUpOrganization(t);
    const socket = await connect(user.accessToken, namespace);
    await exhaust(policy, user.userId);
    const reply = (await socket.timeout(5000).emitWithAck(event, ...(payload === undefined ? [] : [payload]))) as {
      error?: { code: string; retryAfter?: number };
    };
    expect(reply.error?.code).toBe('RATE_LIMITED');
    expect(reply.error?.retryAfter).toBeGreaterThan(0);
    socket.disconnect();
  });

  /**
   * #13 M2: every event of both namespaces re-checks the socket's session (at most every
   * SESSION_RECHECK_MS): once its session is revoked without the socket being told, the event is
   * refused with UNAUTHENTICATED before its handler runs, `session:revoked` is sent and the socket closes.
   */
  it.each<[string, '/' | '/chat', unknown]>([
    ['ping', '/', undefined],
    ['auth', '/', { token: 'x' }],
    ['auth', '/chat', { token: 'x' }],
    ['join', '/chat', { conversationId: randomUUID() }],
    ['leave', '/chat', { conversationId: randomUUID() }],
    ['send', '/chat', { conversationId: randomUUID(), clientMessageId: randomUUID(), body: 'x' }],
    ['sync', '/chat', { conversationId: randomUUID(), afterSeq: 0 }],
    ['read', '/chat', { conversationId: randomUUID(), seq: 1 }],
    ['typing', '/chat', { conversationId: randomUUID(), typing: true }],
    ['edit', '/chat', { messageId: randomUUID(), body: 'x' }],
    ['delete', '/chat', { messageId: randomUUID() }],
  ])('%s on %s re-checks the session and is refused once it is revoked', async (event, namespace, payload) => {
    const user = await signUpOrganization(t);
    const socket = await connect(user.accessToken, namespace);
    const told = new Promise<void>((resolve) => socket.once('session:revoked', () => resolve()));
    const closed = new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));
    await t.app.get(DataSource).query('UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1', [user.userId]);
    // Past the re-check window (instead of waiting it out).
    const clock = t.app.get(Clock);
    const now = clock.now.bind(clock);
    clock.now = () => new Date(now().getTime() + SESSION_RECHECK_MS + 1000);
    try {
      const reply = (await socket.timeout(5000).emitWithAck(event, ...(payload === undefined ? [] : [payload]))) as {
        error?: { code: string };
      };
      expect(reply.error?.code).toBe('UNAUTHENTICATED');
    } finally {
      clock.now = now;
    }
    await told;
    expect(await closed).toBe('io server disconnect');
  });
});
