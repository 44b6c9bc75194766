import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
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
import { DataSource } from 'typeorm';
import { CaseStudiesRepository } from '../case-studies.repository';

const CREATE = `mutation($o: ID!, $i: CaseStudyInput!) { createCaseStudy(organizationId: $o, input: $i) {
  id title client year summary position industry { id labelKo } tasks { id } } }`;
const UPDATE = 'mutation($id: ID!, $i: CaseStudyInput!) { updateCaseStudy(id: $id, input: $i) { id title year client } }';
const DELETE = 'mutation($id: ID!) { deleteCaseStudy(id: $id) }';
const REORDER = 'mutation($o: ID!, $ids: [ID!]!) { reorderCaseStudies(organizationId: $o, ids: $ids) { id position } }';
const LIST = `query($id: ID!, $first: Int, $after: String) { organization(id: $id) {
  caseStudies(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id title position } } } } }`;

const input = (o: Record<string, unknown> = {}) => ({
  title: '식품 포장 라인 이물 검출',
  client: '식품 제조 중소기업',
  industryId: 'urn:aimatch:industry:food-manufacturing',
  year: 2024,
  summary: '포장 라인 카메라 4대로 이물을 검출해 불량 유출을 80% 줄였습니다.',
  taskIds: ['urn:aimatch:task:visual-inspection'],
  ...o,
});
const thisYear = () => new Date(Date.now() + 9 * 3600_000).getUTCFullYear();

