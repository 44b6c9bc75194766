/**
 * The in-process engine's start-up snapshot against a real `search_documents` table: a restart
 * restores from the file, catches up on what changed while it was down and answers as a cold
 * load would; a corrupt file, another database or a feed position past the table's is refused
 * and the index loads from the table instead.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildSearchDocument, MemorySearchIndex, planQuery, type SearchRequest } from '@aimatch/search';
import { loadShippedVocabulary, sampleListing } from '@aimatch/search/contract';
import { createTestDatabase } from '@aimatch/api-testing';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const vocabulary = loadShippedVocabulary();
const titles = ['스마트 공장 불량 검출', '설비 예지보전 솔루션', '물류 수요 예측', '품질 검사 자동화', 'Korean chatbot'];
const doc = (i: number, version = 1) =>
  buildSearchDocument(
    sampleListing({
      id: `00000000-0000-4000-9100-${String(i).padStart(12, '0')}`,
      title: `${titles[i % titles.length]} ${i}`,
      version,
      tasks: [i % 2 ? 'urn:aimatch:task:visual-inspection' : 'urn:aimatch:task:predictive-maintenance'],
      amount: [i * 1_000_000, null],
      publishedAt: new Date(Date.UTC(2026, 0, 1) + i * 1000),
    }),
    vocabulary,
  );
const request = (q: string | null): SearchRequest => ({
  query: planQuery(q, vocabulary),
  filters: { visibility: ['PUBLIC'] },
  facets: ['task'],
  sort: 'relevance',
  limit: 50,
  offset: 0,
});
const queries = ['불량 검출', '예지보전', 'chatbot', 'ㅅㅁㅌ', null];

describe('MemorySearchIndex start-up snapshot', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let other: Awaited<ReturnType<typeof createTestDatabase>>;
  let pool: pg.Pool;
  let otherPool: pg.Pool;
  const dir = mkdtempSync(join(tmpdir(), 'aimatch-snapshot-'));
  const path = join(dir, 'search', 'memory-index.snap');
  const events: string[] = [];
  const sqlOf = (p: pg.Pool) => async (text: string, params?: unknown[]) => (await p.query(text, params)).rows;
  const open = (p = pool) =>
    new MemorySearchIndex(sqlOf(p), { pollMs: 50, snapshot: { path, key: 'test', firstAfterMs: 60_000, onEvent: (m) => events.push(m) } });
  const answers = async (index: MemorySearchIndex) =>
    Promise.all(queries.map(async (q) => (await index.search(request(q))).hits.map((h) => [h.id, h.score])));

  beforeAll(async () => {
    [db, other] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    pool = new pg.Pool({ connectionString: db.url, max: 3 });
    otherPool = new pg.Pool({ connectionString: other.url, max: 2 });
  });
  afterAll(async () => {
    await pool.end();
    await otherPool.end();
    await Promise.all([db.drop(), other.drop()]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('restores from the snapshot written at close and catches up on changes made while down', async () => {
    const first = open();
    await first.ensureIndex({ synonyms: [] });
    expect(first.restoredFromSnapshot).toBe(false);
    await first.upsert(Array.from({ length: 300 }, (_, i) => doc(i)));
    await first.delete([doc(7).id, doc(8).id]);
    await first.close(); // writes the snapshot
    expect(events.at(-1)).toMatch(/snapshot of 298 documents written/);

    // While no process runs: another writer changes, adds and deletes.
    const writer = new MemorySearchIndex(sqlOf(pool));
    await writer.upsert([doc(1, 2), doc(400), doc(401)]);
    await writer.delete([doc(2).id]);
    await writer.close();

    const second = open();
    await second.ensureIndex({ synonyms: [] });
    expect(second.restoredFromSnapshot).toBe(true);
    expect((await second.stats()).documents).toBe(299);
    // A cold load of the same table answers the same.
    const cold = new MemorySearchIndex(sqlOf(pool));
    await cold.ensureIndex({ synonyms: [] });
    expect(await answers(second)).toEqual(await answers(cold));
    expect((await second.search(request('400'))).hits.map((h) => h.id)).toContain(doc(400).id);
    await cold.close();
    await second.close();
  });

  it('refuses a corrupt snapshot and loads from the table', async () => {
    const bytes = readFileSync(path);
    bytes[bytes.length - 10] ^= 0xff;
    writeFileSync(path, bytes);
    const index = open();
    await index.ensureIndex({ synonyms: [] });
    expect(index.restoredFromSnapshot).toBe(false);
    expect(events.some((e) => /snapshot refused \(checksum mismatch\)/.test(e))).toBe(true);
    expect((await index.stats()).documents).toBe(299);
    await index.close(); // a fresh one replaces it
    const again = open();
    await again.ensureIndex({ synonyms: [] });
    expect(again.restoredFromSnapshot).toBe(true);
    await again.close();
  });

  it("refuses another database's snapshot", async () => {
    const index = open(otherPool);
    await index.ensureIndex({ synonyms: [] });
    expect(index.restoredFromSnapshot).toBe(false);
    expect(events.some((e) => /snapshot refused \(key /.test(e))).toBe(true);
    expect((await index.stats()).documents).toBe(0);
    await index.close();
  });

  it('refuses a snapshot that no longer matches the table (a row changed behind the feed)', async () => {
    const index = open();
    await index.ensureIndex({ synonyms: [] });
    await index.upsert([doc(500)]);
    await index.close();
    // A restore from a backup: a row gone without a tombstone.
    await pool.query(`ALTER TABLE search_documents DISABLE TRIGGER USER`);
    await pool.query(`DELETE FROM search_documents WHERE id = $1`, [doc(3).id]);
    await pool.query(`ALTER TABLE search_documents ENABLE TRIGGER USER`);
    const after = open();
    await after.ensureIndex({ synonyms: [] });
    expect(after.restoredFromSnapshot).toBe(false);
    expect(events.some((e) => /does not match the table/.test(e))).toBe(true);
    expect((await after.stats()).documents).toBe(299);
    await after.close();
  });
});
