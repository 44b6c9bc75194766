import type { DemandContent, SupplyContent } from '@aimatch/capability-model';
import type { ListingRecord } from './listing-record';

/** What the GraphQL types read: the row's metadata with its content's fields lifted up (listings' read model for every module's resolvers). */
export type ListingView = Omit<ListingRecord, 'content' | 'bidDeadline'> &
  (Omit<DemandContent, 'bidDeadline'> | SupplyContent) & { bidDeadline: Date | null; entity: ListingRecord };

export function toListingView(entity: ListingRecord): ListingView {
  const { content, ...meta } = entity;
  return { ...content, ...meta, kind: entity.kind, entity } as ListingView;
}
