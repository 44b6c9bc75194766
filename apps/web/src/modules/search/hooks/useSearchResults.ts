import { useCallback, useEffect, useRef, useState } from 'react';
import { useClient, type Client, type CombinedError } from 'urql';
import type { SearchListingsQuery as SearchListingsResult } from '@/generated/graphql';
import { useGraphqlLocale } from '@/i18n';
import { SearchListingsQuery } from '../graphql/operations';
import { toSearchVariables, type SearchState } from '../model/search-state';

type Result = SearchListingsResult['searchListings'];
export type SearchEdge = Result['edges'][number];
export type FacetCount = Result['facets'][number];

const PAGE_SIZE = 20;
const REMEMBERED = 20;

interface FirstPage {
  edges: SearchEdge[];
  facets: FacetCount[];
  totalCount: number;
  hasNextPage: boolean;
  endCursor: string | null;
}

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

const blank = (key: string): SearchResults => ({
  key,
  edges: [],
  facets: [],
  totalCount: null,
  hasNextPage: false,
  endCursor: null,
  loading: true,
  stale: false,
  loadingMore: false,
  error: undefined,
  moreError: undefined,
});

/**
 * `searchListings` for the search in the URL: the first page with facet counts, then cursor
 * pages appended by `loadMore()` (without facets). Always asks the network; answers of a search
 * that is no longer current are dropped.
 */
export function useSearchResults(search: SearchState): SearchResults & { loadMore: () => void; retry: () => void } {
  const client = useClient();
  const locale = useGraphqlLocale();
  const variables = { ...toSearchVariables(search), locale };
  const key = JSON.stringify(variables);
  const variablesRef = useRef(variables);
  variablesRef.current = variables;
  const currentKey = useRef(key);
  currentKey.current = key;
  const [state, setState] = useState<SearchResults>(() => blank(key));
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const cached = remembered.get(client)?.get(key);
    setState((previous) =>
      cached
        ? { ...blank(key), ...cached, stale: true }
        : {
            ...previous,
            key,
            loading: true,
            stale: previous.totalCount !== null,
            loadingMore: false,
            error: undefined,
            moreError: undefined,
          },
    );
    let cancelled = false;
    void client
      .query(SearchListingsQuery, { ...variablesRef.current, first: PAGE_SIZE, after: null }, { requestPolicy: 'network-only' })
      .toPromise()
      .then((result) => {
        if (cancelled || currentKey.current !== key) return;
        if (!result.data) {
          setState({ ...blank(key), loading: false, error: result.error });
          return;
        }
        const connection = result.data.searchListings;
        const page: FirstPage = {
          edges: connection.edges,
          facets: connection.facets,
          totalCount: connection.totalCount,
          hasNextPage: connection.pageInfo.hasNextPage,
          endCursor: connection.pageInfo.endCursor ?? null,
        };
        remember(client, key, page);
        setState({ ...blank(key), ...page, loading: false });
      });
    return () => {
      cancelled = true;
    };
  }, [client, key, attempt]);

  const loadMore = useCallback(() => {
    if (state.key !== key || !state.hasNextPage || state.loading || state.loadingMore || !state.endCursor) return;
    const after = state.endCursor;
    setState((current) => ({ ...current, loadingMore: true, moreError: undefined }));
    void client
      .query(SearchListingsQuery, { ...variablesRef.current, facets: [], first: PAGE_SIZE, after }, { requestPolicy: 'network-only' })
      .toPromise()
      .then((result) => {
        setState((current) => {
          if (current.key !== key || current.endCursor !== after) return current;
          if (!result.data) return { ...current, loadingMore: false, moreError: result.error };
          const connection = result.data.searchListings;
          const known = new Set(current.edges.map((edge) => edge.node.id));
          return {
            ...current,
            edges: [...current.edges, ...connection.edges.filter((edge) => !known.has(edge.node.id))],
            totalCount: connection.totalCount,
            hasNextPage: connection.pageInfo.hasNextPage,
            endCursor: connection.pageInfo.endCursor ?? null,
            loadingMore: false,
          };
        });
      });
  }, [client, key, state.key, state.hasNextPage, state.loading, state.loadingMore, state.endCursor]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  // Before the effect has run for a new search, report it as loading the new one.
  const current: SearchResults =
    state.key === key ? state : { ...state, key, loading: true, stale: state.totalCount !== null, error: undefined, moreError: undefined };
  return { ...current, loadMore, retry };
}
