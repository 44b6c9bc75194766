import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bootTestApp, type TestApp } from '@aimatch/api-testing';
import { randomUUID } from 'node:crypto';

/**
 * #13 M5: the health probes are outside the per-IP API limit (they answered 500 once it tripped),
 * and a plain HTTP route over the limit answers 429 with Retry-After in the house error format.
 */
describe('the API limit on plain HTTP routes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp({ env: { RATE_LIMIT_API_PER_MINUTE: '3' } });
  });
  afterAll(() => t.close());

  it('never limits /health and /ready', async () => {
    for (let i = 0; i < 8; i++) {
      expect((await t.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
      expect((await t.app.inject({ method: 'GET', url: '/ready' })).statusCode).toBe(200);
    }
  });

  it('answers 429 with Retry-After once an address is over the limit', async () => {
    const statuses: number[] = [];
    let last: Awaited<ReturnType<TestApp['app']['inject']>> | undefined;
    for (let i = 0; i < 6; i++) {
      last = await t.app.inject({ method: 'GET', url: `/files/${randomUUID()}?expires=1&signature=x` });
      statuses.push(last.statusCode);
    }
    expect(statuses.slice(-1)[0]).toBe(429);
    expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
    expect(last!.json()).toMatchObject({ errors: [{ extensions: { code: 'RATE_LIMITED', retryAfter: expect.any(Number) } }] });
    // The probes still answer.
    expect((await t.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
  });
});
