/**
 * MeilisearchSearchIndex against an in-memory fake of the client: what it asks Meilisearch to do,
 * in which order, and how it treats failed tasks. Meilisearch's own behaviour (ranking, filters,
 * tokenization) is not modelled here: the shared contract covers it when MEILI_URL is set.
 */
import { beforeEach, describe, expect, it } from '@jest/globals';
import { MeilisearchSearchIndex, MeilisearchTaskError } from '../adapters/meilisearch/meilisearch-search-index';
import { meilisearchSettings } from '../adapters/meilisearch/settings';
import type {
  MeiliClient,
  MeiliDocument,
  MeiliIndex,
  MeiliSearchParams,
  MeiliSearchResponse,
  MeiliSettings,
  MeiliTask,
  MeiliTaskError,
  MeiliTaskPromise,
} from '../adapters/meilisearch/types';
import { loadShippedVocabulary, sampleListing } from '../contract/search-index.contract';
import { buildSearchDocument } from '../document';
import type { SearchDocument, SearchRequest } from '../port';

interface FakeIndex {
  primaryKey?: string;
  settings: MeiliSettings | null;
  docs: Map<string, MeiliDocument>;
}

class FakeMeilisearch implements MeiliClient {
  indexes = new Map<string, FakeIndex>();
  log: string[] = [];
  searches: Array<{ uid: string; q: string | null; params: MeiliSearchParams }> = [];
  response: MeiliSearchResponse = { hits: [], processingTimeMs: 0, totalHits: 0 };
  /** Makes the next task of this type fail with this error. */
  failNext = new Map<string, MeiliTaskError>();
  private uid = 0;

  private task(type: string, indexUid: string | null, apply: () => MeiliTaskError | void): MeiliTaskPromise {
    const uid = ++this.uid;
    this.log.push(`${type} ${indexUid ?? ''}`.trim());
    const injected = this.failNext.get(type);
    this.failNext.delete(type);
    const error = injected ?? apply() ?? null;
    const done: MeiliTask = { uid, indexUid, type, status: error ? 'failed' : 'succeeded', error };
    return Object.assign(Promise.resolve({ taskUid: uid }), { waitTask: async () => done });
  }

  private notFound(uid: string): MeiliTaskError {
    return { code: 'index_not_found', message: `Index \`${uid}\` not found.` };
  }

  index(uid: string): MeiliIndex {
    const get = () => this.indexes.get(uid);
    const autoCreate = () => {
      if (!get()) this.indexes.set(uid, { settings: null, docs: new Map() });
      return get()!;
    };
    return {
      updateSettings: (settings) => this.task('settingsUpdate', uid, () => void (autoCreate().settings = settings)),
      addDocuments: (documents) =>
        this.task('documentAdditionOrUpdate', uid, () => {
          const index = autoCreate();
          if (!index.primaryKey) return { code: 'index_primary_key_multiple_candidates_found', message: 'id, organizationId' };
          for (const d of documents) index.docs.set(d.id, structuredClone(d));
        }),
      deleteDocuments: (ids) =>
        this.task('documentDeletion', uid, () => {
          const index = get();
          if (!index) return this.notFound(uid);
          for (const id of ids) index.docs.delete(id);
        }),
      deleteAllDocuments: () =>
        this.task('documentDeletion', uid, () => {
          const index = get();
          if (!index) return this.notFound(uid);
          index.docs.clear();
        }),
      getStats: async () => {
        const index = get();
        if (!index) throw Object.assign(new Error('not found'), { cause: this.notFound(uid) });
        return { numberOfDocuments: index.docs.size };
      },
      getDocuments: async ({ ids, fields, limit }) => {
        this.log.push(`getDocuments ${uid} ${ids.length}`);
        const index = get();
        if (!index) throw Object.assign(new Error('not found'), { cause: this.notFound(uid) });
        const results = ids
          .map((id) => index.docs.get(id))
          .filter((d): d is MeiliDocument => !!d)
          .slice(0, limit)
          .map((d) => Object.fromEntries(fields.map((f) => [f, (d as unknown as Record<string, unknown>)[f]])));
        return { results };
      },
      search: async (q, params) => {
        this.searches.push({ uid, q, params });
        return this.response;
      },
    };
  }

  async getRawIndex(uid: string) {
    const index = this.indexes.get(uid);
    if (!index) throw Object.assign(new Error(`Index \`${uid}\` not found.`), { cause: this.notFound(uid) });
    return { uid, primaryKey: index.primaryKey };
  }

