export * from './memory-search-index';
