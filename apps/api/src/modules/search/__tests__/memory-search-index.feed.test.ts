/**
 * MemorySearchIndex against PostgresSearchIndex on the same `search_documents` table: identical
 * hits, scores, totals and facets for a spread of queries, filters, sorts and pages; and a second
 * instance (another API process) that loads the table and follows the change feed.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  buildSearchDocument,
  MemorySearchIndex,
  planQuery,
  PostgresSearchIndex,
  type SearchDocument,
  type SearchRequest,
} from '@aimatch/search';
import { loadShippedVocabulary, sampleListing } from '@aimatch/search/contract';
import { createTestDatabase } from '@aimatch/api-testing';
import { choseong } from '@aimatch/korean-text';
import pg from 'pg';

const vocabulary = loadShippedVocabulary();
let seed = 7;
const rand = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
const scheme = (s: string) => vocabulary.concepts.filter((c) => c.scheme === s && !c.deprecated);
const tasks = scheme('task');
const industries = scheme('industry');
const FILLER = ['공장', '데이터', '자동화', '품질', '검사', '분석', '시스템', '구축', 'vision', 'data', 'factory', '솔루션'];
const phrase = (n: number) =>
  Array.from({ length: n }, () => (rand() < 0.3 ? pick(tasks).labels[pick(['ko', 'en'] as const)] : pick(FILLER))).join(' ');

function corpus(n: number): SearchDocument[] {
  return Array.from({ length: n }, (_, i) => {
    const min = rand() < 0.2 ? null : Math.round(rand() * 30) * 10_000_000;
    return buildSearchDocument(
      sampleListing({
        id: `00000000-0000-4000-9000-${String(i).padStart(12, '0')}`,
        kind: rand() < 0.4 ? 'DEMAND' : 'SUPPLY',
        title: phrase(2 + Math.floor(rand() * 4)),
        description: phrase(10 + Math.floor(rand() * 30)),
        tasks: [pick(tasks).id, ...(rand() < 0.5 ? [pick(tasks).id] : [])],
        industries: rand() < 0.7 ? [pick(industries).id] : [],
        amount: [min, min === null ? null : min + Math.round(rand() * 10) * 10_000_000],
        verified: rand() < 0.6,
        visibility: rand() < 0.15 ? 'VERIFIED_SUPPLIERS' : 'PUBLIC',
        // Ties on purpose: the id decides.
        publishedAt: new Date(Date.UTC(2026, 0, 1) + Math.floor(i / 3) * 60_000),
        organizationName: `${pick(FILLER)}테크(주)`,
      }),
      vocabulary,
    );
  });
}

describe('MemorySearchIndex', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let pool: pg.Pool;
  let writer: MemorySearchIndex;
  let reader: MemorySearchIndex;
  let postgres: PostgresSearchIndex;
  const sql = async (text: string, params?: unknown[]) => (await pool.query(text, params)).rows;
  const docs = corpus(400);

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = new pg.Pool({ connectionString: db.url, max: 4 });
    writer = new MemorySearchIndex(sql, { pollMs: 50 });
    postgres = new PostgresSearchIndex(sql);
    await writer.ensureIndex({ synonyms: [] });
    await writer.upsert(docs);
    // Replacements and deletions leave dead ordinals behind, as in a running process.
    await writer.upsert(docs.slice(0, 40).map((d) => ({ ...d, version: 2 })));
    await writer.delete(docs.slice(40, 50).map((d) => d.id));
    reader = new MemorySearchIndex(sql, { pollMs: 50 });
    await reader.ensureIndex({ synonyms: [] });
  });
  afterAll(async () => {
    await writer.close();
    await reader.close();
    await pool.end();
    await db.drop();
  });

  const texts = [
    '공장',
    '데이터 분석',
    '스마트공장의 품질 검사',
    'vision',
    'data factory',
    '불량검출',
    'predictive maintenance',
    '컴퓨터 비전',
    '솔루션을 구축',
    'ㄱㅈ',
    'ㅍㅈ',
    'ㅅㅁ',
    '없는단어',
    choseong(tasks[3].labels.ko).slice(0, 2),
    tasks[5].labels.ko,
    tasks[9].labels.en,
  ];
  const requests: SearchRequest[] = [];
  for (const q of [...texts, null]) {
    for (const variant of [0, 1, 2, 3]) {
      requests.push({
        query: planQuery(q, vocabulary),
        filters: {
          visibility: variant === 1 ? ['PUBLIC', 'VERIFIED_SUPPLIERS'] : ['PUBLIC'],
          kind: variant === 2 ? 'SUPPLY' : undefined,
          verifiedOnly: variant === 3 ? true : undefined,
          concepts: variant === 2 ? { task: [tasks.find((t) => !t.parent)!.id] } : undefined,
          amountMin: variant === 3 ? 50_000_000 : undefined,
          amountMax: variant === 3 ? 150_000_000 : undefined,
        },
        facets: ['task', 'industry', 'region', 'certification', 'verified'],
        sort: (['relevance', 'newest', 'amount_asc', 'amount_desc'] as const)[variant],
        limit: variant === 0 ? 5 : 20,
        offset: variant === 1 ? 7 : 0,
      });
    }
  }

  it('returns what PostgresSearchIndex returns: hits, scores, totals and facets', async () => {
    let compared = 0;
    for (const r of requests) {
      const { tookMs: _a, ...expected } = await postgres.search(r);
      const { tookMs: _b, ...actual } = await writer.search(r);
      expect({ q: r.query?.text, sort: r.sort, ...actual }).toEqual({ q: r.query?.text, sort: r.sort, ...expected });
      compared += expected.hits.length;
    }
    expect(compared).toBeGreaterThan(500);
  });

  it('loads the same index in another process from PostgreSQL', async () => {
    expect((await reader.stats()).documents).toBe(390);
    for (const r of requests) {
      const { tookMs: _a, ...expected } = await writer.search(r);
      const { tookMs: _b, ...actual } = await reader.search(r);
      expect(actual).toEqual(expected);
    }
  });

  it('follows the change feed: another instance sees a publish, a replacement and a delete within a second', async () => {
    const probe = (q: string) =>
      reader.search({
        query: planQuery(q, vocabulary),
        filters: { visibility: ['PUBLIC'] },
        facets: [],
        sort: 'relevance',
        limit: 5,
        offset: 0,
      });
    const fresh = buildSearchDocument(
      sampleListing({ id: '00000000-0000-4000-9000-999999999999', title: '알파카 털 선별 검사' }),
      vocabulary,
    );
    const visibleWithin = async (q: string, want: string[]) => {
      const until = Date.now() + 1000;
      for (;;) {
        const ids = (await probe(q)).hits.map((h) => h.id);
        if (JSON.stringify(ids) === JSON.stringify(want)) return;
        if (Date.now() > until) throw new Error(`${q}: ${JSON.stringify(ids)} after 1 s, want ${JSON.stringify(want)}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    };
    await writer.upsert([fresh]);
    await visibleWithin('알파카', [fresh.id]);
    await writer.upsert([buildSearchDocument(sampleListing({ id: fresh.id, title: '코끼리 털 선별 검사', version: 3 }), vocabulary)]);
    await writer.upsert([fresh]); // older: ignored by PostgreSQL, so never seen by the feed
    await visibleWithin('코끼리', [fresh.id]);
    await visibleWithin('알파카', []);
    await writer.delete([fresh.id]);
    await visibleWithin('코끼리', []);
    expect((await reader.stats()).documents).toBe(390);
  });

  it('follows a clear and a rebuild by another writer', async () => {
    await postgres.clear();
    await reader.catchUp();
    expect((await reader.stats()).documents).toBe(0);
    await postgres.upsert(docs);
    await reader.catchUp();
    expect((await reader.stats()).documents).toBe(400);
    await writer.catchUp();
    const r = requests[4];
    const { tookMs: _a, ...expected } = await postgres.search(r);
    const { tookMs: _b, ...actual } = await reader.search(r);
    expect(actual).toEqual(expected);
  });

  it('prunes tombstones older than a week (the scheduled sweep), and keeps recent ones for readers', async () => {
    await sql(
      `INSERT INTO search_document_tombstones (seq, id, deleted_at) VALUES (nextval('search_documents_seq'), gen_random_uuid(), now() - interval '8 days')`,
    );
    await writer.upsert([docs[1]]);
    await writer.delete([docs[1].id]);
    expect(await postgres.pruneTombstones(new Date())).toBe(1);
    const rows = await sql(`SELECT id, deleted_at < now() - interval '7 days' AS old FROM search_document_tombstones`);
    expect(rows.filter((r) => r.old)).toEqual([]);
    expect(rows.map((r) => r.id)).toContain(docs[1].id);
  });
});
