import { Link } from 'react-router';
import type { TrustCasesQuery as CasesResult } from '@/generated/graphql';
import { useFormatters, useLocale, useT } from '@/i18n';
import { organizationName } from '@/modules/organization';
import { FormAlert, summariseError } from '@/shared/forms';
import { usePagedList } from '@/shared/paging';
import { TrustCasesQuery } from '../graphql/operations';
import { TrustKindChip } from './TrustKindChip';

type Edge = CasesResult['trustCases']['edges'][number];

/** `/staff/trust`: organizations with open signals, newest activity first. */
export function TrustCasesPage() {
  const t = useT();
  const locale = useLocale();
  const format = useFormatters();
  const list = usePagedList<Edge>({
    key: 'trust-cases',
    idOf: (edge) => edge.node.organizationId,
    fetchPage: async (client, after) => {
      const r = await client.query(TrustCasesQuery, { first: 30, after }, { requestPolicy: 'network-only' }).toPromise();
      return { page: r.data?.trustCases, error: r.error };
    },
  });
  const error = list.error ?? list.moreError;
  return (
    <div className="page" data-testid="trust-cases-page">
      <div className="page__header">
        <div>
          <h1>{t('trust.title')}</h1>
          <p className="page__lead">{t('trust.lead')}</p>
        </div>
      </div>
      {error ? (
        <FormAlert summary={summariseError(error, { networkMessage: t('error.network'), unknownMessage: t('error.unknown') })} />
      ) : null}
      {list.edges.length > 0 ? (
        <ul className="trust-cases" data-testid="trust-cases">
          {list.edges.map(({ node }) => (
            <li key={node.organizationId} className="card trust-case-row" data-testid="trust-case-row">
              <Link to={`/staff/trust/${node.organizationId}`} className="trust-case-row__name">
                {node.organization ? organizationName(node.organization, locale) : node.organizationId}
              </Link>
              <span className="trust-chips">
                {node.counts.map((c) => (
                  <TrustKindChip key={c.kind} kind={c.kind} count={c.count} />
                ))}
              </span>
              <span className="muted">
                {t('trust.col.activity')}: <time dateTime={String(node.lastActivityAt)}>{format.date(String(node.lastActivityAt))}</time>
              </span>
            </li>
          ))}
        </ul>
      ) : !list.loading && !error ? (
        <div className="empty card" data-testid="trust-cases-empty">
          <p>{t('trust.empty')}</p>
        </div>
      ) : null}
      {list.hasNextPage ? (
        <button type="button" className="button button--ghost" onClick={list.loadMore} disabled={list.loadingMore}>
          {list.loadingMore ? t('common.loading') : t('trust.more')}
        </button>
      ) : null}
    </div>
  );
}
