import { describe, expect, it } from '@jest/globals';
import { count, countAnd, forEachBit, hasBit, popcount32, setBit, clearBit, wordsFor } from '../adapters/memory/bitset';
import { float4Text, MemoryEngine } from '../adapters/memory/memory-engine';
import { type IndexRecord, parseTsvector, rankContribution, recordFromDocument, recordFromRow } from '../adapters/memory/records';
import { TopK } from '../adapters/memory/top-k';
import { buildSearchDocument } from '../document';
import type { SearchRequest } from '../port';
import { planQuery } from '../query-planner';
import { loadShippedVocabulary, sampleListing } from '../contract/search-index.contract';

const vocabulary = loadShippedVocabulary();
let seed = 1;
const rand = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;

describe('bitset', () => {
  it('counts bits like a naive loop', () => {
    for (const x of [0, 1, 0xffffffff, 0x80000000, 0x12345678, 0xdeadbeef]) {
      expect(popcount32(x)).toBe([...(x >>> 0).toString(2)].filter((c) => c === '1').length);
    }
  });

  it('sets, clears, iterates in order and counts intersections', () => {
    const n = 200;
    const a = new Uint32Array(wordsFor(n));
    const b = new Uint32Array(wordsFor(n));
    const inA = new Set<number>();
    for (let i = 0; i < 80; i++) {
      const o = Math.floor(rand() * n);
      setBit(a, o);
      inA.add(o);
      if (i % 2) setBit(b, o);
    }
    clearBit(a, [...inA][0]);
    inA.delete([...inA][0]);
    const seen: number[] = [];
    forEachBit(a, wordsFor(n), (o) => seen.push(o));
    expect(seen).toEqual([...inA].sort((x, y) => x - y));
    expect(count(a, wordsFor(n))).toBe(inA.size);
    expect(countAnd(a, b, wordsFor(n))).toBe(seen.filter((o) => hasBit(b, o)).length);
  });
});

describe('TopK', () => {
  it('keeps the best k by key, ties broken by the tie-break, like a full sort', () => {
    const items = Array.from({ length: 500 }, (_, ord) => ({ ord, key: Math.floor(rand() * 20), score: rand() }));
    const tie = (a: number, b: number) => b - a;
    const expected = [...items].sort((x, y) => x.key - y.key || tie(x.ord, y.ord));
    for (const k of [1, 7, 50, 500, 600]) {
      const top = new TopK(k, tie);
      for (const it of items) top.push(it.ord, it.key, it.score);
      expect(top.sorted().map((h) => h.ord)).toEqual(expected.slice(0, k).map((h) => h.ord));
    }
  });
});

describe('records', () => {
  it('reads tsvector output with quotes, backslashes, weights and positions', () => {
    const seen: Array<[string, number[]]> = [];
    parseTsvector(`'a''b':1A,4B 'c\\\\d':2 'plain':3C`, (lexeme, weights) => seen.push([lexeme, weights]));
    expect(seen).toEqual([
      ["a'b", [1, 0.5]],
      ['c\\d', [Math.fround(0.05)]],
      ['plain', [Math.fround(0.2)]],
    ]);
  });

  it('shares ts_rank as PostgreSQL does: title 1, concept 0.5, both 1.125 (over π²/6)', () => {
    expect(rankContribution([1])).toBeCloseTo(1 / 1.64493406685, 6);
    expect(rankContribution([0.5])).toBeCloseTo(0.5 / 1.64493406685, 6);
    expect(rankContribution([1, 0.5])).toBeCloseTo(1.125 / 1.64493406685, 6);
  });

  it('derives the same record from a document and from its stored row', () => {
    const doc = buildSearchDocument(
      sampleListing({ title: '스마트 공장 불량 검출', tasks: ['urn:aimatch:task:visual-inspection'], amount: [1_000_000, null] }),
      vocabulary,
    );
    const fromDoc = recordFromDocument(doc);
    // What PostgreSQL returns for the row (terms_head as tsvector output: sorted lexemes, positions with weights).
    const positions = new Map<string, string[]>();
    let p = 0;
    for (const [w, list] of [
      ['A', doc.terms.a],
      ['B', doc.terms.b],
    ] as const)
      for (const t of list) positions.set(t, [...(positions.get(t) ?? []), `${++p}${w}`]);
    const head = [...positions]
      .sort(([x], [y]) => (x < y ? -1 : 1))
      .map(([t, ps]) => `'${t}':${ps.join(',')}`)
      .join(' ');
    const fromRow = recordFromRow({
      id: doc.id,
      version: doc.version,
      kind: doc.kind,
      visibility: doc.visibility,
      verified: doc.verified,
      published_us: String(Date.parse(doc.publishedAt) * 1000),
      amount_min: '1000000',
      amount_max: null,
      concepts: Object.values(doc.concepts).flat(),
      concepts_x: [...new Set(Object.values(doc.conceptsExpanded).flat())],
      choseong: doc.choseong,
      lexemes: [...new Set([...doc.terms.a, ...doc.terms.b, ...doc.terms.c])].join('\x1f'),
      head,
    });
    const norm = (r: IndexRecord) => ({
      ...r,
      terms: [...r.terms].sort(),
      head: Object.fromEntries(r.headTerms.map((t, i) => [t, r.headRank[i]])),
      headTerms: [],
      headRank: [],
    });
    expect(norm(fromRow)).toEqual(norm(fromDoc));
  });

  it('prints a float4 as PostgreSQL does (shortest round trip)', () => {
    expect(float4Text(Math.fround(0.1))).toBe(0.1);
    expect(float4Text(Math.fround(1 / 3))).toBe(0.33333334);
    expect(float4Text(0)).toBe(0);
  });
});

