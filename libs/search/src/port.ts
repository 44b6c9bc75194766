/**
 * The SearchIndex port: what the marketplace needs from a search engine. Three adapters implement
 * it (in-process memory, the embedded default; PostgreSQL full-text; Meilisearch in production)
 * and pass one contract suite (`contract/search-index.contract.ts`).
 */
import type { ListingKind } from '@aimatch/capability-model';

export const FACETS = ['task', 'industry', 'region', 'deployment', 'integration', 'modality', 'certification', 'verified'] as const;
export type FacetName = (typeof FACETS)[number];
export type ConceptFacet = Exclude<FacetName, 'verified'>;
export const CONCEPT_FACETS: readonly ConceptFacet[] = [
  'task',
  'industry',
  'region',
  'deployment',
  'integration',
  'modality',
  'certification',
];

export const SORTS = ['relevance', 'newest', 'amount_asc', 'amount_desc'] as const;
export type SortName = (typeof SORTS)[number];

/** One published listing as the engines index it. Built by `buildSearchDocument`. */
export interface SearchDocument {
  id: string;
  kind: ListingKind;
  version: number;
  visibility: 'PUBLIC' | 'VERIFIED_SUPPLIERS';
  organizationId: string;
  organizationName: string;
  verified: boolean;
  title: string;
  summary: string;
  publishedAt: string;
  /** Budget (demand) or price (supply) range in KRW. */
  amountMin: number | null;
  amountMax: number | null;
  /** Concept ids per facet as the listing states them. */
  concepts: Record<ConceptFacet, string[]>;
  /** The same with every ancestor added: filtering by a concept finds its descendants. */
  conceptsExpanded: Record<ConceptFacet, string[]>;
  /** Analysed terms by weight: A title, B concepts and organization, C summary and description. */
  terms: { a: string[]; b: string[]; c: string[] };
  /** Choseong key of the title, organization name and concept labels, spaces removed. */
  choseong: string;
}

export interface SearchFilters {
  kind?: ListingKind;
  /** Per facet: any of these concepts or their descendants. Facets combine with AND. */
  concepts?: Partial<Record<ConceptFacet, string[]>>;
  /** Listings whose amount range overlaps [amountMin, amountMax]. */
  amountMin?: number;
  amountMax?: number;
  verifiedOnly?: boolean;
  /** Which visibilities the caller may see (restricted demands only for verified suppliers and staff). */
  visibility: Array<SearchDocument['visibility']>;
}

/** A query after analysis (see `planQuery`): what the engines match. */
export interface PlannedQuery {
  /** Original text, normalised (for highlighting). */
  text: string;
  /** Text terms (bigrams, stems, Latin words) and concept tokens; a document matches if it has any. */
  terms: string[];
  /** Terms that carry more weight: concept tokens the query names. */
  boostTerms: string[];
  /** Set for a choseong query (ㅂㄹㄱㅊ): match it against the choseong key instead. */
  choseong: string | null;
  /**
   * The relevance floor (see `planQuery`): per query word (stop words left out) its spellings,
   * each as the text terms a document must all have (`twin` → [[twin], [트윈]]), and how many
   * words a document must have whole when the engine falls back to any-term matching. A document
   * naming a concept of `boostTerms` always passes. Absent: no floor (any term is enough, as
   * matching's retrieval wants).
   */
  words?: string[][][];
  minWords?: number;
}

export interface SearchRequest {
  query: PlannedQuery | null;
  filters: SearchFilters;
  facets: FacetName[];
  sort: SortName;
  limit: number;
  offset: number;
}

export interface SearchHit {
  id: string;
  /** 0..1, comparable within one result. */
  score: number;
}

export interface SearchResult {
  hits: SearchHit[];
  facetDistribution: Partial<Record<FacetName, Record<string, number>>>;
  estimatedTotal: number;
  tookMs: number;
}

export interface IndexSettings {
  /** Synonym groups from the vocabulary (engines that expand queries themselves use them). */
  synonyms: string[][];
}

export interface SearchIndex {
  readonly engine: string;
  ensureIndex(settings: IndexSettings): Promise<void>;
  upsert(docs: SearchDocument[]): Promise<void>;
  delete(ids: string[]): Promise<void>;
  search(request: SearchRequest): Promise<SearchResult>;
  stats(): Promise<{ documents: number }>;
  /** Removes every document (tests, full reindex). */
  clear(): Promise<void>;
  /** Stops background work (an in-process engine's change feed); the app calls it on shutdown. */
  close?(): Promise<void>;
}

export class SearchInputError extends Error {
  constructor(
    readonly path: string,
    readonly rule: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`${path}: ${rule}`);
    this.name = 'SearchInputError';
  }
}
