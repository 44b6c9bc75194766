import { describe, expect, it } from '@jest/globals';
import { MAX_QUERY_WORDS, meilisearchQueryText, meilisearchSearch } from '../adapters/meilisearch/query';
import { loadShippedVocabulary } from '../contract/search-index.contract';
import type { PlannedQuery, SearchRequest } from '../port';
import { planQuery } from '../query-planner';

const vocabulary = loadShippedVocabulary();
const planned = (terms: string[], boostTerms: string[] = []): PlannedQuery => ({
  text: terms.join(' '),
  terms: [...terms, ...boostTerms],
  boostTerms,
  choseong: null,
});
const request = (over: Partial<SearchRequest> & { q?: string } = {}): SearchRequest => ({
  query: over.q === undefined ? (over.query ?? null) : planQuery(over.q, vocabulary),
  filters: over.filters ?? { visibility: ['PUBLIC'] },
  facets: over.facets ?? [],
  sort: over.sort ?? 'relevance',
  limit: over.limit ?? 20,
  offset: over.offset ?? 0,
});

describe('meilisearchQueryText', () => {
  it('puts the concept tokens the query names first, then the text terms, without duplicates', () => {
    expect(meilisearchQueryText(planned(['predictive', 'maintenance'], ['c_task_predictive_maintenance']))).toBe(
      'c_task_predictive_maintenance predictive maintenance',
    );
  });

  it('uses the planner’s terms as they are', () => {
    const q = planQuery('스마트공장의 불량검출', vocabulary)!;
    const words = meilisearchQueryText(q).split(' ');
    expect(words.slice(0, q.boostTerms.length)).toEqual(q.boostTerms);
    expect(words).toEqual(
      expect.arrayContaining(['스마', '마트', '트공', '공장', '불량', '검출'].slice(0, MAX_QUERY_WORDS - q.boostTerms.length)),
    );
  });

  it(`keeps at most ${MAX_QUERY_WORDS} words (Meilisearch ignores the rest), boost terms first`, () => {
    const terms = Array.from({ length: 15 }, (_, i) => `t${i}`);
    const text = meilisearchQueryText(planned(terms, ['c_a', 'c_b']));
    expect(text.split(' ')).toEqual(['c_a', 'c_b', 't0', 't1', 't2', 't3', 't4', 't5', 't6', 't7']);
  });

  it.each<[string[], string]>([
    [['"phrase', 'search"'], 'phrase search'],
    [['-not', '--x', 'a-b'], 'not x a-b'],
    [['"-'], ''],
    [['a"b'], 'a b'],
    [[' spaced  out '], 'spaced out'],
  ])('turns operators into plain words: %p → %p', (terms, text) => {
    expect(meilisearchQueryText(planned(terms))).toBe(text);
  });

  it.each([`" OR status = DRAFT`, `'; DROP TABLE search_documents; --`, `\\' | !`, `kind = "DEMAND" OR 1=1`, '((((', '-불량 "검출"'])(
    'leaves no quote or leading minus from %p',
    (q) => {
      const plan = planQuery(q, vocabulary);
      if (!plan) return;
      const text = meilisearchQueryText(plan);
      expect(text).not.toContain('"');
      expect(text.split(' ').some((w) => w.startsWith('-'))).toBe(false);
    },
  );
});

describe('meilisearchSearch', () => {
  it('browses: no q, newest first with id as the tie-breaker, page-based paging', () => {
    expect(meilisearchSearch(request())).toEqual({
      q: null,
      mode: 'browse',
      params: {
        filter: ['visibility IN ["PUBLIC"]'],
        attributesToRetrieve: ['id'],
        showRankingScore: true,
        sort: ['publishedAt:desc', 'id:desc'],
        page: 1,
        hitsPerPage: 20,
      },
    });
  });

  it('searches text with the frequency strategy and lets the ranking rules order by relevance', () => {
    const call = meilisearchSearch(request({ q: 'predictive maintenance' }))!;
    expect(call.mode).toBe('text');
    expect(call.q).toBe('c_task_predictive_maintenance predictive maintenance');
    expect(call.params.matchingStrategy).toBe('frequency');
    expect(call.params.sort).toBeUndefined();
  });

  it.each<[SearchRequest['sort'], string[]]>([
    ['newest', ['publishedAt:desc', 'id:desc']],
    ['amount_asc', ['amountMin:asc', 'id:asc']],
    ['amount_desc', ['amountMax:desc', 'id:asc']],
  ])('sorts %p by %p, with or without a query', (sort, expected) => {
    expect(meilisearchSearch(request({ sort }))!.params.sort).toEqual(expected);
    expect(meilisearchSearch(request({ sort, q: '불량 검출' }))!.params.sort).toEqual(expected);
  });

  it('turns a choseong query into a filter without q, scored as a match and ordered newest first', () => {
    const call = meilisearchSearch(request({ q: 'ㅂㄹ ㄱㅊ' }))!;
    expect(call).toMatchObject({ q: null, mode: 'match' });
    expect(call.params.filter).toEqual(['visibility IN ["PUBLIC"]', 'choseongKeys STARTS WITH "ㅂㄹㄱㅊ"']);
    expect(call.params.sort).toEqual(['publishedAt:desc', 'id:desc']);
    expect(call.params.matchingStrategy).toBeUndefined();
  });

  it('treats a query whose terms are all operators as a match-everything query', () => {
    const call = meilisearchSearch(request({ query: planned(['"', '-']) }))!;
    expect(call).toMatchObject({ q: null, mode: 'match' });
    expect(call.params.sort).toEqual(['publishedAt:desc', 'id:desc']);
  });

  it('asks for the concepts facet once for any concept facets, and verified', () => {
    expect(meilisearchSearch(request({ facets: ['task', 'region'] }))!.params.facets).toEqual(['concepts']);
    expect(meilisearchSearch(request({ facets: ['verified', 'task'] }))!.params.facets).toEqual(['verified', 'concepts']);
    expect(meilisearchSearch(request({ facets: [] }))!.params.facets).toBeUndefined();
  });

  it.each<[number, number, Record<string, number>]>([
    [20, 0, { page: 1, hitsPerPage: 20 }],
    [2, 2, { page: 2, hitsPerPage: 2 }],
    [10, 30, { page: 4, hitsPerPage: 10 }],
    [10, 5, { offset: 5, limit: 10 }],
    [0, 0, { offset: 0, limit: 0 }],
  ])('pages limit %p offset %p as %p', (limit, offset, paging) => {
    const params = meilisearchSearch(request({ limit, offset }))!.params;
    expect(params).toMatchObject(paging);
    for (const key of ['page', 'hitsPerPage', 'offset', 'limit']) if (!(key in paging)) expect(params).not.toHaveProperty(key);
  });

  it('passes the filters through', () => {
    const call = meilisearchSearch(request({ filters: { visibility: ['PUBLIC'], kind: 'SUPPLY', verifiedOnly: true } }))!;
    expect(call.params.filter).toEqual(['visibility IN ["PUBLIC"]', 'kind = "SUPPLY"', 'verified = true']);
  });

  it('returns null when the caller may see nothing', () => {
    expect(meilisearchSearch(request({ filters: { visibility: [] } }))).toBeNull();
  });
});
