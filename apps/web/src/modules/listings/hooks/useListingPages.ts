import { useCallback, useEffect, useRef, useState } from 'react';
import { useClient, type CombinedError, type TypedDocumentNode } from 'urql';
import type { ListingSummaryFieldsFragment } from '@/generated/graphql';

export interface ListingPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  edges: ReadonlyArray<{ cursor: string; node: ListingSummaryFieldsFragment }>;
}

interface PagesState {
  key: string;
  listings: ListingSummaryFieldsFragment[];
  totalCount: number | null;
  hasNextPage: boolean;
  endCursor: string | null;
  fetching: boolean;
  error: CombinedError | undefined;
}

const initial = (key: string): PagesState => ({
  key,
  listings: [],
  totalCount: null,
  hasNextPage: false,
  endCursor: null,
  fetching: true,
  error: undefined,
});

/**
 * Cursor pages of a listing connection (`listings`, `myListings`, `listingsForReview`),
 * always from the network so that workflow changes show up; `loadMore()` appends the next page.
 * The variables (without `first` / `after`) identify the list: a change starts over.
 */
export function useListingPages<Data, Variables extends { first: number; after?: string | null }>(
  query: TypedDocumentNode<Data, Variables>,
  variables: Omit<Variables, 'first' | 'after'>,
  pick: (data: Data) => ListingPage,
  options: { pageSize?: number; pause?: boolean } = {},
) {
  const client = useClient();
  const pageSize = options.pageSize ?? 20;
  const key = JSON.stringify(variables);
  const [state, setState] = useState<PagesState>(() => initial(key));
  const pickRef = useRef(pick);
  pickRef.current = pick;
  const variablesRef = useRef(variables);
  variablesRef.current = variables;

  const load = useCallback(
    async (after: string | null, listKey: string) => {
      const vars = { ...variablesRef.current, first: pageSize, after } as Variables;
      const result = await client.query(query, vars, { requestPolicy: 'network-only' }).toPromise();
      setState((current) => {
        if (current.key !== listKey) return current;
        if (!result.data) return { ...current, fetching: false, error: result.error };
        const page = pickRef.current(result.data);
        const known = new Set(after ? current.listings.map((listing) => listing.id) : []);
        return {
          key: listKey,
          listings: [...(after ? current.listings : []), ...page.edges.map((edge) => edge.node).filter((node) => !known.has(node.id))],
          totalCount: page.totalCount,
          hasNextPage: page.pageInfo.hasNextPage,
          endCursor: page.pageInfo.endCursor ?? null,
          fetching: false,
          error: undefined,
        };
      });
    },
    [client, query, pageSize],
  );

  useEffect(() => {
    if (options.pause) return;
    setState(initial(key));
    void load(null, key);
  }, [key, load, options.pause]);

  const loadMore = useCallback(() => {
    if (!state.hasNextPage || state.fetching) return;
    setState((current) => ({ ...current, fetching: true, error: undefined }));
    void load(state.endCursor, state.key);
  }, [load, state.endCursor, state.fetching, state.hasNextPage, state.key]);

  const current = state.key === key ? state : initial(key);
  return { ...current, loadMore };
}
