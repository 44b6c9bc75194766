import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { bootTestApp, type GqlResponse, signInStaff, signUpOrganization, type SignedUp, type TestApp } from '@aimatch/api-testing';
import { OrganizationKind } from '@aimatch/contracts';
import { DataSource } from 'typeorm';
import { Clock } from '../../../common/clock';
import { JobScheduler } from '../../../common/scheduling/job-scheduler.service';
import { multipartBody, samples } from '../../files/__tests__/sample-files';
import { addDays, koreanDay } from '../certification-dates';
import { CERTIFICATIONS_SWEEP_JOB } from '../certification.jobs';
import { CertificationRepository } from '../certification.repository';

const VENTURE = 'urn:aimatch:certification:venture-company';
const ISO = 'urn:aimatch:certification:iso-27001';
const RND = 'urn:aimatch:certification:rnd-center';

const CLAIM = `mutation($i: ClaimCertificationInput!) { claimCertification(input: $i) {
  id status conceptId labelKo labelEn issuedOn expiresOn certificateNumber waitingSeconds evidence { id name } } }`;
const DECIDE = `mutation($i: DecideCertificationClaimInput!) { decideCertificationClaim(input: $i) { id status decisionReason decidedAt } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawCertificationClaim(id: $id) { id status } }`;
const QUEUE = `query { certificationQueue(first: 50) { totalCount edges { node { id waitingSeconds labelKo organization { id } } } } }`;
const ORG = `query($id: ID!) { organization(id: $id) { id certifications { conceptId labelKo labelEn expiresOn }
  certificationClaims { id status decisionReason expiresOn expiringSoon evidence { id downloadUrl } } } }`;

const code = (res: GqlResponse) => res.errors?.[0]?.extensions.code;
const fields = (res: GqlResponse) => (res.errors?.[0]?.extensions.fields ?? []).map((f) => [f.path, f.rule]);

