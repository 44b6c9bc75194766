import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bootTestApp, settleOutbox, type TestApp } from '@aimatch/api-testing';
import { DemoSeeder } from '../../../seed/demo.seeder';
import { SearchIndexer } from '../search-indexer';

const SEARCH = `query($q: String, $kind: ListingKind) { searchListings(q: $q, kind: $kind, first: 10) { totalCount edges { score node { id title } } } }`;

/** #16 item 5: a query with no meaningful match returns nothing (the relevance floor), not filler. */
describe('search relevance on the demo marketplace', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp();
    await t.app.get(DemoSeeder).seed();
    await t.app.get(SearchIndexer).reindexAll();
    await settleOutbox(t);
  });
  afterAll(() => t.close());

  const search = async (q: string, kind?: string) => {
    const res = await t.gql(SEARCH, { q, kind });
    expect(res.errors).toBeUndefined();
    return res.data!.searchListings as { totalCount: number; edges: Array<{ score: number; node: { id: string; title: string } }> };
  };

  it.each(['ㅁㄴㅇㄹ qwzx', 'qwzx', 'ㅁㄴㅇㄹ', '쀍뛟 qwzx', 'asdfgh zxcvb'])('finds nothing for gibberish %s', async (q) => {
    const r = await search(q);
    expect(r.edges.map((e) => e.node.title)).toEqual([]);
    expect(r.totalCount).toBe(0);
  });

  it('finds digital-twin listings for "digital twin" and 디지털트윈', async () => {
    for (const q of ['digital twin', '디지털트윈', '디지털 트윈']) {
      const top = (await search(q)).edges.slice(0, 3).map((e) => e.node.title);
      expect(top.length).toBeGreaterThan(0);
      expect(top.some((title) => /디지털 트윈|자율제조|digital twin/i.test(title))).toBe(true);
    }
  });

  it('tolerates a transposition typo (tranlsation)', async () => {
    // Listings of the concept the typo names tie on score (ordered by publication): any of the first page.
    const hits = (await search('tranlsation', 'SUPPLY')).edges.map((e) => e.node.title);
    expect(hits.some((title) => /번역|translation/i.test(title))).toBe(true);
  });

  it('reads English written in Hangul (오씨알 finds OCR suppliers)', async () => {
    const top = (await search('오씨알', 'SUPPLY')).edges.slice(0, 3).map((e) => e.node.title);
    expect(top.some((title) => /OCR|문서|서류/i.test(title))).toBe(true);
  });

  it('keeps finding what it found: 불량검출, 이물질', async () => {
    expect((await search('불량검출')).totalCount).toBeGreaterThan(0);
    expect((await search('이물질')).totalCount).toBeGreaterThan(0);
  });
});
