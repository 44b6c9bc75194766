import type { ListingStatus } from '@/generated/graphql';

/**
 * A success banner on the listing page and the listing state it describes. "검토를 요청했습니다"
 * is true only while the listing is still the submitted version: once staff approved it (the
 * cached page refreshes from the network, or the owner comes back to the same history entry)
 * the banner must go, not stay until the page is remounted.
 */
export interface ListingNotice {
  text: string;
  /** The status the listing had right after the action (shown only while it still has it). */
  status: ListingStatus | null;
  /** The version the listing had right after the action (shown only while it still has it). */
  version: number | null;
}

/** Whether the banner still describes the listing as it is now. */
export function noticeApplies(notice: ListingNotice | null, listing: { status: ListingStatus; version: number }): boolean {
  if (!notice) return false;
  if (notice.version !== null && notice.version !== listing.version) return false;
  if (notice.status !== null && notice.status !== listing.status) return false;
  return true;
}

/** The status a notice passed from the editor (`location.state.notice`) describes. */
export function initialNoticeStatus(notice: 'submitted' | 'saved' | 'resubmitted'): ListingStatus | null {
  return notice === 'saved' ? null : 'SUBMITTED';
}
