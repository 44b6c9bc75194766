import type { ReviewCriterion, ReviewSide } from '@/generated/graphql';
import { REVIEW_CRITERIA } from '@aimatch/contracts';
import type { SimpleMessageKey } from '@/i18n';

export const CRITERION_KEYS: Record<ReviewCriterion, SimpleMessageKey> = {
  QUALITY: 'reviews.criterion.QUALITY',
  COMMUNICATION: 'reviews.criterion.COMMUNICATION',
  SCHEDULE: 'reviews.criterion.SCHEDULE',
  EXPERTISE: 'reviews.criterion.EXPERTISE',
  REQUIREMENTS_CLARITY: 'reviews.criterion.REQUIREMENTS_CLARITY',
  COOPERATION: 'reviews.criterion.COOPERATION',
  PAYMENT: 'reviews.criterion.PAYMENT',
};

/** The criteria each side rates, in the API's order. */
export const SIDE_CRITERIA: Readonly<Record<ReviewSide, readonly ReviewCriterion[]>> = REVIEW_CRITERIA;
