import type { BidFieldsFragment } from '@/generated/graphql';
import { useLocale, useT } from '@/i18n';
import { organizationName } from '@/modules/organization';
import { CONSORTIUM_ROLE_KEYS } from '../model/labels';
import { PartnerStatusChip } from './ConsortiumSection';

/** A bid's consortium, read-only: lead share, then each partner with role, share and invitation status. */
export function PartnerList({
  bid,
  testId = 'bid-consortium',
}: {
  bid: Pick<BidFieldsFragment, 'id' | 'leadSharePercent' | 'partners'>;
  testId?: string;
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <div className="consortium-list" data-testid={testId}>
      <p className="consortium-list__title">
        <strong>{t('consortium.title')}</strong> <span className="muted">{t('consortium.leadShare', { share: bid.leadSharePercent })}</span>
      </p>
      <ul>
        {bid.partners.map((p) => (
          <li key={p.organizationId} data-testid={`${testId}-partner-${p.organizationId}`} data-status={p.status}>
            {p.organization ? organizationName(p.organization, locale) : p.organizationId} · {t(CONSORTIUM_ROLE_KEYS[p.role])} ·{' '}
            {p.sharePercent}% <PartnerStatusChip status={p.status} />
          </li>
        ))}
      </ul>
    </div>
  );
}
