import type { OrganizationMembersQuery as MembersResult } from '@/generated/graphql';
import { usePagedList } from '@/shared/paging';
import { OrganizationMembersQuery } from '../graphql/operations';

type MembersConnection = MembersResult['organization']['members'];
export type MemberEdge = MembersConnection['edges'][number];

export const MEMBERS_PAGE_SIZE = 20;

/** Cursor-paginated members of an organization with a `loadMore()` for the next page. */
export function useMembers(organizationId: string) {
  const list = usePagedList<MemberEdge>({
    key: organizationId,
    idOf: (edge) => edge.node.id,
    fetchPage: async (client, after) => {
      const result = await client
        .query(OrganizationMembersQuery, { id: organizationId, first: MEMBERS_PAGE_SIZE, after }, { requestPolicy: 'network-only' })
        .toPromise();
      return { page: result.data?.organization.members, error: result.error };
    },
  });
  return {
    organizationId: list.key,
    edges: list.edges,
    totalCount: list.totalCount,
    hasNextPage: list.hasNextPage,
    endCursor: list.endCursor,
    fetching: list.loading || list.loadingMore,
    error: list.error ?? list.moreError,
    loadMore: list.loadMore,
    reload: list.reload,
  };
}
