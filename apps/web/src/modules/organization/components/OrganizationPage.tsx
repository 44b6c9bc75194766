import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { LoadingState } from '@/shared/ui/LoadingState';
import { OrganizationReviews } from '@/modules/reviews';
import { useGraphqlLocale, useLocale, useT } from '@/i18n';
import { useViewer } from '@/shared/session';
import { FormAlert, summariseError } from '@/shared/forms';
import { OrganizationDetailQuery } from '../graphql/operations';
import { organizationName, roleKey } from '../model/labels';
import { CertificationClaimsPanel } from './CertificationClaimsPanel';
import { InviteForm } from './InviteForm';
import { MembersList } from './MembersList';
import { OrganizationDetails } from './OrganizationDetails';
import { OrganizationEditForm } from './OrganizationEditForm';
import { PendingInvitations } from './PendingInvitations';
import { CaseStudiesEditor } from './profile/CaseStudiesEditor';
import { VerificationPanel } from './VerificationPanel';

/** `/organization`: the organization of one of the viewer's memberships (`?org=<id>`, default: the first). */
export function OrganizationPage() {
  const t = useT();
  const locale = useLocale();
  const { viewer, fetching, error } = useViewer();
  const [searchParams, setSearchParams] = useSearchParams();

  if (!viewer) {
    if (error) {
      return (
        <div className="page">
          <h1>{t('organization.title')}</h1>
          <FormAlert summary={summariseError(error, { networkMessage: t('error.network'), unknownMessage: t('error.unknown') })} />
        </div>
      );
    }
    return <LoadingState label={t('common.loading')} />;
  }

  const memberships = viewer.memberships;
  const requested = searchParams.get('org');
  const membership = memberships.find((m) => m.organization.id === requested) ?? memberships[0];

  if (!membership) {
    return (
      <div className="page page--narrow" data-testid="org-none">
        <h1>{t('organization.title')}</h1>
        <p>{fetching ? t('common.loading') : t('organization.none')}</p>
        <Link to="/" className="button button--ghost">
          {t('notFound.home')}
        </Link>
      </div>
    );
  }

  const isOwner = membership.role === 'OWNER';
  const organizationId = membership.organization.id;

  return (
    <div className="page">
      <div className="page__header">
        <h1>{t('organization.title')}</h1>
        {memberships.length > 1 ? (
          <div className="field field--inline">
            <label className="field__label" htmlFor="org-select">
              {t('organization.select')}
            </label>
            <select
              id="org-select"
              value={organizationId}
              onChange={(event) => setSearchParams({ org: event.target.value })}
              data-testid="org-select"
            >
              {memberships.map((m) => (
                <option key={m.id} value={m.organization.id}>
                  {organizationName(m.organization, locale)}
                </option>
              ))}
            </select>
          </div>
        ) : null}
      </div>
      <p className="page__lead">
        {t('organization.yourRole')}{' '}
        <span className={`badge badge--role-${membership.role.toLowerCase()}`} data-testid="org-my-role" data-role={membership.role}>
          {t(roleKey(membership.role))}
        </span>{' '}
        <Link to={`/organizations/${organizationId}`} className="button button--ghost button--small" data-testid="org-view-profile">
          {t('profile.viewMine')}
        </Link>
      </p>
      <OrganizationSection key={organizationId} organizationId={organizationId} isOwner={isOwner} viewerUserId={viewer.user.id} />
    </div>
  );
}

function OrganizationSection({
  organizationId,
  isOwner,
  viewerUserId,
}: {
  organizationId: string;
  isOwner: boolean;
  viewerUserId: string;
}) {
  const t = useT();
  const locale = useGraphqlLocale();
  const [{ data, fetching, error }] = useQuery({
    query: OrganizationDetailQuery,
    variables: { id: organizationId, locale },
  });
  const organization = data?.organization;
  const [invitations, setInvitations] = useState(0);

  return (
    <div className="stack">
      {error && !organization ? (
        <FormAlert summary={summariseError(error, { networkMessage: t('error.network'), unknownMessage: t('error.unknown') })} />
      ) : null}
      {organization ? (
        <>
          <OrganizationDetails organization={organization} />
          <VerificationPanel organizationId={organizationId} canRequest={isOwner} />
          <CertificationClaimsPanel organizationId={organizationId} isOwner={isOwner} />
          {isOwner ? <CaseStudiesEditor organizationId={organizationId} /> : null}
          {isOwner ? <OrganizationEditForm organization={organization} /> : null}
        </>
      ) : fetching ? (
        <LoadingState label={t('common.loading')} />
      ) : null}
      <OrganizationReviews organizationId={organizationId} />
      <MembersList organizationId={organizationId} isOwner={isOwner} viewerUserId={viewerUserId} />
      {isOwner ? <InviteForm organizationId={organizationId} onInvited={() => setInvitations((n) => n + 1)} /> : null}
      {isOwner ? <PendingInvitations organizationId={organizationId} version={invitations} /> : null}
    </div>
  );
}
