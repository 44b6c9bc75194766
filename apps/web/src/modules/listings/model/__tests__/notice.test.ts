import { describe, expect, it } from '@jest/globals';
import { noticeAfterAction, noticeFromNavigation, visibleNotice } from '../notice';

describe('the listing page notice', () => {
  it('shows "검토를 요청했습니다" while the listing is submitted', () => {
    const notice = noticeFromNavigation('submitted');
    expect(visibleNotice(notice, 'SUBMITTED')?.key).toBe('listing.actionDone.submit');
  });

  it('drops the submission notice once staff decided (approved, rejected or changes requested)', () => {
    const fromEditor = noticeFromNavigation('submitted');
    const afterSubmit = noticeAfterAction('submit', 'listing.actionDone.submit');
    for (const status of ['PUBLISHED', 'REJECTED', 'CHANGES_REQUESTED'] as const) {
      expect(visibleNotice(fromEditor, status)).toBeNull();
      expect(visibleNotice(afterSubmit, status)).toBeNull();
    }
    expect(visibleNotice(noticeFromNavigation('resubmitted'), 'PUBLISHED')).toBeNull();
  });

  it('keeps notices that are not about the review until the next action', () => {
    expect(visibleNotice(noticeFromNavigation('saved'), 'DRAFT')?.key).toBe('editor.saved');
    expect(visibleNotice(noticeAfterAction('pause', 'listing.actionDone.pause'), 'PAUSED')?.key).toBe('listing.actionDone.pause');
    expect(visibleNotice(noticeFromNavigation(undefined), 'DRAFT')).toBeNull();
  });
});
