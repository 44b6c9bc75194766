import { Link } from 'react-router';
import type { ListingKind } from '@/generated/graphql';
import { useFormatters, useGraphqlLocale, useT } from '@/i18n';
import { useViewer } from '@/shared/session';
import { PublishedListingsQuery } from '../graphql/operations';
import { useListingPages } from '../hooks/useListingPages';
import { creatableKind } from '../model/labels';
import { ListingCard } from './ListingCard';
import { ListFooter } from './LoadMore';

/** `/demands` and `/supplies`: published listings of one kind, newest first. */
export function BrowseListingsPage({ kind }: { kind: ListingKind }) {
  const t = useT();
  const locale = useGraphqlLocale();
  const format = useFormatters();
  const { viewer } = useViewer();
  const pages = useListingPages(PublishedListingsQuery, { kind, locale }, (data) => data.listings, { pageSize: 12 });
  const canCreate = viewer?.memberships.some((m) => creatableKind(m.organization.kind) === kind) ?? false;
  const testId = kind === 'DEMAND' ? 'demands' : 'supplies';

  return (
    <div className="page" data-testid={`${testId}-page`}>
      <div className="page__header">
        <div>
          <h1>{kind === 'DEMAND' ? t('browse.demands.title') : t('browse.supplies.title')}</h1>
          <p className="page__lead">{kind === 'DEMAND' ? t('browse.demands.lead') : t('browse.supplies.lead')}</p>
        </div>
        <div className="button-row">
          <Link to={`/search?kind=${kind}`} className="button button--ghost" data-testid={`${testId}-search`}>
            {t('browse.search')}
          </Link>
          {canCreate ? (
            <Link to={`/listings/new?kind=${kind}`} className="button" data-testid={`${testId}-new`}>
              {kind === 'DEMAND' ? t('listing.newDemand') : t('listing.newSupply')}
            </Link>
          ) : null}
        </div>
      </div>
      {pages.totalCount !== null ? (
        <p className="muted" data-testid={`${testId}-count`}>
          {t('listing.count', { count: format.number(pages.totalCount) })}
        </p>
      ) : null}
      {pages.listings.length > 0 ? (
        <div className="listing-grid" data-testid={`${testId}-list`}>
          {pages.listings.map((listing) => (
            <ListingCard key={listing.id} listing={listing} />
          ))}
        </div>
      ) : !pages.fetching && !pages.error ? (
        <p className="empty" data-testid={`${testId}-empty`}>
          {kind === 'DEMAND' ? t('browse.demands.empty') : t('browse.supplies.empty')}
        </p>
      ) : null}
      <ListFooter fetching={pages.fetching} error={pages.error} hasNextPage={pages.hasNextPage} onMore={pages.loadMore} testId={testId} />
    </div>
  );
}
