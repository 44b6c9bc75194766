import { useCallback, useEffect, useRef, useState } from 'react';
import { useClient, type Client, type CombinedError } from 'urql';
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
  type PagedListState,
} from './paged-list';

export interface PageAnswer<First> {
  page?: First | null;
  error?: CombinedError;
}

export interface PagedListOptions<Edge, First extends Connection<Edge>> {
  /** Identifies the list (e.g. JSON of its variables without `first` / `after`): a change starts over. */
  key: string;
  /** One page: the first with `after = null`, then the page after the cursor. Ask the network, so that changes show up. */
  fetchPage: (client: Client, after: string | null) => Promise<PageAnswer<First>>;
  /** Edges already shown are not appended again. */
  idOf: (edge: Edge) => string;
  pause?: boolean;
  /** Keep showing the previous list (`stale`) while the first page of a new key loads; by default the list starts empty. */
  keepPrevious?: boolean;
  /** A first page to show at once (`stale`) while it is fetched again. */
  remembered?: (client: Client, key: string) => First | undefined;
  onFirstPage?: (client: Client, key: string, page: First) => void;
}

export type PagedList<Edge, First> = PagedListState<Edge, First, CombinedError> & {
  /** Appends the next page (a no-op while a page is in flight or when there is none). */
  loadMore: () => void;
  /** Asks for the first page again. */
  reload: () => void;
};

/**
 * The one cursor-pagination hook (`first` / `after`, `pageInfo { hasNextPage endCursor }`, "more"):
 * the first page when the key (or the session's client) changes, then `loadMore()` appends the next.
 * Answers of a list that is no longer current are dropped (see paged-list.ts).
 */
export function usePagedList<Edge, First extends Connection<Edge> = Connection<Edge>>(
  options: PagedListOptions<Edge, First>,
): PagedList<Edge, First> {
  const { key, pause = false, keepPrevious = false } = options;
  const client = useClient();
  const latest = useRef(options);
  latest.current = options;
  const currentKey = useRef(key);
  currentKey.current = key;
  const [state, setState] = useState<PagedListState<Edge, First, CombinedError>>(() => blankList(key));
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (pause) return;
    const { fetchPage, remembered, onFirstPage } = latest.current;
    setState((previous) => firstPageRequested(previous, key, { keepPrevious, remembered: remembered?.(client, key) }));
    let cancelled = false;
    void fetchPage(client, null).then(({ page, error }) => {
      if (cancelled || currentKey.current !== key) return;
      if (!page) {
        setState(firstPageFailed<Edge, First, CombinedError>(key, error));
        return;
      }
      onFirstPage?.(client, key, page);
      setState(firstPageLoaded<Edge, First, CombinedError>(key, page));
    });
    return () => {
      cancelled = true;
    };
  }, [client, key, pause, keepPrevious, attempt]);

  const loadMore = useCallback(() => {
    if (!canLoadMore(state, key) || state.endCursor === null) return;
    const after = state.endCursor;
    setState(nextPageRequested);
    void latest.current.fetchPage(client, after).then(({ page, error }) => {
      setState((current) =>
        page ? nextPageLoaded(current, key, after, page, latest.current.idOf) : nextPageFailed(current, key, after, error),
      );
    });
  }, [client, key, state]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  // Before the effect has run for a new key, report the new list as loading.
  const current = state.key === key ? state : firstPageRequested(state, key, { keepPrevious });
  return { ...current, loadMore, reload };
}
