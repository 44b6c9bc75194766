import { describe, expect, it } from '@jest/globals';
import { type Translate, translate } from '@/i18n';
import { subjectParticle } from '@/shared/format';
import { systemMessageText } from '../system-text';

const ORG = 'org-1';
const names = (id: string) => (id === ORG ? '(주)푸드아이' : null);
const tr = (locale: 'ko' | 'en') =>
  ((key: string, params?: Record<string, string | number>) => translate(locale, key as never, params)) as Translate;
const bid = (event: string, payload: Record<string, unknown>) => ({ systemEvent: event, systemPayload: payload, body: null });

describe('systemMessageText', () => {
  it('says who bid what, in Korean with the right particle and 억/만 amounts', () => {
    expect(
      systemMessageText(
        bid('BID_SUBMITTED', { organizationId: ORG, amountKrw: 110_000_000, durationWeeks: 14, revision: 1 }),
        names,
        'ko',
        tr('ko'),
      ),
    ).toBe('(주)푸드아이가 1억 1,000만원·14주 입찰을 제출했습니다.');
    expect(
      systemMessageText(
        bid('BID_SUBMITTED', { organizationId: ORG, amountKrw: 95_000_000, durationWeeks: 12, revision: 2 }),
        names,
        'ko',
        tr('ko'),
      ),
    ).toBe('(주)푸드아이가 입찰을 9,500만원·12주 조건으로 고쳐 다시 제출했습니다(2차).');
    expect(
      systemMessageText(bid('BID_ACCEPTED', { organizationId: ORG, amountKrw: 110_000_000, durationWeeks: 14 }), names, 'ko', tr('ko')),
    ).toBe('(주)푸드아이의 1억 1,000만원·14주 입찰이 선정되었습니다.');
  });

  it('in English too, and without a known organization or terms it still reads as a sentence', () => {
    expect(
      systemMessageText(bid('BID_SUBMITTED', { organizationId: ORG, amountKrw: 110_000_000, durationWeeks: 14 }), names, 'en', tr('en')),
    ).toBe('(주)푸드아이 submitted a bid: KRW 110M, 14 weeks.');
    expect(systemMessageText(bid('BID_ACCEPTED', { organizationId: 'someone-else' }), names, 'ko', tr('ko'))).toBe(
      '입찰 기관의 입찰이 선정되었습니다.',
    );
    expect(systemMessageText(bid('SOMETHING_NEW', {}), names, 'en', tr('en'))).toBe('Notice');
  });
});

describe('subjectParticle', () => {
  it.each([
    ['(주)푸드아이', '가'],
    ['가온비전테크', '가'],
    ['한국정밀', '이'],
    ['에이아이랩', '이'],
    ['ACME', '이(가)'],
    ['3M', '이(가)'],
  ])('%s → %s', (word, particle) => {
    expect(subjectParticle(word)).toBe(particle);
  });

  it('says each project step in words: who delivered or accepted which milestone', () => {
    const step = (event: string) => bid(event, { organizationId: ORG, position: 1, milestoneTitle: '데이터 수집' });
    expect(systemMessageText(step('MILESTONE_DELIVERED'), names, 'ko', tr('ko'))).toBe(
      '(주)푸드아이가 마일스톤 1 「데이터 수집」 납품을 제출했습니다.',
    );
    expect(systemMessageText(step('MILESTONE_REWORK_REQUESTED'), names, 'ko', tr('ko'))).toBe(
      '(주)푸드아이가 마일스톤 1 「데이터 수집」에 보완을 요청했습니다.',
    );
    expect(systemMessageText(step('MILESTONE_ACCEPTED'), names, 'en', tr('en'))).toBe('(주)푸드아이 accepted milestone 1 “데이터 수집”.');
    expect(systemMessageText(bid('PROJECT_COMPLETED', { organizationId: ORG }), names, 'ko', tr('ko'))).toBe(
      '프로젝트가 완료되었습니다. 서로 평가를 남길 수 있습니다.',
    );
  });
});
