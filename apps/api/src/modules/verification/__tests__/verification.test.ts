import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  bootTestApp,
  createDemand,
  createSupply,
  enrolTwoFactor,
  type GqlResponse,
  publish,
  settleOutbox,
  signInStaff,
  signUpOrganization,
  type SignedUp,
  type TestApp,
  TEST_PASSWORD,
  validBrn,
} from '@aimatch/api-testing';
import { OrganizationKind, PlatformRole, VerificationStatus } from '@aimatch/contracts';
import { DataSource } from 'typeorm';
import { TransactionService } from '../../../database/transaction.service';
import { IdentityService } from '../../identity/identity.service';
import { multipartBody, samples } from '../../files/__tests__/sample-files';
import { StaffAccountService } from '../../identity/staff-account.service';

const REQUEST = `mutation($i: RequestOrganizationVerificationInput!) {
  requestOrganizationVerification(input: $i) { id status note organizationId waitingSeconds organization { id verificationStatus } } }`;
const DECIDE = `mutation($i: DecideVerificationInput!) { decideVerification(input: $i) { id status decisionReason decidedAt } }`;
const QUEUE = `query($first: Int, $after: String) { verificationQueue(first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { id organizationId waitingSeconds organization { nameKo } } } } }`;
const REVIEW = `query($id: ID!) { verificationRequest(id: $id) {
  request { id status note } organization { id nameKo businessRegistrationNumber } brnCheck { formatted valid }
  listingsCount members { userId displayName email role } history { id status decisionReason } suspension { reason } } }`;
const SUSPEND = `mutation($i: SuspendOrganizationInput!) { suspendOrganization(input: $i) { id verificationStatus } }`;
const UNSUSPEND = `mutation($i: UnsuspendOrganizationInput!) { unsuspendOrganization(input: $i) { id verificationStatus } }`;
const ORG = `query($id: ID!) { organization(id: $id) { id verificationStatus
  verificationRequest { id status decisionReason requestedAt } suspension { reason since } } }`;
const CREATE_BID = `mutation($i: CreateBidInput!) { createBid(input: $i) { id status } }`;
const SEARCH = `query($q: String) { searchListings(q: $q, first: 50) { edges { node { id } } } }`;

const code = (res: GqlResponse) => res.errors?.[0]?.extensions.code;
const fields = (res: GqlResponse) => (res.errors?.[0]?.extensions.fields ?? []).map((f) => [f.path, f.rule]);
const BID = {
  amountKrw: 90_000_000,
  durationWeeks: 12,
  approach: '카메라 설계 후 검사 모델을 학습해 MES와 연동합니다.',
  milestones: [{ title: '구축', weeks: 12, amountKrw: 90_000_000 }],
};

