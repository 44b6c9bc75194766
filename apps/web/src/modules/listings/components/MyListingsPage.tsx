import { Link, useSearchParams } from 'react-router';
import { useFormatters, useGraphqlLocale, useLocale, useT } from '@/i18n';
import { useViewer } from '@/shared/session';
import { organizationName } from '@/modules/organization';
import { MyListingsQuery } from '../graphql/operations';
import { useListingPages } from '../hooks/useListingPages';
import { EDITABLE_STATUSES } from '../model/workflow';
import { creatableKind, kindKey, LISTING_KINDS, LISTING_STATUSES, parseKind, parseStatus, statusKey } from '../model/labels';
import { localized } from '@/shared/format';
import { ListFooter } from './LoadMore';
import { KindBadge, StatusChip } from './StatusChip';

/** `/listings/mine`: the listings of the viewer's organizations, with kind and status filters. */
export function MyListingsPage() {
  const t = useT();
  const locale = useLocale();
  const graphqlLocale = useGraphqlLocale();
  const format = useFormatters();
  const { viewer } = useViewer();
  const [params, setParams] = useSearchParams();
  const kind = parseKind(params.get('kind'));
  const status = parseStatus(params.get('status'));
  const pages = useListingPages(MyListingsQuery, { kind, status, locale: graphqlLocale }, (data) => data.myListings);

  const memberships = viewer?.memberships ?? [];
  const creatable = new Set(memberships.map((m) => creatableKind(m.organization.kind)));
  const multipleOrgs = memberships.length > 1;

  const setFilter = (name: 'kind' | 'status', value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  return (
    <div className="page" data-testid="my-listings-page">
      <div className="page__header">
        <div>
          <h1>{t('mine.title')}</h1>
          <p className="page__lead">{t('mine.lead')}</p>
        </div>
        <div className="button-row">
          {creatable.has('DEMAND') ? (
            <Link to="/listings/new?kind=DEMAND" className="button" data-testid="mine-new-demand">
              {t('listing.newDemand')}
            </Link>
          ) : null}
          {creatable.has('SUPPLY') ? (
            <Link to="/listings/new?kind=SUPPLY" className="button" data-testid="mine-new-supply">
              {t('listing.newSupply')}
            </Link>
          ) : null}
          {creatable.has('SUPPLY') ? (
            <Link to="/listings/import-aas" className="button button--ghost" data-testid="mine-import-aas">
              {t('aasImport.entry')}
            </Link>
          ) : null}
        </div>
      </div>

      <div className="filters" role="group" aria-label={t('mine.filters')}>
        <div className="field field--inline">
          <label className="field__label" htmlFor="mine-kind">
            {t('mine.filter.kind')}
          </label>
          <select
            id="mine-kind"
            value={kind ?? ''}
            onChange={(event) => setFilter('kind', event.target.value)}
            data-testid="mine-filter-kind"
          >
            <option value="">{t('mine.filter.all')}</option>
            {LISTING_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(kindKey(k))}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--inline">
          <label className="field__label" htmlFor="mine-status">
            {t('mine.filter.status')}
          </label>
          <select
            id="mine-status"
            value={status ?? ''}
            onChange={(event) => setFilter('status', event.target.value)}
            data-testid="mine-filter-status"
          >
            <option value="">{t('mine.filter.allButArchived')}</option>
            {LISTING_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(statusKey(s))}
              </option>
            ))}
          </select>
        </div>
        {pages.totalCount !== null ? (
          <span className="muted filters__count" data-testid="mine-count">
            {t('listing.count', { count: format.number(pages.totalCount) })}
          </span>
        ) : null}
      </div>

      {pages.listings.length > 0 ? (
        <div className="card card--flush">
          <div className="table-wrap">
            <table className="table" data-testid="mine-list">
              <thead>
                <tr>
                  <th scope="col">{t('element.title')}</th>
                  <th scope="col">{t('mine.col.kind')}</th>
                  <th scope="col">{t('mine.col.status')}</th>
                  {multipleOrgs ? <th scope="col">{t('mine.col.organization')}</th> : null}
                  <th scope="col">{t('mine.col.updated')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('mine.col.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {pages.listings.map((listing) => {
                  const title = localized(listing.title, listing.titleEn, locale);
                  return (
                    <tr key={listing.id} data-testid={`listing-row-${listing.id}`}>
                      <td>
                        <Link to={`/listings/${listing.id}`} lang={title.lang} className="table__title">
                          {title.text || t('listing.untitled')}
                        </Link>
                      </td>
                      <td>
                        <KindBadge kind={listing.kind} />
                      </td>
                      <td>
                        <StatusChip status={listing.status} testId={`listing-row-status-${listing.id}`} />
                      </td>
                      {multipleOrgs ? <td>{organizationName(listing.organization, locale)}</td> : null}
                      <td className="table__muted">{format.date(listing.updatedAt)}</td>
                      <td className="table__actions">
                        {EDITABLE_STATUSES.includes(listing.status) ? (
                          <Link
                            to={`/listings/${listing.id}/edit`}
                            className="button button--ghost button--small"
                            data-testid={`listing-row-edit-${listing.id}`}
                          >
                            {t('listing.edit')}
                          </Link>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </div>
      ) : !pages.fetching && !pages.error ? (
        <div className="empty card" data-testid="mine-empty">
          <p>{kind || status ? t('mine.emptyFiltered') : t('mine.empty')}</p>
        </div>
      ) : null}
      <ListFooter fetching={pages.fetching} error={pages.error} hasNextPage={pages.hasNextPage} onMore={pages.loadMore} testId="mine" />
    </div>
  );
}
