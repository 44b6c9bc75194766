import { describe, expect, it } from '@jest/globals';
import { MemoryEngine } from '../adapters/memory/memory-engine';
import { recordFromDocument } from '../adapters/memory/records';
import { decodeSnapshot, encodeSnapshot, engineShapeIsKnown, SnapshotError } from '../adapters/memory/snapshot';
import { buildSearchDocument } from '../document';
import type { SearchRequest } from '../port';
import { planQuery } from '../query-planner';
import { loadShippedVocabulary, sampleListing } from '../contract/search-index.contract';

const vocabulary = loadShippedVocabulary();
const titles = [
  '스마트 공장 불량 검출',
  '설비 예지보전 솔루션',
  '물류 수요 예측',
  '품질 검사 자동화',
  'Korean chatbot',
  '불량 검출 비전 검사',
];
const record = (i: number, version = 1) =>
  recordFromDocument(
    buildSearchDocument(
      sampleListing({
        id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        title: `${titles[i % titles.length]} ${i % 7 ? '서비스' : ''} ${i % 11 ? '' : '스페셜'}`,
        version,
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
  facets: ['task', 'verified', 'region'],
  sort: 'relevance',
  limit: 20,
  offset: 0,
  ...over,
});
const requests = [
  request('불량 검출'),
  request('예지보전', { sort: 'newest', offset: 5 }),
  request('ㅂㄹㄱㅊ'),
  request('ㅅㅁㅌ'),
  request('ㅂㄹ'),
  request('스페셜'),
  request(null, { sort: 'amount_asc', filters: { visibility: ['PUBLIC'], amountMin: 100_000_000, amountMax: 900_000_000 } }),
  request(null, { sort: 'amount_desc' }),
  request('chatbot', { filters: { visibility: ['PUBLIC'], verifiedOnly: true } }),
];

function engineWithHistory(): MemoryEngine {
  const e = new MemoryEngine();
  for (let i = 0; i < 3000; i++) e.upsert(record(i));
  for (let i = 0; i < 3000; i += 2) e.upsert(record(i, 2));
  for (let i = 1; i < 3000; i += 8) e.delete(record(i).id);
  return e;
}
const position = {
  cursor: 4242,
  applied: new Map([
    ['a', 1],
    ['b', 7],
  ]),
};
const bytes = (parts: Uint8Array[]) => Buffer.concat(parts);

describe('memory engine snapshot', () => {
  it('knows every field of the engine (a new field must be added to the snapshot format)', () => {
    expect(engineShapeIsKnown()).toBe(true);
    expect(engineShapeIsKnown(Object.assign(new MemoryEngine(), { extra: 1 }))).toBe(false);
  });

  it('restores an index that answers every query as the original, and keeps accepting writes the same way', () => {
    const original = engineWithHistory();
    const file = bytes(encodeSnapshot(original, position, 'k'));
    const restored = new MemoryEngine();
    const back = decodeSnapshot(file, restored, { key: 'k' });
    expect(back.cursor).toBe(4242);
    expect([...back.applied]).toEqual([...position.applied]);
    expect(restored.size).toBe(original.size);
    expect(restored.dead).toBe(original.dead);
    expect(requests.map((r) => restored.search(r))).toEqual(requests.map((r) => original.search(r)));
    // Both go on the same way: new documents, replacements, deletes, compaction.
    for (const e of [original, restored]) {
      for (let i = 3000; i < 3400; i++) e.upsert(record(i));
      for (let i = 0; i < 600; i += 3) e.upsert(record(i, 3));
      for (let i = 5; i < 3000; i += 9) e.delete(record(i).id);
      e.maybeCompact();
    }
    expect(requests.map((r) => restored.search(r))).toEqual(requests.map((r) => original.search(r)));
    // And a snapshot of the restored engine restores again.
    const again = new MemoryEngine();
    decodeSnapshot(bytes(encodeSnapshot(restored, position, 'k')), again, { key: 'k' });
    expect(requests.map((r) => again.search(r))).toEqual(requests.map((r) => original.search(r)));
  });

  it('restores an empty engine', () => {
    const e = new MemoryEngine();
    decodeSnapshot(bytes(encodeSnapshot(new MemoryEngine(), { cursor: 0, applied: new Map() }, 'k')), e, { key: 'k' });
    expect(e.size).toBe(0);
    e.upsert(record(1));
    expect(e.search(request('예지보전')).hits).toHaveLength(1);
    expect(e.size).toBe(1);
  });

  it('refuses a corrupt, truncated, foreign-keyed or too old snapshot', () => {
    const e = engineWithHistory();
    const file = bytes(encodeSnapshot(e, position, 'k', 1_000));
    const refuse = (buf: Buffer, expect_: { key: string; maxAgeMs?: number; now?: number } = { key: 'k' }) =>
      expect(() => decodeSnapshot(buf, new MemoryEngine(), expect_)).toThrow(SnapshotError);
    const flipped = Buffer.from(file);
    flipped[flipped.length - 100] ^= 0x40;
    refuse(flipped);
    refuse(file.subarray(0, file.length - 8));
    refuse(Buffer.concat([file, Buffer.alloc(8)]));
    refuse(Buffer.from('not a snapshot at all, just some text'));
    refuse(file, { key: 'other' });
    refuse(file, { key: 'k', maxAgeMs: 60_000, now: 1_000 + 60_001 });
    expect(() => decodeSnapshot(file, new MemoryEngine(), { key: 'k', maxAgeMs: 60_000, now: 2_000 })).not.toThrow();
  });
});
