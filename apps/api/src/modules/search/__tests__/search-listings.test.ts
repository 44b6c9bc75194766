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
  transition,
} from '@aimatch/api-testing';
import { DataSource } from 'typeorm';

const SEARCH = `query($kind: ListingKind, $q: String, $filters: SearchFiltersInput, $facets: [SearchFacet!], $sort: SearchSort, $first: Int, $after: String) {
  searchListings(kind: $kind, q: $q, filters: $filters, facets: $facets, sort: $sort, first: $first, after: $after) {
    totalCount engine
    pageInfo { hasNextPage endCursor }
    facets { facet value count concept { id } }
    edges { score node { id title } highlights { field text matches { start length } } }
  }
}`;

describe('searchListings and suggest', () => {
  let t: TestApp;
  let sme: SignedUp;
  let supplier: SignedUp;
  let verifiedSupplier: SignedUp;
  let staff: string;
  let visionId: string;
  let restrictedId: string;

  beforeAll(async () => {
    t = await bootTestApp();
    sme = await signUpOrganization(t, { kind: 'SME' as never });
    supplier = await signUpOrganization(t, { kind: 'AI_SUPPLIER' as never, nameKo: '비전웍스(주)' });
    verifiedSupplier = await signUpOrganization(t, { kind: 'AI_SUPPLIER' as never });
    await t.app
      .get(DataSource)
      .query(`UPDATE organizations SET verification_status = 'VERIFIED' WHERE id = $1`, [verifiedSupplier.organizationId]);
    staff = (await signInStaff(t)).accessToken;
    visionId = (
      await publish(t, await createSupply(t, supplier, { title: '스마트 공장 불량 검출 비전 시스템' }), supplier.accessToken, staff)
    ).id;
    await publish(
      t,
      await createSupply(t, supplier, {
        title: '설비 예지보전 솔루션',
        summary: '진동 데이터로 설비 고장을 미리 알립니다.',
        description: '모터와 펌프의 진동을 분석합니다.',
        capability: { tasks: ['urn:aimatch:task:predictive-maintenance'] },
      }),
      supplier.accessToken,
      staff,
    );
    restrictedId = (
      await publish(
        t,
        await createDemand(t, sme, { title: '비공개 불량 검출 수요', visibility: 'VERIFIED_SUPPLIERS' }),
        sme.accessToken,
        staff,
      )
    ).id;
    await createSupply(t, supplier, { title: '아직 초안인 불량 검출 서비스' });
    await settleOutbox(t);
  });
  afterAll(() => t.close());

  const search = (vars: Record<string, unknown>, token?: string) => t.gql(SEARCH, vars, { token });
  const ids = async (vars: Record<string, unknown>, token?: string) =>
    (await search(vars, token)).data!.searchListings.edges.map((e: { node: { id: string } }) => e.node.id);

  it('finds a published listing through a Korean particle and marks where it matched', async () => {
    const res = await search({ q: '스마트공장의 불량검출' });
    expect(res.data!.searchListings.engine).toBe('memory');
    const first = res.data!.searchListings.edges[0];
    expect(first.node.id).toBe(visionId);
    const title = first.highlights.find((h: { field: string }) => h.field === 'title');
    const marked = title.matches.map((m: { start: number; length: number }) => title.text.slice(m.start, m.start + m.length));
    expect(marked).toEqual(expect.arrayContaining(['스마트', '공장', '불량', '검출']));
  });

  it('finds by initial consonants and by an English concept name', async () => {
    expect(await ids({ q: 'ㅂㄹㄱㅊ', kind: 'SUPPLY' })).toContain(visionId);
    const en = await search({ q: 'predictive maintenance' });
    expect(en.data!.searchListings.edges[0].node.title).toBe('설비 예지보전 솔루션');
  });

  it('never shows drafts, and shows restricted demands only to verified suppliers and staff (hits, counts, facets)', async () => {
    const anon = await search({ q: '불량 검출', facets: ['TASK'] });
    const anonIds = anon.data!.searchListings.edges.map((e: { node: { title: string; id: string } }) => e.node.title);
    expect(anonIds).not.toContain('아직 초안인 불량 검출 서비스');
    expect(anonIds).not.toContain('비공개 불량 검출 수요');
    const anonTotal = anon.data!.searchListings.totalCount;
    const verified = await search({ q: '불량 검출', facets: ['TASK'] }, verifiedSupplier.accessToken);
    expect(verified.data!.searchListings.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(restrictedId);
    expect(verified.data!.searchListings.totalCount).toBe(anonTotal + 1);
    const count = (r: typeof anon) =>
      r.data!.searchListings.facets.find((f: { value: string }) => f.value === 'urn:aimatch:task:visual-inspection')?.count;
    expect(count(verified)).toBe(count(anon) + 1);
    expect(await ids({ q: '불량 검출' }, staff)).toContain(restrictedId);
  });

  it('removes a paused listing from the index and brings it back on resume', async () => {
    const current = await t.gql('query($id: ID!) { listing(id: $id) { id version } }', { id: visionId }, { token: supplier.accessToken });
    const paused = (await transition(t, 'pauseListing', current.data!.listing, supplier.accessToken)).data!.pauseListing;
    await settleOutbox(t);
    expect(await ids({ q: '불량 검출 비전' })).not.toContain(visionId);
    await transition(t, 'resumeListing', paused, supplier.accessToken);
    await settleOutbox(t);
    expect(await ids({ q: '불량 검출 비전' })).toContain(visionId);
  });

  it('keeps the other values of a filtered facet with their counts (disjunctive facets)', async () => {
    const res = await search({ kind: 'SUPPLY', filters: { tasks: ['urn:aimatch:task:predictive-maintenance'] }, facets: ['TASK'] });
    expect(res.data!.searchListings.edges.map((e: { node: { title: string } }) => e.node.title)).toEqual(['설비 예지보전 솔루션']);
    const values = res.data!.searchListings.facets.map((f: { value: string }) => f.value);
    expect(values).toEqual(expect.arrayContaining(['urn:aimatch:task:predictive-maintenance', 'urn:aimatch:task:visual-inspection']));
  });

  it('filters by a broader concept and facets with counts', async () => {
    const res = await search({ kind: 'SUPPLY', filters: { tasks: ['urn:aimatch:task:computer-vision'] }, facets: ['TASK', 'VERIFIED'] });
    expect(res.data!.searchListings.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([visionId]);
    expect(res.data!.searchListings.facets).toEqual(
      expect.arrayContaining([
        { facet: 'TASK', value: 'urn:aimatch:task:visual-inspection', count: 1, concept: { id: 'urn:aimatch:task:visual-inspection' } },
        { facet: 'VERIFIED', value: 'false', count: 1, concept: null },
      ]),
    );
  });

  it('pages with cursors that belong to their own query', async () => {
    const p1 = await search({ kind: 'SUPPLY', sort: 'NEWEST', first: 1 });
    expect(p1.data!.searchListings.pageInfo.hasNextPage).toBe(true);
    const cursor = p1.data!.searchListings.pageInfo.endCursor;
    const p2 = await search({ kind: 'SUPPLY', sort: 'NEWEST', first: 1, after: cursor });
    expect(p2.data!.searchListings.edges[0].node.id).not.toBe(p1.data!.searchListings.edges[0].node.id);
    const foreign = await search({ kind: 'DEMAND', sort: 'NEWEST', first: 1, after: cursor });
    expect(foreign.errors![0].extensions.fields).toEqual([expect.objectContaining({ path: 'after', rule: 'format' })]);
  });

  it.each([
    [{ q: 'x'.repeat(2000) }, 'q', 'max-length'],
    [{ first: 101 }, 'first', 'range'],
    [{ first: -1 }, 'first', 'range'],
    [{ filters: { tasks: ['urn:aimatch:region:seoul'] } }, 'filters.tasks.0', 'wrong-scheme'],
    [{ filters: { tasks: ['" OR status = DRAFT'] } }, 'filters.tasks.0', 'unknown-concept'],
    [{ filters: { amountMin: -5 } }, 'filters.amountMin', 'min-value'],
  ])('refuses bad input %# with a typed error', async (vars, path, rule) => {
    const res = await search(vars);
    expect(res.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions.fields).toEqual([expect.objectContaining({ path, rule })]);
  });

  it('rejects unknown facet and sort names as GraphQL input errors', async () => {
    for (const vars of [{ facets: ['PRICE'] }, { sort: 'CHEAPEST' }]) {
      const res = await search(vars);
      expect(res.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    }
  });

  it('answers empty, quoted and operator-laden queries safely', async () => {
    for (const q of ['', '   ', `" OR status = DRAFT`, `'; DROP TABLE listings; --`, '(((', '\\']) {
      const res = await search({ q });
      expect(res.errors).toBeUndefined();
      expect(res.data!.searchListings.edges.map((e: { node: { title: string } }) => e.node.title)).not.toContain(
        '아직 초안인 불량 검출 서비스',
      );
    }
  });

  it('suggests concepts by Korean, choseong and English input, and listing titles', async () => {
    const kinds = async (q: string) => (await t.gql('query($q: String!) { suggest(q: $q) { kind id label } }', { q })).data!.suggest;
    expect((await kinds('불량')).map((s: { id: string }) => s.id)).toContain('urn:aimatch:task:visual-inspection');
    expect((await kinds('ㅇㅈㅂㅈ')).map((s: { id: string }) => s.id)).toContain('urn:aimatch:task:predictive-maintenance');
    expect((await kinds('predictive')).map((s: { id: string }) => s.id)).toContain('urn:aimatch:task:predictive-maintenance');
    expect(
      (await kinds('예지보전')).some((s: { kind: string; label: string }) => s.kind === 'LISTING' && s.label === '설비 예지보전 솔루션'),
    ).toBe(true);
  });

  it('reports the index size and lag to staff only', async () => {
    const res = await t.gql('{ searchIndexStatus { engine documents pendingEvents parkedEvents } }', {}, { token: staff });
    expect(res.data!.searchIndexStatus).toMatchObject({ engine: 'memory', pendingEvents: 0, parkedEvents: 0 });
    expect(res.data!.searchIndexStatus.documents).toBeGreaterThanOrEqual(3);
    expect((await t.gql('{ searchIndexStatus { engine } }', {}, { token: sme.accessToken })).errors![0].extensions.code).toBe('FORBIDDEN');
  });
});
