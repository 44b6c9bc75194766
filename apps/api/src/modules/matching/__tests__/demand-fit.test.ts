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

const FIT = `query($id: ID!) { listing(id: $id) { id ... on DemandListing {
  myFit { supplyListingId explanation { score reasons { text } } } } } }`;
const MATCHES = 'query($id: ID!) { matchesForDemand(demandId: $id, first: 50) { edges { node { id } explanation { score } } } }';

/** #14 (1): a supplier reading a demand sees its own fit, as the demand's owner would see it in the ranking. */
describe('Demand.myFit', () => {
  let t: TestApp;
  let sme: SignedUp;
  let supplier: SignedUp;
  let bare: SignedUp;
  let staff: string;
  let demandId: string;
  let supplyId: string;

  beforeAll(async () => {
    t = await bootTestApp();
    sme = await signUpOrganization(t, { kind: 'SME' as never });
    supplier = await signUpOrganization(t, { kind: 'AI_SUPPLIER' as never });
    bare = await signUpOrganization(t, { kind: 'SI_INTEGRATOR' as never });
    staff = (await signInStaff(t)).accessToken;
    demandId = (await publish(t, await createDemand(t, sme), sme.accessToken, staff)).id;
    supplyId = (await publish(t, await createSupply(t, supplier), supplier.accessToken, staff)).id;
    await publish(t, await createSupply(t, supplier, { title: '전혀 다른 분야의 챗봇 서비스' }), supplier.accessToken, staff);
  });
  afterAll(() => t.close());

  const fitOf = async (token?: string, locale: 'ko' | 'en' = 'ko') =>
    (await t.gql(FIT, { id: demandId }, { token, locale })).data!.listing.myFit as {
      supplyListingId: string;
      explanation: { score: number; reasons: Array<{ text: string }> };
    } | null;

  it("shows a supplier its best listing's score and reasons, the same score the owner sees in the ranking", async () => {
    const mine = await fitOf(supplier.accessToken);
    const ranking = (await t.gql(MATCHES, { id: demandId }, { token: sme.accessToken })).data!.matchesForDemand.edges as Array<{
      node: { id: string };
      explanation: { score: number };
    }>;
    const best = ranking.find((e) => e.node.id === supplyId)!;
    expect(mine).not.toBeNull();
    expect(mine!.supplyListingId).toBe(supplyId);
    expect(mine!.explanation.score).toBe(best.explanation.score);
    expect(mine!.explanation.reasons.length).toBeGreaterThan(0);
    expect(mine!.explanation.reasons[0].text).toMatch(/[가-힣]/);
    expect((await fitOf(supplier.accessToken, 'en'))!.explanation.reasons[0].text).not.toMatch(/[가-힣]{3}/);
  });

  it("is null for the demand's owner, anonymous visitors, staff and a supplier without a published listing", async () => {
    expect(await fitOf(sme.accessToken)).toBeNull();
    expect(await fitOf()).toBeNull();
    expect(await fitOf(staff)).toBeNull();
    expect(await fitOf(bare.accessToken)).toBeNull();
  });
});
