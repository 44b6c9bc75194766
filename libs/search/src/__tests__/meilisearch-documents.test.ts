import { describe, expect, it } from '@jest/globals';
import { CHOSEONG_KEY_MAX } from '../adapters/meilisearch/filters';
import { choseongKeys, emptySearchResult, fromMeiliSearchResponse, toMeiliDocument } from '../adapters/meilisearch/documents';
import type { MeiliSearchResponse } from '../adapters/meilisearch/types';
import { loadShippedVocabulary, sampleListing } from '../contract/search-index.contract';
import { buildSearchDocument } from '../document';
import type { SearchDocument } from '../port';

const vocabulary = loadShippedVocabulary();

describe('toMeiliDocument', () => {
  const listing = sampleListing({
    title: '스마트 공장 불량 검출 비전 시스템',
    description: '카메라로 불량을 찾습니다',
    tasks: ['urn:aimatch:task:visual-inspection'],
    deployments: ['urn:aimatch:deployment:on-premise'],
    certifications: ['urn:aimatch:certification:innobiz'],
    amount: [50_000_000, 150_000_000],
    publishedAt: new Date('2026-02-03T04:05:06.789Z'),
  });
  const source = buildSearchDocument(listing, vocabulary);
  const doc = toMeiliDocument(source);

  it('copies the scalar fields and stores publishedAt as epoch milliseconds', () => {
    expect(doc).toMatchObject({
      id: source.id,
      kind: 'SUPPLY',
      version: 1,
      visibility: 'PUBLIC',
      organizationId: source.organizationId,
      organizationName: source.organizationName,
      verified: true,
      title: '스마트 공장 불량 검출 비전 시스템',
      summary: source.summary,
      publishedAt: Date.UTC(2026, 1, 3, 4, 5, 6, 789),
      amountMin: 50_000_000,
      amountMax: 150_000_000,
    });
  });

  it('flattens concepts (as stated) and expanded concepts (with ancestors) over every facet', () => {
    expect(doc.concepts.sort()).toEqual(
      [
        'urn:aimatch:task:visual-inspection',
        'urn:aimatch:deployment:on-premise',
        'urn:aimatch:certification:innobiz',
        'urn:aimatch:region:seoul',
      ].sort(),
    );
    expect(doc.conceptsX).toContain('urn:aimatch:task:computer-vision');
    expect(doc.conceptsX).toContain('urn:aimatch:task:visual-inspection');
    expect(new Set(doc.conceptsX).size).toBe(doc.conceptsX.length);
  });

  it('joins the analysed terms by spaces, with concept tokens in their own field', () => {
    expect(doc.termsA).toBe(source.terms.a.join(' '));
    expect(doc.termsA.split(' ')).toEqual(expect.arrayContaining(['스마트', '트공', '공장', '불량', '검출', '비전']));
    expect(doc.conceptTokens.split(' ')).toEqual(expect.arrayContaining(['c_task_visual_inspection', 'c_task_computer_vision']));
    expect(doc.conceptTokens.split(' ').every((t) => t.startsWith('c_'))).toBe(true);
    expect(doc.termsB.split(' ').some((t) => t.startsWith('c_'))).toBe(false);
    expect([...doc.conceptTokens.split(' '), ...doc.termsB.split(' ')].sort()).toEqual([...source.terms.b].sort());
    expect(doc.termsC).toBe(source.terms.c.join(' '));
  });

  it('keeps the choseong key and stores the suffixes of its runs', () => {
    expect(doc.choseong).toBe(source.choseong);
    expect(doc.choseongKeys).toContain('ㅂㄹㄱㅊㅂㅈㅅㅅㅌ');
    expect(doc.choseongKeys.some((k) => k.includes(' '))).toBe(false);
  });

  it('always writes both amount fields, null when open (the filters rely on IS NULL)', () => {
    const open = toMeiliDocument(buildSearchDocument(sampleListing({ title: '협의', amount: [null, null] }), vocabulary));
    const json = JSON.parse(JSON.stringify(open));
    expect(json).toHaveProperty('amountMin', null);
    expect(json).toHaveProperty('amountMax', null);
    const nan: SearchDocument = { ...source, amountMin: Number.NaN, amountMax: Number.POSITIVE_INFINITY };
    expect(toMeiliDocument(nan)).toMatchObject({ amountMin: null, amountMax: null });
  });

  it('refuses a document whose publishedAt is not a date', () => {
    expect(() => toMeiliDocument({ ...source, publishedAt: 'yesterday' })).toThrow(/publishedAt/);
  });

  it('drops empty terms', () => {
    const d = toMeiliDocument({ ...source, terms: { a: ['a', '', 'b'], b: ['', 'c_x'], c: [] } });
    expect(d).toMatchObject({ termsA: 'a b', conceptTokens: 'c_x', termsB: '', termsC: '' });
  });
});

