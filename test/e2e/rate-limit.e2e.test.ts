import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bootTestApp, type TestApp, testConfig } from '@aimatch/api-testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { createApp } from '../../apps/api/src/app.factory';
import { AppError } from '../../apps/api/src/common/errors/app-error';
import { RateLimiter } from '../../apps/api/src/common/rate-limit/rate-limit.service';

const SIGN_IN = 'mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }';

/**
 * The one rate limiter on PostgreSQL: two API instances on one database spend one budget (the
 * counts of the per-process limiters it replaced were per instance), and expired counters go.
 */
describe('rate limits shared across instances', () => {
  let one: TestApp;
  let two: NestFastifyApplication;

  beforeAll(async () => {
    const env = { RATE_LIMIT_AUTH_PER_IP_PER_MINUTE: '6' };
    one = await bootTestApp({ env });
    two = await createApp(testConfig(one.config.DATABASE_URL!, env));
    await two.init();
    await two.getHttpAdapter().getInstance().ready();
  });
  afterAll(async () => {
    await two?.close();
    await one?.close();
  });

  const signInOnTwo = async (email: string): Promise<string> => {
    const res = await two.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ query: SIGN_IN, variables: { i: { email, password: 'not-the-password-1' } } }),
    });
    return res.json<{ errors: Array<{ extensions: { code: string } }> }>().errors[0].extensions.code;
  };
  const signInOnOne = async (email: string): Promise<string> =>
    (await one.gql(SIGN_IN, { i: { email, password: 'not-the-password-1' } })).errors![0].extensions.code;

  it('counts sign-in attempts from one address on both instances against one limit', async () => {
    const codes: string[] = [];
    for (let i = 0; i < 3; i++) codes.push(await signInOnOne(`nobody${i}@example.kr`));
    for (let i = 3; i < 6; i++) codes.push(await signInOnTwo(`nobody${i}@example.kr`));
    expect(codes).toEqual(Array(6).fill('UNAUTHENTICATED'));
    // Six spent, three on each instance: the seventh is refused wherever it arrives.
    expect(await signInOnTwo('nobody6@example.kr')).toBe('RATE_LIMITED');
    const onOne = await one.gql(SIGN_IN, { i: { email: 'nobody7@example.kr', password: 'not-the-password-1' } });
    expect(onOne.errors![0].extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfter: expect.any(Number) });
    expect(onOne.errors![0].extensions.retryAfter).toBeGreaterThanOrEqual(1);
    expect(onOne.errors![0].extensions.retryAfter).toBeLessThanOrEqual(60);
  });

  it('shares the socket event policies too (here `auth`: 20 a minute per user)', async () => {
    const userId = randomUUID();
    const limiters = [one.app.get(RateLimiter), two.get(RateLimiter)];
    for (let i = 0; i < 20; i++) await limiters[i % 2].consume('socket-auth', userId);
    for (const limiter of limiters) {
      const refused = await limiter.consume('socket-auth', userId).then(
        () => null,
        (err: unknown) => err,
      );
      expect(refused).toBeInstanceOf(AppError);
      expect((refused as AppError).code).toBe('RATE_LIMITED');
    }
    await expect(limiters[1].consume('socket-auth', randomUUID())).resolves.toBeUndefined(); // other users are unaffected
  });

  it('deletes expired counters only (the scheduled clean-up)', async () => {
    const ds = one.app.get(DataSource);
    await ds.query('INSERT INTO rate_limits (key, points, expire) VALUES ($1, 3, $2), ($3, 3, $4)', [
      'api:expired.example',
      Date.now() - 1000,
      'api:live.example',
      Date.now() + 60_000,
    ]);
    expect(await two.get(RateLimiter).deleteExpired()).toBeGreaterThanOrEqual(1);
    const keys = await ds.query<Array<{ key: string }>>('SELECT key FROM rate_limits WHERE key LIKE $1', ['api:%.example']);
    expect(keys.map((k) => k.key)).toEqual(['api:live.example']);
  });

  it('costs one PostgreSQL upsert per call (measured, printed)', async () => {
    const limiter = one.app.get(RateLimiter);
    const rounds = 300;
    const timed = async (key: () => string) => {
      const started = performance.now();
      for (let i = 0; i < rounds; i++) await limiter.consume('socket-sync', key());
      return (performance.now() - started) / rounds;
    };
    const sameKey = randomUUID();
    const fresh = await timed(() => randomUUID());
    const repeated = await timed(() => sameKey);
    console.log(
      `rate limiter per call: new key ${fresh.toFixed(3)} ms, same key ${repeated.toFixed(3)} ms (mean of ${rounds}, sequential)`,
    );
    expect(fresh).toBeGreaterThan(0);
  });
});
