import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bootTestApp, signUpOrganization, type TestApp, TEST_PASSWORD } from '@aimatch/api-testing';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { Clock } from '../../../common/clock';

const SIGN_IN = 'mutation($i: SignInInput!) { signIn(input: $i) { accessToken refreshToken me { user { email } } } }';
const REFRESH = 'mutation($r: String!) { refreshSession(refreshToken: $r) { accessToken refreshToken } }';
const ME = '{ me { user { id } } }';

/** A GraphQL call from a given client address (#13 M4: only failures count, per account and address; refresh has its own budget). */
async function from(t: TestApp, address: string, query: string, variables: Record<string, unknown>) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/graphql',
    remoteAddress: address,
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify({ query, variables }),
  });
  return res.json<{ data?: Record<string, any>; errors?: Array<{ extensions: { code: string } }> }>();
}

describe('sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp();
  });
  afterAll(() => t.close());

  it('signs in with any letter case of the e-mail', async () => {
    const u = await signUpOrganization(t);
    const res = await t.gql(SIGN_IN, { i: { email: u.email.toUpperCase(), password: TEST_PASSWORD } });
    expect(res.data!.signIn.me.user.email).toBe(u.email);
  });

  it('answers a wrong password and an unknown e-mail with the same error', async () => {
    const u = await signUpOrganization(t);
    const wrong = await t.gql(SIGN_IN, { i: { email: u.email, password: 'wrong-password-123' } });
    const unknown = await t.gql(SIGN_IN, { i: { email: 'nobody@example.kr', password: 'wrong-password-123' } });
    expect(wrong.errors![0].extensions.code).toBe('UNAUTHENTICATED');
    expect(wrong.errors![0].message).toBe(unknown.errors![0].message);
    expect(wrong.errors![0].message).toBe('이메일 또는 비밀번호가 올바르지 않습니다.');
  });

  /** Runs `body` with the API's Clock standing still at `at` (moved by `advance`), so back-off waits pass without sleeping. */
  const withClock = async (body: (advance: (ms: number) => void) => Promise<void>) => {
    const clock = t.app.get(Clock);
    const real = clock.now.bind(clock);
    let at = Date.now();
    clock.now = () => new Date(at);
    try {
      await body((ms) => (at += ms));
    } finally {
      clock.now = real;
    }
  };

  it('backs off an account at an address after repeated wrong passwords there (1 s, 2 s, 4 s …), and the right password after the wait signs in (#13 M4)', async () => {
    const u = await signUpOrganization(t);
    const attempt = async (password: string) => (await t.gql(SIGN_IN, { i: { email: u.email, password } })).errors?.[0]?.extensions;
    await withClock(async (advance) => {
      for (let i = 0; i < 10; i++) expect((await attempt(`wrong-password-${i}`))!.code).toBe('UNAUTHENTICATED');
      // During the wait every attempt is refused, the right password too, and none of them counts.
      for (let i = 0; i < 3; i++) expect(await attempt(`wrong-password-x${i}`)).toMatchObject({ code: 'RATE_LIMITED', retryAfter: 1 });
      expect(await attempt(TEST_PASSWORD)).toMatchObject({ code: 'RATE_LIMITED', retryAfter: 1 });
      advance(999);
      expect((await attempt(TEST_PASSWORD))!.code).toBe('RATE_LIMITED');
      // Each further failure doubles the wait.
      advance(1);
      expect((await attempt('wrong-password-11'))!.code).toBe('UNAUTHENTICATED');
      expect(await attempt(TEST_PASSWORD)).toMatchObject({ code: 'RATE_LIMITED', retryAfter: 2 });
      advance(2000);
      expect((await attempt('wrong-password-12'))!.code).toBe('UNAUTHENTICATED');
      expect(await attempt(TEST_PASSWORD)).toMatchObject({ code: 'RATE_LIMITED', retryAfter: 4 });
      advance(4000);
      // The right password after the wait signs in and forgets the failures: ten free ones again.
      expect(await attempt(TEST_PASSWORD)).toBeUndefined();
      for (let i = 0; i < 10; i++) expect((await attempt(`wrong-again-${i}`))!.code).toBe('UNAUTHENTICATED');
      expect((await attempt(TEST_PASSWORD))!.code).toBe('RATE_LIMITED');
    });
  });

  it('lets only one of several parallel attempts through each back-off opening', async () => {
    const u = await signUpOrganization(t);
    const attempt = async (password: string) => (await t.gql(SIGN_IN, { i: { email: u.email, password } })).errors?.[0]?.extensions;
    await withClock(async (advance) => {
      for (let i = 0; i < 10; i++) await attempt(`wrong-password-${i}`);
      advance(1000);
      const codes = (await Promise.all(Array.from({ length: 6 }, (_, i) => attempt(`parallel-guess-${i}`)))).map((e) => e!.code);
      expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(1);
      expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(5);
    });
  });

  it('caps the back-off at 15 minutes', async () => {
    const u = await signUpOrganization(t);
    const attempt = async (password: string) => (await t.gql(SIGN_IN, { i: { email: u.email, password } })).errors?.[0]?.extensions;
    await withClock(async (advance) => {
      for (let i = 0; i < 10; i++) await attempt(`wrong-password-${i}`);
      for (let wait = 1; wait < 15 * 60; wait *= 2) {
        advance(wait * 1000);
        expect((await attempt(`wrong-after-${wait}`))!.code).toBe('UNAUTHENTICATED');
      }
      expect(await attempt(TEST_PASSWORD)).toMatchObject({ code: 'RATE_LIMITED', retryAfter: 15 * 60 });
      advance(15 * 60 * 1000);
      expect(await attempt(TEST_PASSWORD)).toBeUndefined();
    });
  });

  it("never locks the owner out because of someone else's wrong passwords, and counts only failures", async () => {
    const u = await signUpOrganization(t);
    const attacker: string[] = [];
    await withClock(async () => {
      for (let i = 0; i < 11; i++)
        attacker.push(
          (await from(t, '10.9.0.66', SIGN_IN, { i: { email: u.email, password: `guess-${i}-xyz` } })).errors![0].extensions.code,
        );
    });
    expect(attacker.slice(0, 10).every((c) => c === 'UNAUTHENTICATED')).toBe(true);
    expect(attacker[10]).toBe('RATE_LIMITED');
    // The owner, at their own address, signs in with the right password…
    expect((await from(t, '10.9.0.7', SIGN_IN, { i: { email: u.email, password: TEST_PASSWORD } })).data!.signIn.me.user.email).toBe(
      u.email,
    );
    // …and successful sign-ins spend nothing of the failure budget.
    for (let i = 0; i < 12; i++)
      expect((await from(t, '10.9.0.8', SIGN_IN, { i: { email: u.email, password: TEST_PASSWORD } })).errors).toBeUndefined();
  });

  it('rotates refresh tokens: each works once and yields a working access token', async () => {
    const u = await signUpOrganization(t);
    const r1 = await t.gql(REFRESH, { r: u.refreshToken });
    const next = r1.data!.refreshSession;
    expect(next.refreshToken).not.toBe(u.refreshToken);
    expect((await t.gql(ME, {}, { token: next.accessToken })).data!.me.user.id).toBe(u.userId);
    const r2 = await t.gql(REFRESH, { r: next.refreshToken });
    expect(r2.errors).toBeUndefined();
  });

  it('tolerates a retry of the same refresh within the grace window (a reload lost the answer)', async () => {
    const u = await signUpOrganization(t);
    const first = await t.gql(REFRESH, { r: u.refreshToken });
    const retry = await t.gql(REFRESH, { r: u.refreshToken });
    expect(retry.errors).toBeUndefined();
    expect((await t.gql(ME, {}, { token: first.data!.refreshSession.accessToken })).errors).toBeUndefined();
  });

  it('revokes the whole family when an old refresh token is reused after the grace window', async () => {
    const u = await signUpOrganization(t);
    const rotated = (await t.gql(REFRESH, { r: u.refreshToken })).data!.refreshSession;
    await t.app.get(DataSource).query(`UPDATE refresh_tokens SET used_at = used_at - interval '1 minute' WHERE used_at IS NOT NULL`);
    const reuse = await t.gql(REFRESH, { r: u.refreshToken });
    expect(reuse.errors![0].extensions.code).toBe('UNAUTHENTICATED');
    expect(reuse.errors![0].message).toContain('이미 사용된');
    // The thief's and the owner's newer tokens are dead too.
    expect((await t.gql(REFRESH, { r: rotated.refreshToken })).errors![0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(ME, {}, { token: rotated.accessToken })).errors![0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('signOut ends the session at once, access token included', async () => {
    const u = await signUpOrganization(t);
    expect((await t.gql(ME, {}, { token: u.accessToken })).errors).toBeUndefined();
    await t.gql('mutation($r: String!) { signOut(refreshToken: $r) }', { r: u.refreshToken });
    expect((await t.gql(ME, {}, { token: u.accessToken })).errors![0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(REFRESH, { r: u.refreshToken })).errors![0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refuses forged, malformed and expired access tokens', async () => {
    const u = await signUpOrganization(t);
    const forged = new JwtService({ secret: 'not-the-server-secret-0123456789abcdef' }).sign(
      { sub: u.userId, sid: 'x' },
      { issuer: 'aimatch' },
    );
    const expired = t.app.get(JwtService).sign({ sub: u.userId, sid: 'x' }, { expiresIn: -10 });
    const [header, payload] = u.accessToken.split('.');
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`;
    for (const token of [forged, none, 'garbage', `${header}.${payload}.AAAA`]) {
      expect((await t.gql(ME, {}, { token })).errors![0].extensions.code).toBe('UNAUTHENTICATED');
    }
    const res = await t.gql(ME, {}, { token: expired, locale: 'en' });
    expect(res.errors![0]).toMatchObject({
      message: 'Your session has expired. Please sign in again.',
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  it('saves the language a user picks and answers in it when the client names none', async () => {
    const u = await signUpOrganization(t);
    const res = await t.gql(
      'mutation { updateMe(input: { locale: EN, displayName: "Minji" }) { user { locale displayName } } }',
      {},
      { token: u.accessToken },
    );
    expect(res.data!.updateMe.user).toEqual({ locale: 'EN', displayName: 'Minji' });
    const bad = await t.gql(
      'mutation { updateMe(input: { displayName: "" }) { user { id } } }',
      {},
      { token: u.accessToken, headers: { 'accept-language': '' } },
    );
    expect(bad.errors![0]).toMatchObject({
      message: 'Please check the input.',
      extensions: { fields: [expect.objectContaining({ path: 'displayName', rule: 'required' })] },
    });
  });

  it('lets public operations through with a stale token', async () => {
    const res = await t.gql('{ vocabularyVersion }', {}, { token: 'stale' });
    expect(res.data!.vocabularyVersion).toBe('0.2.0');
  });
});

describe('sign-in rate limit per IP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp({ env: { RATE_LIMIT_AUTH_PER_IP_PER_MINUTE: '5' } });
  });
  afterAll(() => t.close());

  it('limits sign-in attempts from one address across accounts', async () => {
    const codes: string[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await t.gql(SIGN_IN, { i: { email: `someone${i}@example.kr`, password: 'whatever-password' } });
      codes.push(res.errors![0].extensions.code);
    }
    expect(codes).toEqual([
      'UNAUTHENTICATED',
      'UNAUTHENTICATED',
      'UNAUTHENTICATED',
      'UNAUTHENTICATED',
      'UNAUTHENTICATED',
      'RATE_LIMITED',
      'RATE_LIMITED',
    ]);
  });
});

describe('refresh has its own budget (#13 M4)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp({ env: { RATE_LIMIT_AUTH_PER_IP_PER_MINUTE: '5' } });
  });
  afterAll(() => t.close());

  it('keeps refreshing sessions at an address whose sign-in budget is spent', async () => {
    const u = await signUpOrganization(t);
    for (let i = 0; i < 6; i++)
      await from(t, '10.9.0.99', SIGN_IN, { i: { email: `nobody${i}@example.kr`, password: 'whatever-password' } });
    expect((await from(t, '10.9.0.99', SIGN_IN, { i: { email: u.email, password: TEST_PASSWORD } })).errors![0].extensions.code).toBe(
      'RATE_LIMITED',
    );
    const refreshed = await from(t, '10.9.0.99', REFRESH, { r: u.refreshToken });
    expect(refreshed.errors).toBeUndefined();
    expect(refreshed.data!.refreshSession.accessToken).toEqual(expect.any(String));
  });
});
