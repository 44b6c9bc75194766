import type { DemandContent, SupplyContent } from '@aimatch/capability-model';
import type { ListingEntity } from './entities/listing.entity';

/** What the GraphQL types read: the row's metadata with its content's fields lifted up. */
export type ListingView = Omit<ListingEntity, 'content' | 'bidDeadline'> &
  (Omit<DemandContent, 'bidDeadline'> | SupplyContent) & { bidDeadline: Date | null; entity: ListingEntity };

export function toListingView(entity: ListingEntity): ListingView {
  const { content, ...meta } = entity;
  return { ...content, ...meta, kind: entity.kind, entity } as ListingView;
}
