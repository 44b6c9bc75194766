/**
 * The embedded default engine: an in-process index (MemoryEngine) that is a per-process
 * projection of the `search_documents` table. PostgreSQL stays the source of truth: writes go
 * through PostgresSearchIndex's storage (so the PostgreSQL engine remains selectable on the same
 * table), and are applied here as PostgreSQL accepted them. Every process loads the table at
 * start (`ensureIndex`) and then tails the change feed every `pollMs`, so a publish indexed by
 * the one indexer (any instance) is searchable on every instance within a poll or two.
 *
 * The table's trigger serialises writers, so sequence order is commit order and the cursor never
 * passes a change that commits later (migration SearchChangeFeed1763900450000). Each applied
 * change remembers its sequence per id; a change at or below it is skipped, so a feed page read
 * before this process's own write never undoes that write.
 */
import type { IndexSettings, SearchDocument, SearchIndex, SearchRequest, SearchResult } from '../../port';
import { PostgresSearchIndex, type SqlRunner, type WrittenRow } from '../postgres/postgres-search-index';
import { readChanges } from './change-feed';
import { MemoryEngine } from './memory-engine';
import { type IndexRecord, recordFromDocument, recordFromRow } from './records';

export interface MemorySearchIndexOptions {
  /** How often to read the change feed (ms). */
  pollMs?: number;
  /** Rows per change-feed read. */
  batch?: number;
  /** A failed poll (the next one retries from the same cursor). */
  onError?: (err: unknown) => void;
}

export class MemorySearchIndex implements SearchIndex {
  readonly engine = 'memory';
  private readonly index = new MemoryEngine();
  private readonly store: PostgresSearchIndex;
  private readonly pollMs: number;
  private readonly batch: number;
  private readonly onError: (err: unknown) => void;
  /** Highest change-feed sequence read. */
  private cursor = 0;
  /** Sequence of the last change applied per id (deleted ids until the feed passes their tombstone). */
  private readonly applied = new Map<string, number>();
  private loading: Promise<void> | null = null;
  private polling: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly sql: SqlRunner,
    options: MemorySearchIndexOptions = {},
  ) {
    this.store = new PostgresSearchIndex(sql);
    this.pollMs = options.pollMs ?? 200;
    this.batch = options.batch ?? 500;
    this.onError = options.onError ?? (() => undefined);
  }

  /** Checks the table, loads every document and starts following the change feed. */
  async ensureIndex(settings: IndexSettings): Promise<void> {
    await this.store.ensureIndex(settings);
    await this.ready();
  }

  async upsert(docs: SearchDocument[]): Promise<void> {
    await this.ready();
    // One document per id, the highest version (PostgreSQL's upsert keeps that one too).
    const latest = new Map<string, SearchDocument>();
    for (const d of docs) {
      const id = d.id.toLowerCase();
      const seen = latest.get(id);
      if (!seen || seen.version <= d.version) latest.set(id, d);
    }
    const written = await this.store.write([...latest.values()]);
    for (const w of written) this.apply(w.id, Number(w.seq), recordFromDocument(latest.get(w.id)!));
    this.index.maybeCompact();
  }

  async delete(ids: string[]): Promise<void> {
    await this.ready();
    this.applyRemoved(await this.store.remove(ids));
  }

  async clear(): Promise<void> {
    await this.ready();
    this.applyRemoved(await this.store.remove(null));
  }

  async search(request: SearchRequest): Promise<SearchResult> {
    await this.ready();
    const started = performance.now();
    const result = this.index.search(request);
    return { ...result, tookMs: performance.now() - started };
  }

  async stats(): Promise<{ documents: number }> {
    await this.ready();
    return { documents: this.index.size };
  }

  /** Stops following the change feed and waits for a read in progress. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    await this.loading?.catch(() => undefined);
    await this.polling?.catch(() => undefined);
  }

  /** Reads the change feed until it is exhausted (tests and the benchmark use it to wait for another writer). */
  async catchUp(): Promise<void> {
    this.polling ??= this.readFeed().finally(() => {
      this.polling = null;
    });
    return this.polling;
  }

  private ready(): Promise<void> {
    this.loading ??= this.catchUp().then(
      () => this.schedule(),
      (err) => {
        this.loading = null; // the next call retries
        throw err;
      },
    );
    return this.loading;
  }

  private schedule(): void {
    if (this.closed) return;
    this.timer = setTimeout(() => {
      this.catchUp()
        .catch(this.onError)
        .finally(() => this.schedule());
    }, this.pollMs);
    this.timer.unref();
  }

  private async readFeed(): Promise<void> {
    for (;;) {
      const changes = await readChanges(this.sql, this.cursor, this.batch);
      for (const c of changes) {
        if (c.row) this.apply(c.id, c.seq, recordFromRow(c.row));
        else if (this.apply(c.id, c.seq, null)) this.applied.delete(c.id);
        this.cursor = c.seq;
      }
      if (changes.length < this.batch || this.closed) break;
    }
    this.index.maybeCompact();
  }

  /** Applies one change unless a later one for the same id was applied already. */
  private apply(id: string, seq: number, record: IndexRecord | null): boolean {
    if (seq <= (this.applied.get(id) ?? 0)) return false;
    this.applied.set(id, seq);
    if (record) this.index.upsert(record);
    else this.index.delete(id);
    return true;
  }

  /** This process's own deletes: `seq` is the deleted row's, so any feed row up to it is stale. */
  private applyRemoved(rows: WrittenRow[]): void {
    for (const r of rows) {
      this.index.delete(r.id);
      this.applied.set(r.id, Math.max(this.applied.get(r.id) ?? 0, Number(r.seq)));
    }
    this.index.maybeCompact();
  }
}
