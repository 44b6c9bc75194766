import { MeilisearchSearchIndex, PostgresSearchIndex, type SearchIndex } from '@aimatch/search';
import type { Provider } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/config.schema';

/** The SearchIndex port's token: inject it as `@Inject(SEARCH_INDEX) index: SearchIndex`. */
export const SEARCH_INDEX = Symbol('SEARCH_INDEX');

/** Meilisearch when MEILI_URL is set (production); otherwise the PostgreSQL-native engine in the application's database. */
export const searchIndexProvider: Provider = {
  provide: SEARCH_INDEX,
  inject: [DataSource, APP_CONFIG],
  useFactory: (dataSource: DataSource, config: AppConfig): SearchIndex =>
    config.MEILI_URL
      ? new MeilisearchSearchIndex({ host: config.MEILI_URL, apiKey: config.MEILI_MASTER_KEY, indexUid: config.MEILI_INDEX })
      : new PostgresSearchIndex((sql, params) => dataSource.query(sql, params)),
};
