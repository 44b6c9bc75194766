import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bootTestApp, type TestApp } from '@aimatch/api-testing';

/** The listing editor's concept picker query (apps/web ConceptSearchQuery) and suggest, through the API. */
const PICKER = `query($scheme: String!, $search: String!, $first: Int!, $after: String) {
  concepts(scheme: $scheme, search: $search, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id deprecated } }
  }
}`;
const SUGGEST = `query($q: String!) { suggest(q: $q, first: 8) { kind id } }`;
const VISION = 'urn:aimatch:task:visual-inspection';

describe('the concept picker reads queries with the one analyzer of search and suggest', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp();
  });
  afterAll(() => t.close());

  const picker = async (search: string, scheme = 'task', first = 30, after?: string) => {
    const res = await t.gql(PICKER, { scheme, search, first, after });
    expect(res.errors).toBeUndefined();
    return res.data!.concepts as {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: Array<{ node: { id: string } }>;
    };
  };
  const pickerIds = async (search: string, scheme = 'task') => (await picker(search, scheme)).edges.map((e) => e.node.id);

  it.each(['이물', '이물질', 'foreign', '불량검출'])('finds vision inspection for %s', async (word) => {
    expect(await pickerIds(word)).toContain(VISION);
  });

  it('puts the concept a query spells out first (불량검출, no space) and agrees with suggest', async () => {
    expect((await pickerIds('불량검출'))[0]).toBe(VISION);
    const suggested = (await t.gql(SUGGEST, { q: '불량검출' })).data!.suggest as Array<{ kind: string; id: string }>;
    expect(suggested.filter((s) => s.kind === 'CONCEPT').map((s) => s.id)).toContain(VISION);
  });

  it('reads particles, choseong, typos and English written in Hangul', async () => {
    expect(await pickerIds('불량 검출을')).toContain(VISION);
    expect(await pickerIds('ㅂㄹㄱㅊ')).toContain(VISION);
    expect(await pickerIds('예지보졘')).toContain('urn:aimatch:task:predictive-maintenance');
    expect(await pickerIds('tranlsation')).toContain('urn:aimatch:task:translation');
    expect((await pickerIds('오씨알'))[0]).toBe('urn:aimatch:task:document-ai');
    expect((await pickerIds('알에이지'))[0]).toBe('urn:aimatch:task:retrieval-rag');
  });

  it('stays within the scheme, finds nothing for gibberish, and pages with a cursor', async () => {
    expect(await pickerIds('불량검출', 'industry')).not.toContain(VISION);
    expect(await picker('ㅁㄴㅇㄹ qwzx')).toMatchObject({ totalCount: 0, edges: [] });
    const all = await picker('검사', 'task', 100);
    expect(all.totalCount).toBeGreaterThan(2);
    const first = await picker('검사', 'task', 2);
    const rest = await picker('검사', 'task', 100, first.pageInfo.endCursor!);
    expect([...first.edges, ...rest.edges].map((e) => e.node.id)).toEqual(all.edges.map((e) => e.node.id));
    const bad = await t.gql(PICKER, { scheme: 'task', search: '검사', first: 2, after: 'nope' });
    expect(bad.errors![0].extensions.code).toBe('BAD_USER_INPUT');
  });
});