describe('certification claims', () => {
  let t: TestApp;
  let ds: DataSource;
  let clock: Clock;
  let staff: { accessToken: string; userId: string };
  const today = () => koreanDay(clock.now());

  const upload = async (who: SignedUp, name = '벤처기업확인서.pdf') => {
    const { payload, contentType } = multipartBody(name, samples.pdf());
    const res = await t.app.inject({
      method: 'POST',
      url: '/files?kind=evidence',
      headers: { 'content-type': contentType, authorization: `Bearer ${who.accessToken}` },
      payload,
    });
    expect(res.statusCode).toBe(201);
    return res.json<{ id: string }>().id;
  };
  const claim = async (who: SignedUp, over: Record<string, unknown> = {}) =>
    t.gql(
      CLAIM,
      {
        i: {
          organizationId: who.organizationId,
          conceptId: VENTURE,
          issuedOn: addDays(today(), -100),
          expiresOn: addDays(today(), 200),
          certificateNumber: '제20260001호',
          evidenceFileIds: [await upload(who)],
          ...over,
        },
      },
      { token: who.accessToken },
    );
  const decide = (claimId: string, decision: string, reason?: string, token = staff.accessToken) =>
    t.gql(DECIDE, { i: { claimId, decision, reason } }, { token });
  const org = (who: SignedUp, token = who.accessToken) => t.gql(ORG, { id: who.organizationId }, { token });
  const claimsOf = async (organizationId: string) =>
    (await ds.query('SELECT count(*)::int AS n FROM certification_claims WHERE organization_id = $1', [organizationId]))[0].n as number;
  const notifications = (userId: string, type: string) =>
    ds.query(`SELECT payload, link_type AS "linkType", link_id AS "linkId" FROM notifications WHERE user_id = $1 AND type = $2`, [
      userId,
      type,
    ]);
  const withClockAt = async <T>(at: Date, run: () => Promise<T>): Promise<T> => {
    const real = clock.now.bind(clock);
    clock.now = () => at;
    try {
      return await run();
    } finally {
      clock.now = real;
    }
  };

  beforeAll(async () => {
    t = await bootTestApp();
    ds = t.app.get(DataSource);
    clock = t.app.get(Clock);
    staff = await signInStaff(t);
  });
  afterAll(() => t.close());

  it('an owner claims 벤처기업 with a PDF; staff see it in the queue, verify it (audited, notified) and the chip shows', async () => {
    const supplier = await signUpOrganization(t, { kind: OrganizationKind.AI_SUPPLIER });
    const claimed = await claim(supplier);
    expect(claimed.errors).toBeUndefined();
    const c = claimed.data!.claimCertification;
    expect(c).toMatchObject({ status: 'PENDING', conceptId: VENTURE, labelKo: '벤처기업 확인', certificateNumber: '제20260001호' });
    expect(c.evidence).toHaveLength(1);
    expect(await notifications(staff.userId, 'CERTIFICATION_CLAIMED')).toEqual([
      expect.objectContaining({ linkType: 'CERTIFICATION_CLAIM', linkId: c.id }),
    ]);

    const queue = await t.gql(QUEUE, {}, { token: staff.accessToken });
    expect(queue.data!.certificationQueue.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(c.id);
    expect(code(await t.gql(QUEUE, {}, { token: supplier.accessToken }))).toBe('FORBIDDEN');

    // Members see their own claim and its evidence; nobody sees a chip yet.
    const mine = await org(supplier);
    expect(mine.data!.organization.certifications).toEqual([]);
    expect(mine.data!.organization.certificationClaims[0]).toMatchObject({ id: c.id, status: 'PENDING' });
    expect(mine.data!.organization.certificationClaims[0].evidence[0].downloadUrl).toEqual(expect.any(String));
    const other = await signUpOrganization(t, { kind: OrganizationKind.SME });
    expect((await org(supplier, other.accessToken)).data!.organization.certificationClaims).toEqual([]);

    expect(code(await decide(c.id, 'VERIFIED', undefined, supplier.accessToken))).toBe('FORBIDDEN');
    const verified = await decide(c.id, 'VERIFIED');
    expect(verified.errors).toBeUndefined();
    expect(verified.data!.decideCertificationClaim.status).toBe('VERIFIED');
    const audit = await ds.query(
      `SELECT actor_user_id AS actor, details FROM audit_log WHERE action = 'certification.decided' AND subject_id = $1`,
      [supplier.organizationId],
    );
    expect(audit).toEqual([
      expect.objectContaining({
        actor: staff.userId,
        details: expect.objectContaining({ claimId: c.id, before: { claimStatus: 'PENDING' }, after: { claimStatus: 'VERIFIED' } }),
      }),
    ]);
    expect(await notifications(supplier.userId, 'CERTIFICATION_DECIDED')).toHaveLength(1);

    // The chip is public.
    const seen = await org(supplier, other.accessToken);
    expect(seen.data!.organization.certifications).toEqual([
      { conceptId: VENTURE, labelKo: '벤처기업 확인', labelEn: expect.any(String), expiresOn: addDays(today(), 200) },
    ]);

    const again = await decide(c.id, 'REJECTED', '다시');
    expect(code(again)).toBe('CONFLICT');
    expect((await ds.query('SELECT status FROM certification_claims WHERE id = $1', [c.id]))[0].status).toBe('VERIFIED');
  });

  it('refuses bad input with typed errors and stores nothing', async () => {
    const owner = await signUpOrganization(t, { kind: OrganizationKind.AI_SUPPLIER });
    expect(fields(await claim(owner, { conceptId: 'urn:aimatch:certification:nope' }))).toEqual([['conceptId', 'unknown-concept']]);
    expect(fields(await claim(owner, { conceptId: 'urn:aimatch:industry:agriculture' }))).toEqual([['conceptId', 'wrong-scheme']]);
    expect(fields(await claim(owner, { issuedOn: addDays(today(), -10), expiresOn: addDays(today(), -20) }))).toEqual([
      ['expiresOn', 'not-before'],
    ]);
    expect(fields(await claim(owner, { expiresOn: addDays(today(), -1) }))).toEqual([['expiresOn', 'not-past']]);
    expect(fields(await claim(owner, { issuedOn: addDays(today(), 1) }))).toEqual([['issuedOn', 'not-future']]);
    expect(fields(await claim(owner, { expiresOn: null }))).toEqual([['expiresOn', 'required']]);
    expect(fields(await claim(owner, { expiresOn: '2026-02-30' }))).toEqual([['expiresOn', 'format']]);
    expect(fields(await claim(owner, { evidenceFileIds: [] }))).toEqual([['evidenceFileIds', 'required']]);
    const stranger = await signUpOrganization(t, { kind: OrganizationKind.AI_SUPPLIER });
    const theirs = await upload(stranger);
    const foreignFile = await claim(owner, { evidenceFileIds: [theirs] });
    expect(code(foreignFile)).toBe('FORBIDDEN');
    expect(code(await claim(stranger, { organizationId: owner.organizationId }))).toBe('FORBIDDEN');
    expect(await claimsOf(owner.organizationId)).toBe(0);
    expect((await ds.query('SELECT owner_type FROM files WHERE id = $1', [theirs]))[0].owner_type).toBeNull();

    // 기업부설연구소 has no fixed end: no expiry date needed.
    const rnd = await claim(owner, { conceptId: RND, expiresOn: null });
    expect(rnd.errors).toBeUndefined();
    expect(rnd.data!.claimCertification.expiresOn).toBeNull();

    // One open claim per certification; a withdrawn one frees the slot.
    const first = await claim(owner, { conceptId: ISO });
    expect(first.errors).toBeUndefined();
    expect(code(await claim(owner, { conceptId: ISO }))).toBe('CONFLICT');
    expect(fields(await decide(first.data!.claimCertification.id, 'REJECTED'))).toEqual([['reason', 'required']]);
    const withdrawn = await t.gql(WITHDRAW, { id: first.data!.claimCertification.id }, { token: owner.accessToken });
    expect(withdrawn.data!.withdrawCertificationClaim.status).toBe('WITHDRAWN');
    expect(code(await decide(first.data!.claimCertification.id, 'VERIFIED'))).toBe('CONFLICT');
    expect((await claim(owner, { conceptId: ISO })).errors).toBeUndefined();
    expect(await claimsOf(owner.organizationId)).toBe(3);
  });

  it('the sweep warns once 30 days before expiry and lapses the claim after its expiry day', async () => {
    const owner = await signUpOrganization(t, { kind: OrganizationKind.AI_SUPPLIER });
    const expiresOn = addDays(today(), 40);
    const c = (await claim(owner, { expiresOn })).data!.claimCertification;
    expect((await decide(c.id, 'VERIFIED')).errors).toBeUndefined();
    const sweep = () => t.app.get(JobScheduler).runNow(CERTIFICATIONS_SWEEP_JOB);
    const daysFromNow = (days: number) => new Date(clock.now().getTime() + days * 86_400_000);

    await sweep();
    expect(await notifications(owner.userId, 'CERTIFICATION_EXPIRING')).toHaveLength(0);

    await withClockAt(daysFromNow(15), async () => {
      expect(await sweep()).toMatchObject({ status: 'ran' });
      await sweep();
      const warned = await org(owner);
      expect(warned.data!.organization.certificationClaims[0]).toMatchObject({ status: 'VERIFIED', expiringSoon: true });
    });
    const warnings = await notifications(owner.userId, 'CERTIFICATION_EXPIRING');
    expect(warnings).toHaveLength(1);
    expect(warnings[0].payload).toMatchObject({ claimId: c.id, expiresOn, certificationKo: '벤처기업 확인' });

    await withClockAt(daysFromNow(42), async () => {
      await sweep();
      const lapsed = await org(owner);
      expect(lapsed.data!.organization.certifications).toEqual([]);
      expect(lapsed.data!.organization.certificationClaims[0]).toMatchObject({ status: 'EXPIRED', expiringSoon: false });
    });
    expect(await notifications(owner.userId, 'CERTIFICATION_EXPIRED')).toHaveLength(1);
  });
  it('resolves the chips of many organizations in one request with one query (DataLoader, no N+1)', async () => {
    const a = await signUpOrganization(t, { kind: OrganizationKind.AI_SUPPLIER });
    const b = await signUpOrganization(t, { kind: OrganizationKind.AI_SUPPLIER });
    for (const who of [a, b]) {
      const id = (await claim(who)).data!.claimCertification.id as string;
      expect((await decide(id, 'VERIFIED')).errors).toBeUndefined();
    }
    const spy = jest.spyOn(t.app.get(CertificationRepository), 'verifiedOf');
    try {
      const res = await t.gql(
        `query($a: ID!, $b: ID!) { a: organization(id: $a) { certifications { conceptId } } b: organization(id: $b) { certifications { conceptId } } }`,
        { a: a.organizationId, b: b.organizationId },
        { token: staff.accessToken },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.a.certifications).toEqual([{ conceptId: VENTURE }]);
      expect(res.data!.b.certifications).toEqual([{ conceptId: VENTURE }]);
      expect(spy).toHaveBeenCalledTimes(1);
    } finally {
      spy.mockRestore();
    }
  });
  it('refuses to verify a claim whose certificate expired while it waited', async () => {
    const owner = await signUpOrganization(t, { kind: OrganizationKind.AI_SUPPLIER });
    const id = (await claim(owner, { expiresOn: addDays(today(), 5) })).data!.claimCertification.id as string;
    const later = new Date(clock.now().getTime() + 10 * 86_400_000);
    const res = await withClockAt(later, () => decide(id, 'VERIFIED'));
    expect(code(res)).toBe('CONFLICT');
    expect(res.errors![0].message).toContain(addDays(today(), 5));
    expect((await ds.query('SELECT status FROM certification_claims WHERE id = $1', [id]))[0].status).toBe('PENDING');
  });
});
