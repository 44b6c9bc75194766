export type { Connection, PagedListState } from './paged-list';
export { usePagedList, type PageAnswer, type PagedList, type PagedListOptions } from './usePagedList';
