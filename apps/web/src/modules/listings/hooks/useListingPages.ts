import type { TypedDocumentNode } from 'urql';
import type { ListingSummaryFieldsFragment } from '@/generated/graphql';
import { usePagedList, type Connection } from '@/shared/paging';

export type ListingPage = Connection<{ cursor: string; node: ListingSummaryFieldsFragment }>;

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
  const pageSize = options.pageSize ?? 20;
  const list = usePagedList<ListingPage['edges'][number], ListingPage>({
    key: JSON.stringify(variables),
    pause: options.pause,
    idOf: (edge) => edge.node.id,
    fetchPage: async (client, after) => {
      const vars = { ...variables, first: pageSize, after } as Variables;
      const result = await client.query(query, vars, { requestPolicy: 'network-only' }).toPromise();
      return { page: result.data ? pick(result.data) : null, error: result.error };
    },
  });
  return {
    key: list.key,
    listings: list.edges.map((edge) => edge.node),
    totalCount: list.totalCount,
    hasNextPage: list.hasNextPage,
    endCursor: list.endCursor,
    fetching: list.loading || list.loadingMore,
    error: list.error ?? list.moreError,
    loadMore: list.loadMore,
    reload: list.reload,
  };
}
