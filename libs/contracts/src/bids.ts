/**
 * Bid facts the web shows and the API enforces: statuses, consortium roles and the content limits.
 * The bid workflow itself (transitions, validation) is libs/marketplace's, which re-exports these.
 */
export type BidStatus = 'DRAFT' | 'SUBMITTED' | 'SHORTLISTED' | 'ACCEPTED' | 'DECLINED' | 'WITHDRAWN' | 'EXPIRED';
export type ConsortiumRole = 'SI_INTEGRATION' | 'DATA_LABELLING' | 'HARDWARE' | 'MODEL_DEVELOPMENT' | 'OPERATIONS' | 'OTHER';

export const BID_STATUSES: readonly BidStatus[] = ['DRAFT', 'SUBMITTED', 'SHORTLISTED', 'ACCEPTED', 'DECLINED', 'WITHDRAWN', 'EXPIRED'];
/** Consortium partner roles, in the order the bid form offers them. */
export const CONSORTIUM_ROLES: readonly ConsortiumRole[] = [
  'SI_INTEGRATION',
  'DATA_LABELLING',
  'HARDWARE',
  'MODEL_DEVELOPMENT',
  'OPERATIONS',
  'OTHER',
];

/** At most one bid per organization and demand in these (a partial unique index in PostgreSQL). */
export const LIVE_BID_STATUSES: readonly BidStatus[] = ['DRAFT', 'SUBMITTED', 'SHORTLISTED', 'ACCEPTED'];

export const BID_LIMITS = {
  minAmountKrw: 1,
  maxAmountKrw: 100_000_000_000,
  minWeeks: 1,
  maxWeeks: 260,
  maxApproachChars: 10_000,
  maxMilestones: 20,
  maxMilestoneTitleChars: 200,
  maxCovered: 100,
  maxPartners: 5,
  /** A decline or cancellation reason. */
  maxReasonChars: 2000,
} as const;
