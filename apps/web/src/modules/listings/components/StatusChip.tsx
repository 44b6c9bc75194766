import type { ListingKind, ListingStatus } from '@/generated/graphql';
import { useT } from '@/i18n';
import { kindKey, statusKey } from '../model/labels';

/** The listing's workflow status as a coloured chip. */
export function StatusChip({ status, testId = 'listing-status' }: { status: ListingStatus; testId?: string }) {
  const t = useT();
  return (
    <span className={`status status--${status.toLowerCase().replace('_', '-')}`} data-testid={testId} data-status={status}>
      {t(statusKey(status))}
    </span>
  );
}

export function KindBadge({ kind, testId }: { kind: ListingKind; testId?: string }) {
  const t = useT();
  return (
    <span className={`badge badge--kind-${kind.toLowerCase()}`} data-testid={testId} data-kind={kind}>
      {t(kindKey(kind))}
    </span>
  );
}
