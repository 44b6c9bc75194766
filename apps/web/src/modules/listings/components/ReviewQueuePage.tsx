import { Link, useSearchParams } from 'react-router';
import { useFormatters, useGraphqlLocale, useLocale, useT } from '@/i18n';
import { organizationName, VerificationBadge } from '@/modules/organization';
import { ReviewQueueQuery } from '../graphql/operations';
import { useListingPages } from '../hooks/useListingPages';
import { kindKey, LISTING_KINDS, parseKind } from '../model/labels';
import { localized } from '@/shared/format';
import { ListFooter } from './LoadMore';
import { KindBadge } from './StatusChip';

/** `/staff/review`: submitted listings waiting for a decision, oldest first. */
export function ReviewQueuePage() {
  const t = useT();
  const locale = useLocale();
  const graphqlLocale = useGraphqlLocale();
  const format = useFormatters();
  const [params, setParams] = useSearchParams();
  const kind = parseKind(params.get('kind'));
  const pages = useListingPages(ReviewQueueQuery, { kind, locale: graphqlLocale }, (data) => data.listingsForReview);

  return (
    <div className="page" data-testid="review-queue-page">
      <div className="page__header">
        <div>
          <h1>{t('reviewQueue.title')}</h1>
          <p className="page__lead">{t('reviewQueue.lead')}</p>
        </div>
      </div>
      <div className="filters">
        <div className="field field--inline">
          <label className="field__label" htmlFor="review-kind">
            {t('mine.filter.kind')}
          </label>
          <select
            id="review-kind"
            value={kind ?? ''}
            onChange={(event) => setParams(event.target.value ? { kind: event.target.value } : {}, { replace: true })}
            data-testid="review-filter-kind"
          >
            <option value="">{t('mine.filter.all')}</option>
            {LISTING_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(kindKey(k))}
              </option>
            ))}
          </select>
        </div>
        {pages.totalCount !== null ? (
          <span className="muted filters__count" data-testid="review-count">
            {t('reviewQueue.count', { count: format.number(pages.totalCount) })}
          </span>
        ) : null}
      </div>
      {pages.listings.length > 0 ? (
        <div className="card card--flush">
          <div className="table-wrap">
            <table className="table" data-testid="review-queue">
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">{t('element.title')}</th>
                  <th scope="col">{t('mine.col.kind')}</th>
                  <th scope="col">{t('mine.col.organization')}</th>
                  <th scope="col">{t('reviewQueue.col.waiting')}</th>
                </tr>
              </thead>
              <tbody>
                {pages.listings.map((listing, index) => {
                  const title = localized(listing.title, listing.titleEn, locale);
                  return (
                    <tr key={listing.id} data-testid={`review-row-${listing.id}`}>
                      <td className="table__muted">{index + 1}</td>
                      <td>
                        <Link
                          to={`/listings/${listing.id}`}
                          lang={title.lang}
                          className="table__title"
                          data-testid={`review-open-${listing.id}`}
                        >
                          {title.text || t('listing.untitled')}
                        </Link>
                      </td>
                      <td>
                        <KindBadge kind={listing.kind} />
                      </td>
                      <td>
                        <span className="table__org">
                          {organizationName(listing.organization, locale)}
                          <VerificationBadge
                            status={listing.organization.verificationStatus}
                            testId={`review-org-verification-${listing.id}`}
                          />
                        </span>
                      </td>
                      <td className="table__muted">{format.date(listing.updatedAt)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </div>
      ) : !pages.fetching && !pages.error ? (
        <div className="empty card" data-testid="review-queue-empty">
          <p>{t('reviewQueue.empty')}</p>
        </div>
      ) : null}
      <ListFooter
        fetching={pages.fetching}
        error={pages.error}
        hasNextPage={pages.hasNextPage}
        onMore={pages.loadMore}
        testId="review-queue"
      />
    </div>
  );
}
