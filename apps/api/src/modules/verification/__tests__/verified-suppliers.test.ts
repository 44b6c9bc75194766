import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bootTestApp, type GqlResponse, signInStaff, signUpOrganization, type SignedUp, type TestApp } from '@aimatch/api-testing';
import { OrganizationKind } from '@aimatch/contracts';
import { DataSource } from 'typeorm';
import { Clock } from '../../../common/clock';
import { addDays } from '../certification-dates';

const LIST = `query($f: VerifiedSupplierFilter, $first: Int, $after: String) { verifiedSuppliers(filter: $f, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { organizationId kind nameKo businessRegistrationNumber regionId regionLabel
  verifiedAt certifications { conceptId label expiresOn } } } } }`;
const EXPORT = `mutation($f: VerifiedSupplierFilter) { exportVerifiedSuppliers(filter: $f) { filename csv rowCount } }`;
const REQUEST = `mutation($i: RequestOrganizationVerificationInput!) { requestOrganizationVerification(input: $i) { id } }`;
const DECIDE = `mutation($i: DecideVerificationInput!) { decideVerification(input: $i) { id status } }`;
const VENTURE = 'urn:aimatch:certification:venture-company';

const code = (res: GqlResponse) => res.errors?.[0]?.extensions.code;
const fields = (res: GqlResponse) => (res.errors?.[0]?.extensions.fields ?? []).map((f) => [f.path, f.rule]);
type Node = { organizationId: string; nameKo: string; verifiedAt: string | null; certifications: Array<{ conceptId: string }> };
const nodes = (res: GqlResponse) =>
  (res.data as { verifiedSuppliers: { edges: Array<{ node: Node }> } }).verifiedSuppliers.edges.map((e) => e.node);

