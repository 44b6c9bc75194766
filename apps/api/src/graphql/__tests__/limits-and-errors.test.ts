import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bootTestApp, currentConsents, signUpOrganization, type TestApp } from '@aimatch/api-testing';

describe('GraphQL limits and the error model', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await bootTestApp();
    token = (await signUpOrganization(t)).accessToken;
  });
  afterAll(() => t.close());

  it('rejects a document deeper than 8 levels with 400 and BAD_USER_INPUT', async () => {
    const deep = '{ me { memberships { organization { members { edges { node { organization { members { totalCount } } } } } } } } }';
    const res = await t.gql(deep, {}, { token });
    expect(res.status).toBe(400);
    expect(res.data).toBeNull();
    expect(res.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toMatch(/depth/i);
  });

  it('rejects more than 15 aliases', async () => {
    const doc = `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: vocabularyVersion`).join(' ')} }`;
    const res = await t.gql(doc);
    expect(res.status).toBe(400);
    expect(res.errors![0].message).toMatch(/alias/i);
  });

  it('rejects more than 1,000 tokens and more than 15,000 characters before parsing', async () => {
    const tokens = await t.gql(`{ ${'a '.repeat(1001)} }`);
    expect(tokens.status).toBe(400);
    expect(tokens.errors![0].message).toMatch(/tokens/);
    const chars = await t.gql(`{ vocabularyVersion }${' '.repeat(15_001)}`);
    expect(chars.status).toBe(400);
    expect(chars.errors![0].message).toMatch(/characters/);
  });

  it('refuses request bodies over the size limit with 413', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ query: '{ vocabularyVersion }', variables: { pad: 'x'.repeat(1_100_000) } }),
    });
    expect(res.statusCode).toBe(413);
  });

  it('reports syntax errors and unknown fields as BAD_USER_INPUT without internals', async () => {
    const syntax = await t.gql('{ me { ');
    const unknown = await t.gql('{ nope }');
    for (const res of [syntax, unknown]) {
      expect(res.status).toBe(400);
      expect(res.errors![0].extensions.code).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(res.errors)).not.toMatch(/at .*\.(ts|js):\d+|node_modules|SELECT/);
    }
  });

  it('gives every error a request id that matches the x-request-id header', async () => {
    const res = await t.gql('{ me { user { id } } }', {}, { headers: { 'x-request-id': 'trace-abc-123' } });
    expect(res.errors![0].extensions.requestId).toBe('trace-abc-123');
    expect(res.headers['x-request-id']).toBe('trace-abc-123');
  });

  it('answers in Korean by default and English on request', async () => {
    const ko = await t.gql('{ me { user { id } } }');
    const en = await t.gql('{ me { user { id } } }', {}, { locale: 'en' });
    expect(ko.errors![0].message).toBe('로그인이 필요합니다.');
    expect(en.errors![0].message).toBe('Please sign in.');
  });

  it('loads a list with relations in a bounded number of SQL queries (DataLoader)', async () => {
    const { DataSource } = await import('typeorm');
    const ds = t.app.get(DataSource);
    const owner = await signUpOrganization(t);
    for (let i = 0; i < 5; i++) {
      const email = `member${i}-${Date.now()}@example.kr`;
      const invite = await t.gql(
        'mutation($i: InviteMemberInput!) { inviteMember(input: $i) { token } }',
        { i: { organizationId: owner.organizationId, email } },
        { token: owner.accessToken },
      );
      await t.gql('mutation($i: SignUpInput!) { signUp(input: $i) { email } }', {
        i: {
          email,
          password: 'correct-horse-battery-9',
          displayName: `m${i}`,
          invitationToken: invite.data!.inviteMember.token,
          consents: currentConsents(),
        },
      });
    }
    const driver = ds.driver as unknown as { master: { query: (...a: unknown[]) => unknown } };
    const original = driver.master.query.bind(driver.master);
    let count = 0;
    driver.master.query = (...args: unknown[]) => {
      count++;
      return original(...args);
    };
    try {
      const res = await t.gql(
        'query($id: ID!) { organization(id: $id) { region { label } industry { label } members(first: 50) { edges { node { user { email } organization { nameKo } } } } } }',
        { id: owner.organizationId },
        { token: owner.accessToken },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.organization.members.edges).toHaveLength(6);
    } finally {
      driver.master.query = original;
    }
    // auth (1) + organization (1) + region/industry batched (1) + membership check (1) + members count and page (2) + users batched (1)
    expect(count).toBeLessThanOrEqual(7);
  });

  it('refuses an unparsable DateTime as bad input naming its path, not INTERNAL (#13)', async () => {
    const sme = await signUpOrganization(t, { kind: 'SME' as never });
    const res = await t.gql(
      'mutation($o: ID!, $i: DemandListingInput!) { createDemandListing(organizationId: $o, input: $i) { id } }',
      { o: sme.organizationId, i: { title: '날짜 확인', bidDeadline: 'not-a-date' } },
      { token: sme.accessToken },
    );
    expect(res.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toContain('bidDeadline');
    const literal = await t.gql(
      `mutation($o: ID!) { createDemandListing(organizationId: $o, input: { title: "x", bidDeadline: "2026-02-31T09:00:00Z" }) { id } }`,
      { o: sme.organizationId },
      { token: sme.accessToken },
    );
    expect(literal.errors![0].extensions.code).toBe('BAD_USER_INPUT');
  });
});
