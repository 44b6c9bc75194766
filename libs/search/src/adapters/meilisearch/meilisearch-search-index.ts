/**
 * The Meilisearch engine behind the SearchIndex port (production). The official client is
 * ESM-only: it is loaded on first use with `await import('meilisearch')` (the API's CommonJS
 * build loads it through require(esm)). Every write waits for its task and throws
 * `MeilisearchTaskError` with the task's error code and message when it fails, so a write that
 * returns has been applied (the contract's read-your-writes).
 */
import type { IndexSettings, SearchDocument, SearchIndex, SearchRequest, SearchResult } from '../../port';
import { emptySearchResult, fromMeiliSearchResponse, toMeiliDocument } from './documents';
import { meilisearchSearch } from './query';
import { meilisearchSettings } from './settings';
import type { MeiliClient, MeiliDocument, MeiliTask, MeiliTaskPromise } from './types';

export interface MeilisearchSearchIndexOptions {
  host: string;
  apiKey?: string;
  indexUid: string;
  /** Documents per `addDocuments` task (default 500, as the PostgreSQL engine's statements). */
  batchSize?: number;
  /** How long to wait for one task (default 120 s) and how often to poll (default 50 ms). */
  taskTimeoutMs?: number;
  taskIntervalMs?: number;
  /** A ready client (tests); by default one is created from `host` and `apiKey`. */
  client?: MeiliClient;
}

/** A Meilisearch task that ended otherwise than `succeeded`. */
export class MeilisearchTaskError extends Error {
  readonly code: string;
  constructor(
    readonly operation: string,
    readonly task: MeiliTask,
  ) {
    const reason = task.error ? `${task.error.code}: ${task.error.message}` : `status ${task.status}`;
    super(`Meilisearch ${operation} failed (task ${task.uid}, ${task.type}, index ${task.indexUid ?? '-'}): ${reason}`);
    this.name = 'MeilisearchTaskError';
    this.code = task.error?.code ?? task.status;
  }
}

/** Ids per read of stored versions (a GET with the ids in the query string). */
const VERSION_READ_CHUNK = 100;
const DELETE_CHUNK = 1000;

export class MeilisearchSearchIndex implements SearchIndex {
  readonly engine = 'meilisearch';
  readonly indexUid: string;
  private clientPromise: Promise<MeiliClient> | null = null;
  private settings: IndexSettings = { synonyms: [] };
  /** During `reindex`: the index being rebuilt, which receives every write too. */
  private shadowUid: string | null = null;
  private reindexing = false;
  private readonly shadowWrites = new Set<Promise<unknown>>();

  constructor(private readonly options: MeilisearchSearchIndexOptions) {
    if (!options.indexUid) throw new Error('MeilisearchSearchIndex: indexUid is required');
    this.indexUid = options.indexUid;
    if (options.client) this.clientPromise = Promise.resolve(options.client);
  }

  private client(): Promise<MeiliClient> {
    this.clientPromise ??= (async () => {
      const { Meilisearch } = await import('meilisearch');
      const client: MeiliClient = new Meilisearch({ host: this.options.host, apiKey: this.options.apiKey });
      return client;
    })().catch((err) => {
      this.clientPromise = null;
      throw err;
    });
    return this.clientPromise;
  }

  /** Waits for a task and throws when it did not succeed. */
  private async run(task: MeiliTaskPromise, operation: string): Promise<MeiliTask> {
    const done = await task.waitTask({ timeout: this.options.taskTimeoutMs ?? 120_000, interval: this.options.taskIntervalMs ?? 50 });
    if (done.status !== 'succeeded') throw new MeilisearchTaskError(operation, done);
    return done;
  }

  /** Runs a write on the live index and, during a reindex, on the index being rebuilt. */
  private async write(op: (uid: string) => Promise<void>): Promise<void> {
    const shadow = this.shadowUid;
    if (!shadow) return op(this.indexUid);
    const mirrored = op(shadow);
    this.shadowWrites.add(mirrored);
    let results: PromiseSettledResult<void>[];
    try {
      results = await Promise.allSettled([op(this.indexUid), mirrored]);
    } finally {
      this.shadowWrites.delete(mirrored);
    }
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  }

