/** Search: the SearchIndex port, document mapping, query planning, highlights, and the engines behind it. Framework-free. */
export * from './port';
export * from './concept-token';
export * from './document';
export * from './query-planner';
export * from './highlight';
export * from './adapters/postgres/postgres-search-index';
export * from './adapters/memory';
export * from './adapters/meilisearch';
export * from './analyzer';