describe('organization verification and suspension', () => {
  let t: TestApp;
  let ds: DataSource;
  let staff: { accessToken: string; userId: string };
  let sme: SignedUp;
  let demandId: string;

  const status = async (organizationId: string) =>
    (await ds.query('SELECT verification_status AS s FROM organizations WHERE id = $1', [organizationId]))[0].s as string;
  const audit = (action: string, organizationId: string) =>
    ds.query(`SELECT actor_user_id AS "actor", details, request_id AS "requestId" FROM audit_log WHERE action = $1 AND subject_id = $2`, [
      action,
      organizationId,
    ]);
  const request = (who: SignedUp, note = '사업자등록증 사본을 보내드립니다.') =>
    t.gql(REQUEST, { i: { organizationId: who.organizationId, note } }, { token: who.accessToken });
  const decide = (requestId: string, decision: string, reason?: string, token = staff.accessToken) =>
    t.gql(DECIDE, { i: { requestId, decision, reason } }, { token });
  const bid = (who: SignedUp) =>
    t.gql(CREATE_BID, { i: { demandId, organizationId: who.organizationId, ...BID } }, { token: who.accessToken });
  const notifications = (userId: string, type: string) =>
    ds.query(`SELECT payload, link_type AS "linkType", link_id AS "linkId", email FROM notifications WHERE user_id = $1 AND type = $2`, [
      userId,
      type,
    ]);

  beforeAll(async () => {
    t = await bootTestApp();
    ds = t.app.get(DataSource);
    staff = await signInStaff(t);
    sme = await signUpOrganization(t, { kind: OrganizationKind.SME });
    demandId = (await publish(t, await createDemand(t, sme), sme.accessToken, staff.accessToken)).id;
  });
  afterAll(() => t.close());

  it('a new supplier asks, staff verify it from the queue, and then it may bid', async () => {
    const supplier = await signUpOrganization(t, { kind: OrganizationKind.AI_SUPPLIER });
    const refused = await bid(supplier);
    expect(fields(refused)).toEqual([['organizationId', 'verification-required']]);
    expect(refused.errors![0].extensions.fields![0].message).toBe('협회 인증(VERIFIED)을 받은 기관만 입찰할 수 있습니다.');

    const asked = await request(supplier);
    expect(asked.errors).toBeUndefined();
    const req = asked.data!.requestOrganizationVerification;
    expect(req).toMatchObject({
      status: 'OPEN',
      note: '사업자등록증 사본을 보내드립니다.',
      organization: { verificationStatus: 'PENDING' },
    });
    expect(await status(supplier.organizationId)).toBe('PENDING');
    const [requested] = await audit('verification.requested', supplier.organizationId);
    expect(requested).toMatchObject({
      actor: supplier.userId,
      details: { requestId: req.id, before: { organizationStatus: 'UNVERIFIED' } },
    });
    expect(requested.requestId).toEqual(expect.any(String));
    const staffNotes = await notifications(staff.userId, 'VERIFICATION_REQUESTED');
    expect(staffNotes).toContainEqual(expect.objectContaining({ linkType: 'VERIFICATION_REQUEST', linkId: req.id }));

    // A second request while one is open: CONFLICT, nothing stored.
    const again = await request(supplier);
    expect(code(again)).toBe('CONFLICT');
    expect(again.errors![0].message).toContain('이미 심사 중');
    expect(
      (await ds.query('SELECT count(*)::int AS n FROM verification_requests WHERE organization_id = $1', [supplier.organizationId]))[0].n,
    ).toBe(1);

    // The queue lists it (oldest first) with its waiting time.
    const queue = await t.gql(QUEUE, { first: 100 }, { token: staff.accessToken });
    const node = queue.data!.verificationQueue.edges.find((e: { node: { id: string } }) => e.node.id === req.id).node;
    expect(node).toMatchObject({ organizationId: supplier.organizationId, waitingSeconds: expect.any(Number) });

    const review = await t.gql(REVIEW, { id: req.id }, { token: staff.accessToken });
    expect(review.errors).toBeUndefined();
    const r = review.data!.verificationRequest;
    expect(r.brnCheck.valid).toBe(true);
    expect(r.brnCheck.formatted).toMatch(/^\d{3}-\d{2}-\d{5}$/);
    expect(r.listingsCount).toBe(0);
    expect(r.members).toEqual([expect.objectContaining({ userId: supplier.userId, email: supplier.email, role: 'OWNER' })]);
    expect(r.history.map((h: { id: string }) => h.id)).toEqual([req.id]);

    // REJECTED without a reason: an input error, and the request stays open.
    const noReason = await decide(req.id, 'REJECTED', '  ');
    expect(code(noReason)).toBe('BAD_USER_INPUT');
    expect(fields(noReason)).toEqual([['reason', 'required']]);
    expect(await status(supplier.organizationId)).toBe('PENDING');

    const verified = await decide(req.id, 'VERIFIED');
    expect(verified.errors).toBeUndefined();
    expect(verified.data!.decideVerification).toMatchObject({ status: 'VERIFIED', decisionReason: null, decidedAt: expect.any(String) });
    expect(await status(supplier.organizationId)).toBe('VERIFIED');
    const [decided] = await audit('verification.decided', supplier.organizationId);
    expect(decided).toMatchObject({
      actor: staff.userId,
      details: {
        decision: 'VERIFIED',
        before: { requestStatus: 'OPEN', organizationStatus: 'PENDING' },
        after: { requestStatus: 'VERIFIED', organizationStatus: 'VERIFIED' },
      },
    });
    const [note] = await notifications(supplier.userId, 'VERIFICATION_DECIDED');
    expect(note).toMatchObject({ payload: { decision: 'VERIFIED' }, linkType: 'ORGANIZATION', email: true });

    // Deciding twice: CONFLICT with the decision that stands.
    const twice = await decide(req.id, 'REJECTED', '서류 위조');
    expect(code(twice)).toBe('CONFLICT');
    expect(twice.errors![0].extensions.current).toBe('VERIFIED');
    expect(await status(supplier.organizationId)).toBe('VERIFIED');

    const alreadyVerified = await request(supplier);
    expect(code(alreadyVerified)).toBe('CONFLICT');

    const accepted = await bid(supplier);
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.createBid.status).toBe('DRAFT');
  });

  it('more information needed: the organization reads the reason and asks again; REJECTED likewise', async () => {
    const supplier = await signUpOrganization(t, { kind: OrganizationKind.SI_INTEGRATOR });
    const first = (await request(supplier)).data!.requestOrganizationVerification.id as string;
    expect((await decide(first, 'NEEDS_INFO', '사업자등록증 사본을 첨부해 주세요.')).errors).toBeUndefined();
    expect(await status(supplier.organizationId)).toBe('UNVERIFIED');

    const own = await t.gql(ORG, { id: supplier.organizationId }, { token: supplier.accessToken });
    expect(own.data!.organization.verificationRequest).toMatchObject({
      id: first,
      status: 'NEEDS_INFO',
      decisionReason: '사업자등록증 사본을 첨부해 주세요.',
    });
    // Others do not read an organization's verification history.
    const stranger = await t.gql(ORG, { id: supplier.organizationId }, { token: sme.accessToken });
    expect(stranger.data!.organization).toMatchObject({ verificationRequest: null, suspension: null });

    const second = (await request(supplier, '첨부했습니다.')).data!.requestOrganizationVerification.id as string;
    expect((await decide(second, 'REJECTED', '사업자 정보가 일치하지 않습니다.')).errors).toBeUndefined();
    expect(await status(supplier.organizationId)).toBe('REJECTED');
    const review = await t.gql(REVIEW, { id: second }, { token: staff.accessToken });
    expect(review.data!.verificationRequest.history.map((h: { status: string }) => h.status)).toEqual(['REJECTED', 'NEEDS_INFO']);
    // A rejected organization may ask again.
    expect((await request(supplier)).data!.requestOrganizationVerification.status).toBe('OPEN');
  });

  it('refuses bad input and the wrong callers with typed errors', async () => {
    const supplier = await signUpOrganization(t, { kind: OrganizationKind.AI_SUPPLIER });
    const req = (await request(supplier)).data!.requestOrganizationVerification.id as string;
    // Not staff.
    expect(code(await decide(req, 'VERIFIED', undefined, supplier.accessToken))).toBe('FORBIDDEN');
    expect(code(await t.gql(QUEUE, {}, { token: supplier.accessToken }))).toBe('FORBIDDEN');
    expect(code(await t.gql(SUSPEND, { i: { organizationId: sme.organizationId, reason: 'x' } }, { token: sme.accessToken }))).toBe(
      'FORBIDDEN',
    );
    // Not an owner of the organization.
    expect(code(await t.gql(REQUEST, { i: { organizationId: supplier.organizationId } }, { token: sme.accessToken }))).toBe('FORBIDDEN');
    // Unknown ids.
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(code(await decide(unknown, 'VERIFIED'))).toBe('NOT_FOUND');
    expect(code(await t.gql(REVIEW, { id: unknown }, { token: staff.accessToken }))).toBe('NOT_FOUND');
    expect(code(await t.gql(REVIEW, { id: 'not-a-uuid' }, { token: staff.accessToken }))).toBe('NOT_FOUND');
    expect(code(await t.gql(SUSPEND, { i: { organizationId: unknown, reason: '위반' } }, { token: staff.accessToken }))).toBe('NOT_FOUND');
    // Too long a note.
    const long = await request(supplier, 'x'.repeat(2001));
    expect(fields(long)).toEqual([['note', 'max-length']]);
    // Missing reason to suspend.
    const noReason = await t.gql(SUSPEND, { i: { organizationId: supplier.organizationId, reason: ' ' } }, { token: staff.accessToken });
    expect(fields(noReason)).toEqual([['reason', 'required']]);
    // Nothing partial: the organization is still PENDING with one open request, no suspension.
    expect(await status(supplier.organizationId)).toBe('PENDING');
    const [{ n }] = await ds.query('SELECT count(*)::int AS n FROM organization_suspensions WHERE organization_id = $1', [
      supplier.organizationId,
    ]);
    expect(n).toBe(0);
    expect(await audit('verification.decided', supplier.organizationId)).toEqual([]);
  });

  it('suspension blocks bids, hides listings from search, keeps data, and unsuspending restores the previous status', async () => {
    const supplier = await signUpOrganization(t, { kind: OrganizationKind.AI_SUPPLIER });
    await decide((await request(supplier)).data!.requestOrganizationVerification.id, 'VERIFIED');
    const title = `정지 시험용 비전 검사 ${Date.now()}`;
    const supplyId = (await publish(t, await createSupply(t, supplier, { title }), supplier.accessToken, staff.accessToken)).id;
    await settleOutbox(t);
    const found = async () =>
      (await t.gql(SEARCH, { q: title })).data!.searchListings.edges.map((e: { node: { id: string } }) => e.node.id) as string[];
    expect(await found()).toContain(supplyId);

    const suspended = await t.gql(
      SUSPEND,
      { i: { organizationId: supplier.organizationId, reason: '허위 실적 신고' } },
      { token: staff.accessToken },
    );
    expect(suspended.data!.suspendOrganization.verificationStatus).toBe('SUSPENDED');
    const [row] = await audit('organization.suspended', supplier.organizationId);
    expect(row.details).toMatchObject({
      reason: '허위 실적 신고',
      before: { organizationStatus: 'VERIFIED' },
      after: { organizationStatus: 'SUSPENDED' },
    });
    expect(await notifications(supplier.userId, 'ORGANIZATION_SUSPENDED')).toHaveLength(1);

    // Members read why; bids are refused even when the verified-only setting is off.
    const own = await t.gql(ORG, { id: supplier.organizationId }, { token: supplier.accessToken });
    expect(own.data!.organization.suspension).toMatchObject({ reason: '허위 실적 신고' });
    await t.gql(
      'mutation { setBidVerificationRequired(required: false) { bidsVerifiedOrganizationsOnly } }',
      {},
      { token: staff.accessToken },
    );
    try {
      const refused = await bid(supplier);
      expect(code(refused)).toBe('FORBIDDEN');
      expect(refused.errors![0].message).toContain('이용을 정지');
    } finally {
      await t.gql(
        'mutation { setBidVerificationRequired(required: true) { bidsVerifiedOrganizationsOnly } }',
        {},
        { token: staff.accessToken },
      );
    }
    await settleOutbox(t);
    expect(await found()).not.toContain(supplyId);
    // Data is kept: the listing is still there for its owner.
    expect((await ds.query('SELECT status FROM listings WHERE id = $1', [supplyId]))[0].status).toBe('PUBLISHED');

    expect(code(await request(supplier))).toBe('CONFLICT');
    expect(
      code(await t.gql(SUSPEND, { i: { organizationId: supplier.organizationId, reason: '다시' } }, { token: staff.accessToken })),
    ).toBe('CONFLICT');

    const lifted = await t.gql(
      UNSUSPEND,
      { i: { organizationId: supplier.organizationId, reason: '소명 확인' } },
      { token: staff.accessToken },
    );
    expect(lifted.data!.unsuspendOrganization.verificationStatus).toBe('VERIFIED');
    expect(await audit('organization.unsuspended', supplier.organizationId)).toHaveLength(1);
    expect(code(await t.gql(UNSUSPEND, { i: { organizationId: supplier.organizationId } }, { token: staff.accessToken }))).toBe('CONFLICT');
    await settleOutbox(t);
    expect(await found()).toContain(supplyId);
  });

  it('a decision taken while suspended is what unsuspending restores', async () => {
    const supplier = await signUpOrganization(t, { kind: OrganizationKind.AI_SUPPLIER });
    const req = (await request(supplier)).data!.requestOrganizationVerification.id as string;
    await t.gql(SUSPEND, { i: { organizationId: supplier.organizationId, reason: '조사 중' } }, { token: staff.accessToken });
    expect((await decide(req, 'VERIFIED')).errors).toBeUndefined();
    expect(await status(supplier.organizationId)).toBe('SUSPENDED');
    const lifted = await t.gql(UNSUSPEND, { i: { organizationId: supplier.organizationId } }, { token: staff.accessToken });
    expect(lifted.data!.unsuspendOrganization.verificationStatus).toBe('VERIFIED');
  });

  it("staff cannot suspend the association's organization or their own", async () => {
    const identity = t.app.get(IdentityService);
    const associationId = await t.app.get(TransactionService).run(async (tx) =>
      identity.createAccountWithOrganization(tx, {
        email: `association-${Date.now()}@aimatch.or.kr`,
        passwordHash: await identity.hashPassword(TEST_PASSWORD),
        displayName: '협회',
        roles: [PlatformRole.STAFF],
        organization: {
          kind: OrganizationKind.ASSOCIATION,
          nameKo: '한국AI산업협회',
          nameEn: null,
          businessRegistrationNumber: validBrn(),
          verificationStatus: VerificationStatus.VERIFIED,
        },
      }),
    );
    const association = await t.gql(SUSPEND, { i: { organizationId: associationId, reason: '시험' } }, { token: staff.accessToken });
    expect(code(association)).toBe('FORBIDDEN');
    expect(association.errors![0].extensions.reason).toBe('association');

    // A member of a supplier who also became staff.
    const member = await signUpOrganization(t, { kind: OrganizationKind.AI_SUPPLIER });
    await t.app.get(StaffAccountService).createOrPromote({ email: member.email, admin: false });
    const signIn = await t.gql('mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }', {
      i: { email: member.email, password: TEST_PASSWORD },
    });
    // Staff roles count once the new staff member set up two-factor sign-in.
    await enrolTwoFactor(t, signIn.data!.signIn.accessToken);
    const own = await t.gql(
      SUSPEND,
      { i: { organizationId: member.organizationId, reason: '시험' } },
      { token: signIn.data!.signIn.accessToken },
    );
    expect(code(own)).toBe('FORBIDDEN');
    expect(own.errors![0].extensions.reason).toBe('own-organization');
    expect(await status(associationId)).toBe('VERIFIED');
    expect(await status(member.organizationId)).toBe('UNVERIFIED');
  });

  describe('evidence files', () => {
    const WITH_EVIDENCE = `mutation($i: RequestOrganizationVerificationInput!) {
      requestOrganizationVerification(input: $i) { id evidence { id name size contentType } } }`;
    const REVIEW_EVIDENCE = `query($id: ID!) { verificationRequest(id: $id) {
      request { id evidence { id name size contentType downloadUrl } } } }`;
    const STORED = `query($id: ID!) { storedFile(id: $id) { id downloadUrl } }`;
    const upload = async (who: SignedUp, name: string, bytes: Buffer) => {
      const { payload, contentType } = multipartBody(name, bytes);
      const res = await t.app.inject({
        method: 'POST',
        url: '/files?kind=evidence',
        headers: { 'content-type': contentType, authorization: `Bearer ${who.accessToken}`, 'accept-language': 'ko' },
        payload,
      });
      return { status: res.statusCode, body: res.json<{ id: string; errors?: GqlResponse['errors'] }>() };
    };
    const requestsOf = async (organizationId: string) =>
      (await ds.query('SELECT count(*)::int AS n FROM verification_requests WHERE organization_id = $1', [organizationId]))[0].n as number;

    it('staff see a request’s PDF and download it through the signed link; a member of another organization cannot', async () => {
      const supplier = await signUpOrganization(t, { kind: OrganizationKind.AI_SUPPLIER });
      const other = await signUpOrganization(t, { kind: OrganizationKind.AI_SUPPLIER });
      const pdf = samples.pdf();
      const uploaded = await upload(supplier, '사업자등록증.pdf', pdf);
      expect(uploaded.status).toBe(201);
      const asked = await t.gql(
        WITH_EVIDENCE,
        { i: { organizationId: supplier.organizationId, note: '사업자등록증', evidenceFileIds: [uploaded.body.id] } },
        { token: supplier.accessToken },
      );
      expect(asked.errors).toBeUndefined();
      const req = asked.data!.requestOrganizationVerification;
      expect(req.evidence).toEqual([{ id: uploaded.body.id, name: '사업자등록증.pdf', size: pdf.length, contentType: 'application/pdf' }]);

      const review = await t.gql(REVIEW_EVIDENCE, { id: req.id }, { token: staff.accessToken });
      expect(review.errors).toBeUndefined();
      const [file] = review.data!.verificationRequest.request.evidence;
      expect(file).toMatchObject({
        id: uploaded.body.id,
        contentType: 'application/pdf',
        downloadUrl: expect.stringMatching(/^\/files\//),
      });
      const download = await t.app.inject({ method: 'GET', url: file.downloadUrl });
      expect(download.statusCode).toBe(200);
      expect(download.rawPayload.equals(pdf)).toBe(true);

      // The organization's own member may download it too; a member of another organization may not.
      const mine = await t.gql(STORED, { id: file.id }, { token: supplier.accessToken });
      expect(mine.data!.storedFile.downloadUrl).toEqual(expect.any(String));
      const foreign = await t.gql(STORED, { id: file.id }, { token: other.accessToken });
      expect(code(foreign)).toBe('FORBIDDEN');
    });

    it('refuses an .exe renamed .pdf at upload', async () => {
      const supplier = await signUpOrganization(t, { kind: OrganizationKind.AI_SUPPLIER });
      const res = await upload(supplier, '사업자등록증.pdf', samples.exe());
      expect(res.status).toBe(400);
      expect(res.body.errors![0].extensions.fields!.map((f) => f.rule)).toEqual(['file-type']);
      expect((await ds.query('SELECT count(*)::int AS n FROM files WHERE uploaded_by = $1', [supplier.userId]))[0].n).toBe(0);
    });

    it('refuses another user’s file id (and more than 10 ids) and stores nothing', async () => {
      const supplier = await signUpOrganization(t, { kind: OrganizationKind.AI_SUPPLIER });
      const other = await signUpOrganization(t, { kind: OrganizationKind.AI_SUPPLIER });
      const mine = (await upload(supplier, 'mine.pdf', samples.pdf())).body.id;
      const theirs = (await upload(other, 'theirs.pdf', samples.pdf())).body.id;
      const refused = await t.gql(
        WITH_EVIDENCE,
        { i: { organizationId: supplier.organizationId, evidenceFileIds: [mine, theirs] } },
        { token: supplier.accessToken },
      );
      expect(code(refused)).toBe('FORBIDDEN');
      expect(refused.errors![0].message).toBe('직접 올린 파일만 첨부할 수 있습니다.');
      expect(await requestsOf(supplier.organizationId)).toBe(0);
      expect(await status(supplier.organizationId)).toBe('UNVERIFIED');
      expect(await ds.query('SELECT owner_type FROM files WHERE id = ANY($1)', [[mine, theirs]])).toEqual([
        { owner_type: null },
        { owner_type: null },
      ]);

      const tooMany = await t.gql(
        WITH_EVIDENCE,
        { i: { organizationId: supplier.organizationId, evidenceFileIds: Array.from({ length: 11 }, () => mine) } },
        { token: supplier.accessToken },
      );
      expect(fields(tooMany)).toEqual([['evidenceFileIds', 'max-items']]);
      expect(await requestsOf(supplier.organizationId)).toBe(0);
    });
  });
});
