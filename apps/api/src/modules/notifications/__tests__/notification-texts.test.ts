import { describe, expect, it } from '@jest/globals';
import { NotificationType } from '@aimatch/contracts';
import { notificationText } from '../notification-texts';

/** Every notification type the modules write (NotificationType and the bids module's BID_NOTIFICATIONS). */
const TYPES = [
  ...Object.values(NotificationType),
  'BID_RECEIVED',
  'BID_REVISED',
  'BID_WITHDRAWN',
  'BID_SHORTLISTED',
  'BID_ACCEPTED',
  'BID_DECLINED',
  'BID_EXPIRED',
  'BID_INVITATION',
  'CONSORTIUM_INVITATION',
  'CONSORTIUM_INVITATION_ANSWERED',
  'DEMAND_COMPLETED',
  'DEMAND_CANCELLED',
];

describe('notification e-mail texts', () => {
  it.each(TYPES.flatMap((type) => (['ko', 'en'] as const).map((locale) => [type, locale] as const)))(
    '%s (%s) reads as a sentence, never as its code',
    (type, locale) => {
      const text = notificationText(type, { title: '사출 불량 검사', organizationName: '한빛정밀' }, locale);
      expect(text).not.toContain(type);
      expect(text).not.toMatch(/aimatch (알림|notification) \(/);
    },
  );

  it('names the bidder to the demand owner, in the reader’s language', () => {
    const p = { title: '사출 불량 검사', bidderName: '(주)푸드아이', bidderNameEn: 'FoodEye Inc.' };
    expect(notificationText('BID_RECEIVED', p, 'ko')).toBe('(주)푸드아이의 새 입찰이 도착했습니다: 사출 불량 검사');
    expect(notificationText('BID_RECEIVED', p, 'en')).toBe('New bid from FoodEye Inc. on: 사출 불량 검사');
    expect(notificationText('BID_WITHDRAWN', { title: 'x', bidderName: '(주)푸드아이' }, 'en')).toBe('(주)푸드아이 withdrew its bid on: x');
    // Notices written before the name was in the payload still read well.
    expect(notificationText('BID_RECEIVED', { title: 'x' }, 'ko')).toBe('새 입찰이 도착했습니다: x');
  });

  it('names the milestone and the side that acted on a project', () => {
    const p = {
      title: '사출 불량 검사',
      organizationName: '(주)푸드아이',
      organizationNameEn: 'FoodEye Inc.',
      position: 2,
      milestoneTitle: '모델 구축',
    };
    expect(notificationText('MILESTONE_DELIVERED', p, 'ko')).toBe('(주)푸드아이가 마일스톤 2 「모델 구축」을 납품했습니다: 사출 불량 검사');
    expect(notificationText('MILESTONE_DELIVERED', p, 'en')).toBe('FoodEye Inc. delivered milestone 2 (모델 구축): 사출 불량 검사');
    expect(notificationText('MILESTONE_ACCEPTED', { ...p, milestoneTitle: '데이터 수집' }, 'ko')).toBe(
      '마일스톤 2 「데이터 수집」이 승인되었습니다: 사출 불량 검사',
    );
    expect(notificationText('MILESTONE_ACCEPTED', p, 'en')).toBe('Milestone 2 (모델 구축) was accepted: 사출 불량 검사');
  });
});