describe('choseongKeys', () => {
  it.each<[string, string[]]>([
    ['', []],
    ['ㅅㅁㅌ', ['ㅅㅁㅌ', 'ㅁㅌ', 'ㅌ']],
    ['ㅅㅁㅌ ㅌㅅ', ['ㅅㅁㅌ', 'ㅁㅌ', 'ㅌ', 'ㅌㅅ', 'ㅅ']],
    ['ㄱㄱ  ㄱ', ['ㄱㄱ', 'ㄱ']],
  ])('%p → %p', (key, expected) => {
    expect(choseongKeys(key)).toEqual(expected);
  });

  it(`caps each suffix at ${CHOSEONG_KEY_MAX} consonants`, () => {
    const run = 'ㄱㄴㄷㄹㅁㅂㅅㅇㅈㅊㅋㅌㅍㅎ'.repeat(10);
    const keys = choseongKeys(run);
    expect(keys).toEqual([...new Set(Array.from(run, (_, i) => run.slice(i, i + CHOSEONG_KEY_MAX)))]);
    expect(Math.max(...keys.map((k) => k.length))).toBe(CHOSEONG_KEY_MAX);
    expect(keys.at(-1)).toBe('ㅎ');
  });
});

describe('fromMeiliSearchResponse', () => {
  const response = (over: Partial<MeiliSearchResponse> = {}): MeiliSearchResponse => ({
    hits: [
      { id: 'a', _rankingScore: 0.93 },
      { id: 'b', _rankingScore: 0.41 },
    ],
    processingTimeMs: 3,
    estimatedTotalHits: 17,
    facetDistribution: {
      concepts: {
        'urn:aimatch:task:visual-inspection': 2,
        'urn:aimatch:task:chatbot': 1,
        'urn:aimatch:region:seoul': 2,
        'urn:aimatch:region:busan': 1,
        'urn:aimatch:certification:innobiz': 1,
        'not-a-concept': 9,
        'urn:aimatch:verified:true': 9,
      },
      verified: { true: 2, false: 1 },
    },
    ...over,
  });

  it('maps hits with Meilisearch’s ranking score for a text query', () => {
    expect(fromMeiliSearchResponse(response(), [], 'text', 5).hits).toEqual([
      { id: 'a', score: 0.93 },
      { id: 'b', score: 0.41 },
    ]);
  });

  it('clamps scores into 0..1 and scores a missing one 0', () => {
    const res = response({
      hits: [{ id: 'a', _rankingScore: 1.2 }, { id: 'b', _rankingScore: -0.1 }, { id: 'c' }, { id: 'd', _rankingScore: Number.NaN }],
    });
    expect(fromMeiliSearchResponse(res, [], 'text', 0).hits.map((h) => h.score)).toEqual([1, 0, 0, 0]);
  });

  it('scores 0 when browsing and 1 for choseong (or term-less) matches, as the PostgreSQL engine does', () => {
    expect(fromMeiliSearchResponse(response(), [], 'browse', 0).hits.map((h) => h.score)).toEqual([0, 0]);
    expect(fromMeiliSearchResponse(response(), [], 'match', 0).hits.map((h) => h.score)).toEqual([1, 1]);
  });

  it('returns ids as strings', () => {
    expect(fromMeiliSearchResponse(response({ hits: [{ id: 42 }] }), [], 'browse', 0).hits).toEqual([{ id: '42', score: 0 }]);
  });

  it('splits the concepts facet by scheme into the requested facets only', () => {
    const r = fromMeiliSearchResponse(response(), ['task', 'region', 'certification'], 'browse', 0);
    expect(r.facetDistribution).toEqual({
      task: { 'urn:aimatch:task:visual-inspection': 2, 'urn:aimatch:task:chatbot': 1 },
      region: { 'urn:aimatch:region:seoul': 2, 'urn:aimatch:region:busan': 1 },
      certification: { 'urn:aimatch:certification:innobiz': 1 },
    });
  });

  it('maps verified with "true"/"false" keys and never takes it from concept values', () => {
    expect(fromMeiliSearchResponse(response(), ['verified'], 'browse', 0).facetDistribution).toEqual({ verified: { true: 2, false: 1 } });
  });

  it('gives every requested facet an object, empty when nothing was counted', () => {
    const r = fromMeiliSearchResponse(response({ facetDistribution: undefined }), ['industry', 'verified'], 'browse', 0);
    expect(r.facetDistribution).toEqual({ industry: {}, verified: {} });
    expect(fromMeiliSearchResponse(response(), [], 'browse', 0).facetDistribution).toEqual({});
  });

  it('prefers the exhaustive totalHits over estimatedTotalHits, 0 when neither is there', () => {
    expect(fromMeiliSearchResponse(response(), [], 'browse', 0).estimatedTotal).toBe(17);
    expect(fromMeiliSearchResponse(response({ totalHits: 12 }), [], 'browse', 0).estimatedTotal).toBe(12);
    expect(fromMeiliSearchResponse(response({ estimatedTotalHits: undefined }), [], 'browse', 0).estimatedTotal).toBe(0);
  });

  it('reports the time it is given', () => {
    expect(fromMeiliSearchResponse(response(), [], 'browse', 7.5).tookMs).toBe(7.5);
  });
});

describe('emptySearchResult', () => {
  it('has no hits, zero total and empty requested facets', () => {
    expect(emptySearchResult(['task', 'verified'], 1)).toEqual({
      hits: [],
      facetDistribution: { task: {}, verified: {} },
      estimatedTotal: 0,
      tookMs: 1,
    });
  });
});
