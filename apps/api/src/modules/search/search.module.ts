import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { ListingsModule } from '../listings/listings.module';
import { VocabularyModule } from '../vocabulary/vocabulary.module';
import { searchDocumentStoreProvider, searchIndexProvider } from './search-index.provider';
import { SearchIndexRepository } from './search-index.repository';
import { SearchIndexer } from './search-indexer';
import { SearchJobs } from './search.jobs';
import { FacetCountResolver, SearchResolver } from './search.resolver';
import { SearchService } from './search.service';
import { VocabularyReindexer } from './vocabulary-reindexer';

/** Search over published listings: the engine behind the SearchIndex port, the outbox-fed indexer, the GraphQL queries. */
@Module({
  imports: [VocabularyModule, IdentityModule, ListingsModule],
  providers: [
    SearchIndexRepository,
    searchIndexProvider,
    searchDocumentStoreProvider,
    SearchIndexer,
    SearchService,
    SearchResolver,
    FacetCountResolver,
    SearchJobs,
    VocabularyReindexer,
  ],
  exports: [SearchService],
})
export class SearchModule {}
