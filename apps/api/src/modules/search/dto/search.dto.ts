import { ArgsType, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfo } from '../../../graphql/pagination';
import { ConceptModel } from '../../vocabulary/dto/concept.model';
import { ListingKindEnum, ListingModel } from '../../listings/dto/listing.models';

export enum SearchFacetEnum {
  TASK = 'task',
  INDUSTRY = 'industry',
  REGION = 'region',
  DEPLOYMENT = 'deployment',
  INTEGRATION = 'integration',
  MODALITY = 'modality',
  CERTIFICATION = 'certification',
  VERIFIED = 'verified',
}
export enum SearchSortEnum {
  RELEVANCE = 'relevance',
  NEWEST = 'newest',
  AMOUNT_ASC = 'amount_asc',
  AMOUNT_DESC = 'amount_desc',
}
export enum SuggestionKindEnum {
  CONCEPT = 'CONCEPT',
  LISTING = 'LISTING',
}
registerEnumType(SearchFacetEnum, { name: 'SearchFacet' });
registerEnumType(SearchSortEnum, { name: 'SearchSort' });
registerEnumType(SuggestionKindEnum, { name: 'SuggestionKind' });

@InputType({ description: 'Concept filters match the concept or any narrower one; facets combine with AND, values within one with OR.' })
export class SearchFiltersInput {
  @Field(() => [ID], { nullable: true }) tasks?: string[];
  @Field(() => [ID], { nullable: true }) industries?: string[];
  @Field(() => [ID], { nullable: true }) regions?: string[];
  @Field(() => [ID], { nullable: true }) deployments?: string[];
  @Field(() => [ID], { nullable: true }) integrations?: string[];
  @Field(() => [ID], { nullable: true }) modalities?: string[];
  @Field(() => [ID], { nullable: true }) certifications?: string[];
  @Field(() => Float, { nullable: true, description: 'Budget/price range overlapping [amountMin, amountMax] KRW.' }) amountMin?: number;
  @Field(() => Float, { nullable: true }) amountMax?: number;
  @Field({ nullable: true }) verifiedOnly?: boolean;
}

@ArgsType()
export class SearchListingsArgs {
  @Field(() => ListingKindEnum, { nullable: true }) kind?: ListingKindEnum;
  @Field({ nullable: true, description: 'Korean or English, particles and spacing do not matter; ㅂㄹㄱㅊ searches initial consonants.' })
  q?: string;
  @Field(() => SearchFiltersInput, { nullable: true }) filters?: SearchFiltersInput;
  @Field(() => [SearchFacetEnum], { nullable: true }) facets?: SearchFacetEnum[];
  @Field(() => SearchSortEnum, { nullable: true, defaultValue: SearchSortEnum.RELEVANCE }) sort?: SearchSortEnum;
  @Field(() => Int, { nullable: true, defaultValue: 20 }) first?: number;
  @Field({ nullable: true }) after?: string;
}

@ObjectType('TextRange')
export class TextRangeModel {
  @Field(() => Int) start: number;
  @Field(() => Int) length: number;
}

@ObjectType('SearchHighlight', { description: 'Where the query matched: render `matches` marked, the rest as plain text.' })
export class SearchHighlightModel {
  @Field() field: string;
  @Field() text: string;
  @Field(() => [TextRangeModel]) matches: TextRangeModel[];
}

@ObjectType('ListingSearchEdge')
export class ListingSearchEdgeModel {
  @Field() cursor: string;
  @Field(() => ListingModel) node: unknown;
  @Field(() => Float, { description: '0..1 within this result.' }) score: number;
  @Field(() => [SearchHighlightModel]) highlights: SearchHighlightModel[];
}

@ObjectType('FacetCount')
export class FacetCountModel {
  @Field(() => SearchFacetEnum) facet: SearchFacetEnum;
  @Field() value: string;
  @Field(() => ConceptModel, { nullable: true }) concept?: unknown;
  @Field(() => Int) count: number;
}

@ObjectType('ListingSearchResult')
export class ListingSearchResultModel {
  @Field(() => [ListingSearchEdgeModel]) edges: ListingSearchEdgeModel[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => Int) totalCount: number;
  @Field(() => [FacetCountModel]) facets: FacetCountModel[];
  @Field(() => Float) tookMs: number;
  @Field({ description: 'The engine that answered: postgres (embedded) or meilisearch.' }) engine: string;
}

@ObjectType('Suggestion')
export class SuggestionModel {
  @Field(() => SuggestionKindEnum) kind: SuggestionKindEnum;
  @Field(() => ID) id: string;
  @Field() label: string;
  @Field(() => String, { nullable: true, description: 'Concept scheme, for CONCEPT suggestions.' }) scheme: string | null;
}

@ObjectType('SearchIndexStatus')
export class SearchIndexStatusModel {
  @Field() engine: string;
  @Field(() => Int) documents: number;
  @Field(() => Int, { description: 'Listing events not yet indexed.' }) pendingEvents: number;
  @Field(() => Float, { nullable: true, description: 'Age of the oldest pending event in seconds (indexing lag).' }) lagSeconds:
    number | null;
  @Field(() => Int, { description: 'Events that failed too often and wait for staff.' }) parkedEvents: number;
}
