import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { useLocale, useT } from '@/i18n';
import { CertificationChips, organizationName, kindKey, VerificationBadge } from '@/modules/organization';
import { FormAlert, summariseError } from '@/shared/forms';
import { LoadingState } from '@/shared/ui/LoadingState';
import { OrganizationReputationQuery, OrganizationReviews } from '@/modules/reviews';
import { OrganizationTrustBox } from '@/modules/trust';
import { SuspensionControls } from '@/modules/verification';
import { useViewer } from '@/shared/session';

/** `/organizations/:id`: an organization's public profile with its reputation and reviews. */
export function OrganizationProfilePage() {
  const t = useT();
  const locale = useLocale();
  const { id = '' } = useParams();
  const { isStaff } = useViewer();
  const [{ data, fetching, error }] = useQuery({
    query: OrganizationReputationQuery,
    variables: { id },
    requestPolicy: 'cache-and-network',
  });
  const org = data?.organization;
  if (!org) {
    if (fetching) return <LoadingState label={t('common.loading')} />;
    return (
      <div className="page">
        <FormAlert summary={summariseError(error, { networkMessage: t('error.network'), unknownMessage: t('error.unknown') })} />
        <Link to="/">{t('notFound.home')}</Link>
      </div>
    );
  }
  return (
    <div className="page" data-testid="org-profile" data-organization-id={org.id}>
      <header className="page__header">
        <h1 data-testid="org-profile-name">{organizationName(org, locale)}</h1>
      </header>
      <p className="page__lead">
        <span className="badge">{t(kindKey(org.kind))}</span> <VerificationBadge status={org.verificationStatus} />
      </p>
      <CertificationChips certifications={org.certifications} testId="org-profile-cert-chips" />
      {isStaff ? <SuspensionControls key={`suspension-${org.id}`} organizationId={org.id} /> : null}
      {isStaff ? <OrganizationTrustBox key={`trust-${org.id}`} organizationId={org.id} /> : null}
      <OrganizationReviews key={org.id} organizationId={org.id} />
    </div>
  );
}
