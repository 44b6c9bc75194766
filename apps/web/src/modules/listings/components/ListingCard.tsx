import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { ListingSummaryFieldsFragment } from '@/generated/graphql';
import { useFormatters, useLocale, useT } from '@/i18n';
import { CertificationChips, OrganizationLink } from '@/modules/organization';
import { formatKrwRange, localized } from '@/shared/format';
import { ConceptList } from './ConceptList';
import { KindBadge, StatusChip } from './StatusChip';

export interface ListingCardProps {
  listing: ListingSummaryFieldsFragment;
  showStatus?: boolean;
  /** Marks listings of verified organizations (search results). */
  showVerified?: boolean;
  /** Replaces the title / summary text, e.g. with the search's highlighted version. */
  titleContent?: { node: ReactNode; lang: 'ko' | 'en' };
  summaryContent?: { node: ReactNode; lang: 'ko' | 'en' } | null;
  /** Shown under the summary (e.g. where a search matched the Korean original). */
  extra?: ReactNode;
  testId?: string;
}

/** A listing as a card: title, summary, organization, key concepts, budget / price. */
export function ListingCard({
  listing,
  showStatus = false,
  showVerified = false,
  titleContent,
  summaryContent,
  extra,
  testId,
}: ListingCardProps) {
  const t = useT();
  const locale = useLocale();
  const format = useFormatters();
  const title = localized(listing.title, listing.titleEn, locale);
  const summary = localized(listing.summary, listing.summaryEn, locale);
  const elements = listing.__typename === 'DemandListing' ? listing.requirement : listing.capability;
  const money = formatKrwRange(listing.commercialTerms.minAmountKrw, listing.commercialTerms.maxAmountKrw, locale, t);
  const demand = listing.__typename === 'DemandListing' ? listing : null;

  return (
    <article className="listing-card" data-testid={testId ?? `listing-card-${listing.id}`} data-kind={listing.kind}>
      <header className="listing-card__header">
        <KindBadge kind={listing.kind} />
        {showStatus ? <StatusChip status={listing.status} testId={`listing-card-status-${listing.id}`} /> : null}
        {showVerified && listing.organization.verificationStatus === 'VERIFIED' ? (
          <span className="badge badge--verified">{t('listing.verifiedOrganization')}</span>
        ) : null}
      </header>
      <h3 className="listing-card__title">
        <Link to={`/listings/${listing.id}`} lang={titleContent?.lang ?? title.lang} data-testid={`listing-card-link-${listing.id}`}>
          {titleContent ? titleContent.node : title.text || t('listing.untitled')}
        </Link>
      </h3>
      <p className="listing-card__org">
        <OrganizationLink organization={listing.organization} testId={`listing-card-org-${listing.id}`} />
      </p>
      <CertificationChips certifications={listing.organization.certifications} testId={`listing-card-certs-${listing.id}`} />
      {summaryContent !== undefined ? (
        summaryContent ? (
          <p className="listing-card__summary" lang={summaryContent.lang}>
            {summaryContent.node}
          </p>
        ) : null
      ) : summary.text ? (
        <p className="listing-card__summary" lang={summary.lang}>
          {summary.text}
        </p>
      ) : null}
      {extra}
      <ConceptList concepts={[...elements.tasks, ...elements.industries]} limit={4} />
      <dl className="listing-card__facts">
        <div>
          <dt>{listing.kind === 'DEMAND' ? t('listing.budget') : t('listing.price')}</dt>
          <dd data-testid={`listing-card-money-${listing.id}`}>{money ?? t('money.negotiable')}</dd>
        </div>
        {demand?.region ? (
          <div>
            <dt>{t('element.regionId')}</dt>
            <dd>{demand.region.label}</dd>
          </div>
        ) : null}
        {demand?.bidDeadline ? (
          <div>
            <dt>{t('element.bidDeadline')}</dt>
            <dd>{format.date(demand.bidDeadline)}</dd>
          </div>
        ) : null}
        {listing.kind === 'SUPPLY' && listing.commercialTerms.leadTimeWeeks ? (
          <div>
            <dt>{t('element.leadTimeWeeks')}</dt>
            <dd>{t('listing.weeks', { count: listing.commercialTerms.leadTimeWeeks })}</dd>
          </div>
        ) : null}
      </dl>
    </article>
  );
}
