/**
 * A port `SearchRequest` as a Meilisearch search (pure).
 */
import type { PlannedQuery, SearchRequest } from '../../port';
import type { SearchMode } from './documents';
import { meilisearchFilter } from './filters';
import type { MeiliSearchParams } from './types';

/** Meilisearch considers the first 10 words of a query and ignores the rest. */
export const MAX_QUERY_WORDS = 10;

/**
 * The query terms as Meilisearch's `q`: concept tokens the query names first (they carry the
 * weight, and only the first 10 words count), then the text terms; deduplicated, at most
 * MAX_QUERY_WORDS. `"` (phrase search) is removed and a leading `-` (negation) stripped, so
 * every term is a plain word. '' when nothing is left.
 */
export function meilisearchQueryText(query: PlannedQuery): string {
  const words: string[] = [];
  const seen = new Set<string>();
  for (const term of [...query.boostTerms, ...query.terms]) {
    for (const word of term.replace(/"/g, ' ').split(/\s+/)) {
      const w = word.replace(/^-+/, '');
      if (!w || seen.has(w)) continue;
      seen.add(w);
      words.push(w);
    }
  }
  return words.slice(0, MAX_QUERY_WORDS).join(' ');
}

export interface MeiliSearchCall {
  q: string | null;
  params: MeiliSearchParams;
  mode: SearchMode;
}

/**
 * The search to send, or `null` when nothing can match (no visibility allowed).
 * - text: `q` with `matchingStrategy: 'frequency'` (Meilisearch has no OR: the most frequent
 *   terms are dropped first, so a document needs the rarest term; documents matching more and
 *   rarer terms rank higher);
 * - choseong: no `q`, a `STARTS WITH` filter on the choseong suffixes;
 * - sort: relevance with text → ranking rules (ties: newest); otherwise by `sort` with `id` as
 *   the tie-breaker, like the PostgreSQL engine's ORDER BY;
 * - paging: `page`/`hitsPerPage` (exhaustive total) when `offset` is a multiple of `limit`, else
 *   `offset`/`limit` (estimated total).
 */
export function meilisearchSearch(r: SearchRequest): MeiliSearchCall | null {
  const filter = meilisearchFilter(r.filters, r.query?.choseong ?? null);
  if (!filter) return null;
  const q = r.query && !r.query.choseong ? meilisearchQueryText(r.query) : '';
  const mode: SearchMode = !r.query ? 'browse' : q ? 'text' : 'match';
  const sort =
    r.sort === 'amount_asc'
      ? ['amountMin:asc', 'id:asc']
      : r.sort === 'amount_desc'
        ? ['amountMax:desc', 'id:asc']
        : r.sort === 'newest' || mode !== 'text'
          ? ['publishedAt:desc', 'id:desc']
          : undefined;
  const facets = [...new Set(r.facets.map((f) => (f === 'verified' ? 'verified' : 'concepts')))];
  const params: MeiliSearchParams = {
    filter,
    attributesToRetrieve: ['id'],
    showRankingScore: true,
    ...(facets.length ? { facets } : {}),
    ...(sort ? { sort } : {}),
    ...(mode === 'text' ? { matchingStrategy: 'frequency' as const } : {}),
    ...(r.limit > 0 && r.offset % r.limit === 0
      ? { page: r.offset / r.limit + 1, hitsPerPage: r.limit }
      : { offset: r.offset, limit: r.limit }),
  };
  return { q: mode === 'text' ? q : null, params, mode };
}
