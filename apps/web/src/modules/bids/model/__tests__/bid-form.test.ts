import { describe, expect, it } from '@jest/globals';
import type { BidFieldsFragment } from '@/generated/graphql';
import { milestoneRowsOf, milestoneSum, partnerRowsOf, partnerShareSum, toBidContent, type BidFormValues } from '../bid-form';

const requirement = [{ id: 'urn:a' }, { id: 'urn:b' }, { id: 'urn:c' }];

function values(patch: Partial<BidFormValues> = {}): BidFormValues {
  return {
    amount: '30,000,000',
    weeks: '12',
    approach: '비전 검사 모델을 라인에 설치합니다.',
    milestones: [
      { key: 1, title: ' 설계 ', weeks: '4', amount: '10,000,000' },
      { key: 2, title: '구축', weeks: '8', amount: '20000000' },
    ],
    covered: new Set(['urn:c', 'urn:a']),
    partners: [],
    ...patch,
  };
}

describe('bid form values ↔ API input', () => {
  it('sends a bid whose milestones add up to the total, covered concepts in the requirement’s order', () => {
    const partner = { organization: { id: 'org-si', nameKo: '한빛SI' }, role: 'SI_INTEGRATION' as const, share: '30' };
    const { input, problems } = toBidContent(values({ partners: [partner] }), requirement);
    expect(problems).toBeNull();
    expect(input).toEqual({
      amountKrw: 30_000_000,
      durationWeeks: 12,
      approach: '비전 검사 모델을 라인에 설치합니다.',
      milestones: [
        { title: '설계', weeks: 4, amountKrw: 10_000_000 },
        { title: '구축', weeks: 8, amountKrw: 20_000_000 },
      ],
      coveredConceptIds: ['urn:a', 'urn:c'],
      partners: [{ organizationId: 'org-si', role: 'SI_INTEGRATION', sharePercent: 30 }],
    });
  });

  it('refuses a missing amount and weeks outside the bid limits', () => {
    expect(toBidContent(values({ amount: '' }), requirement).problems).toMatchObject({ amountKrw: 'invalid' });
    expect(toBidContent(values({ weeks: '0' }), requirement).problems).toMatchObject({ durationWeeks: 'invalid' });
    expect(toBidContent(values({ weeks: '261' }), requirement).problems).toMatchObject({ durationWeeks: 'invalid' });
    expect(
      toBidContent(values({ weeks: '260', milestones: [{ key: 1, title: 'x', weeks: '260', amount: '30000000' }] }), requirement).problems,
    ).toBeNull();
  });

  it('tells the milestone sum when it differs from the total', () => {
    const { problems } = toBidContent(values({ amount: '25000000' }), requirement);
    expect(problems).toEqual({ milestones: { sum: 30_000_000, total: 25_000_000 } });
    expect(toBidContent(values({ milestones: [{ key: 1, title: 'x', weeks: '1.5', amount: '30000000' }] }), requirement).problems).toEqual({
      milestones: 'invalid',
    });
  });

  it('checks partner shares: whole 1–99 each, at most 99 together', () => {
    const org = (id: string) => ({ id, nameKo: id });
    const share = (id: string, s: string) => ({ organization: org(id), role: 'OTHER' as const, share: s });
    expect(toBidContent(values({ partners: [share('a', '0')] }), requirement).problems).toEqual({ partners: 'shareInvalid' });
    expect(toBidContent(values({ partners: [share('a', '60'), share('b', '40')] }), requirement).problems).toEqual({
      partners: 'shareTooHigh',
    });
    expect(partnerShareSum([share('a', '60'), share('b', ' 39 ')])).toBe(99);
    expect(partnerShareSum([share('a', 'x')])).toBeNull();
  });

  it('adds up milestone amounts, empty ones as zero, an unreadable one as unknown', () => {
    expect(
      milestoneSum([
        { key: 1, title: '', weeks: '', amount: '1,000' },
        { key: 2, title: '', weeks: '', amount: '' },
      ]),
    ).toBe(1000);
    expect(milestoneSum([{ key: 1, title: '', weeks: '', amount: 'abc' }])).toBeNull();
  });

  it('reads a stored bid into rows, and a new bid starts with one empty milestone', () => {
    expect(milestoneRowsOf(null)).toEqual([{ key: 1, title: '', weeks: '', amount: '' }]);
    const bid = {
      milestones: [{ title: '설계', weeks: 4, amountKrw: 10_000_000 }],
      partners: [{ organizationId: 'org-x', organization: null, role: 'HARDWARE', sharePercent: 20 }],
    } as unknown as BidFieldsFragment;
    expect(milestoneRowsOf(bid)).toEqual([{ key: 1, title: '설계', weeks: '4', amount: '10000000' }]);
    expect(partnerRowsOf(bid)).toEqual([{ organization: { id: 'org-x', nameKo: 'org-x' }, role: 'HARDWARE', share: '20' }]);
  });
});
