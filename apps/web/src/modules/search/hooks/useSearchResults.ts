import type { Client, CombinedError } from 'urql';
import type { SearchListingsQuery as SearchListingsResult } from '@/generated/graphql';
import { useGraphqlLocale } from '@/i18n';
import { usePagedList } from '@/shared/paging';
import { SearchListingsQuery } from '../graphql/operations';
import { toSearchVariables, type SearchState } from '../model/search-state';

type Result = SearchListingsResult['searchListings'];
export type SearchEdge = Result['edges'][number];
export type FacetCount = Result['facets'][number];

const PAGE_SIZE = 20;
const REMEMBERED = 20;

type FirstPage = Pick<Result, 'edges' | 'facets' | 'totalCount' | 'pageInfo'>;

export interface SearchResults {
  /** The search these results belong to (JSON of its variables). */
  key: string;
  edges: SearchEdge[];
  facets: FacetCount[];
  totalCount: number | null;
  hasNextPage: boolean;
  endCursor: string | null;
  /** First page of the current search in flight (results shown, if any, are the previous ones). */
  loading: boolean;
  /** Showing an earlier search's (or a remembered) page while the current one loads. */
  stale: boolean;
  loadingMore: boolean;
  /** The current search failed. */
  error: CombinedError | undefined;
  /** "More results" failed (the results shown stay). */
  moreError: CombinedError | undefined;
}

/**
 * First pages of recent searches per client (= per session), so that going back shows the
 * previous results at once while they are fetched again.
 */
const remembered = new WeakMap<Client, Map<string, FirstPage>>();

function remember(client: Client, key: string, page: FirstPage): void {
  const pages = remembered.get(client) ?? new Map<string, FirstPage>();
  pages.delete(key);
  pages.set(key, page);
  while (pages.size > REMEMBERED) pages.delete(pages.keys().next().value as string);
  remembered.set(client, pages);
}

/**
 * `searchListings` for the search in the URL: the first page with facet counts, then cursor
 * pages appended by `loadMore()` (without facets). Always asks the network; answers of a search
 * that is no longer current are dropped. While a new search loads, the previous results stay (stale).
 */
export function useSearchResults(search: SearchState): SearchResults & { loadMore: () => void; retry: () => void } {
  const locale = useGraphqlLocale();
  const variables = { ...toSearchVariables(search), locale };
  const list = usePagedList<SearchEdge, FirstPage>({
    key: JSON.stringify(variables),
    keepPrevious: true,
    idOf: (edge) => edge.node.id,
    remembered: (client, key) => remembered.get(client)?.get(key),
    onFirstPage: remember,
    fetchPage: async (client, after) => {
      // Facet counts come with the first page only.
      const vars = after === null ? { ...variables, first: PAGE_SIZE, after } : { ...variables, facets: [], first: PAGE_SIZE, after };
      const result = await client.query(SearchListingsQuery, vars, { requestPolicy: 'network-only' }).toPromise();
      return { page: result.data?.searchListings, error: result.error };
    },
  });
  return {
    key: list.key,
    edges: list.edges,
    facets: list.first?.facets ?? [],
    totalCount: list.totalCount,
    hasNextPage: list.hasNextPage,
    endCursor: list.endCursor,
    loading: list.loading,
    stale: list.stale,
    loadingMore: list.loadingMore,
    error: list.error,
    moreError: list.moreError,
    loadMore: list.loadMore,
    retry: list.reload,
  };
}
