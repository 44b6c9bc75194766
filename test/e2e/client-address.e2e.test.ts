import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bootTestApp, signUpOrganization, type SignedUp, type TestApp } from '@aimatch/api-testing';
import { Manager, type Socket } from 'socket.io-client';
import { configSchema } from '../../apps/api/src/config/config.schema';

const SIGN_IN = 'mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }';

/**
 * Who may claim the client's address (#13 H2). Without named proxies a client's own
 * X-Forwarded-For is ignored by the per-address limits of HTTP and of the socket handshake;
 * behind a trusted proxy the forwarded address counts, but only the right-most hop the proxy
 * appended: a client cannot win by putting another address in front.
 */
describe('client address behind (and without) a trusted proxy', () => {
  const managers: Manager[] = [];
  afterAll(() => managers.forEach((m) => m.engine?.close()));

  const signInCode = async (t: TestApp, forwardedFor: string): Promise<string | undefined> => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
      payload: JSON.stringify({ query: SIGN_IN, variables: { i: { email: 'nobody@example.kr', password: 'not-the-password-1' } } }),
    });
    return res.json<{ errors?: Array<{ extensions: { code: string } }> }>().errors?.[0]?.extensions.code;
  };
  const socketFrom = (t: TestApp, token: string, forwardedFor: string): Socket => {
    const manager = new Manager(t.url, {
      transports: ['websocket'],
      reconnection: false,
      extraHeaders: { 'x-forwarded-for': forwardedFor },
    });
    managers.push(manager);
    return manager.socket('/', { auth: { token } });
  };
  const outcome = (s: Socket) =>
    new Promise<string>((resolve) => {
      s.once('connect', () => resolve('connected'));
      s.once('connect_error', (err: Error & { data?: { code: string } }) => resolve(err.data?.code ?? err.message));
    });

  it('refuses TRUST_PROXY=true and hop counts, and accepts named proxies', () => {
    expect(configSchema.safeParse({ TRUST_PROXY: 'true' }).success).toBe(false);
    expect(configSchema.safeParse({ TRUST_PROXY: '2' }).success).toBe(false);
    expect(configSchema.safeParse({ TRUST_PROXY: 'not-an-address' }).success).toBe(false);
    expect(configSchema.parse({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).TRUST_PROXY).toEqual(['loopback', '10.0.0.0/8']);
    expect(configSchema.parse({}).TRUST_PROXY).toEqual([]);
  });

  describe('no trusted proxy', () => {
    let t: TestApp;
    let u: SignedUp;
    beforeAll(async () => {
      t = await bootTestApp({ listen: true, env: { RATE_LIMIT_AUTH_PER_IP_PER_MINUTE: '2', SOCKET_MAX_CONNECTIONS_PER_ADDRESS: '1' } });
      u = await signUpOrganization(t);
    });
    afterAll(async () => t?.close());

    it('counts a client with forged X-Forwarded-For by its real address', async () => {
      // signUpOrganization spent some of this address's auth budget already: new addresses would not help.
      const codes = [await signInCode(t, '1.1.1.1'), await signInCode(t, '2.2.2.2'), await signInCode(t, '3.3.3.3')];
      expect(codes[codes.length - 1]).toBe('RATE_LIMITED');

      const first = socketFrom(t, u.accessToken, '4.4.4.4');
      expect(await outcome(first)).toBe('connected');
      expect(await outcome(socketFrom(t, u.accessToken, '5.5.5.5'))).toBe('RATE_LIMITED');
    });
  });

  describe('behind a trusted loopback proxy', () => {
    let t: TestApp;
    let u: SignedUp;
    beforeAll(async () => {
      t = await bootTestApp({
        listen: true,
        env: { TRUST_PROXY: 'loopback', RATE_LIMIT_AUTH_PER_IP_PER_MINUTE: '2', SOCKET_MAX_CONNECTIONS_PER_ADDRESS: '1' },
      });
      u = await signUpOrganization(t);
    });
    afterAll(async () => t?.close());

    it('gives each forwarded client its own budget, and ignores what a client put in front', async () => {
      expect(await signInCode(t, '1.1.1.1')).toBe('UNAUTHENTICATED');
      expect(await signInCode(t, '2.2.2.2')).toBe('UNAUTHENTICATED');
      expect(await signInCode(t, '3.3.3.3')).toBe('UNAUTHENTICATED');
      // The proxy appends the real client (7.7.7.7); the client's own entries in front do not count.
      expect(await signInCode(t, '9.9.9.1, 7.7.7.7')).toBe('UNAUTHENTICATED');
      expect(await signInCode(t, '9.9.9.2, 7.7.7.7')).toBe('UNAUTHENTICATED');
      expect(await signInCode(t, '9.9.9.3, 7.7.7.7')).toBe('RATE_LIMITED');

      expect(await outcome(socketFrom(t, u.accessToken, '4.4.4.4'))).toBe('connected');
      expect(await outcome(socketFrom(t, u.accessToken, '5.5.5.5'))).toBe('connected');
      expect(await outcome(socketFrom(t, u.accessToken, '6.6.6.6, 4.4.4.4'))).toBe('RATE_LIMITED');
    });
  });
});