describe('MemoryEngine', () => {
  const titles = [
    '스마트 공장 불량 검출',
    '설비 예지보전 솔루션',
    '물류 수요 예측',
    '품질 검사 자동화',
    'Korean chatbot',
    '불량 검출 비전 검사',
  ];
  const record = (i: number, over: { version?: number; title?: string } = {}) =>
    recordFromDocument(
      buildSearchDocument(
        sampleListing({
          id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
          title: over.title ?? `${titles[i % titles.length]} ${i % 7 ? '서비스' : ''}`,
          version: over.version ?? 1,
          amount: i % 5 ? [i * 1_000_000, i * 2_000_000] : [null, null],
          verified: i % 3 !== 0,
          tasks: [i % 2 ? 'urn:aimatch:task:visual-inspection' : 'urn:aimatch:task:predictive-maintenance'],
          publishedAt: new Date(Date.UTC(2026, 0, 1) + Math.floor(i / 2) * 1000),
        }),
        vocabulary,
      ),
    );
  const request = (q: string | null, over: Partial<SearchRequest> = {}): SearchRequest => ({
    query: planQuery(q, vocabulary),
    filters: { visibility: ['PUBLIC'] },
    facets: ['task', 'verified'],
    sort: 'relevance',
    limit: 10,
    offset: 0,
    ...over,
  });
  const ids = (e: MemoryEngine, r: SearchRequest) => e.search(r).hits.map((h) => h.id);

  it('keeps the newer version: an older upsert is refused, an equal one replaces', () => {
    const e = new MemoryEngine();
    expect(e.upsert(record(1, { version: 3, title: '알파카 검사' }))).toBe(true);
    expect(e.upsert(record(1, { version: 2, title: '코끼리 검사' }))).toBe(false);
    expect(ids(e, request('코끼리'))).toEqual([]);
    expect(e.upsert(record(1, { version: 3, title: '기린 검사' }))).toBe(true);
    expect(ids(e, request('기린'))).toHaveLength(1);
    expect(ids(e, request('알파카'))).toEqual([]);
    expect(e.size).toBe(1);
    expect(e.dead).toBe(1);
  });

  it('leaves tombstones on replace and delete, and compaction changes no result', () => {
    const e = new MemoryEngine();
    for (let i = 0; i < 3000; i++) e.upsert(record(i));
    for (let i = 0; i < 3000; i += 2) e.upsert(record(i, { version: 2 }));
    for (let i = 1; i < 3000; i += 4) e.delete(record(i).id);
    expect(e.size).toBe(3000 - 750);
    const requests = [
      request('불량 검출'),
      request('예지보전', { sort: 'newest', offset: 5 }),
      request('ㅂㄹㄱㅊ'),
      request('ㅅㅁㅌ'),
      request('ㅂㄹ'),
      request(null, { sort: 'amount_asc', filters: { visibility: ['PUBLIC'], amountMin: 100_000_000, amountMax: 900_000_000 } }),
      request(null, { sort: 'amount_desc', facets: ['task', 'region', 'verified'] }),
      request('chatbot', { filters: { visibility: ['PUBLIC'], verifiedOnly: true } }),
    ];
    const before = requests.map((r) => e.search(r));
    e.maybeCompact();
    expect(e.dead).toBe(0);
    expect(requests.map((r) => e.search(r))).toEqual(before);
    expect(before[0].estimatedTotal).toBeGreaterThan(100);
  });

  it('ranks choseong matches by the position of the first occurrence, for keys of any length', () => {
    const e = new MemoryEngine();
    const keys = ['ㄱ ㄴㄷㄹ', 'ㄴㄷㄹㄱ', 'ㅁㅁㅁ ㄱㄴ', 'ㄱㄴㄷ', 'ㄷㄹ'];
    keys.forEach((choseong, i) => e.upsert({ ...record(i), choseong }));
    for (const q of ['ㄱ', 'ㄱㄴ', 'ㄴㄷㄹ', 'ㄱㄴㄷ', 'ㄴㄷㄹㄱ', 'ㅁㅁㅁ']) {
      const found = e.search(request(q, { facets: [] }));
      const expected = keys
        .map((k, i) => ({ id: record(i).id, at: k.indexOf(q), published: i }))
        .filter((x) => x.at >= 0)
        .sort((a, b) => a.at - b.at || Math.floor(b.published / 2) - Math.floor(a.published / 2) || (a.id < b.id ? 1 : -1));
      expect(found.hits.map((h) => h.id)).toEqual(expected.map((x) => x.id));
    }
  });

  it('turns common terms into bitsets and back without losing a posting', () => {
    const e = new MemoryEngine();
    for (let i = 0; i < 5000; i++) e.upsert(record(i, { title: i % 3 ? '공통 단어' : `희귀 ${i}` }));
    expect(e.search(request('공통', { facets: [] })).estimatedTotal).toBe(3333);
    expect(e.search(request('희귀', { facets: [] })).estimatedTotal).toBe(1667);
  });
});
