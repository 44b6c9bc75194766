import type { ListingStatus } from '@/generated/graphql';
import type { SimpleMessageKey } from '@/i18n';

/**
 * A success notice on the listing page and the status it speaks about. "검토를 요청했습니다" is true
 * only while the listing is SUBMITTED: once staff approved, rejected or asked for changes (seen on
 * reload, on coming back through the history, or in a live refetch) it must not stay on screen.
 * A notice without a status (e.g. "saved") holds until the next action.
 */
export interface ListingNotice {
  key: SimpleMessageKey;
  whileStatus: ListingStatus | null;
}

/** The notice a navigation hands over (`location.state.notice`), or none. */
export function noticeFromNavigation(notice: 'submitted' | 'saved' | 'resubmitted' | undefined): ListingNotice | null {
  switch (notice) {
    case 'submitted':
      return { key: 'listing.actionDone.submit', whileStatus: 'SUBMITTED' };
    case 'resubmitted':
      return { key: 'editor.resubmitted', whileStatus: 'SUBMITTED' };
    case 'saved':
      return { key: 'editor.saved', whileStatus: null };
    default:
      return null;
  }
}

/** The notice after an action succeeded: a submission's notice is tied to SUBMITTED. */
export function noticeAfterAction(action: string, doneKey: SimpleMessageKey): ListingNotice {
  return { key: doneKey, whileStatus: action === 'submit' ? 'SUBMITTED' : null };
}

/** The notice to show for the listing as it is now (null when it no longer describes it). */
export function visibleNotice(notice: ListingNotice | null, status: ListingStatus): ListingNotice | null {
  if (!notice) return null;
  return notice.whileStatus === null || notice.whileStatus === status ? notice : null;
}
