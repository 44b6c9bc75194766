import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  bootTestApp,
  currentConsents,
  createSupply,
  signInAs,
  signInStaff,
  signUpOrganization,
  type TestApp,
  TEST_PASSWORD,
  validBrn,
  verifyEmailFromMail,
} from '@aimatch/api-testing';
import { DataSource } from 'typeorm';
import { JobScheduler } from '../../../common/scheduling/job-scheduler.service';
import { TRUST_SCAN_JOB } from '../trust.service';

const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { email } }`;
const CASE = `query($id: ID!) { trustCase(organizationId: $id) {
  organization { id nameKo } signals { id kind status evidence relatedOrganizationIds relatedOrganizations { id } } trail { action reason actorUserId } } }`;

describe('trust & safety signals and cases', () => {
  let t: TestApp;
  let staff: { accessToken: string; userId: string };
  let n = 0;
  /** A sign-up from its own network address (the test client is the loopback proxy TRUST_PROXY names, so X-Forwarded-For is the client address). */
  const signUpFrom = async (ip: string, nameKo: string, email = `trust${++n}-${Date.now()}@example.kr`) => {
    const res = await t.gql(
      SIGN_UP,
      {
        input: {
          email,
          password: TEST_PASSWORD,
          displayName: `사용자 ${n}`,
          organization: { kind: 'AI_SUPPLIER', nameKo, businessRegistrationNumber: validBrn(), regionId: 'urn:aimatch:region:seoul' },
          consents: currentConsents(),
        },
      },
      { headers: { 'x-forwarded-for': ip } },
    );
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    await verifyEmailFromMail(t, email);
    const session = await signInAs(t, email);
    return { ...session, organizationId: session.organizationId!, refreshToken: '' };
  };
  const scan = async () =>
    (await t.app.get(JobScheduler).runNow(TRUST_SCAN_JOB)) as { status: string; result: { found: number; added: number } };
  const caseOf = async (id: string) => {
    const res = await t.gql(CASE, { id }, { token: staff.accessToken });
    expect(res.errors).toBeUndefined();
    return res.data!.trustCase as {
      signals: Array<{ id: string; kind: string; status: string; evidence: string; relatedOrganizationIds: string[] }>;
      trail: Array<{ action: string; reason: string | null }>;
    };
  };

  beforeAll(async () => {
    t = await bootTestApp({ env: { TRUST_PROXY: 'loopback' } });
    staff = await signInStaff(t);
  });
  afterAll(() => t.close());

  it("two organizations sharing a phone, one copying the other's verified name: one case each with the right signals; a re-scan adds nothing", async () => {
    const original = await signUpFrom('203.0.113.10', '(주)한빛에이아이랩');
    await t.app.get(DataSource).query(`UPDATE organizations SET verification_status = 'VERIFIED' WHERE id = $1`, [original.organizationId]);
    const copy = await signUpFrom('203.0.113.11', '한빛에이아이렙 주식회사');
    await createSupply(t, original, { contact: { name: '영업팀', email: 'sales@hanbit-ai.co.kr', phone: '02-555-0101' } });
    await createSupply(t, copy, { contact: { name: '영업', email: 'help@naver.com', phone: '+82 2 555 0101' } });

    const first = await scan();
    expect(first.status).toBe('ran');
    const a = await caseOf(original.organizationId);
    const b = await caseOf(copy.organizationId);
    expect(a.signals.map((s) => s.kind).sort()).toEqual(['SHARED_CONTACT']);
    expect(a.signals[0].relatedOrganizationIds).toEqual([copy.organizationId]);
    expect(JSON.parse(a.signals[0].evidence)).toMatchObject({ type: 'phone', value: '025550101' });
    expect(b.signals.map((s) => s.kind).sort()).toEqual(['LOOKALIKE_NAME', 'SHARED_CONTACT']);
    const look = b.signals.find((s) => s.kind === 'LOOKALIKE_NAME')!;
    expect(look.relatedOrganizationIds).toEqual([original.organizationId]);
    expect(JSON.parse(look.evidence)).toMatchObject({ distance: 1 });

    const cases = await t.gql(
      '{ trustCases(first: 50) { totalCount edges { node { organizationId openCount counts { kind count } } } } }',
      {},
      { token: staff.accessToken },
    );
    const mine = cases
      .data!.trustCases.edges.map((e: any) => e.node)
      .filter((c: any) => [original.organizationId, copy.organizationId].includes(c.organizationId));
    expect(mine).toHaveLength(2);
    expect(mine.find((c: any) => c.organizationId === copy.organizationId).counts).toEqual([
      { kind: 'LOOKALIKE_NAME', count: 1 },
      { kind: 'SHARED_CONTACT', count: 1 },
    ]);

    const again = await scan();
    expect(again.result.added).toBe(0);
    const [{ count }] = await t.app
      .get(DataSource)
      .query(`SELECT count(*)::int AS count FROM trust_signals WHERE organization_id = ANY($1)`, [
        [original.organizationId, copy.organizationId],
      ]);
    expect(count).toBe(3);
  });

  it('accounts signed up in a burst from one address are flagged', async () => {
    const orgs = [];
    for (let i = 0; i < 5; i++) orgs.push(await signUpFrom('198.51.100.7', `버스트 테스트 ${i} 상사`));
    await scan();
    const c = await caseOf(orgs[4].organizationId);
    const burst = c.signals.find((s) => s.kind === 'BURST_REGISTRATION');
    expect(burst).toBeDefined();
    expect(JSON.parse(burst!.evidence)).toMatchObject({ rule: 'accounts-per-address', address: '198.51.100.7', accounts: 5 });
    expect(burst!.relatedOrganizationIds).toHaveLength(4);
  });

  it('near-identical bid texts from different organizations (brokers) are flagged on both', async () => {
    const one = await signUpFrom('203.0.113.30', '제안서대행 하나');
    const two = await signUpFrom('203.0.113.31', '전혀다른 둘');
    const approach =
      '당사는 제조 현장의 비전 검사 자동화를 위해 딥러닝 기반 불량 검출 모델을 구축하고, 기존 MES와 연동하여 실시간 품질 관리를 제공합니다. 데이터 라벨링부터 모델 운영까지 전 과정을 책임집니다.';
    const demand = (await t.app.get(DataSource).query(`SELECT id FROM listings LIMIT 1`))[0].id;
    for (const [org, text] of [
      [one, approach],
      [two, `${approach} 감사합니다.`],
    ] as const)
      await t.app
        .get(DataSource)
        .query(
          `INSERT INTO bids (demand_id, organization_id, status, amount_krw, duration_weeks, approach, submitted_at, revision) VALUES ($1, $2, 'SUBMITTED', 1000000, 4, $3, now(), 1)`,
          [demand, org.organizationId, text],
        );
    await scan();
    for (const [org, other] of [
      [one, two],
      [two, one],
    ]) {
      const dup = (await caseOf(org.organizationId)).signals.find((s) => s.kind === 'NEAR_DUPLICATE_TEXT');
      expect(dup?.relatedOrganizationIds).toEqual([other.organizationId]);
    }
  });

  it('dismiss, warn and suspend act on the case, are audited and shown as its trail; non-staff are refused', async () => {
    const victim = await signUpFrom('203.0.113.40', '누리 데이터 솔루션즈');
    await t.app.get(DataSource).query(`UPDATE organizations SET verification_status = 'VERIFIED' WHERE id = $1`, [victim.organizationId]);
    const copier = await signUpFrom('203.0.113.41', '누리 데이타 솔루션즈');
    await scan();
    const before = await caseOf(copier.organizationId);
    const signal = before.signals.find((s) => s.kind === 'LOOKALIKE_NAME')!;

    const refused = await t.gql(
      'mutation($i: DismissTrustSignalsInput!) { dismissTrustSignals(input: $i) { id } }',
      { i: { ids: [signal.id], reason: 'x' } },
      { token: copier.accessToken },
    );
    expect(refused.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    const noReason = await t.gql(
      'mutation($i: DismissTrustSignalsInput!) { dismissTrustSignals(input: $i) { id } }',
      { i: { ids: [signal.id], reason: '  ' } },
      { token: staff.accessToken },
    );
    expect(noReason.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');

    const dismissed = await t.gql(
      'mutation($i: DismissTrustSignalsInput!) { dismissTrustSignals(input: $i) { id status } }',
      { i: { ids: [signal.id], reason: '상호가 실제로 다름' } },
      { token: staff.accessToken },
    );
    expect(dismissed.data!.dismissTrustSignals).toEqual([{ id: signal.id, status: 'DISMISSED' }]);
    const twice = await t.gql(
      'mutation($i: DismissTrustSignalsInput!) { dismissTrustSignals(input: $i) { id } }',
      { i: { ids: [signal.id], reason: '다시' } },
      { token: staff.accessToken },
    );
    expect(twice.errors?.[0]?.extensions.code).toBe('CONFLICT');
    await scan();
    expect((await caseOf(copier.organizationId)).signals.find((s) => s.id === signal.id)?.status).toBe('DISMISSED');

    const warned = await t.gql(
      'mutation($i: TrustActionInput!) { warnOrganization(input: $i) { action reason } }',
      { i: { organizationId: victim.organizationId, reason: '연락처 공유 해명 요청' } },
      { token: staff.accessToken },
    );
    expect(warned.errors).toBeUndefined();
    expect(warned.data!.warnOrganization[0]).toEqual({ action: 'trust.organization-warned', reason: '연락처 공유 해명 요청' });
    const [note] = await t.app
      .get(DataSource)
      .query(`SELECT type, payload FROM notifications WHERE user_id = $1 AND type = 'ORGANIZATION_WARNED'`, [victim.userId]);
    expect(note.payload).toMatchObject({ reason: '연락처 공유 해명 요청' });

    const suspended = await t.gql(
      'mutation($i: TrustActionInput!) { suspendTrustCase(input: $i) { action } }',
      { i: { organizationId: copier.organizationId, reason: '인증 기관 사칭' } },
      { token: staff.accessToken },
    );
    expect(suspended.errors).toBeUndefined();
    const [org] = await t.app.get(DataSource).query(`SELECT verification_status FROM organizations WHERE id = $1`, [copier.organizationId]);
    expect(org.verification_status).toBe('SUSPENDED');
    const after = await caseOf(copier.organizationId);
    expect(after.trail.map((e) => e.action)).toEqual(['trust.signals-actioned', 'organization.suspended', 'trust.signals-dismissed']);
    expect(after.signals.filter((s) => s.status === 'OPEN')).toEqual([]);
  });

  it('refuses non-staff on every read', async () => {
    const someone = await signUpOrganization(t);
    for (const doc of ['{ trustCases { totalCount } }', '{ trustOpenCaseCount }'])
      expect((await t.gql(doc, {}, { token: someone.accessToken })).errors?.[0]?.extensions.code).toBe('FORBIDDEN');
  });
});
