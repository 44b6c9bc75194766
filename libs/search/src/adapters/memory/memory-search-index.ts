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
import { decodeSnapshot, encodeSnapshot, SnapshotError } from './snapshot';
import { SnapshotFile } from './snapshot-store';

export interface MemorySearchIndexOptions {
  /** How often to read the change feed (ms). */
  pollMs?: number;
  /** Rows per change-feed read. */
  batch?: number;
  /** A failed poll (the next one retries from the same cursor). */
  onError?: (err: unknown) => void;
  /**
   * `ensureIndex` starts the load and returns without waiting for it (the app listens at once and
   * reports not-ready until `loaded`); every read and write still waits for the load.
   */
  loadInBackground?: boolean;
  /** Start-up snapshot of the built index (see `./snapshot`); none when unset. */
  snapshot?: MemorySnapshotOptions;
}

export interface MemorySnapshotOptions {
  /** The snapshot file (e.g. `<DATA_DIR>/search/memory-index.snap`). */
  path: string;
  /** The app's analyzer/vocabulary key: a snapshot written under another key is not used. */
  key?: string;
  /** How often a changed index is written again (ms; default 10 minutes); also written after a cold load and at close. */
  everyMs?: number;
  /** Delay of the first write after a cold load (ms; default 5 s), so that it does not compete with the start-up. */
  firstAfterMs?: number;
  /** Snapshot refused, restored, written, failed. */
  onEvent?: (message: string) => void;
}

