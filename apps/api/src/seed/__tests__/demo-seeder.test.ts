import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bootTestApp, type TestApp } from '@aimatch/api-testing';
import { DataSource } from 'typeorm';
import { DEMO_PASSWORD, DemoSeeder } from '../demo.seeder';

describe('demo marketplace seed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp();
  });
  afterAll(() => t.close());

  it('publishes the sample suppliers and demands once, however often it runs', async () => {
    const seeder = t.app.get(DemoSeeder);
    const accounts = await seeder.seed();
    await seeder.seed();
    expect(accounts.map((a) => a.email)).toEqual([
      'sme@demo.aimatch.kr',
      'supplier@demo.aimatch.kr',
      'si@demo.aimatch.kr',
      'staff@demo.aimatch.kr',
    ]);
    const counts = await t.app
      .get(DataSource)
      .query(`SELECT kind, status, count(*)::int AS n FROM listings GROUP BY kind, status ORDER BY kind`);
    expect(counts).toEqual([
      { kind: 'DEMAND', status: 'PUBLISHED', n: 30 },
      { kind: 'SUPPLY', status: 'PUBLISHED', n: 80 },
    ]);
  });

  it('lets the demo SME sign in and find its own demand among its listings', async () => {
    const signIn = await t.gql('mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }', {
      i: { email: 'sme@demo.aimatch.kr', password: DEMO_PASSWORD },
    });
    const mine = await t.gql('{ myListings { edges { node { title status } } } }', {}, { token: signIn.data!.signIn.accessToken });
    expect(mine.data!.myListings.edges).toEqual([
      { node: { title: '프레스 가공 자동차 브래킷 찍힘·스크래치 자동 검사', status: 'PUBLISHED' } },
    ]);
  });

  it('records the demo people as having agreed to the required documents (no re-consent page)', async () => {
    const signIn = await t.gql('mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }', {
      i: { email: 'sme@demo.aimatch.kr', password: DEMO_PASSWORD },
    });
    const pending = await t.gql('{ pendingConsents { kind } }', {}, { token: signIn.data!.signIn.accessToken });
    expect(pending.data!.pendingConsents).toEqual([]);
  });

  it('shows the marketplace to anonymous visitors in Korean', async () => {
    const res = await t.gql(
      '{ listings(kind: SUPPLY, first: 3) { totalCount edges { node { title organization { nameKo verificationStatus } } } } }',
    );
    expect(res.data!.listings.totalCount).toBe(80);
    expect(res.data!.listings.edges[0].node.organization.verificationStatus).toBe('VERIFIED');
  });
});
