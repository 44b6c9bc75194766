import { buildSearchDocument, MeilisearchSearchIndex, type SearchDocument, type SearchIndex } from '@aimatch/search';
import { VerificationStatus } from '@aimatch/contracts';
import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { OutboxDispatcher } from '../../database/outbox/outbox.dispatcher';
import type { OutboxEventEntity } from '../../database/outbox/outbox-event.entity';
import { IdentityService } from '../identity/identity.service';
import { ListingsService } from '../listings/listings.service';
import { VocabularyCache } from '../vocabulary/vocabulary-cache.service';
import { SEARCH_INDEX } from './search-index.provider';

/**
 * Keeps the search index in step with PostgreSQL, fed by the outbox: `listing.changed` indexes
 * or removes the listing as it is now (so a late or repeated event is harmless), and
 * `organization.updated` / `organization.verification-changed` re-index that organization's listings
 * (name, verified badge; a suspended organization's listings are removed).
 * The outbox dispatcher gives order per aggregate, retries with back-off and parks poison events.
 */
@Injectable()
export class SearchIndexer implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger('SearchIndexer');
  /** False while an external engine (Meilisearch) could not be prepared: events wait in the outbox. */
  private prepared = true;
  private prepareTimer: NodeJS.Timeout | null = null;
  /** Set while a rebuild collects documents instead of writing them (`rebuildBesideLive`). */
  private collect: SearchDocument[] | null = null;

  constructor(
    @Inject(SEARCH_INDEX) private readonly index: SearchIndex,
    private readonly dispatcher: OutboxDispatcher,
    private readonly listings: ListingsService,
    private readonly identity: IdentityService,
    private readonly vocabulary: VocabularyCache,
  ) {}

  /**
   * Prepares the engine before any event is handled and before the app serves search (Meilisearch:
   * index and settings; PostgreSQL: checks the table; memory: loads it and follows its changes).
   */
  async onModuleInit(): Promise<void> {
    await this.prepareOrRetry();
    this.dispatcher.register('listing.changed', (e) => this.onListingChanged(e));
    this.dispatcher.register('organization.updated', (e) => this.onOrganizationUpdated(e));
    this.dispatcher.register('organization.verification-changed', (e) => this.onOrganizationUpdated(e));
  }

  /** Stops the engine's background work (the memory engine's change feed) while the database is still open. */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.prepareTimer) clearTimeout(this.prepareTimer);
    await this.index.close?.();
  }

  async onListingChanged(event: OutboxEventEntity): Promise<void> {
    this.assertPrepared();
    await this.indexListings([String(event.payload.id)]);
  }

  async onOrganizationUpdated(event: OutboxEventEntity): Promise<void> {
    this.assertPrepared();
    await this.indexListings(await this.listings.publishedIds({ organizationId: String(event.payload.organizationId) }));
  }

  /** Indexes published listings among `ids` and removes the others from the index. */
  async indexListings(ids: string[]): Promise<{ indexed: number; removed: number }> {
    if (ids.length === 0) return { indexed: 0, removed: 0 };
    const listings = await this.listings.findByIds(ids);
    const orgs = new Map((await this.identity.organizations(listings.map((l) => l.organizationId))).map((o) => [o.id, o]));
    // A suspended organization's listings leave search (and so matching) until staff lift the suspension.
    const published = listings.filter(
      (l) => l.status === 'PUBLISHED' && orgs.get(l.organizationId)?.verificationStatus !== VerificationStatus.SUSPENDED,
    );
    const publishedIds = new Set(published.map((l) => l.id));
    const gone = ids.filter((id) => !publishedIds.has(id));
    const vocabulary = await this.vocabulary.get();
    const docs = published.map((l) => {
      const org = orgs.get(l.organizationId)!;
      return buildSearchDocument(
        {
          id: l.id,
          kind: l.kind,
          version: l.version,
          visibility: l.visibility,
          publishedAt: l.publishedAt ?? l.updatedAt,
          content: l.content,
          organization: {
            id: org.id,
            nameKo: org.nameKo,
            nameEn: org.nameEn,
            verified: org.verificationStatus === VerificationStatus.VERIFIED,
            regionId: org.regionId,
          },
        },
        vocabulary,
      );
    });
    if (this.collect) {
      this.collect.push(...docs);
      return { indexed: docs.length, removed: 0 };
    }
    if (docs.length) await this.index.upsert(docs);
    if (gone.length) await this.index.delete(gone);
    return { indexed: docs.length, removed: gone.length };
  }

  /** Rebuilds the whole index from PostgreSQL, the source of truth. */
  async reindexAll(): Promise<{ indexed: number; removed: number }> {
    if (this.index instanceof MeilisearchSearchIndex) return this.rebuildBesideLive(this.index);
    await this.index.ensureIndex({ synonyms: [] });
    await this.index.clear();
    const ids = await this.listings.publishedIds();
    let indexed = 0;
    for (let i = 0; i < ids.length; i += 200) {
      indexed += (await this.indexListings(ids.slice(i, i + 200))).indexed;
    }
    this.logger.log(`reindexed ${indexed} listings into ${this.index.engine}`);
    return { indexed, removed: 0 };
  }

  /**
   * Meilisearch away at start does not stop the app (writes go on; PostgreSQL is the source of
   * truth): the index is prepared again every few seconds, and until then indexing events fail
   * and wait in the outbox with its back-off. The embedded engines' failures stay fatal.
   */
  private async prepareOrRetry(delayMs = 2_000): Promise<void> {
    try {
      await this.index.ensureIndex({ synonyms: [] });
      if (!this.prepared) this.logger.log(`${this.index.engine} index prepared`);
      this.prepared = true;
    } catch (err) {
      if (this.index.engine !== 'meilisearch') throw err;
      if (this.prepared) this.logger.warn(`${this.index.engine} unreachable, indexing waits: ${(err as Error).message}`);
      this.prepared = false;
      this.prepareTimer = setTimeout(() => void this.prepareOrRetry(Math.min(delayMs * 2, 60_000)), delayMs);
      this.prepareTimer.unref();
    }
  }

  private assertPrepared(): void {
    if (!this.prepared) throw new Error(`the ${this.index.engine} index is not prepared yet (unreachable)`);
  }

  /**
   * Zero-downtime reindex into Meilisearch: a new index is filled beside the live one and swapped
   * in atomically (searches answer from the old one until then), while the outbox is paused on
   * every instance so that no change goes only to the old index; the changes queued meanwhile are
   * handled right after the swap.
   */
  private async rebuildBesideLive(index: MeilisearchSearchIndex): Promise<{ indexed: number; removed: number }> {
    // The published ids are read once paused: nothing is indexed into the old index after this.
    const { documents } = await this.dispatcher.whilePaused(async () =>
      index.reindex(this.documentBatches(await this.listings.publishedIds()), { synonyms: [] }),
    );
    this.logger.log(`rebuilt ${index.engine} with ${documents} listings and swapped it in`);
    return { indexed: documents, removed: 0 };
  }

  /** The documents of the published listings among `ids`, 200 at a time (built as `indexListings` builds them). */
  private async *documentBatches(ids: string[]): AsyncIterable<SearchDocument[]> {
    for (let i = 0; i < ids.length; i += 200) {
      this.collect = [];
      try {
        await this.indexListings(ids.slice(i, i + 200));
        yield this.collect;
      } finally {
        this.collect = null;
      }
    }
  }
}
