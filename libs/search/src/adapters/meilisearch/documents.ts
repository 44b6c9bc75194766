/**
 * Documents in and results out (pure): `SearchDocument` → the stored Meilisearch document, and a
 * Meilisearch search response → the port's `SearchResult`.
 */
import { CONCEPT_FACETS, type FacetName, type SearchDocument, type SearchResult } from '../../port';
import { CHOSEONG_KEY_MAX } from './filters';
import type { MeiliDocument, MeiliSearchResponse } from './types';

const unique = (xs: Iterable<string>) => [...new Set(xs)];
const isConceptToken = (term: string) => term.startsWith('c_');
const amount = (v: number | null) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Every suffix of every space-separated run of a choseong key, each at most CHOSEONG_KEY_MAX long. */
export function choseongKeys(choseong: string): string[] {
  const out = new Set<string>();
  for (const run of choseong.split(/\s+/)) {
    for (let i = 0; i < run.length; i++) out.add(run.slice(i, i + CHOSEONG_KEY_MAX));
  }
  return [...out];
}

export function toMeiliDocument(doc: SearchDocument): MeiliDocument {
  const publishedAt = Date.parse(doc.publishedAt);
  if (Number.isNaN(publishedAt)) throw new Error(`search document ${doc.id}: publishedAt is not a date: ${doc.publishedAt}`);
  return {
    id: doc.id,
    kind: doc.kind,
    version: doc.version,
    visibility: doc.visibility,
    organizationId: doc.organizationId,
    organizationName: doc.organizationName,
    verified: doc.verified,
    title: doc.title,
    summary: doc.summary,
    publishedAt,
    amountMin: amount(doc.amountMin),
    amountMax: amount(doc.amountMax),
    concepts: unique(CONCEPT_FACETS.flatMap((f) => doc.concepts[f] ?? [])),
    conceptsX: unique(CONCEPT_FACETS.flatMap((f) => doc.conceptsExpanded[f] ?? [])),
    termsA: doc.terms.a.filter(Boolean).join(' '),
    conceptTokens: doc.terms.b.filter(isConceptToken).join(' '),
    termsB: doc.terms.b.filter((t) => t && !isConceptToken(t)).join(' '),
    termsC: doc.terms.c.filter(Boolean).join(' '),
    choseong: doc.choseong,
    choseongKeys: choseongKeys(doc.choseong),
  };
}

/** How the hits were found, which decides their scores (as the PostgreSQL engine scores them). */
export type SearchMode =
  /** No query: browse, score 0. */
  | 'browse'
  /** Text terms: Meilisearch's ranking score (0..1). */
  | 'text'
  /** A choseong query, or a query without usable terms: every match scores 1. */
  | 'match';

const clamp01 = (n: unknown) => (typeof n === 'number' && Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0);

/**
 * Maps a Meilisearch response to the port's result: ids with scores, the `concepts` facet split by
 * scheme (`urn:aimatch:<scheme>:…`) into the requested concept facets, `verified` as `'true'`/`'false'`
 * keys, and the total (exhaustive `totalHits` when paged by page, else `estimatedTotalHits`).
 */
export function fromMeiliSearchResponse(res: MeiliSearchResponse, facets: FacetName[], mode: SearchMode, tookMs: number): SearchResult {
  const hits = res.hits.map((h) => ({
    id: String(h.id),
    score: mode === 'browse' ? 0 : mode === 'match' ? 1 : clamp01(h._rankingScore),
  }));
  const facetDistribution: SearchResult['facetDistribution'] = {};
  for (const f of facets) facetDistribution[f] = {};
  for (const [value, count] of Object.entries(res.facetDistribution?.concepts ?? {})) {
    const facet = value.split(':')[2] as FacetName | undefined;
    if (facet && facet !== 'verified' && facetDistribution[facet]) facetDistribution[facet][value] = count;
  }
  if (facetDistribution.verified) {
    for (const [value, count] of Object.entries(res.facetDistribution?.verified ?? {})) facetDistribution.verified[String(value)] = count;
  }
  return { hits, facetDistribution, estimatedTotal: res.totalHits ?? res.estimatedTotalHits ?? 0, tookMs };
}

export function emptySearchResult(facets: FacetName[], tookMs: number): SearchResult {
  const facetDistribution: SearchResult['facetDistribution'] = {};
  for (const f of facets) facetDistribution[f] = {};
  return { hits: [], facetDistribution, estimatedTotal: 0, tookMs };
}
