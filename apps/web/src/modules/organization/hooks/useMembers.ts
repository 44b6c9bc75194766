import { useCallback, useEffect, useState } from 'react';
import { useClient, type CombinedError } from 'urql';
import type { OrganizationMembersQuery as MembersResult } from '@/generated/graphql';
import { OrganizationMembersQuery } from '../graphql/operations';

type MembersConnection = MembersResult['organization']['members'];
export type MemberEdge = MembersConnection['edges'][number];

export const MEMBERS_PAGE_SIZE = 20;

interface MembersState {
  organizationId: string;
  edges: MemberEdge[];
  totalCount: number | null;
  hasNextPage: boolean;
  endCursor: string | null;
  fetching: boolean;
  error: CombinedError | undefined;
}

const initial = (organizationId: string): MembersState => ({
  organizationId,
  edges: [],
  totalCount: null,
  hasNextPage: false,
  endCursor: null,
  fetching: true,
  error: undefined,
});

/** Cursor-paginated members of an organization with a `loadMore()` for the next page. */
export function useMembers(organizationId: string) {
  const client = useClient();
  const [state, setState] = useState<MembersState>(() => initial(organizationId));

  const load = useCallback(
    async (after: string | null, isCurrent: () => boolean = () => true) => {
      const result = await client
        .query(OrganizationMembersQuery, { id: organizationId, first: MEMBERS_PAGE_SIZE, after }, { requestPolicy: 'network-only' })
        .toPromise();
      if (!isCurrent()) return;
      setState((current) => {
        if (current.organizationId !== organizationId) return current;
        const connection = result.data?.organization.members;
        if (!connection) return { ...current, fetching: false, error: result.error };
        const known = new Set(after ? current.edges.map((edge) => edge.node.id) : []);
        const edges = [...(after ? current.edges : []), ...connection.edges.filter((edge) => !known.has(edge.node.id))];
        return {
          organizationId,
          edges,
          totalCount: connection.totalCount,
          hasNextPage: connection.pageInfo.hasNextPage,
          endCursor: connection.pageInfo.endCursor ?? null,
          fetching: false,
          error: undefined,
        };
      });
    },
    [client, organizationId],
  );

  useEffect(() => {
    let current = true;
    setState(initial(organizationId));
    void load(null, () => current);
    return () => {
      current = false;
    };
  }, [organizationId, load]);

  const loadMore = useCallback(() => {
    if (!state.hasNextPage || state.fetching) return;
    setState((current) => ({ ...current, fetching: true, error: undefined }));
    void load(state.endCursor);
  }, [load, state.endCursor, state.fetching, state.hasNextPage]);

  const reload = useCallback(() => {
    setState(initial(organizationId));
    void load(null);
  }, [load, organizationId]);

  return { ...state, loadMore, reload };
}
