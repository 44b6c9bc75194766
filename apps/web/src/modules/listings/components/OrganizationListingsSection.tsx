import { useGraphqlLocale, useT } from '@/i18n';
import { OrganizationPublishedListingsQuery } from '../graphql/operations';
import { useListingPages } from '../hooks/useListingPages';
import { ListingCard } from './ListingCard';
import { ListFooter } from './LoadMore';

/** An organization's published listings as cards on its profile, newest first, page by page. */
export function OrganizationListingsSection({ organizationId }: { organizationId: string }) {
  const t = useT();
  const locale = useGraphqlLocale();
  const pages = useListingPages(
    OrganizationPublishedListingsQuery,
    { id: organizationId, locale },
    (data) => data.organization.publishedListings,
    { pageSize: 6 },
  );
  return (
    <section className="card" aria-labelledby="org-profile-listings-heading" data-testid="org-profile-listings">
      <h2 id="org-profile-listings-heading" className="card__title">
        {t('profile.listings.title')}
        {pages.totalCount ? <span className="muted"> ({pages.totalCount})</span> : null}
      </h2>
      {pages.listings.length > 0 ? (
        <div className="listing-grid">
          {pages.listings.map((listing) => (
            <ListingCard key={listing.id} listing={listing} testId={`org-profile-listing-${listing.id}`} />
          ))}
        </div>
      ) : !pages.fetching && !pages.error ? (
        <p className="empty" data-testid="org-profile-listings-empty">
          {t('profile.listings.empty')}
        </p>
      ) : null}
      <ListFooter
        fetching={pages.fetching}
        error={pages.error}
        hasNextPage={pages.hasNextPage}
        onMore={pages.loadMore}
        testId="org-profile-listings"
      />
    </section>
  );
}
