import { PostgresSearchIndex, type SearchIndex } from '@aimatch/search';
import type { Provider } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** The SearchIndex port's token: inject it as `@Inject(SEARCH_INDEX) index: SearchIndex`. */
export const SEARCH_INDEX = Symbol('SEARCH_INDEX');

/** The embedded default: the PostgreSQL-native engine in the application's database. */
export const searchIndexProvider: Provider = {
  provide: SEARCH_INDEX,
  inject: [DataSource],
  useFactory: (dataSource: DataSource): SearchIndex => new PostgresSearchIndex((sql, params) => dataSource.query(sql, params)),
};