  createIndex(uid: string, options: { primaryKey: string }) {
    return this.task('indexCreation', uid, () => {
      if (this.indexes.has(uid)) return { code: 'index_already_exists', message: `Index \`${uid}\` already exists.` };
      this.indexes.set(uid, { primaryKey: options.primaryKey, settings: null, docs: new Map() });
    });
  }

  updateIndex(uid: string, options: { primaryKey: string }) {
    return this.task('indexUpdate', uid, () => {
      const index = this.indexes.get(uid);
      if (!index) return this.notFound(uid);
      if (index.primaryKey && index.docs.size) return { code: 'index_primary_key_already_exists', message: 'has one' };
      index.primaryKey = options.primaryKey;
    });
  }

  deleteIndex(uid: string) {
    return this.task('indexDeletion', uid, () => {
      if (!this.indexes.delete(uid)) return this.notFound(uid);
    });
  }

  swapIndexes(params: Array<{ indexes: [string, string]; rename: boolean }>) {
    return this.task('indexSwap', null, () => {
      for (const {
        indexes: [a, b],
        rename,
      } of params) {
        const ia = this.indexes.get(a);
        const ib = this.indexes.get(b);
        if (!ia) return this.notFound(a);
        if (rename) {
          if (ib) return { code: 'index_already_exists', message: `Index \`${b}\` already exists.` };
          this.indexes.delete(a);
          this.indexes.set(b, ia);
        } else {
          if (!ib) return this.notFound(b);
          this.indexes.set(a, ib);
          this.indexes.set(b, ia);
        }
      }
    });
  }
}

const vocabulary = loadShippedVocabulary();
const listing = sampleListing({ title: '스마트 공장 불량 검출', tasks: ['urn:aimatch:task:visual-inspection'] });
const doc = (over: Partial<SearchDocument> = {}): SearchDocument => ({ ...buildSearchDocument(listing, vocabulary), ...over });
const request = (over: Partial<SearchRequest> = {}): SearchRequest => ({
  query: null,
  filters: { visibility: ['PUBLIC'] },
  facets: [],
  sort: 'relevance',
  limit: 20,
  offset: 0,
  ...over,
});

