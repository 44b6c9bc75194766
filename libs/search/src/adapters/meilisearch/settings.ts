/**
 * The Meilisearch index settings (pure). See README.md in this folder for the reasoning.
 */
import { normalize } from '@aimatch/korean-text';
import type { IndexSettings } from '../../port';
import type { MeiliSettings } from './types';

/**
 * Searchable fields, most important first (the `attribute` ranking rule ranks by this order):
 * title terms, then the concept tokens, then the other B terms, then the body. The choseong
 * key is not searchable: choseong queries are a `STARTS WITH` filter on `choseongKeys`.
 */
export const SEARCHABLE_ATTRIBUTES = ['termsA', 'conceptTokens', 'termsB', 'termsC'];

export const FILTERABLE_ATTRIBUTES = ['kind', 'visibility', 'verified', 'concepts', 'conceptsX', 'amountMin', 'amountMax', 'choseongKeys'];

/** `id` only breaks ties, like `id DESC`/`id ASC` in the PostgreSQL engine. */
export const SORTABLE_ATTRIBUTES = ['publishedAt', 'amountMin', 'amountMax', 'id'];

/**
 * `sort` first: an explicit sort (newest, amount) orders the whole match like ORDER BY does in
 * PostgreSQL; without a `sort` parameter the rule does nothing and relevance decides. `attribute`
 * before `proximity`: which field a term is in (title, concepts) says more than how close two
 * analysed terms are. Ties go to the newer listing (`publishedAt:desc`), as in PostgreSQL.
 */
export const RANKING_RULES = ['sort', 'words', 'typo', 'attribute', 'proximity', 'exactness', 'publishedAt:desc'];

/** Every concept value of every facet is counted in one `concepts` facet (147 concepts today). */
export const MAX_VALUES_PER_FACET = 1000;
/** Upper bound of hits reachable by paging and of the counted total. */
export const MAX_TOTAL_HITS = 10_000;

/**
 * Mutual synonyms from vocabulary groups: each normalised entry maps to every other entry of its
 * groups. Entries that normalise to nothing, and groups with fewer than two distinct entries, give
 * nothing. Deterministic (sorted keys and values).
 */
export function meilisearchSynonyms(groups: string[][]): Record<string, string[]> {
  const map = new Map<string, Set<string>>();
  for (const group of groups) {
    const entries = [...new Set(group.map((e) => normalize(e)).filter(Boolean))];
    if (entries.length < 2) continue;
    for (const entry of entries) {
      const set = map.get(entry) ?? new Set<string>();
      for (const other of entries) if (other !== entry) set.add(other);
      map.set(entry, set);
    }
  }
  return Object.fromEntries([...map.keys()].sort().map((k) => [k, [...map.get(k)!].sort()]));
}

export function meilisearchSettings(settings: IndexSettings): MeiliSettings {
  return {
    searchableAttributes: [...SEARCHABLE_ATTRIBUTES],
    filterableAttributes: [...FILTERABLE_ATTRIBUTES],
    sortableAttributes: [...SORTABLE_ATTRIBUTES],
    displayedAttributes: ['*'],
    rankingRules: [...RANKING_RULES],
    distinctAttribute: null,
    synonyms: meilisearchSynonyms(settings.synonyms),
    // The terms are already analysed (korean-text drops stop words on the query side).
    stopWords: [],
    // Concept tokens (c_task_visual_inspection) must stay one word; korean-text terms never contain '_'.
    nonSeparatorTokens: ['_'],
    typoTolerance: {
      enabled: true,
      // A typo on a concept token would name another concept (c_task_chatbot / c_task_chatbox).
      disableOnAttributes: ['conceptTokens'],
      disableOnNumbers: true,
      // Meilisearch normalises with NFKD, which splits Hangul syllables into jamo: a query bigram
      // (공장 → 공장) is 4–6 characters long. Query-side Hangul terms are always bigrams or
      // unigrams, which korean-text never lets have a typo (공장 must not find 고장): 7 keeps them
      // exact. Latin words get 1 typo from 7 letters (korean-text: from 5) and 2 from 9 (the same).
      minWordSizeForTypos: { oneTypo: 7, twoTypos: 9 },
    },
    faceting: { maxValuesPerFacet: MAX_VALUES_PER_FACET },
    pagination: { maxTotalHits: MAX_TOTAL_HITS },
    // Terms are whole analysed words, as in PostgreSQL: no prefix matching on the last query word.
    prefixSearch: 'disabled',
    // Only filters and facet counts are used, never the facet-search endpoint.
    facetSearch: false,
  };
}