describe('case studies on an organization profile (#14 item 2)', () => {
  let t: TestApp;
  let ds: DataSource;
  let supplier: SignedUp;
  let other: SignedUp;
  let sme: SignedUp;
  let memberToken: string;
  let staff: string;

  const codes = (res: { errors?: Array<{ extensions: Record<string, unknown> }> }) => (res.errors ?? []).map((e) => e.extensions.code);
  const fields = (res: { errors?: Array<{ extensions: Record<string, unknown> }> }) => res.errors?.[0]?.extensions.fields;
  const audit = async (action: string, orgId: string) =>
    (
      await ds.query<Array<{ n: number }>>('SELECT count(*)::int AS n FROM audit_log WHERE action = $1 AND subject_id = $2', [
        action,
        orgId,
      ])
    )[0].n;

  beforeAll(async () => {
    t = await bootTestApp();
    ds = t.app.get(DataSource);
    supplier = await signUpOrganization(t, { kind: 'AI_SUPPLIER' as never });
    other = await signUpOrganization(t, { kind: 'AI_SUPPLIER' as never });
    sme = await signUpOrganization(t, { kind: 'SME' as never });
    staff = (await signInStaff(t)).accessToken;
    // A second person in the supplier's organization with the MEMBER role.
    const person = await signUpOrganization(t, { kind: 'SME' as never });
    await ds.query(`INSERT INTO memberships (user_id, organization_id, role) VALUES ($1, $2, 'MEMBER')`, [
      person.userId,
      supplier.organizationId,
    ]);
    memberToken = person.accessToken;
  });
  afterAll(() => t.close());

  it('an owner adds, edits, reorders and deletes case studies, each change audited; others read them in order', async () => {
    const a = await t.gql(CREATE, { o: supplier.organizationId, i: input() }, { token: supplier.accessToken });
    expect(a.errors).toBeUndefined();
    expect(a.data!.createCaseStudy).toMatchObject({
      title: '식품 포장 라인 이물 검출',
      client: '식품 제조 중소기업',
      position: 0,
      industry: { id: 'urn:aimatch:industry:food-manufacturing' },
      tasks: [{ id: 'urn:aimatch:task:visual-inspection' }],
    });
    const b = await t.gql(
      CREATE,
      { o: supplier.organizationId, i: input({ title: '두 번째', client: null }) },
      { token: supplier.accessToken },
    );
    const c = await t.gql(CREATE, { o: supplier.organizationId, i: input({ title: '세 번째' }) }, { token: supplier.accessToken });
    const [idA, idB, idC] = [a, b, c].map((r) => r.data!.createCaseStudy.id as string);
    expect(b.data!.createCaseStudy).toMatchObject({ client: null, position: 1 });
    expect(await audit('case-study.created', supplier.organizationId)).toBe(3);

    const edited = await t.gql(UPDATE, { id: idB, i: input({ title: '두 번째(수정)', year: 2022 }) }, { token: supplier.accessToken });
    expect(edited.data!.updateCaseStudy).toMatchObject({ id: idB, title: '두 번째(수정)', year: 2022 });
    expect(await audit('case-study.updated', supplier.organizationId)).toBe(1);

    const reordered = await t.gql(REORDER, { o: supplier.organizationId, ids: [idC, idA, idB] }, { token: supplier.accessToken });
    expect(reordered.data!.reorderCaseStudies).toEqual([
      { id: idC, position: 0 },
      { id: idA, position: 1 },
      { id: idB, position: 2 },
    ]);
    expect(await audit('case-studies.reordered', supplier.organizationId)).toBe(1);
    // A stale list (one missing) is a CONFLICT and changes nothing.
    expect(codes(await t.gql(REORDER, { o: supplier.organizationId, ids: [idA, idB] }, { token: supplier.accessToken }))).toEqual([
      'CONFLICT',
    ]);

    // Cursor pages in the owners' order, read by another organization.
    const page1 = await t.gql(LIST, { id: supplier.organizationId, first: 2 }, { token: sme.accessToken });
    const conn1 = page1.data!.organization.caseStudies;
    expect(conn1.totalCount).toBe(3);
    expect(conn1.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([idC, idA]);
    expect(conn1.pageInfo.hasNextPage).toBe(true);
    const page2 = await t.gql(LIST, { id: supplier.organizationId, first: 2, after: conn1.pageInfo.endCursor }, { token: sme.accessToken });
    expect(page2.data!.organization.caseStudies.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([idB]);
    expect(page2.data!.organization.caseStudies.pageInfo.hasNextPage).toBe(false);

    const deleted = await t.gql(DELETE, { id: idA }, { token: supplier.accessToken });
    expect(deleted.data!.deleteCaseStudy).toBe(idA);
    expect(await audit('case-study.deleted', supplier.organizationId)).toBe(1);
    expect((await t.gql(LIST, { id: supplier.organizationId }, { token: staff })).data!.organization.caseStudies.totalCount).toBe(2);
    expect(codes(await t.gql(DELETE, { id: idA }, { token: supplier.accessToken }))).toEqual(['NOT_FOUND']);
  });

  it('members, other organizations, staff and anonymous visitors may not change them', async () => {
    const mine = await t.gql(CREATE, { o: supplier.organizationId, i: input({ title: '권한' }) }, { token: supplier.accessToken });
    const id = mine.data!.createCaseStudy.id as string;
    const before = await ds.query('SELECT * FROM case_studies WHERE organization_id = $1 ORDER BY id', [supplier.organizationId]);
    for (const [who, token, code] of [
      ['member', memberToken, 'FORBIDDEN'],
      ['other organization', other.accessToken, 'FORBIDDEN'],
      ['staff', staff, 'FORBIDDEN'],
      ['anonymous', undefined, 'UNAUTHENTICATED'],
    ] as const) {
      const attempts = [
        await t.gql(CREATE, { o: supplier.organizationId, i: input() }, { token }),
        await t.gql(UPDATE, { id, i: input({ title: '남의 사례' }) }, { token }),
        await t.gql(DELETE, { id }, { token }),
        await t.gql(REORDER, { o: supplier.organizationId, ids: [id] }, { token }),
      ];
      expect({ who, codes: attempts.map(codes) }).toEqual({ who, codes: [[code], [code], [code], [code]] });
    }
    expect(await ds.query('SELECT * FROM case_studies WHERE organization_id = $1 ORDER BY id', [supplier.organizationId])).toEqual(before);
    // The member reads them like any signed-in user; anonymous visitors do not see the profile at all.
    expect((await t.gql(LIST, { id: supplier.organizationId }, { token: memberToken })).data!.organization.caseStudies.totalCount).toBe(
      before.length,
    );
    expect(codes(await t.gql(LIST, { id: supplier.organizationId }))).toEqual(['UNAUTHENTICATED']);
  });

  it('enforces the limits: lengths, concepts, the year range and at most 30 per organization', async () => {
    const org = await signUpOrganization(t, { kind: 'AI_SUPPLIER' as never });
    await t.gql(
      'mutation($i: UpdateOrganizationInput!) { updateMyOrganization(input: $i) { id } }',
      {
        i: { organizationId: org.organizationId, foundedYear: 2015 },
      },
      { token: org.accessToken },
    );
    const attempt = (o: Record<string, unknown>) => t.gql(CREATE, { o: org.organizationId, i: input(o) }, { token: org.accessToken });
    expect(fields(await attempt({ title: '가'.repeat(121) }))).toEqual([expect.objectContaining({ path: 'title', rule: 'max-length' })]);
    expect(fields(await attempt({ title: '   ' }))).toEqual([expect.objectContaining({ path: 'title', rule: 'required' })]);
    expect(fields(await attempt({ client: '나'.repeat(121) }))).toEqual([expect.objectContaining({ path: 'client', rule: 'max-length' })]);
    expect(fields(await attempt({ summary: '다'.repeat(2001) }))).toEqual([
      expect.objectContaining({ path: 'summary', rule: 'max-length', message: expect.stringContaining('2,000') }),
    ]);
    expect(fields(await attempt({ year: 2014 }))).toEqual([expect.objectContaining({ path: 'year', rule: 'min-value' })]);
    expect(fields(await attempt({ year: thisYear() + 1 }))).toEqual([expect.objectContaining({ path: 'year', rule: 'max-value' })]);
    expect(fields(await attempt({ industryId: 'urn:aimatch:task:visual-inspection' }))).toEqual([
      expect.objectContaining({ path: 'industryId', rule: 'wrong-scheme' }),
    ]);
    expect(fields(await attempt({ taskIds: ['urn:aimatch:industry:manufacturing'] }))).toEqual([
      expect.objectContaining({ path: 'taskIds.0', rule: 'wrong-scheme' }),
    ]);
    expect(await ds.query('SELECT id FROM case_studies WHERE organization_id = $1', [org.organizationId])).toEqual([]);

    expect((await attempt({ year: 2015 })).errors).toBeUndefined();
    expect((await attempt({ year: thisYear() })).errors).toBeUndefined();
    for (let i = 2; i < 30; i++) expect((await attempt({ title: `사례 ${i}` })).errors).toBeUndefined();
    const full = await attempt({ title: '서른한 번째' });
    expect(codes(full)).toEqual(['CONFLICT']);
    expect(full.errors![0].message).toContain('30');
  });

  it('shows outsiders the public profile: facts, verified certifications only, published listings page by page, no members', async () => {
    await t.gql(
      'mutation($i: UpdateOrganizationInput!) { updateMyOrganization(input: $i) { id } }',
      {
        i: { organizationId: other.organizationId, foundedYear: 2018, website: 'https://other.example.kr', employeeBand: 'SIZE_10_49' },
      },
      { token: other.accessToken },
    );
    await ds.query(
      `INSERT INTO certification_claims (organization_id, concept_id, issued_on, expires_on, status, decided_at)
       VALUES ($1, 'urn:aimatch:certification:venture-company', '2024-01-01', '2099-12-31', 'VERIFIED', now()),
              ($1, 'urn:aimatch:certification:innobiz', '2024-01-01', '2099-12-31', 'PENDING', NULL),
              ($1, 'urn:aimatch:certification:mainbiz', '2024-01-01', '2099-12-31', 'REJECTED', now())`,
      [other.organizationId],
    );
    await ds.query(`UPDATE certification_claims SET decision_reason = '서류 불일치' WHERE status = 'REJECTED'`);
    const staffToken = staff;
    const published: string[] = [];
    for (let i = 0; i < 3; i++) published.push((await publish(t, await createSupply(t, other), other.accessToken, staffToken)).id);
    await createSupply(t, other); // a draft: not on the profile
    await publish(t, await createDemand(t, sme), sme.accessToken, staffToken); // another organization's listing

    const PROFILE = `query($id: ID!, $after: String) { organization(id: $id) {
      id kind foundedYear website employeeBand verificationStatus region { id }
      certifications { conceptId }
      publishedListings(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id kind } } }
    } }`;
    const res = await t.gql(PROFILE, { id: other.organizationId }, { token: sme.accessToken });
    expect(res.errors).toBeUndefined();
    const org = res.data!.organization;
    expect(org).toMatchObject({
      kind: 'AI_SUPPLIER',
      foundedYear: 2018,
      website: 'https://other.example.kr',
      employeeBand: 'SIZE_10_49',
    });
    expect(org.certifications).toEqual([{ conceptId: 'urn:aimatch:certification:venture-company' }]);
    expect(org.publishedListings.totalCount).toBe(3);
    const next = await t.gql(
      PROFILE,
      { id: other.organizationId, after: org.publishedListings.pageInfo.endCursor },
      { token: sme.accessToken },
    );
    const ids = [...org.publishedListings.edges, ...next.data!.organization.publishedListings.edges].map(
      (e: { node: { id: string } }) => e.node.id,
    );
    expect(ids.sort()).toEqual([...published].sort());
    expect(next.data!.organization.publishedListings.pageInfo.hasNextPage).toBe(false);
    const demands = await t.gql(
      'query($id: ID!) { organization(id: $id) { publishedListings(kind: DEMAND) { totalCount } } }',
      {
        id: other.organizationId,
      },
      { token: sme.accessToken },
    );
    expect(demands.data!.organization.publishedListings.totalCount).toBe(0);
    // No members for outsiders.
    const members = await t.gql(
      'query($id: ID!) { organization(id: $id) { members(first: 5) { totalCount } } }',
      { id: other.organizationId },
      {
        token: sme.accessToken,
      },
    );
    expect(codes(members)).toEqual(['FORBIDDEN']);
  });

  it('reads the case studies of many organizations in one request with one batch (no N+1), each its own page', async () => {
    const x = await signUpOrganization(t, { kind: 'AI_SUPPLIER' as never });
    const y = await signUpOrganization(t, { kind: 'AI_SUPPLIER' as never });
    for (const [who, titles] of [
      [x, ['X 첫 사례', 'X 둘째 사례', 'X 셋째 사례']],
      [y, ['Y 사례']],
    ] as const) {
      for (const title of titles)
        expect((await t.gql(CREATE, { o: who.organizationId, i: input({ title }) }, { token: who.accessToken })).errors).toBeUndefined();
    }
    const spy = jest.spyOn(t.app.get(CaseStudiesRepository), 'pages');
    try {
      const res = await t.gql(
        `query($x: ID!, $y: ID!) {
          x: organization(id: $x) { caseStudies(first: 2) { totalCount pageInfo { hasNextPage } edges { node { title } } } }
          y: organization(id: $y) { caseStudies(first: 2) { totalCount pageInfo { hasNextPage } edges { node { title } } } } }`,
        { x: x.organizationId, y: y.organizationId },
        { token: sme.accessToken },
      );
      expect(res.errors).toBeUndefined();
      const titles = (c: { edges: Array<{ node: { title: string } }> }) => c.edges.map((e) => e.node.title);
      expect(titles(res.data!.x.caseStudies)).toEqual(['X 첫 사례', 'X 둘째 사례']);
      expect(res.data!.x.caseStudies).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
      expect(titles(res.data!.y.caseStudies)).toEqual(['Y 사례']);
      expect(res.data!.y.caseStudies).toMatchObject({ totalCount: 1, pageInfo: { hasNextPage: false } });
      expect(spy).toHaveBeenCalledTimes(1);
    } finally {
      spy.mockRestore();
    }
  });
});
