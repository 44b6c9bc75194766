import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { ListingsModule } from '../listings/listings.module';
import { VocabularyModule } from '../vocabulary/vocabulary.module';
import { searchIndexProvider } from './search-index.provider';
import { SearchIndexRepository } from './search-index.repository';
import { SearchIndexer } from './search-indexer';
import { FacetCountResolver, SearchResolver } from './search.resolver';
import { SearchService } from './search.service';

/** Search over published listings: the engine behind the SearchIndex port, the outbox-fed indexer, the GraphQL queries. */
@Module({
  imports: [VocabularyModule, IdentityModule, ListingsModule],
  providers: [SearchIndexRepository, searchIndexProvider, SearchIndexer, SearchService, SearchResolver, FacetCountResolver],
  exports: [SearchService],
})
export class SearchModule {}
