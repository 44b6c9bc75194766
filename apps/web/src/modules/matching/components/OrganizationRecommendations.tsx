import { Link } from 'react-router';
import type { MatchEdgeFieldsFragment } from '@/generated/graphql';
import { useFormatters, useGraphqlLocale, useLocale, useT } from '@/i18n';
import { FormAlert, summariseError } from '@/shared/forms';
import { localized } from '@/shared/format';
import { usePagedList } from '@/shared/paging';
import { RecommendedDemandsForOrganizationQuery } from '../graphql/operations';
import { summaryText } from '../model/labels';
import { FitTierBadge } from './FitParts';

/**
 * A supplier's home: demands recommended across all of its organization's published supply
 * listings, each once, best fit first, with its tier, one-line summary and the listing it fits
 * (#14 item 1). Cursor pages ("더 보기"); the empty state says what to do next.
 */
export function OrganizationRecommendations({
  organizationId,
  verified,
  pageSize = 5,
}: {
  organizationId: string;
  verified: boolean;
  pageSize?: number;
}) {
  const t = useT();
  const locale = useLocale();
  const gqlLocale = useGraphqlLocale();
  const format = useFormatters();
  const list = usePagedList<MatchEdgeFieldsFragment>({
    key: JSON.stringify({ organizationId, gqlLocale }),
    idOf: (edge) => edge.node.id,
    fetchPage: async (client, after) => {
      const result = await client
        .query(
          RecommendedDemandsForOrganizationQuery,
          { organizationId, first: pageSize, after, locale: gqlLocale },
          { requestPolicy: 'network-only' },
        )
        .toPromise();
      return { page: result.data?.recommendedDemandsForOrganization, error: result.error };
    },
  });
  const loading = list.loading || list.loadingMore;
  const error = list.error ?? list.moreError;

  return (
    <section className="card home-block" aria-labelledby="home-recommended-heading" data-testid="home-recommended">
      <header className="home-block__header">
        <h2 id="home-recommended-heading" className="card__title">
          {t('home.recommended.title')}
        </h2>
        {list.totalCount !== null ? <span className="muted">{t('matching.total', { count: format.number(list.totalCount) })}</span> : null}
      </header>
      {!loading && !error && list.edges.length === 0 ? (
        <div className="empty" data-testid="home-recommended-empty">
          <p>{t('home.recommended.empty')}</p>
          <Link to="/listings/new?kind=SUPPLY" className="button button--small">
            {t('home.recommended.emptyAction')}
          </Link>
        </div>
      ) : null}
      {list.edges.length > 0 ? (
        <ol className="home-list" data-testid="home-recommended-list">
          {list.edges.map((edge) => {
            const title = localized(edge.node.title, edge.node.titleEn, locale);
            return (
              <li
                key={edge.node.id}
                className="home-row"
                data-testid={`home-recommended-${edge.node.id}`}
                data-tier={edge.explanation.tier}
                data-score={edge.explanation.score}
              >
                <div className="home-row__main">
                  <Link to={`/listings/${edge.node.id}`} lang={title.lang} className="home-row__title">
                    {title.text || t('listing.untitled')}
                  </Link>
                  <p className="home-row__meta">{summaryText(edge.explanation, locale)}</p>
                  {edge.supplyListingId ? (
                    <p className="home-row__meta muted">
                      <Link to={`/listings/${edge.supplyListingId}`}>{t('home.recommended.from')}</Link>
                    </p>
                  ) : null}
                </div>
                <div className="home-row__side">
                  <FitTierBadge tier={edge.explanation.tier} testId={`home-recommended-tier-${edge.node.id}`} />
                  <span className="home-row__score">{edge.explanation.score}/100</span>
                </div>
              </li>
            );
          })}
        </ol>
      ) : null}
      {!verified ? (
        <p className="muted home-block__hint">
          {t('home.recommended.verifyHint')} <Link to="/organization">{t('home.recommended.verifyAction')}</Link>
        </p>
      ) : null}
      {error ? (
        <FormAlert summary={summariseError(error, { networkMessage: t('error.network'), unknownMessage: t('error.unknown') })} />
      ) : null}
      {loading ? (
        <p role="status" className="muted">
          {t('matching.loading')}
        </p>
      ) : null}
      {list.hasNextPage ? (
        <div className="list-more">
          <button
            type="button"
            className="button button--ghost button--small"
            onClick={list.loadMore}
            disabled={loading}
            data-testid="home-recommended-more"
          >
            {t('matching.more')}
          </button>
        </div>
      ) : null}
    </section>
  );
}
