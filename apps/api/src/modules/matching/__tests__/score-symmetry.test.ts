import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  bootTestApp,
  createDemand,
  createSupply,
  publish,
  settleOutbox,
  signInStaff,
  signUpOrganization,
  type SignedUp,
  type TestApp,
} from '@aimatch/api-testing';

const EXPLANATION = `score capped textOnly budgetFit tier
  features { feature applicable value weight points }
  matched { conceptId inferred evidence offeredConceptId relation similarity }
  missing { conceptId inferred }
  constraints { code satisfied }
  reasons { code tone ko en }`;
const SME_VIEW = `query($id: ID!) { matchesForDemand(demandId: $id, first: 10) { edges { node { id } explanation { ${EXPLANATION} } } } }`;
const SUPPLIER_VIEW = `query($id: ID!) { recommendedDemands(supplyListingId: $id, first: 10) { edges { node { id } explanation { ${EXPLANATION} } } } }`;
const BIDDER_VIEW = `query($id: ID!) { listing(id: $id) { ... on DemandListing { myFit { supplyListingId explanation { ${EXPLANATION} } } } } }`;
const INFERRED = `query($id: ID!) { listing(id: $id) { ... on DemandListing { inferredConcepts { scheme conceptId decision } } } }`;
const DECIDE = `mutation($id: ID!, $c: ID!, $s: String!, $d: InferredConceptDecision) {
  decideInferredConcept(demandId: $id, conceptId: $c, scheme: $s, decision: $d) { conceptId decision } }`;

interface Explanation {
  score: number;
  matched: Array<{ conceptId: string; inferred: boolean }>;
  missing: Array<{ conceptId: string }>;
}
type Edge = { node: { id: string }; explanation: Explanation };

/** #16 item 5: a demand–supply pair has one score and one explanation whichever side looks. */
describe('one score per demand–supply pair', () => {
  let t: TestApp;
  let sme: SignedUp;
  let supplier: SignedUp;
  let rival: SignedUp;
  let staff: string;
  let demandId: string;
  let otherDemandId: string;
  let supplyId: string;

  beforeAll(async () => {
    t = await bootTestApp();
    sme = await signUpOrganization(t, { kind: 'SME' as never });
    supplier = await signUpOrganization(t, { kind: 'AI_SUPPLIER' as never });
    rival = await signUpOrganization(t, { kind: 'AI_SUPPLIER' as never });
    staff = (await signInStaff(t)).accessToken;
    // Prose the matcher reads concepts from (inferred), on both sides, and several listings beside
    // the pair, so that a score relative to the other candidates would differ between the views.
    supplyId = (
      await publish(
        t,
        await createSupply(t, supplier, {
          title: '식품 공장 이물 검출 비전 시스템',
          summary: 'CCTV 영상으로 이물질과 포장 불량을 실시간으로 찾아냅니다.',
          description: '식품 제조 라인의 카메라 영상으로 머리카락, 비닐 같은 이물을 검출하고 MES로 결과를 보냅니다.',
        }),
        supplier.accessToken,
        staff,
      )
    ).id;
    // A rival whose text echoes the demand's: the pair's text relevance is not the best in the SME's view,
    // while the demand is the best text match in the supplier's.
    await publish(
      t,
      await createSupply(t, rival, {
        title: '식품 공장 이물질 검출',
        summary: '포장 라인 카메라로 이물질을 찾습니다.',
        description: '작업자가 육안으로 보던 이물 검사를 자동화하고 불량 검출 결과를 MES에 남깁니다.',
      }),
      rival.accessToken,
      staff,
    );
    for (const title of ['쇼핑몰 상담 챗봇', '설비 예지보전 진동 분석', '문서 OCR 자동 입력']) {
      await publish(t, await createSupply(t, rival, { title, summary: `${title} 서비스입니다.` }), rival.accessToken, staff);
    }
    demandId = (
      await publish(
        t,
        await createDemand(t, sme, {
          title: '식품 공장 이물질 검출',
          onSiteRequired: false,
          summary: '포장 라인 카메라로 이물질을 찾고 싶습니다.',
          description: '작업자가 육안으로 보던 이물 검사를 자동화하고, 자동차 부품 공장처럼 불량 검출 결과를 MES에 남기고 싶습니다.',
        }),
        sme.accessToken,
        staff,
      )
    ).id;
    otherDemandId = (
      await publish(t, await createDemand(t, sme, { title: '상담 챗봇 도입', summary: '고객 문의 자동 응대' }), sme.accessToken, staff)
    ).id;
    await settleOutbox(t);
  });
  afterAll(() => t.close());

  const views = async () => {
    const smeRes = await t.gql(SME_VIEW, { id: demandId }, { token: sme.accessToken });
    expect(smeRes.errors).toBeUndefined();
    const smeEdges = smeRes.data!.matchesForDemand.edges as Edge[];
    const supplierEdges = (await t.gql(SUPPLIER_VIEW, { id: supplyId }, { token: supplier.accessToken })).data!.recommendedDemands
      .edges as Edge[];
    const fit = (await t.gql(BIDDER_VIEW, { id: demandId }, { token: supplier.accessToken })).data!.listing.myFit as {
      supplyListingId: string;
      explanation: Explanation;
    };
    return {
      sme: smeEdges.find((e) => e.node.id === supplyId)!.explanation,
      supplier: supplierEdges.find((e) => e.node.id === demandId)!.explanation,
      bidder: fit,
      others: supplierEdges.filter((e) => e.node.id !== demandId).map((e) => e.node.id),
    };
  };

  it("the SME's ranking, the supplier's recommendations and the supplier's fit on the demand page agree to the digit", async () => {
    const v = await views();
    expect(v.others).toContain(otherDemandId);
    expect(v.sme.score).toBeGreaterThan(0);
    expect(v.supplier).toEqual(v.sme);
    expect(v.bidder.supplyListingId).toBe(supplyId);
    expect(v.bidder.explanation).toEqual(v.sme);
  });

  it('a concept the owner removed stops counting in every view; undoing restores the one score', async () => {
    const before = await views();
    const inferred = (await t.gql(INFERRED, { id: demandId }, { token: sme.accessToken })).data!.listing.inferredConcepts as Array<{
      scheme: string;
      conceptId: string;
    }>;
    const target = inferred.find((c) => before.sme.matched.some((m) => m.conceptId === c.conceptId && m.inferred))!;
    expect(target).toBeDefined();
    await t.gql(DECIDE, { id: demandId, c: target.conceptId, s: target.scheme, d: 'DISMISSED' }, { token: sme.accessToken });
    const after = await views();
    for (const e of [after.sme, after.supplier, after.bidder.explanation]) {
      expect([...e.matched, ...e.missing].map((m) => m.conceptId)).not.toContain(target.conceptId);
      expect(e.score).toBe(after.sme.score);
    }
    expect(after.sme.score).not.toBe(before.sme.score);
    expect(after.supplier).toEqual(after.sme);
    await t.gql(DECIDE, { id: demandId, c: target.conceptId, s: target.scheme, d: null }, { token: sme.accessToken });
    expect((await views()).supplier).toEqual(before.sme);
  });
});
