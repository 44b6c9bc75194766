/**
 * Reviews after a completed project: each side rates the other once on its named criteria
 * (1–5) with a text; double-blind until both are in or REVIEW_BLIND_DAYS have passed.
 */
export enum ReviewSide {
  /** Written by the demand's organization about the supplier side (the accepted bid's lead). */
  CLIENT = 'CLIENT',
  /** Written by the supplier side (lead or accepted consortium partner) about the demand's organization. */
  SUPPLIER = 'SUPPLIER',
}

export enum ReviewCriterion {
  QUALITY = 'QUALITY',
  COMMUNICATION = 'COMMUNICATION',
  SCHEDULE = 'SCHEDULE',
  EXPERTISE = 'EXPERTISE',
  REQUIREMENTS_CLARITY = 'REQUIREMENTS_CLARITY',
  COOPERATION = 'COOPERATION',
  PAYMENT = 'PAYMENT',
}

/** The criteria each side rates (all of them, once each). */
export const REVIEW_CRITERIA: Readonly<Record<ReviewSide, readonly ReviewCriterion[]>> = {
  CLIENT: [ReviewCriterion.QUALITY, ReviewCriterion.COMMUNICATION, ReviewCriterion.SCHEDULE, ReviewCriterion.EXPERTISE],
  SUPPLIER: [ReviewCriterion.REQUIREMENTS_CLARITY, ReviewCriterion.COMMUNICATION, ReviewCriterion.COOPERATION, ReviewCriterion.PAYMENT],
};

export const REVIEW_MIN_RATING = 1;
export const REVIEW_MAX_RATING = 5;
export const REVIEW_MAX_BODY = 2000;
export const REVIEW_BLIND_DAYS = 14;
/** Reputation trend: mean of the last REVIEW_TREND_MONTHS against the mean before. */
export const REVIEW_TREND_MONTHS = 6;

export enum ReputationTrend {
  UP = 'UP',
  DOWN = 'DOWN',
  STEADY = 'STEADY',
}
