import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  bootTestApp,
  createDemand,
  createSupply,
  type GqlResponse,
  publish,
  settleOutbox,
  signInStaff,
  signUpOrganization,
  type SignedUp,
  type TestApp,
} from '@aimatch/api-testing';
import { DataSource } from 'typeorm';
import { BidsService } from '../bids.service';

const BID = `id status version amountKrw durationWeeks revision decisionReason organizationId
  milestones { title weeks amountKrw } coveredConceptIds leadSharePercent availableActions canEdit
  partners { organizationId role sharePercent status }`;
const CREATE = `mutation($i: CreateBidInput!) { createBid(input: $i) { ${BID} } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $i: BidContentInput!) { updateBid(id: $id, version: $v, input: $i) { ${BID} } }`;
const GET = `query($id: ID!) { bid(id: $id) { ${BID} revisions { number amountKrw approach } } }`;
const act = (name: string, extra = '') =>
  `mutation($id: ID!, $v: Int!${extra ? ', $r: String!' : ''}) { ${name}(id: $id, version: $v${extra}) { ${BID} } }`;
const FOR_DEMAND = `query($id: ID!, $first: Int, $after: String) { bidsForDemand(demandId: $id, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor }
  edges { node { id status amountKrw durationWeeks organization { id }
    coverage { covered required ratio missing { id } }
    match { score reasons { text } features { feature value } }
    revisions { number } } } } }`;

const TASK = 'urn:aimatch:task:visual-inspection';
const MES = 'urn:aimatch:integration:mes';

function content(overrides: Record<string, unknown> = {}) {
  return {
    amountKrw: 120_000_000,
    durationWeeks: 16,
    approach: '라인 조명·카메라 설계 후 불량 데이터를 수집해 검사 모델을 학습하고 MES와 연동합니다.',
    milestones: [
      { title: '현장 조사·광학 설계', weeks: 4, amountKrw: 30_000_000 },
      { title: '모델 개발·MES 연동', weeks: 12, amountKrw: 90_000_000 },
    ],
    coveredConceptIds: [TASK, MES],
    ...overrides,
  };
}

const code = (res: GqlResponse) => res.errors?.[0]?.extensions.code;
const fields = (res: GqlResponse) => (res.errors?.[0]?.extensions.fields ?? []).map((f) => [f.path, f.rule]);

