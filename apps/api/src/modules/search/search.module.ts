import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { ListingsModule } from '../listings/listings.module';
import { VocabularyModule } from '../vocabulary/vocabulary.module';
import { SEARCH_INDEX, searchDocumentStoreProvider, searchIndexProvider } from './search-index.provider';
import { SearchIndexer } from './search-indexer';
import { SearchJobs } from './search.jobs';
import { FacetCountResolver, SearchResolver } from './search.resolver';
import { SearchService } from './search.service';

/** Search over published listings: the engine behind the SearchIndex port, the outbox-fed indexer, the GraphQL queries. */
@Module({
  imports: [VocabularyModule, IdentityModule, ListingsModule],
  providers: [
    searchIndexProvider,
    searchDocumentStoreProvider,
    SearchIndexer,
    SearchService,
    SearchResolver,
    FacetCountResolver,
    SearchJobs,
  ],
  exports: [SearchIndexer, SearchService, SEARCH_INDEX],
})
export class SearchModule {}
