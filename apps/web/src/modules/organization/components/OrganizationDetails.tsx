import type { OrganizationDetailFieldsFragment } from '@/generated/graphql';
import { useFormatters, useLocale, useT } from '@/i18n';
import { employeeBandKey, organizationName, safeHttpUrl } from '../model/labels';
import { CertificationChips } from './CertificationChips';
import { OrganizationKindLabel } from './OrganizationKindLabel';
import { VerificationBadge } from './VerificationBadge';

function Empty() {
  const t = useT();
  return <span className="muted">{t('common.notProvided')}</span>;
}

/** Read-only view of an organization; all user-provided values render as text. */
export function OrganizationDetails({ organization }: { organization: OrganizationDetailFieldsFragment }) {
  const t = useT();
  const locale = useLocale();
  const format = useFormatters();
  const website = safeHttpUrl(organization.website);

  return (
    <section className="card" aria-labelledby="org-name">
      <div className="card__header">
        <h2 id="org-name" className="card__title org-title" data-testid="org-name">
          {organizationName(organization, locale)}
        </h2>
        <VerificationBadge status={organization.verificationStatus} />
      </div>
      <CertificationChips certifications={organization.certifications} testId="org-detail-cert-chips" />
      <dl className="details">
        <div className="details__row">
          <dt>{t('organization.field.kind')}</dt>
          <dd data-testid="org-kind" data-kind={organization.kind}>
            <OrganizationKindLabel kind={organization.kind} />
          </dd>
        </div>
        <div className="details__row">
          <dt>{t('organization.field.nameKo')}</dt>
          <dd data-testid="org-name-ko" lang="ko">
            {organization.nameKo}
          </dd>
        </div>
        <div className="details__row">
          <dt>{t('organization.field.nameEn')}</dt>
          <dd data-testid="org-name-en" lang="en">
            {organization.nameEn ? organization.nameEn : <Empty />}
          </dd>
        </div>
        <div className="details__row">
          <dt>{t('organization.field.businessRegistrationNumber')}</dt>
          <dd data-testid="org-brn" className="mono">
            {organization.businessRegistrationNumber ? (
              organization.businessRegistrationNumber.replace(/^(\d{3})(\d{2})(\d{5})$/, '$1-$2-$3')
            ) : (
              <Empty />
            )}
          </dd>
        </div>
        <div className="details__row">
          <dt>{t('organization.field.region')}</dt>
          <dd data-testid="org-region">{organization.region ? organization.region.label : <Empty />}</dd>
        </div>
        <div className="details__row">
          <dt>{t('organization.field.industry')}</dt>
          <dd data-testid="org-industry">{organization.industry ? organization.industry.label : <Empty />}</dd>
        </div>
        <div className="details__row">
          <dt>{t('organization.field.employeeBand')}</dt>
          <dd data-testid="org-employee-band">{organization.employeeBand ? t(employeeBandKey(organization.employeeBand)) : <Empty />}</dd>
        </div>
        <div className="details__row">
          <dt>{t('organization.field.foundedYear')}</dt>
          <dd data-testid="org-founded-year">{organization.foundedYear ?? <Empty />}</dd>
        </div>
        <div className="details__row">
          <dt>{t('organization.field.website')}</dt>
          <dd data-testid="org-website">
            {website ? (
              <a href={website} target="_blank" rel="noopener noreferrer nofollow">
                {organization.website}
              </a>
            ) : organization.website ? (
              organization.website
            ) : (
              <Empty />
            )}
          </dd>
        </div>
        <div className="details__row">
          <dt>{t('organization.field.verificationStatus')}</dt>
          <dd>
            <VerificationBadge status={organization.verificationStatus} testId="org-verification-detail" />
          </dd>
        </div>
        <div className="details__row">
          <dt>{t('organization.field.createdAt')}</dt>
          <dd data-testid="org-created-at">{format.date(organization.createdAt)}</dd>
        </div>
      </dl>
    </section>
  );
}
