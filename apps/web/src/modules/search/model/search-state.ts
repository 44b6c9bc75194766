import type { ListingKind, SearchFacet, SearchFiltersInput, SearchSort } from '@/generated/graphql';
import type { SimpleMessageKey } from '@/i18n';

/**
 * The search as it lives in the URL (`/search?q=…&kind=SUPPLY&task=urn:…&sort=newest`):
 * the query string is the only source of truth, so a search can be shared and the back button
 * restores it. `toSearchParams` writes a canonical string (fixed order, defaults left out) so
 * that the same search always has the same URL.
 */

/** Concept schemes the API filters by (URL parameter = scheme id, repeatable). */
export const CONCEPT_FACETS = ['task', 'industry', 'region', 'deployment', 'integration', 'modality', 'certification'] as const;
export type ConceptFacet = (typeof CONCEPT_FACETS)[number];
export type FacetKey = ConceptFacet | 'verified';

/** Facets listed in the side panel, in this order (the others can still come from a suggestion). */
export const PANEL_FACETS: readonly ConceptFacet[] = ['task', 'industry', 'region', 'deployment', 'certification'];

export const SORTS = ['relevance', 'newest', 'amount_asc', 'amount_desc'] as const;
export type SortKey = (typeof SORTS)[number];

export interface SearchState {
  q: string;
  kind: ListingKind | null;
  concepts: Readonly<Record<ConceptFacet, readonly string[]>>;
  verifiedOnly: boolean;
  amountMin: number | null;
  amountMax: number | null;
  sort: SortKey;
}

const FILTER_FIELD = {
  task: 'tasks',
  industry: 'industries',
  region: 'regions',
  deployment: 'deployments',
  integration: 'integrations',
  modality: 'modalities',
  certification: 'certifications',
} as const satisfies Record<ConceptFacet, keyof SearchFiltersInput>;

const GRAPHQL_FACET = {
  task: 'TASK',
  industry: 'INDUSTRY',
  region: 'REGION',
  deployment: 'DEPLOYMENT',
  integration: 'INTEGRATION',
  modality: 'MODALITY',
  certification: 'CERTIFICATION',
  verified: 'VERIFIED',
} as const satisfies Record<FacetKey, SearchFacet>;

const GRAPHQL_SORT = {
  relevance: 'RELEVANCE',
  newest: 'NEWEST',
  amount_asc: 'AMOUNT_ASC',
  amount_desc: 'AMOUNT_DESC',
} as const satisfies Record<SortKey, SearchSort>;

/** Facet names as the panel shows them. */
export const facetKey = (facet: FacetKey): SimpleMessageKey => `search.facet.${facet}`;
/** The API's field path of a concept filter (`filters.tasks`), for its errors. */
export const filterPath = (facet: ConceptFacet): string => `filters.${FILTER_FIELD[facet]}`;

/** The URL facet of a `FacetCount.facet` (`TASK` → `task`). */
export function fromGraphqlFacet(facet: SearchFacet): FacetKey {
  return facet.toLowerCase() as FacetKey;
}

export function isConceptFacet(value: string | null | undefined): value is ConceptFacet {
  return (CONCEPT_FACETS as readonly string[]).includes(value ?? '');
}

const MAX_VALUES = 20;
/** The API refuses longer queries (`q` `max-length`); the URL keeps a little more so that the error shows. */
const MAX_URL_QUERY = 1000;

function parseAmountParam(value: string | null): number | null {
  if (value === null || !/^\d{1,16}$/.test(value)) return null;
  return Number(value);
}

