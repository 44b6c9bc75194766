import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useT } from '@/i18n';
import { TrustCaseQuery } from '../graphql/operations';
import { TrustKindChip } from './TrustKindChip';

/** Staff only (render it only for staff): the organization's open signals and a link to its case. */
export function OrganizationTrustBox({ organizationId }: { organizationId: string }) {
  const t = useT();
  const [{ data }] = useQuery({ query: TrustCaseQuery, variables: { organizationId } });
  const open = data?.trustCase.signals.filter((s) => s.status === 'OPEN') ?? [];
  return (
    <section className="card trust-box" data-testid="organization-trust-box">
      <h2 className="card__title">{t('trust.box.title')}</h2>
      {open.length ? (
        <p className="trust-chips">
          {open.map((s) => (
            <TrustKindChip key={s.id} kind={s.kind} />
          ))}
        </p>
      ) : (
        <p className="muted">{t('trust.box.none')}</p>
      )}
      <Link to={`/staff/trust/${organizationId}`} data-testid="organization-trust-link">
        {t('trust.box.link')}
      </Link>
    </section>
  );
}
