import { describe, expect, it } from '@jest/globals';
import {
  availableBidActions,
  bidDecisionDeadline,
  type BidContent,
  checkBidTransition,
  leadSharePercent,
  validateBidContent,
} from '../bid-workflow';

const base: BidContent = {
  amountKrw: 100,
  durationWeeks: 4,
  approach: '접근 방법',
  milestones: [
    { title: 'a', weeks: 2, amountKrw: 40 },
    { title: 'b', weeks: 2, amountKrw: 60 },
  ],
  coveredConceptIds: ['t1'],
  partners: [],
};
const ctx = { requiredConceptIds: ['t1', 't2'], leadOrganizationId: 'lead' };
const rules = (c: Partial<BidContent>) => validateBidContent({ ...base, ...c }, ctx).map((v) => [v.path, v.rule]);

describe('bid workflow', () => {
  it('moves bids by the right side only', () => {
    expect(checkBidTransition('DRAFT', 'submit', 'bidder')).toEqual({ ok: true, to: 'SUBMITTED' });
    expect(checkBidTransition('SHORTLISTED', 'accept', 'demandOwner')).toEqual({ ok: true, to: 'ACCEPTED' });
    expect(checkBidTransition('SUBMITTED', 'accept', 'bidder')).toMatchObject({ ok: false, reason: 'wrong-actor' });
    expect(checkBidTransition('WITHDRAWN', 'accept', 'demandOwner')).toMatchObject({ ok: false, reason: 'wrong-status' });
    expect(availableBidActions('SUBMITTED', 'demandOwner')).toEqual(['shortlist', 'decline', 'accept']);
    expect(availableBidActions('SHORTLISTED', 'bidder')).toEqual(['withdraw']);
  });

  it('gives the demand owner 60 days after the deadline to decide', () => {
    expect(bidDecisionDeadline(new Date('2026-01-01T00:00:00Z'))!.toISOString()).toBe('2026-03-02T00:00:00.000Z');
    expect(bidDecisionDeadline(null)).toBeNull();
  });

  it('checks amounts, milestones, coverage and the consortium', () => {
    expect(rules({})).toEqual([]);
    expect(rules({ amountKrw: 90 })).toEqual([['milestones', 'sum-mismatch']]);
    expect(rules({ amountKrw: 0 })).toEqual([['amountKrw', 'min-value']]);
    expect(rules({ amountKrw: 100_000_000_001 })).toEqual([['amountKrw', 'max-value']]);
    expect(rules({ coveredConceptIds: ['t1', 't1', 'x'] })).toEqual([
      ['coveredConceptIds.1', 'duplicate'],
      ['coveredConceptIds.2', 'not-a-requirement'],
    ]);
    expect(
      rules({
        partners: [
          { organizationId: 'p', role: 'HARDWARE', sharePercent: 60 },
          { organizationId: 'q', role: 'OTHER', sharePercent: 40 },
        ],
      }),
    ).toEqual([['partners', 'share-total']]);
    expect(leadSharePercent([{ organizationId: 'p', role: 'HARDWARE', sharePercent: 30 }])).toBe(70);
  });
});
