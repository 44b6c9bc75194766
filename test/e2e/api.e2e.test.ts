import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bootTestApp, signUpOrganization, type TestApp } from '@aimatch/api-testing';
import { io, type Socket } from 'socket.io-client';

/** The booted app over real HTTP and a real socket.io client, as a browser reaches it. */
describe('api over HTTP and socket.io', () => {
  let t: TestApp;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    t = await bootTestApp({ listen: true, env: { CORS_ORIGINS: 'https://allowed.example' } });
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await t.close();
  });

  const connect = (auth: Record<string, unknown>) => {
    const s = io(t.url, { auth, transports: ['websocket'], reconnection: false });
    sockets.push(s);
    return s;
  };

  it('answers /health and /ready', async () => {
    expect(await (await fetch(`${t.url}/health`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${t.url}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', database: 'up', search: 'serving' });
  });

  it('sends security headers and a request id', async () => {
    const res = await fetch(`${t.url}/health`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('allows only configured cross-origin callers', async () => {
    const preflight = (origin: string) =>
      fetch(`${t.url}/graphql`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
    expect((await preflight('https://allowed.example')).headers.get('access-control-allow-origin')).toBe('https://allowed.example');
    expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('signs up and reads the session over HTTP', async () => {
    const u = await signUpOrganization(t);
    const me = await t.gql('{ me { user { id } memberships { role } } }', {}, { token: u.accessToken });
    expect(me.status).toBe(200);
    expect(me.data!.me).toEqual({ user: { id: u.userId }, memberships: [{ role: 'OWNER' }] });
  });

  it('accepts a socket.io connection with a valid access token (one socket for all pushes)', async () => {
    const u = await signUpOrganization(t);
    const s = connect({ token: u.accessToken });
    await new Promise<void>((resolve, reject) => {
      s.on('connect', resolve);
      s.on('connect_error', reject);
    });
    const reply = await s.timeout(2000).emitWithAck('ping');
    expect(reply.at).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('refuses a socket.io connection without a valid token before it exists', async () => {
    for (const auth of [{ token: 'forged' }, {}]) {
      const s = connect(auth);
      const error = await new Promise<Error>((resolve) => s.on('connect_error', resolve));
      expect(error.message).toBe('UNAUTHENTICATED');
      expect(s.connected).toBe(false);
    }
  });
});
