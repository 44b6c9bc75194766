import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bootTestApp, signUpOrganization, type TestApp } from '@aimatch/api-testing';

/**
 * #13 (low): a browser sends form-encoded, multipart and text/plain bodies cross-site without a
 * preflight; `/graphql` must execute only JSON, so such a request can never run a mutation with the
 * victim's credentials. And GraphQL answers are never cached.
 */
describe('/graphql accepts JSON only', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp();
  });
  afterAll(() => t.close());

  const mutation = 'mutation { updateMe(input: { displayName: "공격자" }) { user { displayName } } }';

  it('refuses form-encoded, multipart and text/plain bodies without executing them', async () => {
    const victim = await signUpOrganization(t, { kind: 'SME' as never });
    const auth = { authorization: `Bearer ${victim.accessToken}` };
    const bodies: Array<[string, string]> = [
      ['application/x-www-form-urlencoded', `query=${encodeURIComponent(mutation)}`],
      ['text/plain', JSON.stringify({ query: mutation })],
      ['multipart/form-data; boundary=b', `--b\r\nContent-Disposition: form-data; name="query"\r\n\r\n${mutation}\r\n--b--\r\n`],
    ];
    for (const [type, payload] of bodies) {
      const res = await t.app.inject({ method: 'POST', url: '/graphql', headers: { ...auth, 'content-type': type }, payload });
      expect({ type, status: res.statusCode }).toEqual({ type, status: 415 });
    }
    const me = await t.gql('{ me { user { displayName } } }', {}, { token: victim.accessToken });
    expect(me.data!.me.user.displayName).not.toBe('공격자');
  });

  it('marks GraphQL answers no-store', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json' },
      payload: '{"query":"{ __typename }"}',
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
  });
});
