import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { OutboxDispatcher } from '../../database/outbox/outbox.dispatcher';
import type { OutboxEventEntity } from '../../database/outbox/outbox-event.entity';
import { ListingsService } from '../listings/listings.service';
import { VocabularyCache } from '../vocabulary/vocabulary-cache.service';
import { VOCABULARY_CHANGED, VocabularyService } from '../vocabulary/vocabulary.service';
import { SearchIndexer } from './search-indexer';

/**
 * Vocabulary governance (#15 item 1): `vocabulary.changed` re-indexes, through the ordinary indexer path, the
 * published listings that use a changed concept or one of its descendants (a listing is indexed with its concepts'
 * ancestors' labels and synonyms too), so a new synonym reaches search — and matching, which retrieves through
 * search and rebuilds its matcher when the cached vocabulary's version changes — once the outbox has run.
 * It also tells vocabulary how many listings use a concept (deleting one in use is refused).
 */
@Injectable()
export class VocabularyReindexer implements OnModuleInit {
  private readonly logger = new Logger('VocabularyReindexer');

  constructor(
    private readonly dispatcher: OutboxDispatcher,
    private readonly indexer: SearchIndexer,
    private readonly listings: ListingsService,
    private readonly vocabulary: VocabularyService,
    private readonly cache: VocabularyCache,
  ) {}

  onModuleInit(): void {
    this.dispatcher.register(VOCABULARY_CHANGED, async (e) => {
      await this.onVocabularyChanged(e);
    });
    this.vocabulary.registerUsage('listings', async (ids) => (await this.listings.idsUsingConcepts(ids, false)).length);
  }

  async onVocabularyChanged(event: OutboxEventEntity): Promise<{ indexed: number; removed: number }> {
    const changed = (Array.isArray(event.payload.conceptIds) ? event.payload.conceptIds : []).map(String);
    const vocabulary = await this.cache.get();
    const affected = new Set(changed);
    for (const id of changed) if (vocabulary.has(id)) for (const d of vocabulary.descendants(id)) affected.add(d.id);
    const ids = await this.listings.idsUsingConcepts([...affected], true);
    let indexed = 0;
    let removed = 0;
    for (let i = 0; i < ids.length; i += 200) {
      const r = await this.indexer.indexListings(ids.slice(i, i + 200));
      indexed += r.indexed;
      removed += r.removed;
    }
    this.logger.log(`vocabulary ${String(event.payload.version)}: re-indexed ${indexed} listings for ${changed.length} concepts`);
    return { indexed, removed };
  }
}
