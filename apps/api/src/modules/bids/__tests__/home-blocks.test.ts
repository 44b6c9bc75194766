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
import { DataSource } from 'typeorm';

const TASK = 'urn:aimatch:task:visual-inspection';
const CREATE = 'mutation($i: CreateBidInput!) { createBid(input: $i) { id version status } }';
const SUBMIT = 'mutation($id: ID!, $v: Int!) { submitBid(id: $id, version: $v) { id version status } }';
const MY_BIDS = `query($statuses: [BidStatus!], $awaiting: Boolean) {
  myBids(statuses: $statuses, awaitingOurAnswer: $awaiting, first: 10) { totalCount edges { node { id status } } } }`;
const NOTIFICATIONS = `query($types: [String!]) { notifications(types: $types, first: 10) { totalCount unreadCount edges { node { type } } } }`;
const INVITE = 'mutation($d: ID!, $s: ID!) { inviteToBid(demandId: $d, supplyListingId: $s) { alreadyInvited } }';

const content = (extra: Record<string, unknown> = {}) => ({
  amountKrw: 100_000_000,
  durationWeeks: 10,
  approach: '라인 카메라로 불량 데이터를 수집해 검사 모델을 학습하고 현장에 설치합니다.',
  milestones: [{ title: '개발·설치', weeks: 10, amountKrw: 100_000_000 }],
  coveredConceptIds: [TASK],
  ...extra,
});

/** #14 (1): the blocks of a supplier's home, each one query: invitations, consortium requests awaiting an answer, bids needing action. */
describe("a supplier's home blocks", () => {
  let t: TestApp;
  let sme: SignedUp;
  let lead: SignedUp;
  let partner: SignedUp;
  let staff: string;
  let supplyId: string;
  let demandIds: string[];

  beforeAll(async () => {
    t = await bootTestApp();
    const ds = t.app.get(DataSource);
    sme = await signUpOrganization(t, { kind: 'SME' as never });
    lead = await signUpOrganization(t, { kind: 'AI_SUPPLIER' as never });
    partner = await signUpOrganization(t, { kind: 'SI_INTEGRATOR' as never });
    for (const o of [lead, partner])
      await ds.query(`UPDATE organizations SET verification_status = 'VERIFIED' WHERE id = $1`, [o.organizationId]);
    staff = (await signInStaff(t)).accessToken;
    supplyId = (await publish(t, await createSupply(t, partner), partner.accessToken, staff)).id;
    demandIds = [];
    for (let i = 0; i < 2; i++) demandIds.push((await publish(t, await createDemand(t, sme), sme.accessToken, staff)).id);
    await settleOutbox(t);
  });
  afterAll(() => t.close());

  it('notifications(types) lists only the invitations to bid, with their own counts', async () => {
    expect((await t.gql(INVITE, { d: demandIds[0], s: supplyId }, { token: sme.accessToken })).data!.inviteToBid.alreadyInvited).toBe(
      false,
    );
    await settleOutbox(t);
    const all = (await t.gql(NOTIFICATIONS, {}, { token: partner.accessToken })).data!.notifications;
    const invitations = (await t.gql(NOTIFICATIONS, { types: ['BID_INVITATION'] }, { token: partner.accessToken })).data!.notifications;
    expect(all.totalCount).toBeGreaterThan(invitations.totalCount);
    expect(invitations.totalCount).toBe(1);
    expect(invitations.unreadCount).toBe(1);
    expect(invitations.edges.map((e: { node: { type: string } }) => e.node.type)).toEqual(['BID_INVITATION']);
    const bad = await t.gql(NOTIFICATIONS, { types: ['bid; drop'] }, { token: partner.accessToken });
    expect(bad.errors![0].extensions.fields).toEqual([expect.objectContaining({ path: 'types', rule: 'format' })]);
  });

  it('myBids(awaitingOurAnswer) is the consortium requests still to answer; myBids(statuses) the bids needing action', async () => {
    const withPartner = (
      await t.gql(
        CREATE,
        {
          i: {
            demandId: demandIds[0],
            organizationId: lead.organizationId,
            ...content({ partners: [{ organizationId: partner.organizationId, role: 'SI_INTEGRATION', sharePercent: 20 }] }),
          },
        },
        { token: lead.accessToken },
      )
    ).data!.createBid;
    const alone = (
      await t.gql(CREATE, { i: { demandId: demandIds[1], organizationId: lead.organizationId, ...content() } }, { token: lead.accessToken })
    ).data!.createBid;
    const submitted = (await t.gql(SUBMIT, { id: alone.id, v: alone.version }, { token: lead.accessToken })).data!.submitBid;
    expect(submitted.status).toBe('SUBMITTED');

    const awaiting = (await t.gql(MY_BIDS, { awaiting: true }, { token: partner.accessToken })).data!.myBids;
    expect(awaiting.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([withPartner.id]);
    // The lead has no consortium request to answer itself.
    expect((await t.gql(MY_BIDS, { awaiting: true }, { token: lead.accessToken })).data!.myBids.totalCount).toBe(0);

    const action = (await t.gql(MY_BIDS, { statuses: ['DRAFT', 'SHORTLISTED', 'ACCEPTED'] }, { token: lead.accessToken })).data!.myBids;
    expect(action.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([withPartner.id]);
    expect((await t.gql(MY_BIDS, { statuses: ['SUBMITTED'] }, { token: lead.accessToken })).data!.myBids.totalCount).toBe(1);
  });
});
