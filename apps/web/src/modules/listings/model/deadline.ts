import type { ListingStatus } from '@/generated/graphql';

/** Demands past bidding: awarded, completed, cancelled, archived or rejected. Their deadline no longer counts down. */
const BIDDING_OVER: readonly ListingStatus[] = ['AWARDED', 'COMPLETED', 'CANCELLED', 'ARCHIVED', 'REJECTED'];

/**
 * What to say beside a demand's bid deadline: the days left (D-n) while bids are still to come, "마감" once it passed,
 * and nothing when the demand is past bidding (a countdown on a completed project reads as if it were still open).
 */
export function deadlineCountdown(status: ListingStatus, bidDeadline: string, now: number): { daysLeft: number } | 'closed' | null {
  if (BIDDING_OVER.includes(status)) return null;
  const days = Math.ceil((new Date(bidDeadline).getTime() - now) / 86_400_000);
  return days >= 0 ? { daysLeft: days } : 'closed';
}
