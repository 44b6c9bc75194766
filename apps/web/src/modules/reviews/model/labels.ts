import type { ReviewCriterion, ReviewSide } from '@/generated/graphql';
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

/** The criteria each side rates (mirrors the API's REVIEW_CRITERIA). */
export const SIDE_CRITERIA: Record<ReviewSide, readonly ReviewCriterion[]> = {
  CLIENT: ['QUALITY', 'COMMUNICATION', 'SCHEDULE', 'EXPERTISE'],
  SUPPLIER: ['REQUIREMENTS_CLARITY', 'COMMUNICATION', 'COOPERATION', 'PAYMENT'],
};
