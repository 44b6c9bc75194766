import { describe, expect, it } from '@jest/globals';
import { deadlineCountdown } from '../deadline';

const now = Date.parse('2026-03-01T00:00:00Z');

describe('deadlineCountdown', () => {
  it('counts the days left while bids are still to come', () => {
    expect(deadlineCountdown('PUBLISHED', '2026-03-11T00:00:00Z', now)).toEqual({ daysLeft: 10 });
    expect(deadlineCountdown('DRAFT', '2026-03-02T00:00:00Z', now)).toEqual({ daysLeft: 1 });
    expect(deadlineCountdown('PUBLISHED', '2026-02-20T00:00:00Z', now)).toBe('closed');
  });

  it('says nothing once the demand is past bidding', () => {
    for (const status of ['AWARDED', 'COMPLETED', 'CANCELLED', 'ARCHIVED', 'REJECTED'] as const) {
      expect(deadlineCountdown(status, '2026-03-11T00:00:00Z', now)).toBeNull();
      expect(deadlineCountdown(status, '2026-02-20T00:00:00Z', now)).toBeNull();
    }
  });
});