export function parseSearchParams(params: URLSearchParams): SearchState {
  const kind = params.get('kind');
  const sort = params.get('sort');
  const concepts = Object.fromEntries(
    CONCEPT_FACETS.map((facet) => [facet, [...new Set(params.getAll(facet).filter(Boolean))].slice(0, MAX_VALUES)]),
  ) as unknown as Record<ConceptFacet, string[]>;
  return {
    q: (params.get('q') ?? '').slice(0, MAX_URL_QUERY),
    kind: kind === 'DEMAND' || kind === 'SUPPLY' ? kind : null,
    concepts,
    verifiedOnly: params.get('verified') === '1' || params.get('verified') === 'true',
    amountMin: parseAmountParam(params.get('min')),
    amountMax: parseAmountParam(params.get('max')),
    sort: (SORTS as readonly string[]).includes(sort ?? '') ? (sort as SortKey) : 'relevance',
  };
}

/** Canonical query string: q, kind, concept filters (scheme order), verified, min, max, sort. */
export function toSearchParams(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  const q = state.q.trim();
  if (q) params.set('q', q);
  if (state.kind) params.set('kind', state.kind);
  for (const facet of CONCEPT_FACETS) for (const id of state.concepts[facet]) params.append(facet, id);
  if (state.verifiedOnly) params.set('verified', '1');
  if (state.amountMin !== null) params.set('min', String(state.amountMin));
  if (state.amountMax !== null) params.set('max', String(state.amountMax));
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  return params;
}

export function searchHref(state: SearchState): string {
  const query = toSearchParams(state).toString();
  return query ? `/search?${query}` : '/search';
}

export const emptyConcepts = (): Record<ConceptFacet, string[]> =>
  Object.fromEntries(CONCEPT_FACETS.map((facet) => [facet, [] as string[]])) as unknown as Record<ConceptFacet, string[]>;

export const EMPTY_SEARCH: SearchState = {
  q: '',
  kind: null,
  concepts: emptyConcepts(),
  verifiedOnly: false,
  amountMin: null,
  amountMax: null,
  sort: 'relevance',
};

export function hasConcept(state: SearchState, facet: ConceptFacet, id: string): boolean {
  return state.concepts[facet].includes(id);
}

export function toggleConcept(state: SearchState, facet: ConceptFacet, id: string): SearchState {
  const current = state.concepts[facet];
  const next = current.includes(id) ? current.filter((value) => value !== id) : [...current, id].slice(0, MAX_VALUES);
  return { ...state, concepts: { ...state.concepts, [facet]: next } };
}

/** How many filters narrow the search (kind and query not counted). */
export function filterCount(state: SearchState): number {
  return (
    CONCEPT_FACETS.reduce((sum, facet) => sum + state.concepts[facet].length, 0) +
    (state.verifiedOnly ? 1 : 0) +
    (state.amountMin !== null ? 1 : 0) +
    (state.amountMax !== null ? 1 : 0)
  );
}

export function withoutFilters(state: SearchState): SearchState {
  return { ...state, concepts: emptyConcepts(), verifiedOnly: false, amountMin: null, amountMax: null };
}

/** Facets to count: those of the panel that apply to the kind, and "verified". */
export function facetsFor(kind: ListingKind | null): SearchFacet[] {
  const applies = (facet: ConceptFacet) => !(facet === 'region' && kind === 'SUPPLY') && !(facet === 'certification' && kind === 'DEMAND');
  return [...PANEL_FACETS.filter(applies).map((facet) => GRAPHQL_FACET[facet]), GRAPHQL_FACET.verified];
}

/** `searchListings` arguments (without paging) for a search. */
export function toSearchVariables(state: SearchState) {
  const filters: SearchFiltersInput = {};
  for (const facet of CONCEPT_FACETS) {
    const ids = state.concepts[facet];
    if (ids.length > 0) filters[FILTER_FIELD[facet]] = [...ids];
  }
  if (state.verifiedOnly) filters.verifiedOnly = true;
  if (state.amountMin !== null) filters.amountMin = state.amountMin;
  if (state.amountMax !== null) filters.amountMax = state.amountMax;
  const q = state.q.trim();
  return {
    kind: state.kind,
    q: q === '' ? null : q,
    filters: Object.keys(filters).length > 0 ? filters : null,
    facets: facetsFor(state.kind),
    sort: GRAPHQL_SORT[state.sort],
  };
}
