import { useCallback, useEffect, useRef, useState } from 'react';
import { useClient, type CombinedError } from 'urql';
import type { MatchEdgeFieldsFragment } from '@/generated/graphql';
import { useGraphqlLocale } from '@/i18n';
import { MatchesForDemandQuery, RecommendedDemandsQuery } from '../graphql/operations';

export type MatchEdge = MatchEdgeFieldsFragment;

/** Whose counterparts to rank: the suppliers of a demand, or the demands of a supply listing. */
export type MatchTarget = { kind: 'DEMAND'; listingId: string } | { kind: 'SUPPLY'; listingId: string };

interface MatchPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  edges: readonly MatchEdge[];
}

interface PagesState {
  key: string;
  edges: MatchEdge[];
  totalCount: number | null;
  hasNextPage: boolean;
  endCursor: string | null;
  fetching: boolean;
  error: CombinedError | undefined;
}

const initial = (key: string): PagesState => ({
  key,
  edges: [],
  totalCount: null,
  hasNextPage: false,
  endCursor: null,
  fetching: true,
  error: undefined,
});

/**
 * Cursor pages of `matchesForDemand` / `recommendedDemands`, always from the network (rankings
 * change as listings are published); `loadMore()` appends the next page with `after`.
 */
export function useMatchPages(target: MatchTarget, options: { pageSize?: number; pause?: boolean } = {}) {
  const client = useClient();
  const locale = useGraphqlLocale();
  const pageSize = options.pageSize ?? 10;
  const key = JSON.stringify({ ...target, locale });
  const [state, setState] = useState<PagesState>(() => initial(key));
  const targetRef = useRef(target);
  targetRef.current = target;

  const fetchPage = useCallback(
    async (after: string | null): Promise<{ page?: MatchPage; error?: CombinedError }> => {
      const current = targetRef.current;
      if (current.kind === 'DEMAND') {
        const result = await client
          .query(MatchesForDemandQuery, { demandId: current.listingId, first: pageSize, after, locale }, { requestPolicy: 'network-only' })
          .toPromise();
        return { page: result.data?.matchesForDemand, error: result.error };
      }
      const result = await client
        .query(
          RecommendedDemandsQuery,
          { supplyListingId: current.listingId, first: pageSize, after, locale },
          { requestPolicy: 'network-only' },
        )
        .toPromise();
      return { page: result.data?.recommendedDemands, error: result.error };
    },
    [client, pageSize, locale],
  );

  const load = useCallback(
    async (after: string | null, listKey: string) => {
      const { page, error } = await fetchPage(after);
      setState((current) => {
        if (current.key !== listKey) return current;
        if (!page) return { ...current, fetching: false, error };
        const known = new Set(after ? current.edges.map((edge) => edge.node.id) : []);
        return {
          key: listKey,
          edges: [...(after ? current.edges : []), ...page.edges.filter((edge) => !known.has(edge.node.id))],
          totalCount: page.totalCount,
          hasNextPage: page.pageInfo.hasNextPage,
          endCursor: page.pageInfo.endCursor ?? null,
          fetching: false,
          error: undefined,
        };
      });
    },
    [fetchPage],
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
