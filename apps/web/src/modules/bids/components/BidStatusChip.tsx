import type { BidStatus } from '@/generated/graphql';
import { useT } from '@/i18n';
import { BID_STATUS_KEYS } from '../model/labels';

export function BidStatusChip({ status, testId = 'bid-status' }: { status: BidStatus; testId?: string }) {
  const t = useT();
  return (
    <span className={`status bid-status bid-status--${status.toLowerCase()}`} data-testid={testId} data-status={status}>
      {t(BID_STATUS_KEYS[status])}
    </span>
  );
}
