import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  bootTestApp,
  createDemand,
  type GqlResponse,
  publish,
  settleOutbox,
  signInStaff,
  signUpOrganization,
  type SignedUp,
  type TestApp,
} from '@aimatch/api-testing';
import { DataSource } from 'typeorm';
import { multipartBody, samples } from '../../files/__tests__/sample-files';

const PROJECT = `demandId bidId version completedAt viewerSide viewerPartner availableActions
  progress { accepted total acceptedAmountKrw totalAmountKrw }
  completionProposal { by note }
  milestones { id position title weeks amountKrw status version availableActions lastDelivery { id note files { id name } } }
  history(first: 50) { totalCount edges { node { id action milestoneId fromStatus toStatus side note files { id name } } } }`;
const GET = `query($d: ID!) { project(demandId: $d) { ${PROJECT} } }`;
const DELIVER = `mutation($m: ID!, $n: String!, $f: [ID!]) { deliverMilestone(milestoneId: $m, note: $n, fileIds: $f) { ${PROJECT} } }`;
const ACCEPT = `mutation($m: ID!) { acceptMilestone(milestoneId: $m) { ${PROJECT} } }`;
const REWORK = `mutation($m: ID!, $r: String!) { requestMilestoneRework(milestoneId: $m, reason: $r) { ${PROJECT} } }`;
const PROPOSE = `mutation($d: ID!, $n: String!) { proposeCompletion(demandId: $d, note: $n) { ${PROJECT} } }`;
const CONFIRM = `mutation($d: ID!) { confirmCompletion(demandId: $d) { ${PROJECT} } }`;
const WITHDRAW = `mutation($d: ID!) { withdrawCompletionProposal(demandId: $d) { ${PROJECT} } }`;
const REVIEW = `mutation($i: SubmitReviewInput!) { submitReview(input: $i) { id side } }`;

const CLIENT_RATINGS = ['QUALITY', 'COMMUNICATION', 'SCHEDULE', 'EXPERTISE'].map((criterion) => ({ criterion, score: 5 }));
const SUPPLIER_RATINGS = ['REQUIREMENTS_CLARITY', 'COMMUNICATION', 'COOPERATION', 'PAYMENT'].map((criterion) => ({ criterion, score: 4 }));

type Project = {
  demandId: string;
  version: number;
  completedAt: string | null;
  viewerSide: string | null;
  availableActions: string[];
  progress: { accepted: number; total: number; acceptedAmountKrw: number; totalAmountKrw: number };
  completionProposal: { by: string; note: string } | null;
  milestones: Array<{
    id: string;
    title: string;
    status: string;
    availableActions: string[];
    lastDelivery: { id: string; note: string; files: Array<{ id: string; name: string }> } | null;
  }>;
  history: {
    totalCount: number;
    edges: Array<{ node: { action: string; side: string; note: string | null; files: Array<{ id: string }> } }>;
  };
};

const code = (res: GqlResponse) => res.errors?.[0]?.extensions.code;
const fields = (res: GqlResponse) => (res.errors?.[0]?.extensions.fields ?? []).map((f) => [f.path, f.rule]);

/**
 * The project after the award, on the real database: the accepted bid's milestones become the
 * plan; only the supplier delivers, only the demand's organization accepts or asks for rework; a
 * third organization is refused; two clicks cannot both win; completion by the last acceptance or
 * by both sides' agreement opens the reviews.
 */
