/**
 * The state of a cursor-paginated list (a GraphQL connection read with `first` / `after`) and how
 * each answer changes it. Pure, so that the rules (answers of a list that is no longer current
 * are dropped, pages append without duplicates, a failed "more" keeps what is shown) are tested
 * without React; `usePagedList` drives it.
 */

/** The part of a connection the list needs. */
export interface Connection<Edge> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  edges: readonly Edge[];
}

export interface PagedListState<Edge, First, Failure> {
  /** The list these edges belong to (e.g. JSON of its variables without `first` / `after`). */
  key: string;
  edges: Edge[];
  totalCount: number | null;
  hasNextPage: boolean;
  endCursor: string | null;
  /** The answer to the first page (e.g. its facet counts), null until it arrives. */
  first: First | null;
  /** The first page of `key` is in flight (edges shown, if any, are an earlier list's: `stale`). */
  loading: boolean;
  /** Showing an earlier list (or a remembered first page) while the current one loads. */
  stale: boolean;
  loadingMore: boolean;
  /** The first page failed. */
  error: Failure | undefined;
  /** The next page failed (the edges shown stay). */
  moreError: Failure | undefined;
}

export function blankList<Edge, First, Failure>(key: string): PagedListState<Edge, First, Failure> {
  return {
    key,
    edges: [],
    totalCount: null,
    hasNextPage: false,
    endCursor: null,
    first: null,
    loading: true,
    stale: false,
    loadingMore: false,
    error: undefined,
    moreError: undefined,
  };
}

/**
 * The first page of `key` was asked for. Starts empty, unless `keepPrevious` (the previous list
 * stays visible, marked stale) or a `remembered` first page can be shown meanwhile.
 */
export function firstPageRequested<Edge, First extends Connection<Edge>, Failure>(
  state: PagedListState<Edge, First, Failure>,
  key: string,
  options: { keepPrevious?: boolean; remembered?: First } = {},
): PagedListState<Edge, First, Failure> {
  if (options.remembered) return { ...firstPageLoaded<Edge, First, Failure>(key, options.remembered), loading: true, stale: true };
  if (!options.keepPrevious) return blankList(key);
  return { ...state, key, loading: true, stale: state.totalCount !== null, loadingMore: false, error: undefined, moreError: undefined };
}

/** The list as the first page of `key` describes it. */
export function firstPageLoaded<Edge, First extends Connection<Edge>, Failure>(
  key: string,
  page: First,
): PagedListState<Edge, First, Failure> {
  return {
    ...blankList<Edge, First, Failure>(key),
    edges: [...page.edges],
    totalCount: page.totalCount,
    hasNextPage: page.pageInfo.hasNextPage,
    endCursor: page.pageInfo.endCursor ?? null,
    first: page,
    loading: false,
  };
}

/** The first page of `key` failed: nothing of it to show. */
export function firstPageFailed<Edge, First, Failure>(key: string, error: Failure | undefined): PagedListState<Edge, First, Failure> {
  return { ...blankList<Edge, First, Failure>(key), loading: false, error };
}

/** Whether "more" may be asked for now. */
export function canLoadMore(state: PagedListState<unknown, unknown, unknown>, key: string): boolean {
  return state.key === key && state.hasNextPage && !state.loading && !state.loadingMore && state.endCursor !== null;
}

export function nextPageRequested<Edge, First, Failure>(state: PagedListState<Edge, First, Failure>): PagedListState<Edge, First, Failure> {
  return { ...state, loadingMore: true, moreError: undefined };
}

/**
 * The page after `after` of list `key` arrived: its edges are appended, except those already shown
 * (rankings and lists shift between pages). An answer for another list or cursor is ignored.
 */
export function nextPageLoaded<Edge, First, Failure>(
  state: PagedListState<Edge, First, Failure>,
  key: string,
  after: string,
  page: Connection<Edge>,
  idOf: (edge: Edge) => string,
): PagedListState<Edge, First, Failure> {
  if (state.key !== key || state.endCursor !== after) return state;
  const known = new Set(state.edges.map(idOf));
  return {
    ...state,
    edges: [...state.edges, ...page.edges.filter((edge) => !known.has(idOf(edge)))],
    totalCount: page.totalCount,
    hasNextPage: page.pageInfo.hasNextPage,
    endCursor: page.pageInfo.endCursor ?? null,
    loadingMore: false,
  };
}

export function nextPageFailed<Edge, First, Failure>(
  state: PagedListState<Edge, First, Failure>,
  key: string,
  after: string,
  error: Failure | undefined,
): PagedListState<Edge, First, Failure> {
  if (state.key !== key || state.endCursor !== after) return state;
  return { ...state, loadingMore: false, moreError: error };
}
