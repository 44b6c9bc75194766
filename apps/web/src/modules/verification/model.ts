import type { VerificationDecision, VerificationRequestStatus } from '@/generated/graphql';
import type { SimpleMessageKey, Translate } from '@/i18n';

export const DECISIONS: readonly VerificationDecision[] = ['VERIFIED', 'NEEDS_INFO', 'REJECTED'];
export const DECISIONS_WITH_REASON: readonly VerificationDecision[] = ['REJECTED', 'NEEDS_INFO'];

/** Canned reasons staff can start from (the text stays editable). */
export const CANNED_REASONS: readonly SimpleMessageKey[] = [
  'verificationReview.canned.document',
  'verificationReview.canned.brn',
  'verificationReview.canned.website',
  'verificationReview.canned.duplicate',
];

export const decisionKey = (d: VerificationDecision): SimpleMessageKey => `verificationReview.decision.${d}`;
export const requestStatusKey = (s: VerificationRequestStatus): SimpleMessageKey => `verificationRequest.status.${s}`;

/** "2일 3시간" / "5시간 12분" from seconds. */
export function waitingText(seconds: number, t: Translate): string {
  const minutes = Math.floor(seconds / 60);
  const hours = Math.floor(minutes / 60);
  const days = Math.floor(hours / 24);
  return days > 0
    ? t('verificationQueue.waitingDays', { days, hours: hours % 24 })
    : t('verificationQueue.waitingHours', { hours, minutes: minutes % 60 });
}
