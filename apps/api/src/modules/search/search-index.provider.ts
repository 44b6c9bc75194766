import { buildSearchDocument, MeilisearchSearchIndex, MemorySearchIndex, PostgresSearchIndex, type SearchIndex } from '@aimatch/search';
import { Logger, type Provider } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/config.schema';
import { SearchIndexRepository } from './search-index.repository';

/** The SearchIndex port's token: inject it as `@Inject(SEARCH_INDEX) index: SearchIndex`. */
export const SEARCH_INDEX = Symbol('SEARCH_INDEX');

/**
 * Meilisearch when MEILI_URL is set (production); otherwise the embedded engine SEARCH_ENGINE names:
 * `memory` (default: in-process, loaded from and following the `search_documents` table) or
 * `postgres` (full-text queries on that table).
 */
export const searchIndexProvider: Provider = {
  provide: SEARCH_INDEX,
  inject: [SearchIndexRepository, APP_CONFIG],
  useFactory: (repository: SearchIndexRepository, config: AppConfig): SearchIndex => {
    if (config.MEILI_URL)
      return new MeilisearchSearchIndex({ host: config.MEILI_URL, apiKey: config.MEILI_MASTER_KEY, indexUid: config.MEILI_INDEX });
    const { sql } = repository;
    if (config.SEARCH_ENGINE === 'postgres') return new PostgresSearchIndex(sql);
    const logger = new Logger('MemorySearchIndex');
    return new MemorySearchIndex(sql, {
      onError: (err) => logger.warn(`change feed read failed: ${(err as Error).message}`),
      // The app listens while the index loads; /ready says not-ready until it serves.
      loadInBackground: config.SEARCH_SNAPSHOT,
      // Start-up snapshot of the built index (README "Production": what each instance holds).
      snapshot: config.SEARCH_SNAPSHOT
        ? {
            path: resolve(join(config.DATA_DIR, 'search', 'memory-index.snap')),
            key: `document:${createHash('sha256').update(buildSearchDocument.toString()).digest('hex').slice(0, 12)}`,
            onEvent: (message) => logger.log(message),
          }
        : undefined,
    });
  },
};

/**
 * The `search_documents` table and its change feed, whatever engine answers queries: the
 * scheduled tombstone prune (SearchJobs) runs on it. With Meilisearch the table stays empty.
 */
export const SEARCH_DOCUMENT_STORE = Symbol('SEARCH_DOCUMENT_STORE');

export const searchDocumentStoreProvider: Provider = {
  provide: SEARCH_DOCUMENT_STORE,
  inject: [SearchIndexRepository],
  useFactory: (repository: SearchIndexRepository): PostgresSearchIndex => new PostgresSearchIndex(repository.sql),
};