  /** Creates the index (primary key `id`) when missing and applies the settings. */
  async ensureIndex(settings: IndexSettings): Promise<void> {
    this.settings = settings;
    await this.prepareIndex(this.indexUid, settings);
  }

  private async prepareIndex(uid: string, settings: IndexSettings): Promise<void> {
    const client = await this.client();
    const info = await client.getRawIndex(uid).catch((err: unknown) => {
      if (apiErrorCode(err) === 'index_not_found') return null;
      throw err;
    });
    if (!info) {
      try {
        await this.run(client.createIndex(uid, { primaryKey: 'id' }), `create index ${uid}`);
      } catch (err) {
        // Created meanwhile by another instance: fine, the settings below still apply.
        if (!(err instanceof MeilisearchTaskError && err.code === 'index_already_exists')) throw err;
      }
    } else if (!info.primaryKey) {
      // An index created elsewhere without one: documents have two id-like fields (id, organizationId), so set it.
      await this.run(client.updateIndex(uid, { primaryKey: 'id' }), `set the primary key of ${uid}`);
    } else if (info.primaryKey !== 'id') {
      throw new Error(`Meilisearch index ${uid} has primary key "${info.primaryKey}", expected "id": delete it or use another indexUid`);
    }
    await this.run(client.index(uid).updateSettings(meilisearchSettings(settings)), `update settings of ${uid}`);
  }

  /**
   * Adds or replaces documents in batches. Meilisearch replaces a document whole and has no
   * conditional write, so the stored versions of a batch's ids are read first and documents
   * older than what is stored are skipped (equal versions replace, as in PostgreSQL); within one
   * call the highest version of an id wins. Remaining race: another writer storing a newer version
   * between our read and our task being processed is overwritten by the older one. The outbox
   * gives one order per listing and the indexer always indexes the listing as it is now, so the
   * next event (or a reindex) repairs it.
   */
  async upsert(docs: SearchDocument[]): Promise<void> {
    if (docs.length === 0) return;
    const newest = new Map<string, SearchDocument>();
    for (const d of docs) {
      const seen = newest.get(d.id);
      if (!seen || d.version >= seen.version) newest.set(d.id, d);
    }
    const all = [...newest.values()];
    const size = Math.max(1, this.options.batchSize ?? 500);
    for (let i = 0; i < all.length; i += size) {
      const batch = all.slice(i, i + size);
      await this.write((uid) => this.upsertInto(uid, batch));
    }
  }

  private async upsertInto(uid: string, batch: SearchDocument[]): Promise<void> {
    const index = (await this.client()).index(uid);
    const stored = new Map<string, number>();
    for (let i = 0; i < batch.length; i += VERSION_READ_CHUNK) {
      const ids = batch.slice(i, i + VERSION_READ_CHUNK).map((d) => d.id);
      const { results } = await index.getDocuments({ ids, fields: ['id', 'version'], limit: ids.length });
      for (const r of results) if (typeof r.version === 'number') stored.set(String(r.id), r.version);
    }
    const fresh: MeiliDocument[] = batch.filter((d) => !((stored.get(d.id) ?? -Infinity) > d.version)).map(toMeiliDocument);
    if (fresh.length) await this.run(index.addDocuments(fresh), `add ${fresh.length} documents to ${uid}`);
  }

  async delete(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const unique = [...new Set(ids)];
    await this.write(async (uid) => {
      const index = (await this.client()).index(uid);
      for (let i = 0; i < unique.length; i += DELETE_CHUNK) {
        await this.run(index.deleteDocuments(unique.slice(i, i + DELETE_CHUNK)), `delete documents from ${uid}`);
      }
    });
  }

  async clear(): Promise<void> {
    await this.write(async (uid) => {
      await this.run((await this.client()).index(uid).deleteAllDocuments(), `delete all documents from ${uid}`);
    });
  }

