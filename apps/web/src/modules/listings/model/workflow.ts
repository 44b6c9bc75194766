import type { ListingAction, ListingStatus } from '@/generated/graphql';

/**
 * Statuses in which the owner may edit the content (mirrors the API's `EDITABLE_STATUSES`;
 * the API has no `edit` action in `availableActions`).
 */
export const EDITABLE_STATUSES: readonly ListingStatus[] = ['DRAFT', 'CHANGES_REQUESTED', 'PUBLISHED', 'PAUSED'];

/** Staff decisions: shown in the review panel rather than the owner's action bar. */
export const REVIEW_ACTIONS: readonly ListingAction[] = ['approve', 'reject', 'requestChanges'];

/** Actions not run from the listing page: award happens by accepting a bid; completion and cancellation have their own mutations (bids). */
export const UNSUPPORTED_ACTIONS: readonly ListingAction[] = ['award', 'complete', 'cancel'];
