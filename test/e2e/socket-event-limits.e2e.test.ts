import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bootTestApp, signUpOrganization, type TestApp } from '@aimatch/api-testing';
import { randomUUID } from 'node:crypto';
import { Manager, type Socket } from 'socket.io-client';
import { RateLimiter, type RateLimitPolicy } from '../../apps/api/src/common/rate-limit/rate-limit.service';

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
});
