import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bootTestApp, settleOutbox, signUpOrganization, type TestApp, testConfig, TEST_PASSWORD } from '@aimatch/api-testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { Manager, type Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';
import { createApp } from '../../apps/api/src/app.factory';

const SIGN_IN = 'mutation($i: SignInInput!) { signIn(input: $i) { accessToken refreshToken } }';
const REFRESH = 'mutation($r: String!) { refreshSession(refreshToken: $r) { accessToken refreshToken } }';
const SIGN_OUT = 'mutation($r: String!) { signOut(refreshToken: $r) }';

/**
 * #13 M2: a revoked session (sign-out, refresh-token reuse) loses its live sockets at once, on
 * every namespace and every instance (two API instances on one PostgreSQL through the postgres
 * adapter): `session:revoked`, then the connection closes. An event of a socket whose session was
 * revoked behind its back (no close reached it) is refused with UNAUTHENTICATED within
 * SESSION_RECHECK_MS, and that socket is closed too. Other sessions of the same user stay connected.
 */
describe('revoked sessions lose their sockets', () => {
  let one: TestApp;
  let two: NestFastifyApplication;
  let twoUrl: string;
  const managers: Manager[] = [];

  beforeAll(async () => {
    const env = { CHAT_ADAPTER: 'postgres', REFRESH_REUSE_GRACE_SECONDS: '0' };
    one = await bootTestApp({ listen: true, env });
    two = await createApp(testConfig(one.config.DATABASE_URL!, env));
    await two.listen({ port: 0, host: '127.0.0.1' });
    twoUrl = `http://127.0.0.1:${(two.getHttpServer().address() as { port: number }).port}`;
  });
  afterAll(async () => {
    managers.forEach((m) => m.engine?.close());
    await two?.close();
    await one?.close();
  });

  /** One WebSocket with both namespaces, as the web client holds it, plus what each namespace received. */
  const connectBoth = async (url: string, token: string) => {
    const manager = new Manager(url, { transports: ['websocket'], reconnection: false });
    managers.push(manager);
    const sockets = { root: manager.socket('/', { auth: { token } }), chat: manager.socket('/chat', { auth: { token } }) };
    const seen = { root: [] as string[], chat: [] as string[] };
    for (const name of ['root', 'chat'] as const) {
      sockets[name].on('session:revoked', () => seen[name].push('session:revoked'));
      sockets[name].on('disconnect', (reason) => seen[name].push(`disconnect:${reason}`));
    }
    await Promise.all(
      Object.values(sockets).map(
        (s) =>
          new Promise<void>((resolve, reject) => {
            s.once('connect', () => resolve());
            s.once('connect_error', reject);
          }),
      ),
    );
    return { ...sockets, seen };
  };
  const ack = <T>(s: Socket, event: string, payload?: unknown): Promise<T> =>
    (s.timeout(5000) as unknown as { emitWithAck(e: string, ...a: unknown[]): Promise<T> }).emitWithAck(
      event,
      ...(payload === undefined ? [] : [payload]),
    );
  const until = async (what: string, done: () => boolean | Promise<boolean>, timeoutMs = 10_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!(await done())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const ended = (seen: string[]) => seen[0] === 'session:revoked' && seen.some((e) => e.startsWith('disconnect:'));
  const refusedAtHandshake = async (token: string) => {
    const manager = new Manager(one.url, { transports: ['websocket'], reconnection: false });
    managers.push(manager);
    const s = manager.socket('/chat', { auth: { token } });
    return new Promise<string>((resolve) => {
      s.once('connect', () => resolve('connected'));
      s.once('connect_error', (err) => resolve(err.message));
    });
  };

  it('signOut: the session sockets on both namespaces and instances get session:revoked and close; the other session stays', async () => {
    const u = await signUpOrganization(one);
    const other = (await one.gql(SIGN_IN, { i: { email: u.email, password: TEST_PASSWORD } })).data!.signIn as { accessToken: string };
    const onOne = await connectBoth(one.url!, u.accessToken);
    const onTwo = await connectBoth(twoUrl, u.accessToken);
    const kept = await connectBoth(twoUrl, other.accessToken);

    expect((await one.gql(SIGN_OUT, { r: u.refreshToken })).data!.signOut).toBe(true);

    await until('both sockets of the signed-out session on both instances to end', () =>
      [onOne.seen.root, onOne.seen.chat, onTwo.seen.root, onTwo.seen.chat].every(ended),
    );
    expect(onOne.seen.chat).toEqual(['session:revoked', 'disconnect:io server disconnect']);
    // The other session of the same user keeps working, on both namespaces.
    expect(kept.seen).toEqual({ root: [], chat: [] });
    expect((await ack<{ at: string }>(kept.root, 'ping')).at).toEqual(expect.any(String));
    expect(await ack(kept.chat, 'sync', { conversationId: randomUUID(), afterSeq: 0 })).not.toMatchObject({
      error: { code: 'UNAUTHENTICATED' },
    });
    // And the revoked token cannot come back.
    expect(await refusedAtHandshake(u.accessToken)).toBe('UNAUTHENTICATED');
  });

  it('refresh-token reuse: the family is revoked and its sockets get session:revoked and close', async () => {
    const u = await signUpOrganization(one);
    const sockets = await connectBoth(twoUrl, u.accessToken);
    const rotated = await one.gql(REFRESH, { r: u.refreshToken });
    expect(rotated.data!.refreshSession.accessToken).toEqual(expect.any(String));
    const reused = await one.gql(REFRESH, { r: u.refreshToken });
    expect(reused.errors![0].extensions.code).toBe('UNAUTHENTICATED');
    await until('the reused family sockets to end', () => ended(sockets.seen.root) && ended(sockets.seen.chat));
    expect(await refusedAtHandshake(rotated.data!.refreshSession.accessToken as string)).toBe('UNAUTHENTICATED');
  });

  it('changePassword: the sockets of the other sessions end, the current session keeps its sockets', async () => {
    const u = await signUpOrganization(one);
    const other = (await one.gql(SIGN_IN, { i: { email: u.email, password: TEST_PASSWORD } })).data!.signIn as { accessToken: string };
    const current = await connectBoth(one.url!, u.accessToken);
    const elsewhere = await connectBoth(twoUrl, other.accessToken);
    const changed = await one.gql(
      'mutation($c: String!, $p: String!) { changePassword(currentPassword: $c, newPassword: $p) }',
      { c: TEST_PASSWORD, p: 'Saebyeok-Haneul-7429!' },
      { token: u.accessToken },
    );
    expect(changed.data).toEqual({ changePassword: true });
    await until('the other session sockets to end', () => ended(elsewhere.seen.root) && ended(elsewhere.seen.chat));
    expect(current.seen).toEqual({ root: [], chat: [] });
    expect((await ack<{ at: string }>(current.root, 'ping')).at).toEqual(expect.any(String));
  });

  it('a socket moved to another session of the same user with `auth` follows that session', async () => {
    const u = await signUpOrganization(one);
    const b = (await one.gql(SIGN_IN, { i: { email: u.email, password: TEST_PASSWORD } })).data!.signIn as {
      refreshToken: string;
      accessToken: string;
    };
    const moved = await connectBoth(twoUrl, u.accessToken);
    expect(await ack(moved.root, 'auth', { token: b.accessToken })).toEqual({ expiresAt: expect.any(String) });
    expect(await ack(moved.chat, 'auth', { token: b.accessToken })).toEqual({ expiresAt: expect.any(String) });
    // The session it left ends: the socket stays.
    await one.gql(SIGN_OUT, { r: u.refreshToken });
    await settleOutbox(one);
    expect((await ack<{ at: string }>(moved.root, 'ping')).at).toEqual(expect.any(String));
    expect(moved.seen).toEqual({ root: [], chat: [] });
    // The session it joined ends: the socket ends with it.
    await one.gql(SIGN_OUT, { r: b.refreshToken });
    await until('the moved sockets to end with their new session', () => ended(moved.seen.root) && ended(moved.seen.chat));
  });

  it('re-checks the session on events: send and sync of a session revoked behind its back are refused, then the socket closes', async () => {
    const u = await signUpOrganization(one);
    const a = await connectBoth(one.url!, u.accessToken);
    const b = await connectBoth(one.url!, u.accessToken);
    // Revoked without telling the sockets (as a revocation no close reached would be).
    await one.app.get(DataSource).query('UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1', [u.userId]);
    let reply: { error?: { code: string } } = {};
    await until(
      'sync to be refused',
      async () => {
        reply = await ack(a.chat, 'sync', { conversationId: randomUUID(), afterSeq: 0 });
        return reply.error?.code === 'UNAUTHENTICATED';
      },
      15_000,
    );
    await until('the refused socket to end', () => ended(a.seen.chat));
    // The other socket's events are refused the same way once its own check is older than the window.
    await until('send to be refused', async () => {
      const sent = await ack<{ error?: { code: string } }>(b.chat, 'send', {
        conversationId: randomUUID(),
        clientMessageId: randomUUID(),
        body: 'still here?',
      });
      return sent.error?.code === 'UNAUTHENTICATED';
    });
    await until('the other socket to end', () => ended(b.seen.chat));
  });
});
