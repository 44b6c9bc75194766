import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  bootTestApp,
  createDemand,
  createSupply,
  publish,
  signInStaff,
  signUpOrganization,
  type SignedUp,
  type TestApp,
} from '@aimatch/api-testing';

const HOME = `query($org: ID!, $first: Int, $after: String) {
  recommendedDemandsForOrganization(organizationId: $org, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor supplyListingId node { id } explanation { score tier summary reasons { feature text } } }
  } }`;
const PER_LISTING =
  'query($id: ID!) { recommendedDemands(supplyListingId: $id, first: 50) { edges { node { id } explanation { score } } } }';

interface Edge {
  cursor: string;
  supplyListingId: string;
  node: { id: string };
  explanation: { score: number; tier: string; summary: string; reasons: Array<{ feature: string; text: string }> };
}

/** #14 (1): a supplier's home shows demands recommended across all its published listings, each demand once. */
describe('recommendedDemandsForOrganization', () => {
  let t: TestApp;
  let sme: SignedUp;
  let supplier: SignedUp;
  let staff: string;
  let demandIds: string[];
  let supplyIds: string[];

  beforeAll(async () => {
    t = await bootTestApp();
    sme = await signUpOrganization(t, { kind: 'SME' as never });
    supplier = await signUpOrganization(t, { kind: 'AI_SUPPLIER' as never });
    staff = (await signInStaff(t)).accessToken;
    demandIds = [];
    for (const title of ['사출 라인 불량 검출 비전 검사', '고객 문의 응대 챗봇 도입']) {
      demandIds.push((await publish(t, await createDemand(t, sme, { title }), sme.accessToken, staff)).id);
    }
    supplyIds = [];
    for (const title of ['제조 비전 검사 솔루션', '한국어 상담 챗봇 서비스']) {
      supplyIds.push((await publish(t, await createSupply(t, supplier, { title }), supplier.accessToken, staff)).id);
    }
  });
  afterAll(() => t.close());

  const home = async (token: string, org: string, first = 20, after?: string) => {
    const r = await t.gql(HOME, { org, first, after }, { token });
    return {
      data: r.data?.recommendedDemandsForOrganization as {
        totalCount: number;
        edges: Edge[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      },
      errors: r.errors,
    };
  };

  it('lists each demand once, with its best listing and score, best first, with tier, summary and each reason’s criterion', async () => {
    const { data } = await home(supplier.accessToken, supplier.organizationId);
    const ids = data.edges.map((e) => e.node.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...demandIds].sort());
    const scores = data.edges.map((e) => e.explanation.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const edge of data.edges) {
      expect(supplyIds).toContain(edge.supplyListingId);
      expect(['GOOD', 'REVIEW', 'LOW']).toContain(edge.explanation.tier);
      expect(edge.explanation.summary).toMatch(/[가-힣]/);
      // The same score the listing's own recommendations give, for the listing it came from.
      const own = (await t.gql(PER_LISTING, { id: edge.supplyListingId }, { token: supplier.accessToken })).data!.recommendedDemands
        .edges as Array<{ node: { id: string }; explanation: { score: number } }>;
      const best = Math.max(
        ...(await Promise.all(
          supplyIds.map(async (id) => {
            const e = (await t.gql(PER_LISTING, { id }, { token: supplier.accessToken })).data!.recommendedDemands.edges as typeof own;
            return e.find((x) => x.node.id === edge.node.id)?.explanation.score ?? -1;
          }),
        )),
      );
      expect(own.find((x) => x.node.id === edge.node.id)!.explanation.score).toBe(edge.explanation.score);
      expect(edge.explanation.score).toBe(best);
    }
  });

  it('pages with cursors', async () => {
    const first = await home(supplier.accessToken, supplier.organizationId, 1);
    expect(first.data.edges).toHaveLength(1);
    expect(first.data.pageInfo.hasNextPage).toBe(true);
    const next = await home(supplier.accessToken, supplier.organizationId, 1, first.data.pageInfo.endCursor);
    expect(next.data.edges[0].node.id).not.toBe(first.data.edges[0].node.id);
  });

  it('is empty for an organization that does not supply, and FORBIDDEN for a non-member', async () => {
    expect((await home(sme.accessToken, sme.organizationId)).data.totalCount).toBe(0);
    const { errors } = await home(sme.accessToken, supplier.organizationId);
    expect(errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
