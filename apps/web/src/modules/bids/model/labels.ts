import type { BidStatus, ConsortiumPartnerStatus, ConsortiumRole } from '@/generated/graphql';
import type { SimpleMessageKey, UiLocale } from '@/i18n';

export const BID_STATUS_KEYS: Record<BidStatus, SimpleMessageKey> = {
  DRAFT: 'bid.status.DRAFT',
  SUBMITTED: 'bid.status.SUBMITTED',
  SHORTLISTED: 'bid.status.SHORTLISTED',
  ACCEPTED: 'bid.status.ACCEPTED',
  DECLINED: 'bid.status.DECLINED',
  WITHDRAWN: 'bid.status.WITHDRAWN',
  EXPIRED: 'bid.status.EXPIRED',
};

/** Exact whole-KRW amount (₩ grouped by thousands). */
export function formatKrwExact(value: number, locale: UiLocale): string {
  return locale === 'ko' ? `${new Intl.NumberFormat('ko-KR').format(value)}원` : `KRW ${new Intl.NumberFormat('en-US').format(value)}`;
}

export const CONSORTIUM_ROLE_KEYS: Record<ConsortiumRole, SimpleMessageKey> = {
  SI_INTEGRATION: 'consortium.role.SI_INTEGRATION',
  DATA_LABELLING: 'consortium.role.DATA_LABELLING',
  HARDWARE: 'consortium.role.HARDWARE',
  MODEL_DEVELOPMENT: 'consortium.role.MODEL_DEVELOPMENT',
  OPERATIONS: 'consortium.role.OPERATIONS',
  OTHER: 'consortium.role.OTHER',
};

export const PARTNER_STATUS_KEYS: Record<ConsortiumPartnerStatus, SimpleMessageKey> = {
  INVITED: 'consortium.status.INVITED',
  ACCEPTED: 'consortium.status.ACCEPTED',
  DECLINED: 'consortium.status.DECLINED',
};