describe('projects after the award', () => {
  let t: TestApp;
  let ds: DataSource;
  let sme: SignedUp;
  let supplier: SignedUp;
  let stranger: SignedUp;
  let staff: string;

  const ok = <T = Project>(res: GqlResponse, field: string): T => {
    if (!res.data?.[field]) throw new Error(JSON.stringify(res.errors));
    return res.data[field] as T;
  };
  const get = async (who: { accessToken: string }, demandId: string) =>
    ok(await t.gql(GET, { d: demandId }, { token: who.accessToken }), 'project');
  /** A published demand of the SME, a submitted bid of the supplier (with the given milestones), accepted. */
  const awarded = async (
    milestones: Array<{ title: string; weeks: number; amountKrw: number }>,
    amountKrw = 100_000_000,
    consortium: Array<{ who: SignedUp; accept: boolean }> = [],
  ) => {
    const demand = await publish(t, await createDemand(t, sme), sme.accessToken, staff);
    const created = ok<{ id: string; version: number }>(
      await t.gql(
        'mutation($i: CreateBidInput!) { createBid(input: $i) { id version } }',
        {
          i: {
            demandId: demand.id,
            organizationId: supplier.organizationId,
            amountKrw,
            durationWeeks: 10,
            approach: '단계별로 구축합니다.',
            milestones: milestones.length ? milestones : [{ title: '임시', weeks: 10, amountKrw }],
            partners: consortium.map((c) => ({ organizationId: c.who.organizationId, role: 'DATA_LABELLING', sharePercent: 20 })),
          },
        },
        { token: supplier.accessToken },
      ),
      'createBid',
    );
    let version = created.version;
    for (const c of consortium) {
      version = ok<{ version: number }>(
        await t.gql(
          'mutation($id: ID!, $a: Boolean!) { respondToConsortiumInvitation(bidId: $id, accept: $a) { version } }',
          { id: created.id, a: c.accept },
          { token: c.who.accessToken },
        ),
        'respondToConsortiumInvitation',
      ).version;
    }
    const sub = ok<{ id: string; version: number }>(
      await t.gql(
        'mutation($id: ID!, $v: Int!) { submitBid(id: $id, version: $v) { id version } }',
        { id: created.id, v: version },
        { token: supplier.accessToken },
      ),
      'submitBid',
    );
    if (!milestones.length) await ds.query(`UPDATE bids SET milestones = '[]' WHERE id = $1`, [sub.id]);
    ok(
      await t.gql(
        'mutation($id: ID!, $v: Int!) { acceptBid(id: $id, version: $v) { id } }',
        { id: sub.id, v: sub.version },
        { token: sme.accessToken },
      ),
      'acceptBid',
    );
    return { demandId: demand.id, bidId: sub.id };
  };
  const upload = async (who: SignedUp, name = '1차_산출물.pdf') => {
    const { payload, contentType } = multipartBody(name, samples.pdf());
    const res = await t.app.inject({
      method: 'POST',
      url: '/files?kind=document',
      headers: { 'content-type': contentType, authorization: `Bearer ${who.accessToken}` },
      payload,
    });
    expect(res.statusCode).toBe(201);
    return res.json<{ id: string }>().id;
  };
  const download = (who: { accessToken: string }, id: string) =>
    t.gql('query($id: ID!) { storedFile(id: $id) { id downloadUrl } }', { id }, { token: who.accessToken });
  const notified = async (org: SignedUp, type: string, demandId: string) =>
    (
      await ds.query(
        `SELECT count(*)::int AS n FROM notifications n JOIN memberships m ON m.user_id = n.user_id
          WHERE m.organization_id = $1 AND n.type = $2 AND n.payload->>'demandId' = $3`,
        [org.organizationId, type, demandId],
      )
    )[0].n as number;
  const status = async (demandId: string) =>
    ok<{ status: string }>(
      await t.gql('query($id: ID!) { listing(id: $id) { status } }', { id: demandId }, { token: sme.accessToken }),
      'listing',
    ).status;

  beforeAll(async () => {
    t = await bootTestApp();
    ds = t.app.get(DataSource);
    const s = await signInStaff(t);
    staff = s.accessToken;
    sme = await signUpOrganization(t, { kind: 'SME' as never });
    supplier = await signUpOrganization(t, { kind: 'AI_SUPPLIER' as never });
    stranger = await signUpOrganization(t, { kind: 'AI_SUPPLIER' as never });
    await ds.query(`UPDATE organizations SET verification_status = 'VERIFIED' WHERE id = ANY($1)`, [
      [supplier.organizationId, stranger.organizationId],
    ]);
  });
  afterAll(() => t.close());

  it('runs the plan: deliver with a file → rework → deliver → accept → … → complete, and the reviews open', async () => {
    const { demandId, bidId } = await awarded([
      { title: '데이터 수집·라벨링', weeks: 4, amountKrw: 30_000_000 },
      { title: '모델 개발·현장 적용', weeks: 6, amountKrw: 70_000_000 },
    ]);
    // The award opens the demand's conversation (bids); project steps post into it.
    const plan = await get(supplier, demandId);
    expect(plan).toMatchObject({
      bidId,
      viewerSide: 'supplier',
      completedAt: null,
      availableActions: ['proposeCompletion'],
      progress: { accepted: 0, total: 2, acceptedAmountKrw: 0, totalAmountKrw: 100_000_000 },
    });
    expect(plan.milestones.map((m) => [m.title, m.status, m.availableActions])).toEqual([
      ['데이터 수집·라벨링', 'PLANNED', ['deliver']],
      ['모델 개발·현장 적용', 'PLANNED', ['deliver']],
    ]);
    expect((await get(sme, demandId)).milestones[0].availableActions).toEqual([]);
    const [m1, m2] = plan.milestones.map((m) => m.id) as [string, string];

    // Before submitting anything, reviews are closed.
    const early = await t.gql(REVIEW, { i: { demandId, ratings: CLIENT_RATINGS, body: '좋음' } }, { token: sme.accessToken });
    expect(fields(early)).toEqual([['demandId', 'not-completed']]);

    // Only the supplier delivers; the note is required and at most 2,000 characters.
    expect(code(await t.gql(DELIVER, { m: m1, n: '납품' }, { token: sme.accessToken }))).toBe('FORBIDDEN');
    expect(fields(await t.gql(DELIVER, { m: m1, n: '  ' }, { token: supplier.accessToken }))).toEqual([['note', 'required']]);
    expect(fields(await t.gql(DELIVER, { m: m1, n: '가'.repeat(2001) }, { token: supplier.accessToken }))).toEqual([
      ['note', 'max-length'],
    ]);
    const fileId = await upload(supplier);
    const delivered = ok(
      await t.gql(DELIVER, { m: m1, n: '1차 라벨링 데이터 5,000장', f: [fileId] }, { token: supplier.accessToken }),
      'deliverMilestone',
    );
    expect(delivered.milestones[0]).toMatchObject({
      status: 'DELIVERED',
      availableActions: [],
      lastDelivery: { note: '1차 라벨링 데이터 5,000장', files: [{ id: fileId, name: '1차_산출물.pdf' }] },
    });
    expect(await notified(sme, 'MILESTONE_DELIVERED', demandId)).toBe(1);
    // The delivery's file: both parties and staff may download it; a third organization may not.
    expect((await download(sme, fileId)).data?.storedFile?.downloadUrl).toMatch(/^\/files\//);
    expect((await download(supplier, fileId)).data?.storedFile?.downloadUrl).toMatch(/^\/files\//);
    expect((await download({ accessToken: staff }, fileId)).data?.storedFile?.downloadUrl).toMatch(/^\/files\//);
    expect(code(await download(stranger, fileId))).toBe('FORBIDDEN');

    // Only the SME accepts or asks for rework (with a reason).
    expect(code(await t.gql(ACCEPT, { m: m1 }, { token: supplier.accessToken }))).toBe('FORBIDDEN');
    expect(fields(await t.gql(REWORK, { m: m1, r: '' }, { token: sme.accessToken }))).toEqual([['reason', 'required']]);
    const smeView = await get(sme, demandId);
    expect(smeView.milestones[0].availableActions).toEqual(['accept', 'requestRework']);
    const rework = ok(
      await t.gql(REWORK, { m: m1, r: '불량 유형 라벨이 빠졌습니다.' }, { token: sme.accessToken }),
      'requestMilestoneRework',
    );
    expect(rework.milestones[0].status).toBe('REWORK_REQUESTED');
    expect(await notified(supplier, 'MILESTONE_REWORK_REQUESTED', demandId)).toBe(1);
    ok(await t.gql(DELIVER, { m: m1, n: '불량 유형 라벨 보완' }, { token: supplier.accessToken }), 'deliverMilestone');
    const accepted = ok(await t.gql(ACCEPT, { m: m1 }, { token: sme.accessToken }), 'acceptMilestone');
    expect(accepted.progress).toEqual({ accepted: 1, total: 2, acceptedAmountKrw: 30_000_000, totalAmountKrw: 100_000_000 });
    expect(accepted.completedAt).toBeNull();
    // An accepted milestone stays accepted.
    expect(code(await t.gql(REWORK, { m: m1, r: '다시' }, { token: sme.accessToken }))).toBe('CONFLICT');

    ok(await t.gql(DELIVER, { m: m2, n: '현장 적용 완료 보고서' }, { token: supplier.accessToken }), 'deliverMilestone');
    const done = ok(await t.gql(ACCEPT, { m: m2 }, { token: sme.accessToken }), 'acceptMilestone');
    expect(done.completedAt).not.toBeNull();
    expect(done.availableActions).toEqual([]);
    expect(await status(demandId)).toBe('COMPLETED');
    expect(await notified(supplier, 'DEMAND_COMPLETED', demandId)).toBe(1);
    expect(await notified(sme, 'DEMAND_COMPLETED', demandId)).toBe(1);
    // The history, oldest first: who, what, the note.
    expect(done.history.edges.map((e) => [e.node.action, e.node.side, e.node.note])).toEqual([
      ['deliver', 'supplier', '1차 라벨링 데이터 5,000장'],
      ['requestRework', 'client', '불량 유형 라벨이 빠졌습니다.'],
      ['deliver', 'supplier', '불량 유형 라벨 보완'],
      ['accept', 'client', null],
      ['deliver', 'supplier', '현장 적용 완료 보고서'],
      ['accept', 'client', null],
    ]);
    expect(done.history.edges[0].node.files).toEqual([{ id: fileId, name: '1차_산출물.pdf' }]);
    // Nothing moves a completed project.
    expect(code(await t.gql(PROPOSE, { d: demandId, n: '다시' }, { token: sme.accessToken }))).toBe('CONFLICT');

    // The chat between the two says each step in its system messages.
    await settleOutbox(t);
    const [conv] = await ds.query(`SELECT id FROM conversations WHERE context_type = 'DEMAND' AND context_id = $1`, [demandId]);
    const events = (
      await ds.query(`SELECT system_event FROM chat_messages WHERE conversation_id = $1 AND system_event IS NOT NULL ORDER BY seq`, [
        conv.id,
      ])
    ).map((r: { system_event: string }) => r.system_event);
    expect(events).toEqual([
      'BID_ACCEPTED',
      'MILESTONE_DELIVERED',
      'MILESTONE_REWORK_REQUESTED',
      'MILESTONE_DELIVERED',
      'MILESTONE_ACCEPTED',
      'MILESTONE_DELIVERED',
      'MILESTONE_ACCEPTED',
      'PROJECT_COMPLETED',
    ]);

    // Reviews open for both sides.
    ok(
      await t.gql(REVIEW, { i: { demandId, ratings: CLIENT_RATINGS, body: '품질이 좋았습니다.' } }, { token: sme.accessToken }),
      'submitReview',
    );
    ok(
      await t.gql(
        REVIEW,
        { i: { demandId, ratings: SUPPLIER_RATINGS, body: '요구사항이 명확했습니다.' } },
        { token: supplier.accessToken },
      ),
      'submitReview',
    );
  });

  it('refuses a third organization (FORBIDDEN) and hides nothing from staff, who may not act', async () => {
    const { demandId } = await awarded([{ title: '구축', weeks: 10, amountKrw: 100_000_000 }]);
    const m = (await get(sme, demandId)).milestones[0].id;
    expect(code(await t.gql(GET, { d: demandId }, { token: stranger.accessToken }))).toBe('FORBIDDEN');
    expect(code(await t.gql(DELIVER, { m, n: '납품' }, { token: stranger.accessToken }))).toBe('FORBIDDEN');
    expect(code(await t.gql(PROPOSE, { d: demandId, n: '종료' }, { token: stranger.accessToken }))).toBe('FORBIDDEN');
    const staffView = ok(await t.gql(GET, { d: demandId }, { token: staff }), 'project');
    expect(staffView).toMatchObject({ viewerSide: null, availableActions: [] });
    expect(code(await t.gql(DELIVER, { m, n: '납품' }, { token: staff }))).toBe('FORBIDDEN');
    // A demand that was never awarded has no project.
    const open = await publish(t, await createDemand(t, sme), sme.accessToken, staff);
    expect((await t.gql(GET, { d: open.id }, { token: sme.accessToken })).data!.project).toBeNull();
    expect(code(await t.gql(PROPOSE, { d: open.id, n: '종료' }, { token: sme.accessToken }))).toBe('CONFLICT');
  });

  it("shows the project to the accepted bid's consortium partners, read only (deliveries and their files too)", async () => {
    const partner = await signUpOrganization(t, { kind: 'AI_SUPPLIER' as never });
    await ds.query(`UPDATE organizations SET verification_status = 'VERIFIED' WHERE id = $1`, [partner.organizationId]);
    const { demandId } = await awarded([{ title: '구축', weeks: 10, amountKrw: 100_000_000 }], 100_000_000, [
      { who: partner, accept: true },
    ]);
    const m = (await get(supplier, demandId)).milestones[0].id;
    const fileId = await upload(supplier);
    ok(await t.gql(DELIVER, { m, n: '1차 납품', f: [fileId] }, { token: supplier.accessToken }), 'deliverMilestone');

    const view = await get(partner, demandId);
    expect(view).toMatchObject({ viewerSide: null, viewerPartner: true, availableActions: [] });
    expect(view.milestones[0]).toMatchObject({ status: 'DELIVERED', availableActions: [], lastDelivery: { note: '1차 납품' } });
    expect((await download(partner, fileId)).data?.storedFile?.downloadUrl).toMatch(/^\/files\//);
    // Read only: the lead delivers and the demand's organization accepts, never the partner.
    expect(code(await t.gql(ACCEPT, { m }, { token: partner.accessToken }))).toBe('FORBIDDEN');
    expect(code(await t.gql(PROPOSE, { d: demandId, n: '종료' }, { token: partner.accessToken }))).toBe('FORBIDDEN');
    expect(await get(supplier, demandId)).toMatchObject({ viewerSide: 'supplier', viewerPartner: false });
    // A consortium partner of another demand's bid sees nothing here.
    expect(code(await t.gql(GET, { d: (await awarded([])).demandId }, { token: partner.accessToken }))).toBe('FORBIDDEN');
    expect((await download(stranger, fileId)).data?.storedFile ?? null).toBeNull();
  });

  it('a bid without milestones is one "전체 과업" of the whole amount and duration', async () => {
    const { demandId } = await awarded([{ title: '구축', weeks: 10, amountKrw: 80_000_000 }], 80_000_000);
    // Awarded through the normal path: the bid's one milestone. Now one whose milestones are empty (older bids).
    expect((await get(sme, demandId)).milestones.map((m) => m.title)).toEqual(['구축']);
    const whole = await awarded([], 80_000_000);
    expect((await get(sme, whole.demandId)).milestones).toMatchObject([
      { title: '전체 과업', weeks: 10, amountKrw: 80_000_000, status: 'PLANNED' },
    ]);
  });

  it('lets only one of two concurrent clicks win (accept vs rework, accept vs accept)', async () => {
    const { demandId } = await awarded([
      { title: '1단계', weeks: 5, amountKrw: 50_000_000 },
      { title: '2단계', weeks: 5, amountKrw: 50_000_000 },
    ]);
    const [m1, m2] = (await get(sme, demandId)).milestones.map((m) => m.id) as [string, string];
    ok(await t.gql(DELIVER, { m: m1, n: '1단계 납품' }, { token: supplier.accessToken }), 'deliverMilestone');
    const race = await Promise.all([
      t.gql(ACCEPT, { m: m1 }, { token: sme.accessToken }),
      t.gql(REWORK, { m: m1, r: '보완' }, { token: sme.accessToken }),
    ]);
    expect(race.filter((r) => r.data).length).toBe(1);
    expect(race.filter((r) => code(r) === 'CONFLICT').length).toBe(1);
    ok(await t.gql(DELIVER, { m: m2, n: '2단계 납품' }, { token: supplier.accessToken }), 'deliverMilestone');
    const twice = await Promise.all([
      t.gql(ACCEPT, { m: m2 }, { token: sme.accessToken }),
      t.gql(ACCEPT, { m: m2 }, { token: sme.accessToken }),
    ]);
    expect(twice.filter((r) => r.data).length).toBe(1);
    expect(twice.filter((r) => code(r) === 'CONFLICT').length).toBe(1);
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM project_events WHERE milestone_id = $1 AND action = 'accept'`, [m2]);
    expect(n).toBe(1);
  });

  it('completes by agreement: one side proposes, the other confirms; the proposer may withdraw first', async () => {
    const { demandId } = await awarded([
      { title: '1단계', weeks: 5, amountKrw: 50_000_000 },
      { title: '2단계', weeks: 5, amountKrw: 50_000_000 },
    ]);
    expect(fields(await t.gql(PROPOSE, { d: demandId, n: ' ' }, { token: supplier.accessToken }))).toEqual([['note', 'required']]);
    const proposed = ok(
      await t.gql(PROPOSE, { d: demandId, n: '2단계는 범위에서 제외하기로 합의했습니다.' }, { token: supplier.accessToken }),
      'proposeCompletion',
    );
    expect(proposed).toMatchObject({ completionProposal: { by: 'supplier' }, availableActions: ['withdrawCompletionProposal'] });
    expect(await notified(sme, 'PROJECT_COMPLETION_PROPOSED', demandId)).toBe(1);
    expect((await get(sme, demandId)).availableActions).toEqual(['confirmCompletion']);
    // The proposer cannot confirm its own proposal; the other side cannot withdraw it; no second proposal.
    expect(code(await t.gql(CONFIRM, { d: demandId }, { token: supplier.accessToken }))).toBe('FORBIDDEN');
    expect(code(await t.gql(WITHDRAW, { d: demandId }, { token: sme.accessToken }))).toBe('FORBIDDEN');
    expect(code(await t.gql(PROPOSE, { d: demandId, n: '저도' }, { token: sme.accessToken }))).toBe('CONFLICT');
    const withdrawn = ok(await t.gql(WITHDRAW, { d: demandId }, { token: supplier.accessToken }), 'withdrawCompletionProposal');
    expect(withdrawn.completionProposal).toBeNull();
    expect(await notified(sme, 'PROJECT_COMPLETION_WITHDRAWN', demandId)).toBe(1);
    expect(code(await t.gql(CONFIRM, { d: demandId }, { token: sme.accessToken }))).toBe('CONFLICT');

    ok(await t.gql(PROPOSE, { d: demandId, n: '합의 종료' }, { token: sme.accessToken }), 'proposeCompletion');
    // A confirmation racing a withdrawal: exactly one wins.
    const race = await Promise.all([
      t.gql(CONFIRM, { d: demandId }, { token: supplier.accessToken }),
      t.gql(WITHDRAW, { d: demandId }, { token: sme.accessToken }),
    ]);
    expect(race.filter((r) => r.data).length).toBe(1);
    if (race[0].data) {
      expect(await status(demandId)).toBe('COMPLETED');
      expect(await notified(supplier, 'DEMAND_COMPLETED', demandId)).toBe(1);
      ok(
        await t.gql(REVIEW, { i: { demandId, ratings: SUPPLIER_RATINGS, body: '협조가 좋았습니다.' } }, { token: supplier.accessToken }),
        'submitReview',
      );
    } else {
      expect(await status(demandId)).toBe('AWARDED');
      ok(await t.gql(PROPOSE, { d: demandId, n: '합의 종료' }, { token: supplier.accessToken }), 'proposeCompletion');
      const confirmed = ok(await t.gql(CONFIRM, { d: demandId }, { token: sme.accessToken }), 'confirmCompletion');
      expect(confirmed.completedAt).not.toBeNull();
      expect(await status(demandId)).toBe('COMPLETED');
    }
  });

  it('stops when the demand is cancelled', async () => {
    const { demandId } = await awarded([{ title: '구축', weeks: 10, amountKrw: 100_000_000 }]);
    const { version } = ok<{ version: number }>(
      await t.gql('query($id: ID!) { listing(id: $id) { version } }', { id: demandId }, { token: sme.accessToken }),
      'listing',
    );
    ok(
      await t.gql(
        'mutation($id: ID!, $v: Int!) { cancelDemand(id: $id, version: $v, reason: "예산 삭감") { id } }',
        { id: demandId, v: version },
        { token: sme.accessToken },
      ),
      'cancelDemand',
    );
    const m = (await get(sme, demandId)).milestones[0].id;
    expect(code(await t.gql(DELIVER, { m, n: '납품' }, { token: supplier.accessToken }))).toBe('CONFLICT');
    expect((await get(sme, demandId)).availableActions).toEqual([]);
  });
});