/** The change feed keeps tombstones a week (`search.tombstones.prune`); an older snapshot could miss a delete. */
const SNAPSHOT_MAX_AGE_MS = 6 * 24 * 3600_000;

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
  private readonly loadInBackground: boolean;
  /** True once the index has loaded and answers without waiting. */
  loaded = false;
  private readonly snapshotOptions: MemorySnapshotOptions | null;
  private readonly snapshotFile: SnapshotFile | null;
  private snapshotTimer: NodeJS.Timeout | null = null;
  private snapshotWriting: Promise<void> | null = null;
  /** Cursor of the last snapshot written or restored (-1: none). */
  private snapshotCursor = -1;
  /** The snapshot key with the database's identity (set at start-up). */
  private snapshotKey = '';
  /** Whether the engine started from a snapshot (status, tests). */
  restoredFromSnapshot = false;

  constructor(
    private readonly sql: SqlRunner,
    options: MemorySearchIndexOptions = {},
  ) {
    this.store = new PostgresSearchIndex(sql);
    this.pollMs = options.pollMs ?? 200;
    this.batch = options.batch ?? 500;
    this.onError = options.onError ?? (() => undefined);
    this.snapshotOptions = options.snapshot ?? null;
    this.loadInBackground = options.loadInBackground ?? false;
    this.snapshotFile = options.snapshot ? new SnapshotFile(options.snapshot.path) : null;
  }

  /** Checks the table, loads every document and starts following the change feed. */
  async ensureIndex(settings: IndexSettings): Promise<void> {
    await this.store.ensureIndex(settings);
    if (this.loadInBackground) this.ready().catch(this.onError);
    else await this.ready();
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
    if (this.snapshotTimer) clearTimeout(this.snapshotTimer);
    const loaded = await (this.loading ?? Promise.reject(new Error('not loaded'))).then(
      () => true,
      () => false,
    );
    await this.polling?.catch(() => undefined);
    if (loaded) await this.writeSnapshot();
    await this.snapshotWriting?.catch(() => undefined);
  }

  /** Reads the change feed until it is exhausted (tests and the benchmark use it to wait for another writer). */
  async catchUp(): Promise<void> {
    this.polling ??= this.readFeed().finally(() => {
      this.polling = null;
    });
    return this.polling;
  }

  private ready(): Promise<void> {
    this.loading ??= this.startup().then(
      () => {
        this.loaded = true;
        this.schedule();
      },
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

  /** Loads the snapshot when there is a valid one, then reads the rest of the change feed. */
  private async startup(): Promise<void> {
    if (!this.snapshotFile) return this.catchUp();
    const restored = await this.restoreSnapshot().catch((err: unknown) => {
      this.snapshotEvent(`snapshot not used: ${(err as Error).message}`);
      this.resetState();
      return false;
    });
    this.restoredFromSnapshot = restored;
    if (!restored) await this.catchUp();
    this.scheduleSnapshot(restored ? (this.snapshotOptions!.everyMs ?? 600_000) : (this.snapshotOptions!.firstAfterMs ?? 5_000));
  }

  private async restoreSnapshot(): Promise<boolean> {
    // The database too: a snapshot of another database (a restored backup, a test's) is not used.
    const [db] = (await this.sql(
      `SELECT current_database() AS name, (SELECT oid FROM pg_database WHERE datname = current_database())::text AS oid`,
    )) as Array<{ name: string; oid: string }>;
    this.snapshotKey = `${this.snapshotOptions!.key ?? ''}|${db.name}:${db.oid}`;
    const file = await this.snapshotFile!.read();
    if (!file) {
      this.snapshotEvent('no snapshot: loading from the table');
      return false;
    }
    const started = performance.now();
    let position;
    try {
      position = decodeSnapshot(file, this.index, { key: this.snapshotKey, maxAgeMs: SNAPSHOT_MAX_AGE_MS });
    } catch (err) {
      if (!(err instanceof SnapshotError)) throw err;
      this.snapshotEvent(`snapshot refused (${err.message}): loading from the table`);
      this.resetState();
      return false;
    }
    this.cursor = position.cursor;
    this.applied.clear();
    for (const [id, seq] of position.applied) this.applied.set(id, seq);
    // A cursor past everything the feed holds: the database is not the one the snapshot followed.
    const [{ top }] = (await this.sql(
      `SELECT greatest(coalesce((SELECT max(seq) FROM search_documents), 0),
                       coalesce((SELECT max(seq) FROM search_document_tombstones), 0))::text AS top`,
    )) as Array<{ top: string }>;
    if (this.cursor > Number(top)) return this.refuseSnapshot(`its feed position ${this.cursor} is past the table's ${top}`);
    // Caught up, the index must hold exactly the table's rows: as many, with the same sequences.
    for (let attempt = 0; attempt < 5; attempt++) {
      await this.catchUp();
      const before = this.cursor;
      const [table] = (await this.sql('SELECT count(*)::int AS n, coalesce(sum(seq), 0)::text AS s FROM search_documents')) as Array<{
        n: number;
        s: string;
      }>;
      await this.catchUp();
      if (this.cursor !== before) continue; // written meanwhile: compare again
      let sum = 0;
      for (const seq of this.applied.values()) sum += seq;
      if (table.n !== this.index.size || table.n !== this.applied.size || String(sum) !== table.s)
        return this.refuseSnapshot(`it does not match the table (${this.index.size} documents, table ${table.n})`);
      this.snapshotCursor = this.cursor;
      this.snapshotEvent(
        `restored ${this.index.size} documents from the snapshot in ${((performance.now() - started) / 1000).toFixed(2)} s (feed ${position.cursor} → ${this.cursor})`,
      );
      return true;
    }
    return this.refuseSnapshot('the table kept changing while it was checked');
  }

  private refuseSnapshot(reason: string): false {
    this.snapshotEvent(`snapshot refused (${reason}): loading from the table`);
    this.resetState();
    return false;
  }

  private resetState(): void {
    this.index.clear();
    this.applied.clear();
    this.cursor = 0;
  }

  private scheduleSnapshot(ms: number): void {
    if (this.closed || !this.snapshotFile) return;
    this.snapshotTimer = setTimeout(() => {
      void this.writeSnapshot().finally(() => this.scheduleSnapshot(this.snapshotOptions!.everyMs ?? 600_000));
    }, ms);
    this.snapshotTimer.unref();
  }

  /** Writes the snapshot when the index moved since the last one (never two writes at once). */
  async writeSnapshot(): Promise<void> {
    if (!this.snapshotFile || !this.snapshotKey || this.snapshotWriting || this.cursor === this.snapshotCursor)
      return this.snapshotWriting ?? undefined;
    const cursor = this.cursor;
    const started = performance.now();
    let parts: Uint8Array[];
    try {
      parts = encodeSnapshot(this.index, { cursor, applied: this.applied }, this.snapshotKey);
    } catch (err) {
      this.snapshotEvent(`snapshot not written: ${(err as Error).message}`);
      return;
    }
    this.snapshotWriting = this.snapshotFile
      .write(parts)
      .then((bytes) => {
        this.snapshotCursor = cursor;
        this.snapshotEvent(
          `snapshot of ${this.index.size} documents written (${(bytes / 2 ** 20).toFixed(0)} MiB, ${((performance.now() - started) / 1000).toFixed(2)} s)`,
        );
      })
      .catch((err: unknown) => this.snapshotEvent(`snapshot write failed: ${(err as Error).message}`))
      .finally(() => {
        this.snapshotWriting = null;
      });
    return this.snapshotWriting;
  }

  private snapshotEvent(message: string): void {
    this.snapshotOptions?.onEvent?.(message);
  }
}
