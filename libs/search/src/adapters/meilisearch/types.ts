/**
 * The part of the official `meilisearch` client (0.62) this adapter uses, as structural types.
 * The client is ESM-only and loaded lazily with `await import('meilisearch')`; these types keep
 * the pure modules (settings, filters, documents, query) and their tests free of it, and let the
 * adapter run against a fake in unit tests. The real client is assigned to `MeiliClient` in
 * `meilisearch-search-index.ts`, so the compiler checks that it still fits.
 */
import type { ListingKind } from '@aimatch/capability-model';
import type { SearchDocument } from '../../port';

/** One listing as stored in the Meilisearch index (see `toMeiliDocument`). */
export interface MeiliDocument {
  id: string;
  kind: ListingKind;
  version: number;
  visibility: SearchDocument['visibility'];
  organizationId: string;
  organizationName: string;
  verified: boolean;
  title: string;
  summary: string;
  /** Epoch milliseconds: sortable as a number. */
  publishedAt: number;
  /** Always present, `null` when open (the filters test `IS NULL`; sorting puts nulls last). */
  amountMin: number | null;
  amountMax: number | null;
  /** Concept ids as the listing states them, every facet together (facet counts). */
  concepts: string[];
  /** The same with ancestors (filters: a concept finds its descendants). */
  conceptsX: string[];
  /** korean-text index terms joined by spaces: A title; concept tokens (`c_*`); B concept words and organization; C body. */
  termsA: string;
  conceptTokens: string;
  termsB: string;
  termsC: string;
  /** The choseong key as built by `buildSearchDocument` (space-separated runs). */
  choseong: string;
  /** Every suffix of every run of the choseong key (capped in length): `STARTS WITH` on it is a substring match. */
  choseongKeys: string[];
}

export interface MeiliSettings {
  searchableAttributes?: string[] | null;
  filterableAttributes?: string[] | null;
  sortableAttributes?: string[] | null;
  displayedAttributes?: string[] | null;
  rankingRules?: string[] | null;
  distinctAttribute?: string | null;
  synonyms?: Record<string, string[]> | null;
  stopWords?: string[] | null;
  nonSeparatorTokens?: string[] | null;
  typoTolerance?: {
    enabled?: boolean | null;
    disableOnAttributes?: string[] | null;
    disableOnNumbers?: boolean | null;
    disableOnWords?: string[] | null;
    minWordSizeForTypos?: { oneTypo?: number | null; twoTypos?: number | null };
  } | null;
  faceting?: { maxValuesPerFacet?: number | null };
  pagination?: { maxTotalHits?: number | null };
  proximityPrecision?: 'byWord' | 'byAttribute';
  facetSearch?: boolean;
  prefixSearch?: 'indexingTime' | 'disabled';
}

export interface MeiliSearchParams {
  filter?: string[];
  facets?: string[];
  sort?: string[];
  limit?: number;
  offset?: number;
  page?: number;
  hitsPerPage?: number;
  attributesToRetrieve?: string[];
  showRankingScore?: boolean;
  matchingStrategy?: 'all' | 'last' | 'frequency';
}

export interface MeiliSearchResponse {
  hits: Array<Record<string, unknown> & { _rankingScore?: number }>;
  facetDistribution?: Record<string, Record<string, number>>;
  processingTimeMs: number;
  /** Offset/limit pagination: an estimate. */
  estimatedTotalHits?: number;
  /** Page/hitsPerPage pagination: exhaustive (up to `maxTotalHits`). */
  totalHits?: number;
}

export interface MeiliTaskError {
  code: string;
  message: string;
  type?: string;
  link?: string;
}

export interface MeiliTask {
  uid: number;
  indexUid: string | null;
  status: string;
  type: string;
  error: MeiliTaskError | null;
}

/** An enqueued task: a promise with `waitTask` (polls until the task has finished). */
export type MeiliTaskPromise = Promise<unknown> & { waitTask(options?: { timeout?: number; interval?: number }): Promise<MeiliTask> };

export interface MeiliIndex {
  updateSettings(settings: MeiliSettings): MeiliTaskPromise;
  addDocuments(documents: MeiliDocument[]): MeiliTaskPromise;
  deleteDocuments(ids: string[]): MeiliTaskPromise;
  deleteAllDocuments(): MeiliTaskPromise;
  getStats(): Promise<{ numberOfDocuments: number }>;
  getDocuments(params: { ids: string[]; fields: string[]; limit: number }): Promise<{ results: Array<Record<string, unknown>> }>;
  search(q: string | null, params: MeiliSearchParams): Promise<MeiliSearchResponse>;
}

export interface MeiliClient {
  index(uid: string): MeiliIndex;
  getRawIndex(uid: string): Promise<{ uid: string; primaryKey?: string }>;
  createIndex(uid: string, options: { primaryKey: string }): MeiliTaskPromise;
  updateIndex(uid: string, options: { primaryKey: string }): MeiliTaskPromise;
  deleteIndex(uid: string): MeiliTaskPromise;
  swapIndexes(params: Array<{ indexes: [string, string]; rename: boolean }>): MeiliTaskPromise;
}
