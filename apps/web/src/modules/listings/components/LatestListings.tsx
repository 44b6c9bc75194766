import { Link } from 'react-router';
import type { ListingKind } from '@/generated/graphql';
import { useGraphqlLocale, useT } from '@/i18n';
import { PublishedListingsQuery } from '../graphql/operations';
import { useListingPages } from '../hooks/useListingPages';
import { ListingCard } from './ListingCard';

/** Home page: the newest published listings of one kind, with a link to all. */
export function LatestListings({ kind, count = 3 }: { kind: ListingKind; count?: number }) {
  const t = useT();
  const locale = useGraphqlLocale();
  const pages = useListingPages(PublishedListingsQuery, { kind, locale }, (data) => data.listings, { pageSize: count });
  const demand = kind === 'DEMAND';
  const testId = demand ? 'home-demands' : 'home-supplies';
  const headingId = `${testId}-heading`;

  return (
    <section className="home-listings" aria-labelledby={headingId} data-testid={testId}>
      <div className="section-header">
        <h2 id={headingId}>{demand ? t('home.latestDemands') : t('home.latestSupplies')}</h2>
        <Link to={demand ? '/demands' : '/supplies'} className="section-header__link">
          {t('home.seeAll')}
        </Link>
      </div>
      {pages.listings.length > 0 ? (
        <div className="listing-grid">
          {pages.listings.slice(0, count).map((listing) => (
            <ListingCard key={listing.id} listing={listing} />
          ))}
        </div>
      ) : pages.fetching ? (
        <p className="muted" role="status">
          {t('common.loading')}
        </p>
      ) : (
        <p className="empty">{demand ? t('browse.demands.empty') : t('browse.supplies.empty')}</p>
      )}
    </section>
  );
}
