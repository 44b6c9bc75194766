import type { ListingKind } from '@aimatch/capability-model';
import type { ListingStatus } from '@aimatch/marketplace';

/** The identifying columns of a listing, for other modules that need no more (ListingsService.summary). */
export interface ListingSummary {
  id: string;
  kind: ListingKind;
  status: ListingStatus;
  title: string;
  organizationId: string;
}