describe('MeilisearchSearchIndex (against a fake client)', () => {
  let fake: FakeMeilisearch;
  let index: MeilisearchSearchIndex;

  beforeEach(() => {
    fake = new FakeMeilisearch();
    index = new MeilisearchSearchIndex({ host: 'http://unused', indexUid: 'listings', client: fake });
  });

  it('is the meilisearch engine and needs an index uid', () => {
    expect(index.engine).toBe('meilisearch');
    expect(() => new MeilisearchSearchIndex({ host: 'http://x', indexUid: '' })).toThrow(/indexUid/);
  });

  describe('ensureIndex', () => {
    it('creates the index with primary key id and applies the settings; later calls only apply settings', async () => {
      const settings = { synonyms: [['AI', '인공지능']] };
      await index.ensureIndex(settings);
      expect(fake.indexes.get('listings')).toMatchObject({ primaryKey: 'id', settings: meilisearchSettings(settings) });
      await index.ensureIndex(settings);
      expect(fake.log).toEqual(['indexCreation listings', 'settingsUpdate listings', 'settingsUpdate listings']);
    });

    it('throws the failed task’s code and message', async () => {
      fake.failNext.set('settingsUpdate', {
        code: 'invalid_settings_ranking_rules',
        message: '`publishedAt:desc` is not a valid ranking rule.',
      });
      const err = await index.ensureIndex({ synonyms: [] }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(MeilisearchTaskError);
      expect((err as MeilisearchTaskError).code).toBe('invalid_settings_ranking_rules');
      expect((err as Error).message).toMatch(
        /update settings of listings failed \(task 2, settingsUpdate, index listings\): invalid_settings_ranking_rules: `publishedAt:desc` is not a valid ranking rule\./,
      );
    });

    it('accepts an index created meanwhile by another instance', async () => {
      fake.failNext.set('indexCreation', { code: 'index_already_exists', message: 'exists' });
      await expect(index.ensureIndex({ synonyms: [] })).resolves.toBeUndefined();
      expect(fake.log.at(-1)).toBe('settingsUpdate listings');
    });

    it('sets the primary key of an existing index that has none', async () => {
      fake.indexes.set('listings', { settings: null, docs: new Map() });
      await index.ensureIndex({ synonyms: [] });
      expect(fake.log).toEqual(['indexUpdate listings', 'settingsUpdate listings']);
      expect(fake.indexes.get('listings')!.primaryKey).toBe('id');
    });

    it('refuses an existing index with another primary key', async () => {
      fake.indexes.set('listings', { primaryKey: 'uuid', settings: null, docs: new Map() });
      await expect(index.ensureIndex({ synonyms: [] })).rejects.toThrow(/primary key "uuid", expected "id"/);
    });

    it('propagates other errors of the index lookup', async () => {
      fake.getRawIndex = async () => {
        throw Object.assign(new Error('invalid API key'), { cause: { code: 'invalid_api_key' } });
      };
      await expect(index.ensureIndex({ synonyms: [] })).rejects.toThrow('invalid API key');
    });
  });

  describe('upsert', () => {
    beforeEach(async () => {
      await index.ensureIndex({ synonyms: [] });
      fake.log = [];
    });

    it('stores mapped documents and counts them once', async () => {
      await index.upsert([doc()]);
      await index.upsert([doc()]);
      expect((await index.stats()).documents).toBe(1);
      expect(fake.indexes.get('listings')!.docs.get(listing.id)).toMatchObject({
        id: listing.id,
        version: 1,
        termsA: expect.stringContaining('공장'),
      });
    });

    it('never replaces a newer stored version with an older one; an equal version replaces', async () => {
      await index.upsert([doc({ version: 3, title: 'v3' })]);
      await index.upsert([doc({ version: 2, title: 'v2' })]);
      expect(fake.indexes.get('listings')!.docs.get(listing.id)).toMatchObject({ version: 3, title: 'v3' });
      await index.upsert([doc({ version: 3, title: 'v3 again' })]);
      expect(fake.indexes.get('listings')!.docs.get(listing.id)).toMatchObject({ version: 3, title: 'v3 again' });
      await index.upsert([doc({ version: 4, title: 'v4' })]);
      expect(fake.indexes.get('listings')!.docs.get(listing.id)).toMatchObject({ version: 4, title: 'v4' });
    });

    it('keeps the highest version of an id within one call', async () => {
      await index.upsert([doc({ version: 5, title: 'v5' }), doc({ version: 2, title: 'v2' }), doc({ version: 4, title: 'v4' })]);
      expect(fake.indexes.get('listings')!.docs.get(listing.id)).toMatchObject({ version: 5, title: 'v5' });
    });

    it('sends no task when every document is older than what is stored', async () => {
      await index.upsert([doc({ version: 9 })]);
      fake.log = [];
      await index.upsert([doc({ version: 1 })]);
      expect(fake.log).toEqual([`getDocuments listings 1`]);
    });

    it('writes in batches and reads stored versions 100 ids at a time', async () => {
      const small = new MeilisearchSearchIndex({ host: 'http://unused', indexUid: 'listings', client: fake, batchSize: 150 });
      const docs = Array.from({ length: 320 }, (_, i) => doc({ id: `id-${String(i).padStart(3, '0')}` }));
      await small.upsert(docs);
      expect(fake.log.filter((l) => l.startsWith('documentAdditionOrUpdate'))).toHaveLength(3);
      expect(fake.log.filter((l) => l.startsWith('getDocuments')).map((l) => Number(l.split(' ')[2]))).toEqual([100, 50, 100, 50, 20]);
      expect((await small.stats()).documents).toBe(320);
    });

    it('throws when the addition task fails', async () => {
      fake.failNext.set('documentAdditionOrUpdate', { code: 'invalid_document_id', message: 'bad id' });
      await expect(index.upsert([doc()])).rejects.toThrow(/invalid_document_id: bad id/);
    });

    it('does nothing for no documents', async () => {
      await index.upsert([]);
      expect(fake.log).toEqual([]);
    });
  });

  describe('delete, clear, stats', () => {
    beforeEach(async () => {
      await index.ensureIndex({ synonyms: [] });
      await index.upsert([doc(), doc({ id: 'other' })]);
    });

    it('deletes by id', async () => {
      await index.delete([listing.id, listing.id, 'missing']);
      expect((await index.stats()).documents).toBe(1);
      fake.log = [];
      await index.delete([]);
      expect(fake.log).toEqual([]);
    });

    it('clears everything', async () => {
      await index.clear();
      expect((await index.stats()).documents).toBe(0);
    });
  });

  describe('search', () => {
    it('sends the built search to the live index and maps the response', async () => {
      fake.response = {
        hits: [{ id: 'a', _rankingScore: 0.5 }],
        processingTimeMs: 1,
        totalHits: 1,
        facetDistribution: { concepts: { 'urn:aimatch:task:chatbot': 1 }, verified: { true: 1 } },
      };
      const res = await index.search(request({ facets: ['task', 'verified'] }));
      expect(fake.searches).toEqual([
        {
          uid: 'listings',
          q: null,
          params: expect.objectContaining({
            filter: ['visibility IN ["PUBLIC"]'],
            facets: ['concepts', 'verified'],
            sort: ['publishedAt:desc', 'id:desc'],
          }),
        },
      ]);
      expect(res).toMatchObject({
        hits: [{ id: 'a', score: 0 }],
        facetDistribution: { task: { 'urn:aimatch:task:chatbot': 1 }, verified: { true: 1 } },
        estimatedTotal: 1,
      });
      expect(res.tookMs).toBeGreaterThanOrEqual(0);
    });

    it('does not ask the engine when the caller may see nothing', async () => {
      const res = await index.search(request({ filters: { visibility: [] }, facets: ['task'] }));
      expect(fake.searches).toEqual([]);
      expect(res).toMatchObject({ hits: [], facetDistribution: { task: {} }, estimatedTotal: 0 });
    });
  });

  describe('reindex', () => {
    it('builds a new index, swaps it with the live one and deletes the old one', async () => {
      await index.ensureIndex({ synonyms: [['AI', '인공지능']] });
      await index.upsert([doc({ id: 'stale' })]);
      fake.log = [];
      const result = await index.reindex([doc(), doc({ id: 'second' })]);
      expect(result).toEqual({ documents: 2 });
      expect([...fake.indexes.keys()]).toEqual(['listings']);
      expect([...fake.indexes.get('listings')!.docs.keys()].sort()).toEqual([listing.id, 'second'].sort());
      expect(fake.indexes.get('listings')!.settings).toEqual(meilisearchSettings({ synonyms: [['AI', '인공지능']] }));
      const tmp = fake.log[0].split(' ')[1];
      expect(tmp).toMatch(/^listings__rebuild_/);
      expect(fake.log).toEqual([
        `indexCreation ${tmp}`,
        `settingsUpdate ${tmp}`,
        `getDocuments ${tmp} 2`,
        `documentAdditionOrUpdate ${tmp}`,
        'indexSwap',
        `indexDeletion ${tmp}`,
      ]);
    });

    it('accepts batches, and renames the new index into place when there is no live one', async () => {
      await index.reindex([[doc()], [doc({ id: 'second' })]], { synonyms: [] });
      expect([...fake.indexes.keys()]).toEqual(['listings']);
      expect(fake.indexes.get('listings')!.docs.size).toBe(2);
    });

    it('mirrors writes made during the rebuild into the new index', async () => {
      await index.ensureIndex({ synonyms: [] });
      async function* batches() {
        yield [doc({ id: 'first' })];
        await index.upsert([doc({ id: 'written-meanwhile' })]);
        await index.delete(['first']);
        yield [doc({ id: 'last' })];
      }
      await index.reindex(batches());
      expect([...fake.indexes.get('listings')!.docs.keys()].sort()).toEqual(['last', 'written-meanwhile']);
    });

    it('deletes the half-built index and keeps the live one when the rebuild fails', async () => {
      await index.ensureIndex({ synonyms: [] });
      await index.upsert([doc({ id: 'live' })]);
      fake.failNext.set('documentAdditionOrUpdate', { code: 'payload_too_large', message: 'too large' });
      await expect(index.reindex([doc()])).rejects.toThrow(/payload_too_large/);
      expect([...fake.indexes.keys()]).toEqual(['listings']);
      expect([...fake.indexes.get('listings')!.docs.keys()]).toEqual(['live']);
      // Writes go to the live index only again.
      fake.log = [];
      await index.upsert([doc({ id: 'after' })]);
      expect(fake.log.every((l) => l.endsWith('listings') || l.includes('listings '))).toBe(true);
    });

    it('refuses a second reindex started at the same time', async () => {
      const first = index.reindex([doc()], { synonyms: [] });
      await expect(index.reindex([doc()], { synonyms: [] })).rejects.toThrow(/already running/);
      await expect(first).resolves.toEqual({ documents: 1 });
      await expect(index.reindex([doc(), doc({ id: 'x' })])).resolves.toEqual({ documents: 2 });
    });

    it('refuses a second reindex while one runs', async () => {
      await index.ensureIndex({ synonyms: [] });
      let second: Promise<unknown> | null = null;
      async function* batches() {
        second = index.reindex([]);
        yield [doc()];
      }
      await index.reindex(batches());
      await expect(second).rejects.toThrow(/already running/);
    });
  });

  describe('drop', () => {
    it('deletes the index, and does not mind when it is already gone', async () => {
      await index.ensureIndex({ synonyms: [] });
      await index.drop();
      expect(fake.indexes.size).toBe(0);
      await expect(index.drop()).resolves.toBeUndefined();
    });
  });
});
