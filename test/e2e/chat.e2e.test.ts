import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ChatClientToServerEvents, ChatMessagePayload, ChatServerToClientEvents } from '@aimatch/contracts';
import {
  bootTestApp,
  createDemand,
  publish,
  settleOutbox,
  signInStaff,
  signUpOrganization,
  type SignedUp,
  type TestApp,
  testConfig,
} from '@aimatch/api-testing';
import { JwtService } from '@nestjs/jwt';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { createApp } from '../../apps/api/src/app.factory';

type ChatClient = Socket<ChatServerToClientEvents, ChatClientToServerEvents>;

/**
 * The `/chat` namespace over real socket.io clients, on two API instances that share one
 * PostgreSQL through the postgres adapter (CHAT_ADAPTER=postgres): a client on one instance
 * receives what a client on the other sends.
 */
describe('chat over socket.io on two instances', () => {
  let one: TestApp;
  let two: NestFastifyApplication;
  let twoUrl: string;
  let sme: SignedUp;
  let supplier: SignedUp;
  let stranger: SignedUp;
  let conversationId: string;
  const sockets: ChatClient[] = [];

  const connect = (url: string, token: string | undefined, reconnection = false): ChatClient => {
    const s: ChatClient = io(`${url}/chat`, { auth: token ? { token } : {}, transports: ['websocket'], reconnection, forceNew: true });
    sockets.push(s);
    return s;
  };
  const connected = (s: ChatClient) =>
    new Promise<void>((resolve, reject) => {
      if (s.connected) return resolve();
      s.once('connect', () => resolve());
      s.once('connect_error', reject);
    });
  const nextMessage = (s: ChatClient, timeoutMs = 5000) =>
    new Promise<ChatMessagePayload>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no message')), timeoutMs);
      s.once('message', (m) => {
        clearTimeout(timer);
        resolve(m);
      });
    });
  const ack = <T>(s: ChatClient, event: string, payload?: unknown): Promise<T> =>
    (s.timeout(5000) as unknown as { emitWithAck(e: string, ...a: unknown[]): Promise<T> }).emitWithAck(
      event,
      ...(payload === undefined ? [] : [payload]),
    );

  beforeAll(async () => {
    one = await bootTestApp({ listen: true, env: { CHAT_ADAPTER: 'postgres' } });
    two = await createApp(testConfig(one.config.DATABASE_URL!, { CHAT_ADAPTER: 'postgres' }));
    await two.listen({ port: 0, host: '127.0.0.1' });
    twoUrl = `http://127.0.0.1:${(two.getHttpServer().address() as { port: number }).port}`;
    sme = await signUpOrganization(one, { kind: 'SME' as never });
    supplier = await signUpOrganization(one, { kind: 'AI_SUPPLIER' as never });
    stranger = await signUpOrganization(one, { kind: 'AI_SUPPLIER' as never });
    const staff = await signInStaff(one);
    const demand = await publish(one, await createDemand(one, sme), sme.accessToken, staff.accessToken);
    const res = await one.gql(
      'mutation($i: OpenConversationInput!) { openConversation(input: $i) { id } }',
      { i: { contextType: 'DEMAND', contextId: demand.id } },
      { token: supplier.accessToken },
    );
    conversationId = res.data!.openConversation.id;
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await two?.close();
    await one?.close();
  });

  it('delivers messages between clients on different instances, acked after they are stored', async () => {
    const a = connect(one.url!, supplier.accessToken);
    const b = connect(twoUrl, sme.accessToken);
    await Promise.all([connected(a), connected(b)]);
    expect(await ack(a, 'join', { conversationId })).toMatchObject({ conversationId, lastSeq: 0, unread: 0 });
    expect(await ack(b, 'join', { conversationId })).toMatchObject({ conversationId, lastSeq: 0 });

    const atB = nextMessage(b);
    const sent = await ack<{ id: string; seq: number; createdAt: string }>(a, 'send', {
      conversationId,
      clientMessageId: randomUUID(),
      body: '안녕하세요, 공급사입니다.',
    });
    expect(sent).toMatchObject({ id: expect.any(String), seq: 1, createdAt: expect.any(String) });
    expect(await atB).toMatchObject({ id: sent.id, seq: 1, body: '안녕하세요, 공급사입니다.', senderUserId: supplier.userId });

    const atA = nextMessage(a);
    const reply = await ack<{ id: string; seq: number }>(b, 'send', { conversationId, clientMessageId: randomUUID(), body: '반갑습니다.' });
    expect((await atA).id).toBe(reply.id);
    expect(reply.seq).toBe(2);

    // read receipts and typing cross instances too
    const receipt = new Promise((resolve) => a.once('read', resolve));
    expect(await ack(b, 'read', { conversationId, seq: 2 })).toEqual({ conversationId, lastReadSeq: 2, unread: 0 });
    expect(await receipt).toEqual({ conversationId, userId: sme.userId, seq: 2 });
    const typing = new Promise((resolve) => b.once('typing', resolve));
    a.emit('typing', { conversationId });
    expect(await typing).toEqual({ conversationId, userId: supplier.userId, typing: true });
    a.close();
    b.close();
  });

  it('loses nothing across a reconnect: sync returns exactly what was missed', async () => {
    const a = connect(one.url!, supplier.accessToken);
    let b = connect(twoUrl, sme.accessToken);
    await Promise.all([connected(a), connected(b)]);
    const joined = await ack<{ lastSeq: number }>(b, 'join', { conversationId });
    const seen = joined.lastSeq;
    b.close();
    const missed: string[] = [];
    for (let i = 0; i < 5; i++) {
      missed.push((await ack<{ id: string }>(a, 'send', { conversationId, clientMessageId: randomUUID(), body: `놓친 메시지 ${i}` })).id);
    }
    // a retried send (same clientMessageId) while B is away is stored once
    const retryId = randomUUID();
    const first = await ack<{ id: string; seq: number }>(a, 'send', { conversationId, clientMessageId: retryId, body: '재전송' });
    const again = await ack<{ id: string; seq: number; duplicate?: boolean }>(a, 'send', {
      conversationId,
      clientMessageId: retryId,
      body: '재전송',
    });
    expect(again).toMatchObject({ id: first.id, seq: first.seq, duplicate: true });
    missed.push(first.id);

    b = connect(one.url!, sme.accessToken); // back, on the other instance this time
    await connected(b);
    await ack(b, 'join', { conversationId });
    const got: ChatMessagePayload[] = [];
    let after = seen;
    for (;;) {
      const page = await ack<{ messages: ChatMessagePayload[]; hasMore: boolean }>(b, 'sync', {
        conversationId,
        afterSeq: after,
        limit: 2,
      });
      got.push(...page.messages);
      after = page.messages.at(-1)?.seq ?? after;
      if (!page.hasMore) break;
    }
    expect(got.map((m) => m.id)).toEqual(missed);
    expect(got.map((m) => m.seq)).toEqual(missed.map((_, i) => seen + i + 1));
    a.close();
    b.close();
  });

  it('refuses a forged, missing or expired token at the handshake and disconnects at expiry', async () => {
    for (const token of ['forged.token.value', undefined]) {
      const s = connect(one.url!, token);
      const err = await new Promise<Error & { data?: { code: string } }>((resolve) => s.once('connect_error', resolve));
      expect(err.message).toBe('UNAUTHENTICATED');
      expect(err.data?.code).toBe('UNAUTHENTICATED');
    }
    const shortLived = one.app.get(JwtService).sign({ sub: sme.userId, sid: randomUUID() }, { expiresIn: 2 });
    const s = connect(twoUrl, shortLived);
    await connected(s);
    const expired = new Promise<void>((resolve) => s.once('session:expired', () => resolve()));
    const closed = new Promise<void>((resolve) => s.once('disconnect', () => resolve()));
    await expired;
    await closed;
    const late = connect(twoUrl, shortLived);
    const err = await new Promise<Error & { data?: { code: string } }>((resolve) => late.once('connect_error', resolve));
    expect(err.data?.code).toBe('UNAUTHENTICATED');
  });

  it('answers malformed and foreign requests with typed errors and keeps serving', async () => {
    const x = connect(one.url!, stranger.accessToken);
    const a = connect(one.url!, supplier.accessToken);
    await Promise.all([connected(x), connected(a)]);
    // foreign and unknown conversations look the same
    for (const id of [conversationId, randomUUID()]) {
      expect(await ack(x, 'join', { conversationId: id })).toEqual({ error: expect.objectContaining({ code: 'FORBIDDEN' }) });
      expect(await ack(x, 'sync', { conversationId: id, afterSeq: 0 })).toEqual({ error: expect.objectContaining({ code: 'FORBIDDEN' }) });
      expect(await ack(x, 'send', { conversationId: id, clientMessageId: randomUUID(), body: '침입' })).toEqual({
        error: expect.objectContaining({ code: 'FORBIDDEN' }),
      });
    }
    const bad = [
      undefined,
      'not an object',
      42,
      { conversationId, clientMessageId: 7, body: ['x'] },
      { conversationId, clientMessageId: randomUUID(), body: '' },
      { conversationId, clientMessageId: randomUUID(), body: 'a'.repeat(4001) },
      { conversationId, clientMessageId: randomUUID(), body: 'ok', extra: Array.from({ length: 5000 }, (_, i) => i) },
    ];
    for (const payload of bad) {
      const r = await ack<{ error: { code: string; message: string } }>(a, 'send', payload);
      expect(r.error.code).toBe('BAD_USER_INPUT');
      expect(r.error.message).toEqual(expect.any(String));
    }
    const tooLong = await ack<{ error: { fields: Array<{ path: string; rule: string }> } }>(a, 'send', {
      conversationId,
      clientMessageId: randomUUID(),
      body: 'a'.repeat(4001),
    });
    expect(tooLong.error.fields).toEqual([expect.objectContaining({ path: 'body', rule: 'max-length' })]);
    expect((await ack<{ error: { code: string } }>(a, 'sync', { conversationId, afterSeq: -1 })).error.code).toBe('BAD_USER_INPUT');
    expect((await ack<{ error: { code: string } }>(a, 'sync', { conversationId, afterSeq: 1e9 })).error.code).toBe('BAD_USER_INPUT');
    // without an ack the error arrives as an event
    const evt = new Promise((resolve) => a.once('chat:error', resolve));
    (a as unknown as { emit(e: string, p: unknown): void }).emit('typing', { conversationId: 12 });
    expect(await evt).toMatchObject({ code: 'BAD_USER_INPUT', event: 'typing' });
    // the same socket still works
    expect(await ack(a, 'send', { conversationId, clientMessageId: randomUUID(), body: '여전히 동작' })).toMatchObject({
      seq: expect.any(Number),
    });
    x.close();
    a.close();
  });

  it('rate-limits a flood with RATE_LIMITED and stores only what was acked', async () => {
    const owner = await signUpOrganization(one, { kind: 'SME' as never });
    const flooder = await signUpOrganization(one, { kind: 'AI_SUPPLIER' as never });
    const staff = await signInStaff(one);
    const demand = await publish(one, await createDemand(one, owner), owner.accessToken, staff.accessToken);
    const res = await one.gql(
      'mutation($i: OpenConversationInput!) { openConversation(input: $i) { id } }',
      { i: { contextType: 'DEMAND', contextId: demand.id } },
      { token: flooder.accessToken },
    );
    const conv = res.data!.openConversation.id;
    const s = connect(twoUrl, flooder.accessToken);
    await connected(s);
    const replies = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        ack<{ seq?: number; error?: { code: string; retryAfter: number } }>(s, 'send', {
          conversationId: conv,
          clientMessageId: randomUUID(),
          body: `flood ${i}`,
        }),
      ),
    );
    const ok = replies.filter((r) => r.seq);
    const limited = replies.filter((r) => r.error?.code === 'RATE_LIMITED');
    expect(ok).toHaveLength(20);
    expect(limited).toHaveLength(10);
    expect(limited[0].error!.retryAfter).toBeGreaterThanOrEqual(1);
    expect(ok.map((r) => r.seq).sort((x, y) => x! - y!)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    s.close();
  });
  it("takes a removed member out of the organization's chat at once, on every instance", async () => {
    // A colleague joins the SME (invited, accepts) and follows the conversation from instance two.
    const colleague = await signUpOrganization(one, { kind: 'SME' as never });
    const invited = await one.gql(
      'mutation($i: InviteMemberInput!) { inviteMember(input: $i) { token } }',
      { i: { organizationId: sme.organizationId, email: colleague.email } },
      { token: sme.accessToken },
    );
    const accepted = await one.gql(
      'mutation($t: String!) { acceptInvitation(token: $t) { id } }',
      { t: invited.data!.inviteMember.token },
      { token: colleague.accessToken },
    );
    expect(accepted.errors).toBeUndefined();
    const watcher = connect(twoUrl, colleague.accessToken);
    const owner = connect(one.url!, sme.accessToken);
    const sender = connect(one.url!, supplier.accessToken);
    await Promise.all([connected(watcher), connected(owner), connected(sender)]);
    for (const s of [watcher, owner, sender]) await ack(s, 'join', { conversationId });
    const seenByWatcher: string[] = [];
    watcher.on('message', (m) => {
      seenByWatcher.push(m.body ?? '');
    });
    watcher.on('conversation:activity' as never, () => {
      seenByWatcher.push('activity');
    });
    const say = async (body: string) => {
      const atOwner = nextMessage(owner);
      await ack(sender, 'send', { conversationId, clientMessageId: randomUUID(), body });
      expect((await atOwner).body).toBe(body);
    };
    await say('구성원이 보는 메시지');
    await new Promise<void>((resolve) =>
      seenByWatcher.includes('구성원이 보는 메시지') ? resolve() : watcher.once('message', () => resolve()),
    );

    const removed = await one.gql(
      'mutation($o: ID!, $u: ID!) { removeMember(organizationId: $o, userId: $u) }',
      { o: sme.organizationId, u: colleague.userId },
      { token: sme.accessToken },
    );
    expect(removed.errors).toBeUndefined();
    await settleOutbox(one);
    seenByWatcher.length = 0;
    // Two more messages reach the owner; the removed colleague's open socket gets neither, nor the activity.
    await say('제외된 뒤의 메시지 1');
    await say('제외된 뒤의 메시지 2');
    expect(seenByWatcher).toEqual([]);
    // And it cannot join the conversation again.
    await expect(ack<{ error?: { code: string } }>(watcher, 'join', { conversationId })).resolves.toMatchObject({
      error: { code: expect.stringMatching(/NOT_FOUND|FORBIDDEN/) },
    });
  });
});
