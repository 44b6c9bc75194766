import { PlatformRole } from '@aimatch/contracts';
import { Args, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, Public, Roles } from '../../common/auth/decorators';
import type { RequestContext } from '../../graphql/request-context';
import { ConceptModel } from '../vocabulary/dto/concept.model';
import { VocabularyLoaders } from '../vocabulary/vocabulary.loaders';
import { toListingView } from '../listings/dto/listing-view';
import { FacetCountModel, ListingSearchResultModel, SearchIndexStatusModel, SearchListingsArgs, SuggestionModel } from './dto/search.dto';
import { SearchService } from './search.service';

@Resolver(() => ListingSearchResultModel)
export class SearchResolver {
  constructor(private readonly search: SearchService) {}

  @Public()
  @Query(() => ListingSearchResultModel, { description: 'Full-text and faceted search over published listings the viewer may see.' })
  async searchListings(@Args() args: SearchListingsArgs, @Ctx() rc: RequestContext) {
    const page = await this.search.search(rc, args);
    return {
      edges: page.hits.map((h) => ({ cursor: h.cursor, node: toListingView(h.listing), score: h.score, highlights: h.highlights })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.hits.at(-1)?.cursor ?? null },
      totalCount: page.totalCount,
      facets: page.facets,
      tookMs: page.tookMs,
      engine: page.engine,
    };
  }

  @Public()
  @Query(() => [SuggestionModel], { description: 'Search-as-you-type over concept labels and synonyms (choseong too) and listing titles.' })
  suggest(
    @Args('q') q: string,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 8 }) first: number,
    @Ctx() rc: RequestContext,
  ) {
    return this.search.suggest(rc, q, first);
  }

  @Roles(PlatformRole.STAFF, PlatformRole.ADMIN)
  @Query(() => SearchIndexStatusModel, { description: 'Index size and indexing lag (staff).' })
  searchIndexStatus() {
    return this.search.status();
  }
}

@Resolver(() => FacetCountModel)
export class FacetCountResolver {
  constructor(private readonly vocabulary: VocabularyLoaders) {}

  @ResolveField(() => ConceptModel, { nullable: true })
  concept(@Parent() f: { facet: string; value: string }, @Ctx() rc: RequestContext) {
    return f.facet === 'verified' ? null : rc.loaders.get(this.vocabulary.concept).load(f.value);
  }
}
