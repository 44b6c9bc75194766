import { describe, expect, it } from '@jest/globals';
import {
  blankList,
  canLoadMore,
  firstPageFailed,
  firstPageLoaded,
  firstPageRequested,
  nextPageFailed,
  nextPageLoaded,
  nextPageRequested,
  type Connection,
} from '../paged-list';

type Edge = { node: { id: string } };
const edge = (id: string): Edge => ({ node: { id } });
const idOf = (e: Edge) => e.node.id;
const page = (ids: string[], endCursor: string | null, totalCount = 10): Connection<Edge> => ({
  totalCount,
  pageInfo: { hasNextPage: endCursor !== null, endCursor },
  edges: ids.map(edge),
});
const ids = (s: { edges: Edge[] }) => s.edges.map(idOf);

describe('paged list', () => {
  it('shows the first page, then appends the next without the edges already shown', () => {
    const first = firstPageLoaded<Edge, Connection<Edge>, string>('k', page(['a', 'b'], 'c1'));
    expect(canLoadMore(first, 'k')).toBe(true);
    const loading = nextPageRequested(first);
    expect(canLoadMore(loading, 'k')).toBe(false);
    const next = nextPageLoaded(loading, 'k', 'c1', page(['b', 'c'], null, 3), idOf);
    expect(ids(next)).toEqual(['a', 'b', 'c']);
    expect(next).toMatchObject({ hasNextPage: false, endCursor: null, totalCount: 3, loadingMore: false });
    expect(canLoadMore(next, 'k')).toBe(false);
  });

  it('drops an answer for another list or an older cursor', () => {
    const first = nextPageRequested(firstPageLoaded<Edge, Connection<Edge>, string>('k', page(['a'], 'c1')));
    expect(nextPageLoaded(first, 'other', 'c1', page(['x'], null), idOf)).toBe(first);
    expect(nextPageLoaded(first, 'k', 'c0', page(['x'], null), idOf)).toBe(first);
    expect(nextPageFailed(first, 'k', 'c0', 'boom')).toBe(first);
  });

  it('keeps what is shown when "more" fails', () => {
    const first = nextPageRequested(firstPageLoaded<Edge, Connection<Edge>, string>('k', page(['a'], 'c1')));
    const failed = nextPageFailed(first, 'k', 'c1', 'network');
    expect(ids(failed)).toEqual(['a']);
    expect(failed).toMatchObject({ loadingMore: false, moreError: 'network', error: undefined, hasNextPage: true });
  });

  it('starts a new list empty, or keeps the previous one marked stale, or shows a remembered first page', () => {
    const shown = firstPageLoaded<Edge, Connection<Edge>, string>('k1', page(['a'], null));
    expect(firstPageRequested(shown, 'k2')).toEqual(blankList('k2'));
    expect(firstPageRequested(shown, 'k2', { keepPrevious: true })).toMatchObject({
      key: 'k2',
      loading: true,
      stale: true,
      edges: shown.edges,
    });
    expect(firstPageRequested(blankList<Edge, Connection<Edge>, string>('k1'), 'k2', { keepPrevious: true }).stale).toBe(false);
    const remembered = firstPageRequested(shown, 'k2', { remembered: page(['r'], 'c9') });
    expect(remembered).toMatchObject({ key: 'k2', loading: true, stale: true, endCursor: 'c9' });
    expect(ids(remembered)).toEqual(['r']);
  });

  it('shows nothing of a first page that failed', () => {
    expect(firstPageFailed<Edge, Connection<Edge>, string>('k', 'forbidden')).toMatchObject({
      edges: [],
      loading: false,
      error: 'forbidden',
      totalCount: null,
    });
  });
});
