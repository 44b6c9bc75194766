import type { ListingDetailQuery, ListingStateFieldsFragment } from '@/generated/graphql';

/** A listing with all its content (detail page, editor). */
export type ListingDetail = ListingDetailQuery['listing'];

/** A listing's workflow state, as commands return it. */
export type ListingState = ListingStateFieldsFragment;
