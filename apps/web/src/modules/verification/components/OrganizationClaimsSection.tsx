import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useFormatters, useLocale, useT } from '@/i18n';
import { claimStatusKey } from '@/modules/organization';
import { ReviewOrganizationClaimsQuery } from '../graphql/operations';

/** On the verification review page: the organization's certification claims, each opening its own review. */
export function OrganizationClaimsSection({ organizationId }: { organizationId: string }) {
  const t = useT();
  const locale = useLocale();
  const format = useFormatters();
  const [{ data }] = useQuery({ query: ReviewOrganizationClaimsQuery, variables: { id: organizationId }, requestPolicy: 'network-only' });
  const claims = data?.organization?.certificationClaims ?? [];
  return (
    <section className="card" aria-labelledby="review-claims">
      <h2 id="review-claims" className="card__title">
        {t('certificationReview.orgClaims')}
      </h2>
      {claims.length ? (
        <ul className="plain-list" data-testid="review-claims">
          {claims.map((c) => (
            <li key={c.id} data-status={c.status}>
              <Link to={`/staff/certifications/${c.id}`}>{locale === 'ko' ? c.labelKo : c.labelEn}</Link> ·{' '}
              <strong>{t(claimStatusKey(c.status))}</strong> · {format.date(c.claimedAt)}
              {c.expiresOn ? (
                <span className="muted">
                  {' '}
                  · {t('certification.expiresOn')} {c.expiresOn}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">—</p>
      )}
    </section>
  );
}