describe('the verified AI-supplier list and its CSV export', () => {
  let t: TestApp;
  let ds: DataSource;
  let staff: { accessToken: string; userId: string };
  let ai: SignedUp;
  let si: SignedUp;
  let pendingSupplier: SignedUp;
  let sme: SignedUp;
  let today: string;
  const tag = `검증${Date.now()}`;

  const verify = async (who: SignedUp) => {
    const asked = await t.gql(REQUEST, { i: { organizationId: who.organizationId, note: '검증 요청' } }, { token: who.accessToken });
    const id = (asked.data as { requestOrganizationVerification: { id: string } }).requestOrganizationVerification.id;
    const decided = await t.gql(DECIDE, { i: { requestId: id, decision: 'VERIFIED' } }, { token: staff.accessToken });
    expect(decided.errors).toBeUndefined();
  };
  const ours = (res: GqlResponse) => nodes(res).filter((n) => n.nameKo.includes(tag));

  beforeAll(async () => {
    t = await bootTestApp();
    ds = t.app.get(DataSource);
    today = t.app.get(Clock).today();
    staff = await signInStaff(t);
    ai = await signUpOrganization(t, {
      kind: OrganizationKind.AI_SUPPLIER,
      nameKo: `가 ${tag} 비전`,
      regionId: 'urn:aimatch:region:gyeongnam',
    });
    si = await signUpOrganization(t, {
      kind: OrganizationKind.SI_INTEGRATOR,
      nameKo: `나 ${tag} 통합`,
      regionId: 'urn:aimatch:region:seoul',
    });
    pendingSupplier = await signUpOrganization(t, { kind: OrganizationKind.AI_SUPPLIER, nameKo: `다 ${tag} 대기` });
    sme = await signUpOrganization(t, { kind: OrganizationKind.SME, nameKo: `라 ${tag} 제조` });
    await verify(ai);
    await verify(si);
    await verify(sme);
    // A name that a spreadsheet would run as a formula (names are validated at sign-up; the test writes it directly).
    await ds.query(`UPDATE organizations SET name_ko = $2 WHERE id = $1`, [si.organizationId, `=HYPERLINK("x") ${tag}`]);
    await ds.query(
      `INSERT INTO certification_claims (organization_id, concept_id, issued_on, expires_on, note, status, decided_at)
        VALUES ($1, $2, $3::date, $4::date, '', 'VERIFIED', now())`,
      [ai.organizationId, VENTURE, addDays(today, -30), addDays(today, 300)],
    );
  });
  afterAll(() => t.close());

  it('lists verified AI suppliers and SI integrators only, with BRN, region, certifications and the verification date', async () => {
    const res = await t.gql(LIST, { first: 100 }, { token: staff.accessToken });
    expect(res.errors).toBeUndefined();
    const mine = ours(res);
    expect(mine.map((n) => n.organizationId).sort()).toEqual([ai.organizationId, si.organizationId].sort());
    expect(mine.map((n) => n.organizationId)).not.toContain(pendingSupplier.organizationId);
    const a = mine.find((n) => n.organizationId === ai.organizationId)!;
    expect(a).toMatchObject({
      kind: 'AI_SUPPLIER',
      regionId: 'urn:aimatch:region:gyeongnam',
      regionLabel: expect.any(String),
      businessRegistrationNumber: expect.stringMatching(/^\d{3}-\d{2}-\d{5}$/),
      verifiedAt: expect.any(String),
      certifications: [{ conceptId: VENTURE, label: expect.any(String), expiresOn: addDays(today, 300) }],
    });
  });

  it('filters by kind, region, certification and verification day; pages with a cursor', async () => {
    const by = async (f: Record<string, unknown>) => ours(await t.gql(LIST, { f, first: 100 }, { token: staff.accessToken }));
    expect((await by({ kinds: ['SI_INTEGRATOR'] })).map((n) => n.organizationId)).toEqual([si.organizationId]);
    expect((await by({ regionId: 'urn:aimatch:region:gyeongnam' })).map((n) => n.organizationId)).toEqual([ai.organizationId]);
    expect((await by({ certificationId: VENTURE })).map((n) => n.organizationId)).toEqual([ai.organizationId]);
    expect(await by({ verifiedSince: addDays(today, 1) })).toEqual([]);
    expect((await by({ verifiedSince: today })).length).toBe(2);

    const first = await t.gql(LIST, { first: 1 }, { token: staff.accessToken });
    const page = (first.data as { verifiedSuppliers: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string } } })
      .verifiedSuppliers;
    expect(page.totalCount).toBeGreaterThanOrEqual(2);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const second = await t.gql(LIST, { first: 1, after: page.pageInfo.endCursor }, { token: staff.accessToken });
    expect(nodes(second)[0].organizationId).not.toBe(nodes(first)[0].organizationId);
  });

  it('refuses bad filters with typed field errors', async () => {
    const list = (f: Record<string, unknown>) => t.gql(LIST, { f }, { token: staff.accessToken });
    expect(fields(await list({ kinds: ['SME'] }))).toEqual([['filter.kinds', 'enum']]);
    expect(fields(await list({ regionId: VENTURE }))).toEqual([['filter.regionId', 'wrong-scheme']]);
    expect(fields(await list({ certificationId: 'urn:aimatch:region:seoul' }))).toEqual([['filter.certificationId', 'wrong-scheme']]);
    expect(fields(await list({ verifiedSince: '2026-02-30' }))).toEqual([['filter.verifiedSince', 'format']]);
  });

  it('is for staff only: members of organizations and anonymous callers are refused', async () => {
    for (const token of [ai.accessToken, sme.accessToken]) {
      expect(code(await t.gql(LIST, {}, { token }))).toBe('FORBIDDEN');
      expect(code(await t.gql(EXPORT, {}, { token }))).toBe('FORBIDDEN');
    }
    expect(code(await t.gql(LIST, {}))).toBe('UNAUTHENTICATED');
    expect(code(await t.gql(EXPORT, {}))).toBe('UNAUTHENTICATED');
  });

  it('exports CSV with a BOM and neutralised formula cells, and audits the filter and the row count', async () => {
    const f = { kinds: ['AI_SUPPLIER', 'SI_INTEGRATOR'], verifiedSince: today };
    const res = await t.gql(EXPORT, { f }, { token: staff.accessToken });
    expect(res.errors).toBeUndefined();
    const out = (res.data as { exportVerifiedSuppliers: { filename: string; csv: string; rowCount: number } }).exportVerifiedSuppliers;
    expect(out.filename).toBe(`verified-suppliers-${today}.csv`);
    expect(out.csv.startsWith('\uFEFF기업명,')).toBe(true);
    expect(out.csv).toContain('\r\n');
    const lines = out.csv.split('\r\n').filter(Boolean);
    expect(lines.length).toBe(out.rowCount + 1);
    const siLine = lines.find((l) => l.includes(tag) && l.includes('HYPERLINK'))!;
    expect(siLine.startsWith(`"'=HYPERLINK(""x"")`)).toBe(true);
    const aiLine = lines.find((l) => l.includes(`가 ${tag}`))!;
    expect(aiLine).toContain(addDays(today, 300));
    expect(aiLine).toContain(today);

    const audit = await ds.query(`SELECT actor_user_id AS actor, details FROM audit_log WHERE action = 'verified-suppliers.exported'`);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actor: staff.userId,
      details: {
        filter: { kinds: ['AI_SUPPLIER', 'SI_INTEGRATOR'], regionId: null, certificationId: null, verifiedSince: today },
        rowCount: out.rowCount,
      },
    });
  });
});
