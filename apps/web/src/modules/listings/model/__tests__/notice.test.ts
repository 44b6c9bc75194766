import { describe, expect, it } from '@jest/globals';
import { initialNoticeStatus, noticeApplies, type ListingNotice } from '../notice';

const submitted: ListingNotice = { text: '검토를 요청했습니다', status: initialNoticeStatus('submitted'), version: 3 };

describe('the listing page banner', () => {
  it('shows "submitted" while the listing is the submitted version', () => {
    expect(noticeApplies(submitted, { status: 'SUBMITTED', version: 3 })).toBe(true);
  });

  it('goes once staff approved the listing (the network answer replaces the cached SUBMITTED one)', () => {
    expect(noticeApplies(submitted, { status: 'PUBLISHED', version: 4 })).toBe(false);
  });

  it('goes once staff requested changes, even at a status the notice did not name', () => {
    expect(noticeApplies(submitted, { status: 'CHANGES_REQUESTED', version: 4 })).toBe(false);
  });

  it('goes when the listing was submitted again later (a newer version), e.g. back to an old history entry', () => {
    expect(noticeApplies(submitted, { status: 'SUBMITTED', version: 6 })).toBe(false);
  });

  it('without a version (an old history entry) it still requires the status it describes', () => {
    const old: ListingNotice = { ...submitted, version: null };
    expect(noticeApplies(old, { status: 'SUBMITTED', version: 9 })).toBe(true);
    expect(noticeApplies(old, { status: 'PUBLISHED', version: 9 })).toBe(false);
    expect(noticeApplies(null, { status: 'SUBMITTED', version: 9 })).toBe(false);
  });
});