  async stats(): Promise<{ documents: number }> {
    const s = await (await this.client()).index(this.indexUid).getStats();
    return { documents: s.numberOfDocuments };
  }

  async search(r: SearchRequest): Promise<SearchResult> {
    const started = performance.now();
    const call = meilisearchSearch(r);
    if (!call) return emptySearchResult(r.facets, performance.now() - started);
    const res = await (await this.client()).index(this.indexUid).search(call.q, call.params);
    return fromMeiliSearchResponse(res, r.facets, call.mode, performance.now() - started);
  }

  /**
   * Zero-downtime rebuild: builds a new index `<uid>__rebuild_<time>` with the settings (those
   * given, else the last `ensureIndex` ones) and `docs`, swaps it with the live index in one
   * atomic task, and deletes the old one. Searches see the old index until the swap and the new
   * one after it. Writes made through this instance while the rebuild runs go to both indexes;
   * writes from other processes during the rebuild are lost at the swap (replay them, or pause
   * the indexer, as the outbox allows).
   */
  async reindex(
    docs: SearchDocument[] | Iterable<SearchDocument[]> | AsyncIterable<SearchDocument[]>,
    settings?: IndexSettings,
  ): Promise<{ documents: number }> {
    if (this.reindexing) throw new Error(`a reindex of ${this.indexUid} is already running`);
    this.reindexing = true;
    const tmp = `${this.indexUid}__rebuild_${Date.now().toString(36)}`;
    let swapped = false;
    let client: MeiliClient | null = null;
    try {
      client = await this.client();
      if (settings) this.settings = settings;
      await this.prepareIndex(tmp, this.settings);
      this.shadowUid = tmp;
      const batches: Iterable<SearchDocument[]> | AsyncIterable<SearchDocument[]> =
        Array.isArray(docs) && (docs.length === 0 || !Array.isArray(docs[0])) ? [docs] : (docs as Iterable<SearchDocument[]>);
      const size = Math.max(1, this.options.batchSize ?? 500);
      // eslint-disable-next-line @typescript-eslint/await-thenable -- batches may be sync or async; for await takes both
      for await (const batch of batches) {
        for (let i = 0; i < batch.length; i += size) await this.upsertInto(tmp, batch.slice(i, i + size));
      }
      const live = await client.getRawIndex(this.indexUid).then(
        () => true,
        (err: unknown) => {
          if (apiErrorCode(err) === 'index_not_found') return false;
          throw err;
        },
      );
      // Swap the two; when there is no live index yet, rename the new one into place
      // (`rename: true` renames the first index of the pair to the second).
      await this.run(client.swapIndexes([{ indexes: [tmp, this.indexUid], rename: !live }]), `swap ${tmp} into ${this.indexUid}`);
      swapped = true;
    } finally {
      this.shadowUid = null;
      await Promise.allSettled([...this.shadowWrites]);
      try {
        // After a swap `tmp` holds the old documents; after a rename it no longer exists.
        if (client) {
          await this.run(client.deleteIndex(tmp), `delete index ${tmp}`).catch((err: unknown) => {
            if (!(err instanceof MeilisearchTaskError && err.code === 'index_not_found') && swapped) throw err;
          });
        }
      } finally {
        this.reindexing = false;
      }
    }
    return this.stats();
  }

  /** Deletes the whole index (tests, decommissioning). */
  async drop(): Promise<void> {
    const client = await this.client();
    await this.run(client.deleteIndex(this.indexUid), `delete index ${this.indexUid}`).catch((err: unknown) => {
      if (!(err instanceof MeilisearchTaskError && err.code === 'index_not_found')) throw err;
    });
  }
}

/** The Meilisearch error code of a failed API call (`MeilisearchApiError.cause.code`), if any. */
function apiErrorCode(err: unknown): string | undefined {
  const cause = (err as { cause?: { code?: unknown } } | null)?.cause;
  return typeof cause?.code === 'string' ? cause.code : undefined;
}
