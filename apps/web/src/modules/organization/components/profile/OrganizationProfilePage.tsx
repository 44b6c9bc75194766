import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import type { OrganizationKind } from '@/generated/graphql';
import { useGraphqlLocale, useLocale, useT } from '@/i18n';
import { OrganizationReviews } from '@/modules/reviews';
import { FormAlert, summariseError } from '@/shared/forms';
import { LoadingState } from '@/shared/ui/LoadingState';
import { useViewer } from '@/shared/session';
import { OrganizationProfileQuery } from '../../graphql/operations';
import { employeeBandKey, kindKey, organizationName, safeHttpUrl } from '../../model/labels';
import { CertificationChips } from '../CertificationChips';
import { VerificationBadge } from '../VerificationBadge';
import { CaseStudiesSection } from './CaseStudiesSection';

/**
 * What other modules put on a profile (organization sits below them, so the app passes them in):
 * the contact and invite actions (listings: 문의하기 / 입찰 초대), the published listings, and the
 * staff's tools (verification, trust).
 */
export interface OrganizationProfileSlots {
  actions?: (organization: { id: string; kind: OrganizationKind }) => ReactNode;
  listings?: (organizationId: string) => ReactNode;
  staff?: (organizationId: string) => ReactNode;
}

/**
 * `/organizations/:id`: an organization's profile (Clutch / G2 style): facts, verified
 * certifications, contact and invite, published listings, case studies and reviews with the
 * per-criterion averages. Its own members see a link to manage it instead of the actions.
 */
export function OrganizationProfilePage({ slots = {} }: { slots?: OrganizationProfileSlots }) {
  const t = useT();
  const uiLocale = useLocale();
  const locale = useGraphqlLocale();
  const { id = '' } = useParams();
  const { viewer, isStaff } = useViewer();
  const [{ data, fetching, error }] = useQuery({
    query: OrganizationProfileQuery,
    variables: { id, locale },
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
  const isMember = viewer?.memberships.some((m) => m.organization.id === org.id) ?? false;
  const website = safeHttpUrl(org.website);
  const notProvided = <span className="muted">{t('common.notProvided')}</span>;

  return (
    <div className="page org-profile" data-testid="org-profile" data-organization-id={org.id}>
      <header className="card org-profile__header">
        <div className="org-profile__title">
          <h1 data-testid="org-profile-name">{organizationName(org, uiLocale)}</h1>
          <VerificationBadge status={org.verificationStatus} testId="org-profile-verification" />
        </div>
        <p className="page__lead">
          <span className="badge" data-testid="org-profile-kind" data-kind={org.kind}>
            {t(kindKey(org.kind))}
          </span>
          {org.industry ? <span className="muted"> · {org.industry.label}</span> : null}
        </p>
        <dl className="org-profile__facts" data-testid="org-profile-facts">
          <div>
            <dt>{t('organization.field.region')}</dt>
            <dd data-testid="org-profile-region">{org.region?.label ?? notProvided}</dd>
          </div>
          <div>
            <dt>{t('organization.field.employeeBand')}</dt>
            <dd data-testid="org-profile-size">{org.employeeBand ? t(employeeBandKey(org.employeeBand)) : notProvided}</dd>
          </div>
          <div>
            <dt>{t('organization.field.foundedYear')}</dt>
            <dd data-testid="org-profile-founded">{org.foundedYear ? t('profile.foundedYear', { year: org.foundedYear }) : notProvided}</dd>
          </div>
          <div>
            <dt>{t('organization.field.website')}</dt>
            <dd data-testid="org-profile-website">
              {website ? (
                <a href={website} target="_blank" rel="noopener noreferrer" className="org-profile__website">
                  {website.replace(/^https?:\/\//, '').replace(/\/$/, '')}
                </a>
              ) : (
                notProvided
              )}
            </dd>
          </div>
        </dl>
        {org.certifications.length > 0 ? (
          <CertificationChips certifications={org.certifications} testId="org-profile-cert-chips" />
        ) : (
          <p className="muted" data-testid="org-profile-cert-none">
            {t('profile.certifications.none')}
          </p>
        )}
        {org.certifications.some((c) => c.conceptId === 'urn:aimatch:certification:venture-company') ? (
          <Link to="/tools/venture-deduction" data-testid="org-profile-deduction">
            {t('deduction.profileLink')}
          </Link>
        ) : null}
        <div className="org-profile__actions" data-testid="org-profile-actions">
          {isMember ? (
            <Link to={`/organization?org=${org.id}`} className="button button--ghost" data-testid="org-profile-manage">
              {t('profile.manage')}
            </Link>
          ) : !isStaff ? (
            slots.actions?.({ id: org.id, kind: org.kind })
          ) : null}
        </div>
      </header>
      {isStaff ? slots.staff?.(org.id) : null}
      {slots.listings?.(org.id)}
      <CaseStudiesSection organizationId={org.id} isMember={isMember} />
      <OrganizationReviews key={org.id} organizationId={org.id} />
    </div>
  );
}
