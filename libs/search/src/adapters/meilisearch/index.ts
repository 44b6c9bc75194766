/** The Meilisearch adapter of the SearchIndex port (see README.md). */
export * from './types';
export * from './settings';
export * from './filters';
export * from './documents';
export * from './query';
export * from './meilisearch-search-index';