describe('bids and the award', () => {
  let t: TestApp;
  let ds: DataSource;
  let sme: SignedUp;
  let otherSme: SignedUp;
  let alpha: SignedUp; // verified AI supplier with a published supply listing
  let beta: SignedUp; // verified SI integrator
  let gamma: SignedUp; // verified AI supplier
  let partner: SignedUp; // verified AI supplier, invited into consortia
  let unverified: SignedUp;
  let staff: string;

  const verify = (o: SignedUp) => ds.query(`UPDATE organizations SET verification_status = 'VERIFIED' WHERE id = $1`, [o.organizationId]);
  const publishedDemand = async (overrides: Record<string, unknown> = {}) =>
    publish(t, await createDemand(t, sme, overrides), sme.accessToken, staff);
  const createBid = (who: SignedUp, demandId: string, overrides: Record<string, unknown> = {}) =>
    t.gql(CREATE, { i: { demandId, organizationId: who.organizationId, ...content(overrides) } }, { token: who.accessToken });
  const run = (name: string, b: { id: string; version: number }, token: string, extra = '', vars: Record<string, unknown> = {}) =>
    t.gql(act(name, extra), { id: b.id, v: b.version, ...vars }, { token });
  /** A SUBMITTED bid of `who` on the demand. */
  const submitted = async (who: SignedUp, demandId: string, overrides: Record<string, unknown> = {}) => {
    const created = await createBid(who, demandId, overrides);
    if (!created.data) throw new Error(JSON.stringify(created.errors));
    const res = await run('submitBid', created.data.createBid, who.accessToken);
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    return res.data.submitBid as { id: string; version: number; status: string };
  };
  const count = async (sql: string, params: unknown[]) => (await ds.query(sql, params))[0].n as number;
  const notifications = (org: SignedUp, type: string, bidId: string) =>
    count(
      `SELECT count(*)::int AS n FROM notifications n JOIN memberships m ON m.user_id = n.user_id
        WHERE m.organization_id = $1 AND n.type = $2 AND n.payload->>'bidId' = $3`,
      [org.organizationId, type, bidId],
    );
  const bidRows = () => count('SELECT count(*)::int AS n FROM bids', []);

  beforeAll(async () => {
    t = await bootTestApp({ listen: true });
    ds = t.app.get(DataSource);
    sme = await signUpOrganization(t, { kind: 'SME' as never });
    otherSme = await signUpOrganization(t, { kind: 'SME' as never });
    alpha = await signUpOrganization(t, { kind: 'AI_SUPPLIER' as never });
    beta = await signUpOrganization(t, { kind: 'SI_INTEGRATOR' as never });
    gamma = await signUpOrganization(t, { kind: 'AI_SUPPLIER' as never });
    partner = await signUpOrganization(t, { kind: 'AI_SUPPLIER' as never });
    unverified = await signUpOrganization(t, { kind: 'AI_SUPPLIER' as never });
    for (const o of [alpha, beta, gamma, partner]) await verify(o);
    staff = (await signInStaff(t)).accessToken;
    await publish(t, await createSupply(t, alpha), alpha.accessToken, staff);
    await settleOutbox(t);
  });
  afterAll(() => t.close());

  it('creates a DRAFT bid and refuses bad content with paths and rules, writing nothing', async () => {
    const demand = await publishedDemand();
    const before = await bidRows();
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ amountKrw: 100_000_000 }, 'milestones', 'sum-mismatch'],
      [{ amountKrw: -5, milestones: [{ title: '착수', weeks: 1, amountKrw: -5 }] }, 'amountKrw', 'min-value'],
      [{ amountKrw: 100_000_000_001, milestones: [{ title: '착수', weeks: 1, amountKrw: 100_000_000_001 }] }, 'amountKrw', 'max-value'],
      [{ amountKrw: 1.5 }, 'amountKrw', 'type'],
      [{ durationWeeks: 261 }, 'durationWeeks', 'max-value'],
      [{ approach: 'a'.repeat(10_001) }, 'approach', 'max-length'],
      [{ milestones: Array.from({ length: 21 }, (_, i) => ({ title: `m${i}`, weeks: 1, amountKrw: 1 })) }, 'milestones', 'max-items'],
      [{ coveredConceptIds: ['urn:aimatch:task:chatbot'] }, 'coveredConceptIds.0', 'not-a-requirement'],
      [
        { partners: [{ organizationId: alpha.organizationId, role: 'HARDWARE', sharePercent: 10 }] },
        'partners.0.organizationId',
        'not-allowed',
      ],
      [
        { partners: [{ organizationId: partner.organizationId, role: 'HARDWARE', sharePercent: 100 }] },
        'partners.0.sharePercent',
        'max-value',
      ],
      [
        { partners: [{ organizationId: sme.organizationId, role: 'HARDWARE', sharePercent: 10 }] },
        'partners.0.organizationId',
        'wrong-organization-kind',
      ],
      [
        { partners: [{ organizationId: unverified.organizationId, role: 'HARDWARE', sharePercent: 10 }] },
        'partners.0.organizationId',
        'verification-required',
      ],
    ];
    for (const [overrides, path, rule] of cases) {
      const res = await createBid(alpha, demand.id, overrides);
      expect([code(res), fields(res)]).toEqual(['BAD_USER_INPUT', expect.arrayContaining([[path, rule]])]);
      expect(res.errors![0].extensions.fields!.every((f) => f.message && f.message !== '올바르지 않은 값입니다.')).toBe(true);
    }
    const en = await t.gql(
      CREATE,
      { i: { demandId: demand.id, organizationId: alpha.organizationId, ...content({ amountKrw: 100_000_000 }) } },
      { token: alpha.accessToken, locale: 'en' },
    );
    expect(en.errors![0].extensions.fields![0].message).toContain('add up to 120,000,000 KRW');
    expect(await bidRows()).toBe(before);

    const ok = await createBid(alpha, demand.id);
    expect(ok.data!.createBid).toMatchObject({
      status: 'DRAFT',
      version: 1,
      revision: 0,
      amountKrw: 120_000_000,
      leadSharePercent: 100,
      canEdit: true,
      availableActions: ['submit'],
    });
  });

  it('refuses bids on a draft, past-deadline or expired demand, by an SME and by an unverified organization while staff require verification', async () => {
    const draft = await createDemand(t, sme);
    expect(code(await createBid(alpha, draft.id))).toBe('NOT_FOUND');

    const late = await publishedDemand();
    await ds.query(`UPDATE listings SET bid_deadline = now() - interval '1 hour' WHERE id = $1`, [late.id]);
    const closed = await createBid(alpha, late.id);
    expect([code(closed), closed.errors![0].extensions.reason]).toEqual(['CONFLICT', 'bid-deadline-passed']);
    await ds.query(`UPDATE listings SET bid_deadline = now() - interval '61 days' WHERE id = $1`, [late.id]);
    expect(code(await createBid(alpha, late.id))).toBe('CONFLICT');

    const demand = await publishedDemand();
    const bySme = await t.gql(
      CREATE,
      { i: { demandId: demand.id, organizationId: otherSme.organizationId, ...content() } },
      { token: otherSme.accessToken },
    );
    expect(code(bySme)).toBe('FORBIDDEN');
    const notMine = await t.gql(
      CREATE,
      { i: { demandId: demand.id, organizationId: alpha.organizationId, ...content() } },
      { token: beta.accessToken },
    );
    expect(code(notMine)).toBe('FORBIDDEN');

    const refused = await createBid(unverified, demand.id);
    expect([code(refused), fields(refused)]).toEqual(['BAD_USER_INPUT', [['organizationId', 'verification-required']]]);
    const SET = 'mutation($r: Boolean!) { setBidVerificationRequired(required: $r) { bidsVerifiedOrganizationsOnly } }';
    expect(code(await t.gql(SET, { r: false }, { token: sme.accessToken }))).toBe('FORBIDDEN');
    expect((await t.gql(SET, { r: false }, { token: staff })).data!.setBidVerificationRequired.bidsVerifiedOrganizationsOnly).toBe(false);
    try {
      expect((await createBid(unverified, demand.id)).data!.createBid.status).toBe('DRAFT');
      expect(await count(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'platform-setting.changed'`, [])).toBe(1);
    } finally {
      await t.gql(SET, { r: true }, { token: staff });
    }
    expect(
      (await t.gql('{ platformSettings { bidsVerifiedOrganizationsOnly } }', {}, { token: alpha.accessToken })).data!.platformSettings
        .bidsVerifiedOrganizationsOnly,
    ).toBe(true);
  });

  it('keeps one live bid per organization and demand, in the database too', async () => {
    const demand = await publishedDemand();
    const first = (await createBid(beta, demand.id)).data!.createBid;
    const second = await createBid(beta, demand.id);
    expect([code(second), second.errors![0].extensions.reason]).toEqual(['CONFLICT', 'live-bid-exists']);
    await expect(
      ds.query(
        `INSERT INTO bids (demand_id, organization_id, status, amount_krw, duration_weeks, approach) VALUES ($1, $2, 'SUBMITTED', 1, 1, 'x')`,
        [demand.id, beta.organizationId],
      ),
    ).rejects.toThrow(/bids_one_live_per_organization/);
    // Once withdrawn, the organization may bid again.
    const sub = (await run('submitBid', first, beta.accessToken)).data!.submitBid;
    expect((await run('withdrawBid', sub, beta.accessToken)).data!.withdrawBid.status).toBe('WITHDRAWN');
    expect((await createBid(beta, demand.id)).data!.createBid.status).toBe('DRAFT');
  });

  it('needs every consortium partner’s owner to accept before submission; each party is notified once', async () => {
    const demand = await publishedDemand();
    const created = await createBid(gamma, demand.id, {
      partners: [{ organizationId: partner.organizationId, role: 'DATA_LABELLING', sharePercent: 30 }],
    });
    const bid = created.data!.createBid;
    expect(bid).toMatchObject({
      leadSharePercent: 70,
      partners: [{ organizationId: partner.organizationId, role: 'DATA_LABELLING', sharePercent: 30, status: 'INVITED' }],
    });
    expect(await notifications(partner, 'CONSORTIUM_INVITATION', bid.id)).toBe(1);

    const early = await run('submitBid', bid, gamma.accessToken);
    expect([code(early), early.errors![0].extensions.reason]).toEqual(['CONFLICT', 'consortium-pending']);
    expect((await t.gql(GET, { id: bid.id }, { token: gamma.accessToken })).data!.bid.status).toBe('DRAFT');

    // The partner sees the invitation; the lead cannot answer it; the demand owner does not see a draft.
    const RESPOND =
      'mutation($id: ID!, $a: Boolean!) { respondToConsortiumInvitation(bidId: $id, accept: $a) { id version partners { status } } }';
    expect(
      (await t.gql('query($s: BidStatus) { myBids(status: $s) { edges { node { id } } } }', { s: 'DRAFT' }, { token: partner.accessToken }))
        .data!.myBids.edges,
    ).toEqual([{ node: { id: bid.id } }]);
    expect(code(await t.gql(RESPOND, { id: bid.id, a: true }, { token: gamma.accessToken }))).toBe('FORBIDDEN');
    expect(code(await t.gql(GET, { id: bid.id }, { token: sme.accessToken }))).toBe('NOT_FOUND');
    const accepted = await t.gql(RESPOND, { id: bid.id, a: true }, { token: partner.accessToken });
    expect(accepted.data!.respondToConsortiumInvitation.partners).toEqual([{ status: 'ACCEPTED' }]);
    expect(code(await t.gql(RESPOND, { id: bid.id, a: false }, { token: partner.accessToken }))).toBe('CONFLICT');
    expect(await notifications(gamma, 'CONSORTIUM_INVITATION_ANSWERED', bid.id)).toBe(1);

    // The answer bumped the version: the lead's stale submit is a CONFLICT, the fresh one goes through.
    expect(code(await run('submitBid', bid, gamma.accessToken))).toBe('CONFLICT');
    const sub = await run('submitBid', { id: bid.id, version: accepted.data!.respondToConsortiumInvitation.version }, gamma.accessToken);
    expect(sub.data!.submitBid).toMatchObject({ status: 'SUBMITTED', revision: 1 });
    expect(await notifications(sme, 'BID_RECEIVED', bid.id)).toBe(1);
    // It names the bidder (the bell and the e-mail say who bid).
    const [{ bidder, name }] = await ds.query(
      `SELECT n.payload->>'bidderName' AS bidder, o.name_ko AS name FROM notifications n, organizations o
        WHERE n.type = 'BID_RECEIVED' AND n.payload->>'bidId' = $1 AND o.id = $2`,
      [bid.id, gamma.organizationId],
    );
    expect(bidder).toBe(name);

    // Shortlisting and accepting notify the lead and the accepted partner.
    const short = await run('shortlistBid', sub.data!.submitBid, sme.accessToken);
    expect(short.data!.shortlistBid.status).toBe('SHORTLISTED');
    for (const org of [gamma, partner]) expect(await notifications(org, 'BID_SHORTLISTED', bid.id)).toBe(1);
    // A shortlisted bid is no longer revised.
    expect(code(await t.gql(UPDATE, { id: bid.id, v: short.data!.shortlistBid.version, i: content() }, { token: gamma.accessToken }))).toBe(
      'CONFLICT',
    );
  });

  it('keeps every submitted revision for the demand owner, until the bid is shortlisted', async () => {
    const demand = await publishedDemand();
    const sub = await submitted(alpha, demand.id);
    const locked = await t.gql(
      UPDATE,
      {
        id: sub.id,
        v: sub.version,
        i: content({ partners: [{ organizationId: partner.organizationId, role: 'HARDWARE', sharePercent: 10 }] }),
      },
      { token: alpha.accessToken },
    );
    expect(fields(locked)).toEqual([['partners', 'locked-after-submit']]);
    const revised = await t.gql(
      UPDATE,
      {
        id: sub.id,
        v: sub.version,
        i: content({
          amountKrw: 110_000_000,
          approach: '범위를 조정한 2차 제안입니다.',
          milestones: [{ title: '일괄 구축', weeks: 16, amountKrw: 110_000_000 }],
        }),
      },
      { token: alpha.accessToken },
    );
    expect(revised.data!.updateBid).toMatchObject({ status: 'SUBMITTED', revision: 2, amountKrw: 110_000_000 });
    expect(await notifications(sme, 'BID_REVISED', sub.id)).toBe(1);
    // A stale version is a CONFLICT and changes nothing.
    expect(code(await t.gql(UPDATE, { id: sub.id, v: sub.version, i: content() }, { token: alpha.accessToken }))).toBe('CONFLICT');

    const seen = (await t.gql(GET, { id: sub.id }, { token: sme.accessToken })).data!.bid;
    expect(seen.revisions).toEqual([
      { number: 2, amountKrw: 110_000_000, approach: '범위를 조정한 2차 제안입니다.' },
      { number: 1, amountKrw: 120_000_000, approach: content().approach },
    ]);
    const short = await run('shortlistBid', revised.data!.updateBid, sme.accessToken);
    const late = await t.gql(UPDATE, { id: sub.id, v: short.data!.shortlistBid.version, i: content() }, { token: alpha.accessToken });
    expect([code(late), late.errors![0].extensions.current]).toEqual(['CONFLICT', 'SHORTLISTED']);
  });

  it('shows a bid to its bidders, the demand owner and staff only; others see the number of bids', async () => {
    const demand = await publishedDemand();
    const sub = await submitted(alpha, demand.id);
    await submitted(beta, demand.id);
    const draft = (await createBid(gamma, demand.id)).data!.createBid;
    for (const token of [alpha.accessToken, sme.accessToken, staff])
      expect((await t.gql(GET, { id: sub.id }, { token })).data!.bid.id).toBe(sub.id);
    for (const token of [beta.accessToken, gamma.accessToken, otherSme.accessToken])
      expect(code(await t.gql(GET, { id: sub.id }, { token }))).toBe('NOT_FOUND');
    expect(code(await t.gql(GET, { id: sub.id }))).toBe('UNAUTHENTICATED');
    expect(code(await t.gql(GET, { id: draft.id }, { token: sme.accessToken }))).toBe('NOT_FOUND');

    expect(code(await t.gql(FOR_DEMAND, { id: demand.id }, { token: gamma.accessToken }))).toBe('FORBIDDEN');
    const COUNT = 'query($id: ID!) { listing(id: $id) { ... on DemandListing { bidCount } } }';
    for (const token of [gamma.accessToken, undefined])
      expect((await t.gql(COUNT, { id: demand.id }, { token })).data!.listing.bidCount).toBe(2);

    // Side by side for the owner, paged, with the bidder's match score and coverage.
    const page1 = (await t.gql(FOR_DEMAND, { id: demand.id, first: 1 }, { token: sme.accessToken })).data!.bidsForDemand;
    expect(page1.totalCount).toBe(2);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const first = page1.edges[0].node;
    expect(first).toMatchObject({
      id: sub.id,
      organization: { id: alpha.organizationId },
      coverage: { covered: 2, required: 5 },
      revisions: [{ number: 1 }],
    });
    // The same score and explanation as the demand's supplier ranking shows for the bidder's listing.
    const ranked = (
      await t.gql(
        'query($id: ID!) { matchesForDemand(demandId: $id, first: 10) { edges { node { organization { id } } explanation { score } } } }',
        { id: demand.id },
        { token: sme.accessToken },
      )
    ).data!.matchesForDemand.edges.find((e: { node: { organization: { id: string } } }) => e.node.organization.id === alpha.organizationId);
    expect(first.match.score).toBe(ranked.explanation.score);
    expect(first.match.score).toBeGreaterThan(0);
    expect(first.match.reasons.length).toBeGreaterThan(0);
    const page2 = (await t.gql(FOR_DEMAND, { id: demand.id, first: 1, after: page1.pageInfo.endCursor }, { token: sme.accessToken })).data!
      .bidsForDemand;
    expect(page2.edges[0].node).toMatchObject({ organization: { id: beta.organizationId }, match: null });
    expect(page2.pageInfo.hasNextPage).toBe(false);
    // The bidder does not see its own score.
    expect(
      (await t.gql('query($id: ID!) { bid(id: $id) { match { score } } }', { id: sub.id }, { token: alpha.accessToken })).data!.bid.match,
    ).toBeNull();
  });

  it('declines with a reason, lets the bidder withdraw, and refuses to accept a withdrawn bid', async () => {
    const demand = await publishedDemand();
    const a = await submitted(alpha, demand.id);
    const b = await submitted(beta, demand.id);
    expect(fields(await run('declineBid', a, sme.accessToken, ', reason: $r', { r: '  ' }))).toEqual([['reason', 'required']]);
    expect(code(await run('declineBid', a, alpha.accessToken, ', reason: $r', { r: '자체 철회' }))).toBe('FORBIDDEN');
    const declined = (await run('declineBid', a, sme.accessToken, ', reason: $r', { r: '예산 범위를 넘습니다.' })).data!.declineBid;
    expect(declined).toMatchObject({ status: 'DECLINED', decisionReason: '예산 범위를 넘습니다.' });
    expect(await notifications(alpha, 'BID_DECLINED', a.id)).toBe(1);

    const withdrawn = (await run('withdrawBid', b, beta.accessToken)).data!.withdrawBid;
    expect(withdrawn.status).toBe('WITHDRAWN');
    expect(await notifications(sme, 'BID_WITHDRAWN', b.id)).toBe(1);
    const accept = await run('acceptBid', withdrawn, sme.accessToken);
    expect([code(accept), accept.errors![0].extensions.current]).toEqual(['CONFLICT', 'WITHDRAWN']);
    expect(
      (await t.gql('query($id: ID!) { listing(id: $id) { status } }', { id: demand.id }, { token: sme.accessToken })).data!.listing.status,
    ).toBe('PUBLISHED');
  });

  it('accepts exactly one bid of two concurrent accepts: the demand is AWARDED, every other bid DECLINED and notified, in one transaction', async () => {
    const demand = await publishedDemand();
    const a = await submitted(alpha, demand.id);
    const b = await submitted(beta, demand.id);
    const c = await submitted(gamma, demand.id);
    await verify(unverified);
    const lateDraft = (await createBid(unverified, demand.id)).data!.createBid;
    await ds.query(`UPDATE organizations SET verification_status = 'UNVERIFIED' WHERE id = $1`, [unverified.organizationId]);

    const [r1, r2] = await Promise.all([run('acceptBid', a, sme.accessToken), run('acceptBid', b, sme.accessToken)]);
    const results = [r1, r2];
    const winners = results.filter((r) => r.data);
    const losers = results.filter((r) => !r.data);
    expect(winners).toHaveLength(1);
    expect(losers.map(code)).toEqual(['CONFLICT']);
    const winnerId = winners[0].data!.acceptBid.id as string;
    expect(winners[0].data!.acceptBid.status).toBe('ACCEPTED');

    const statuses = Object.fromEntries(
      (await ds.query('SELECT id, status, decision_reason FROM bids WHERE demand_id = $1', [demand.id])).map(
        (r: { id: string; status: string }) => [r.id, r.status],
      ),
    );
    const loserId = winnerId === a.id ? b.id : a.id;
    expect(statuses).toEqual({ [winnerId]: 'ACCEPTED', [loserId]: 'DECLINED', [c.id]: 'DECLINED', [lateDraft.id]: 'EXPIRED' });
    const listing = (
      await t.gql('query($id: ID!) { listing(id: $id) { status availableActions } }', { id: demand.id }, { token: sme.accessToken })
    ).data!.listing;
    expect(listing).toEqual({ status: 'AWARDED', availableActions: ['complete', 'cancel', 'archive'] });
    expect(await count(`SELECT count(*)::int AS n FROM listing_events WHERE listing_id = $1 AND action = 'award'`, [demand.id])).toBe(1);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM outbox WHERE event_type = 'listing.changed' AND aggregate_id = $1 AND payload->>'status' = 'AWARDED'`,
        [demand.id],
      ),
    ).toBe(1);

    const winnerOrg = winnerId === a.id ? alpha : beta;
    const loserOrg = winnerId === a.id ? beta : alpha;
    expect(await notifications(winnerOrg, 'BID_ACCEPTED', winnerId)).toBe(1);
    expect(await notifications(loserOrg, 'BID_DECLINED', loserId)).toBe(1);
    expect(await notifications(gamma, 'BID_DECLINED', c.id)).toBe(1);
    expect(await notifications(winnerOrg, 'BID_DECLINED', winnerId)).toBe(0);

    // Awarded: no more bids, no second accept.
    expect(code(await createBid(partner, demand.id))).toBe('CONFLICT');
    expect(code(await run('acceptBid', { id: c.id, version: c.version + 1 }, sme.accessToken))).toBe('CONFLICT');
    await settleOutbox(t);
    const search = await t.gql('{ searchListings(q: "프레스 부품", filters: { kind: DEMAND }) { edges { node { id } } } }');
    expect(JSON.stringify(search.data ?? search.errors)).not.toContain(demand.id);
  });

  it('completes an awarded demand only through its project (no one-click completion), or cancels it with a reason', async () => {
    const LISTING = 'id status version';
    const award = async () => {
      const demand = await publishedDemand();
      const bid = await submitted(alpha, demand.id);
      const accepted = (await run('acceptBid', bid, sme.accessToken)).data!.acceptBid;
      const { version } = (await t.gql('query($id: ID!) { listing(id: $id) { version } }', { id: demand.id }, { token: sme.accessToken }))
        .data!.listing;
      return { demand: { id: demand.id, version }, bid: accepted };
    };
    // The owner's one click is gone: completion is the project's (every milestone accepted, or both sides agree).
    const published = await publishedDemand();
    expect(
      code(
        await t.gql(
          `mutation($id: ID!, $v: Int!) { completeDemand(id: $id, version: $v) { ${LISTING} } }`,
          { id: published.id, v: published.version },
          { token: sme.accessToken },
        ),
      ),
    ).not.toBeUndefined();

    const one = await award();
    const plan = await t.gql<{ project: { milestones: Array<{ id: string }> } }>(
      'query($d: ID!) { project(demandId: $d) { milestones { id } } }',
      { d: one.demand.id },
      { token: sme.accessToken },
    );
    for (const m of plan.data!.project.milestones) {
      await t.gql(
        'mutation($m: ID!) { deliverMilestone(milestoneId: $m, note: "납품") { version } }',
        { m: m.id },
        { token: alpha.accessToken },
      );
      await t.gql('mutation($m: ID!) { acceptMilestone(milestoneId: $m) { version } }', { m: m.id }, { token: sme.accessToken });
    }
    const done = await t.gql('query($id: ID!) { listing(id: $id) { status } }', { id: one.demand.id }, { token: sme.accessToken });
    expect(done.data!.listing.status).toBe('COMPLETED');
    expect(await notifications(alpha, 'DEMAND_COMPLETED', one.bid.id)).toBe(1);
    // The reviews side finds the parties: the demand's organization and the accepted bid's.
    expect(await ds.query(`SELECT organization_id FROM bids WHERE demand_id = $1 AND status = 'ACCEPTED'`, [one.demand.id])).toEqual([
      { organization_id: alpha.organizationId },
    ]);

    const two = await award();
    const CANCEL = `mutation($id: ID!, $v: Int!, $r: String!) { cancelDemand(id: $id, version: $v, reason: $r) { ${LISTING} } }`;
    expect(fields(await t.gql(CANCEL, { id: two.demand.id, v: two.demand.version, r: ' ' }, { token: sme.accessToken }))).toEqual([
      ['reason', 'required'],
    ]);
    const cancelled = await t.gql(
      CANCEL,
      { id: two.demand.id, v: two.demand.version, r: '예산이 삭감되었습니다.' },
      { token: sme.accessToken },
    );
    expect(cancelled.data!.cancelDemand.status).toBe('CANCELLED');
    expect(await notifications(alpha, 'DEMAND_CANCELLED', two.bid.id)).toBe(1);
    expect(
      await ds.query(`SELECT details->>'reason' AS reason FROM listing_events WHERE listing_id = $1 AND action = 'cancel'`, [
        two.demand.id,
      ]),
    ).toEqual([{ reason: '예산이 삭감되었습니다.' }]);
  });

  it('expires undecided bids 60 days after the deadline (lazily and in the sweep), notifying once', async () => {
    const demand = await publishedDemand();
    const sub = await submitted(alpha, demand.id);
    await ds.query(`UPDATE listings SET bid_deadline = now() - interval '59 days' WHERE id = $1`, [demand.id]);
    expect((await t.gql(GET, { id: sub.id }, { token: alpha.accessToken })).data!.bid.status).toBe('SUBMITTED');
    await ds.query(`UPDATE listings SET bid_deadline = now() - interval '61 days' WHERE id = $1`, [demand.id]);
    expect((await t.gql(GET, { id: sub.id }, { token: alpha.accessToken })).data!.bid.status).toBe('EXPIRED');
    expect((await t.gql(GET, { id: sub.id }, { token: sme.accessToken })).data!.bid.status).toBe('EXPIRED');
    expect(await notifications(alpha, 'BID_EXPIRED', sub.id)).toBe(1);
    const accept = await run('acceptBid', { id: sub.id, version: sub.version + 1 }, sme.accessToken);
    expect([code(accept), accept.errors![0].extensions.current]).toEqual(['CONFLICT', 'EXPIRED']);

    // The sweep finds the others without anyone looking.
    const other = await publishedDemand();
    const b = await submitted(beta, other.id);
    await ds.query(`UPDATE listings SET bid_deadline = now() - interval '90 days' WHERE id = $1`, [other.id]);
    const swept = await t.app.get(BidsService).expireDue();
    expect(swept.map((e) => e.id)).toContain(b.id);
    expect(await t.app.get(BidsService).expireDue()).toEqual([]);
    expect(await notifications(beta, 'BID_EXPIRED', b.id)).toBe(1);
  });
  it('tells a partner about changed terms of an open invitation at most once per 10 minutes, and always after a decline', async () => {
    const demand = await publishedDemand();
    const terms = (sharePercent: number) => ({
      partners: [{ organizationId: partner.organizationId, role: 'DATA_LABELLING', sharePercent }],
    });
    let bid = (await createBid(gamma, demand.id, terms(30))).data!.createBid;
    const edit = async (sharePercent: number) => {
      const res = await t.gql(UPDATE, { id: bid.id, v: bid.version, i: content(terms(sharePercent)) }, { token: gamma.accessToken });
      if (!res.data) throw new Error(JSON.stringify(res.errors));
      bid = res.data.updateBid;
      return bid;
    };
    const invitations = () => notifications(partner, 'CONSORTIUM_INVITATION', bid.id);
    expect(await invitations()).toBe(1);
    // Three edits of the share in a row: the partner sees the latest terms, and one invitation.
    await edit(20);
    await edit(25);
    expect((await edit(15)).partners).toEqual([expect.objectContaining({ sharePercent: 15, status: 'INVITED' })]);
    expect(await invitations()).toBe(1);
    // Ten minutes after the last one, changed terms are news again.
    await ds.query(`UPDATE bid_partners SET invited_at = invited_at - interval '11 minutes' WHERE bid_id = $1`, [bid.id]);
    await edit(35);
    expect(await invitations()).toBe(2);
    await edit(36);
    expect(await invitations()).toBe(2);
    // A declined partner asked again with new terms always hears about it.
    const declined = await t.gql(
      'mutation($id: ID!) { respondToConsortiumInvitation(bidId: $id, accept: false) { id version } }',
      { id: bid.id },
      { token: partner.accessToken },
    );
    bid = { ...bid, version: declined.data!.respondToConsortiumInvitation.version };
    await edit(40);
    expect(await invitations()).toBe(3);
  });
});
