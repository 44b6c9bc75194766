import { buildSearchDocument, type SearchIndex } from '@aimatch/search';
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
    await this.index.ensureIndex({ synonyms: [] });
    this.dispatcher.register('listing.changed', (e) => this.onListingChanged(e));
    this.dispatcher.register('organization.updated', (e) => this.onOrganizationUpdated(e));
    this.dispatcher.register('organization.verification-changed', (e) => this.onOrganizationUpdated(e));
  }

  /** Stops the engine's background work (the memory engine's change feed) while the database is still open. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.index.close?.();
  }

  async onListingChanged(event: OutboxEventEntity): Promise<void> {
    await this.indexListings([String(event.payload.id)]);
  }

  async onOrganizationUpdated(event: OutboxEventEntity): Promise<void> {
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
    if (docs.length) await this.index.upsert(docs);
    if (gone.length) await this.index.delete(gone);
    return { indexed: docs.length, removed: gone.length };
  }

  /** Rebuilds the whole index from PostgreSQL, the source of truth. */
  async reindexAll(): Promise<{ indexed: number; removed: number }> {
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
}
