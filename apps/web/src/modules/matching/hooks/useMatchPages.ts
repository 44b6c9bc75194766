import type { MatchEdgeFieldsFragment } from '@/generated/graphql';
import { useGraphqlLocale } from '@/i18n';
import { usePagedList } from '@/shared/paging';
import { MatchesForDemandQuery, RecommendedDemandsQuery } from '../graphql/operations';

export type MatchEdge = MatchEdgeFieldsFragment;

/** Whose counterparts to rank: the suppliers of a demand, or the demands of a supply listing. */
export type MatchTarget = { kind: 'DEMAND'; listingId: string } | { kind: 'SUPPLY'; listingId: string };

/**
 * Cursor pages of `matchesForDemand` / `recommendedDemands`, always from the network (rankings
 * change as listings are published); `loadMore()` appends the next page with `after`.
 */
export function useMatchPages(target: MatchTarget, options: { pageSize?: number; pause?: boolean } = {}) {
  const locale = useGraphqlLocale();
  const pageSize = options.pageSize ?? 10;
  const list = usePagedList<MatchEdge>({
    key: JSON.stringify({ ...target, locale }),
    pause: options.pause,
    idOf: (edge) => edge.node.id,
    fetchPage: async (client, after) => {
      if (target.kind === 'DEMAND') {
        const result = await client
          .query(MatchesForDemandQuery, { demandId: target.listingId, first: pageSize, after, locale }, { requestPolicy: 'network-only' })
          .toPromise();
        return { page: result.data?.matchesForDemand, error: result.error };
      }
      const result = await client
        .query(
          RecommendedDemandsQuery,
          { supplyListingId: target.listingId, first: pageSize, after, locale },
          { requestPolicy: 'network-only' },
        )
        .toPromise();
      return { page: result.data?.recommendedDemands, error: result.error };
    },
  });
  return {
    key: list.key,
    edges: list.edges,
    totalCount: list.totalCount,
    hasNextPage: list.hasNextPage,
    endCursor: list.endCursor,
    fetching: list.loading || list.loadingMore,
    error: list.error ?? list.moreError,
    loadMore: list.loadMore,
    /** Ranks again from the first page (after the owner changed what counts, e.g. an inferred concept). */
    reload: list.reload,
  };
}
