import { Link } from 'react-router';
import type { CertificationQueueQuery as QueueResult } from '@/generated/graphql';
import { useFormatters, useLocale, useT } from '@/i18n';
import { OrganizationKindLabel, organizationName } from '@/modules/organization';
import { FormAlert, summariseError } from '@/shared/forms';
import { usePagedList } from '@/shared/paging';
import { CertificationQueueQuery } from '../graphql/operations';
import { waitingText } from '../model';

type Edge = QueueResult['certificationQueue']['edges'][number];
const PAGE_SIZE = 20;

/** `/staff/certifications`: pending certification claims, the longest waiting first. */
export function CertificationQueuePage() {
  const t = useT();
  const locale = useLocale();
  const format = useFormatters();
  const list = usePagedList<Edge>({
    key: 'certification-queue',
    idOf: (edge) => edge.node.id,
    fetchPage: async (client, after) => {
      const r = await client.query(CertificationQueueQuery, { first: PAGE_SIZE, after }, { requestPolicy: 'network-only' }).toPromise();
      return { page: r.data?.certificationQueue, error: r.error };
    },
  });
  const error = list.error ?? list.moreError;

  return (
    <div className="page" data-testid="certification-queue-page">
      <div className="page__header">
        <div>
          <h1>{t('certificationQueue.title')}</h1>
          <p className="page__lead">{t('certificationQueue.lead')}</p>
        </div>
        {list.totalCount !== null ? (
          <span className="muted" data-testid="certification-queue-count">
            {t('verificationQueue.count', { count: format.number(list.totalCount) })}
          </span>
        ) : null}
      </div>
      {error ? (
        <FormAlert summary={summariseError(error, { networkMessage: t('error.network'), unknownMessage: t('error.unknown') })} />
      ) : null}
      {list.edges.length > 0 ? (
        <ul className="verification-queue" data-testid="certification-queue">
          {list.edges.map(({ node }) => (
            <li key={node.id} className="card verification-queue__item" data-testid={`certification-row-${node.id}`}>
              <div className="verification-queue__main">
                <Link to={`/staff/certifications/${node.id}`} className="table__title" data-testid={`certification-open-${node.id}`}>
                  {organizationName(node.organization, locale)} · {locale === 'ko' ? node.labelKo : node.labelEn}
                </Link>
                <span className="muted">
                  <OrganizationKindLabel kind={node.organization.kind} />
                </span>
              </div>
              <dl className="verification-queue__facts">
                <div>
                  <dt>{t('verificationQueue.col.requested')}</dt>
                  <dd>{format.date(node.claimedAt)}</dd>
                </div>
                <div>
                  <dt>{t('verificationQueue.col.waiting')}</dt>
                  <dd data-testid={`certification-waiting-${node.id}`}>{waitingText(node.waitingSeconds, t)}</dd>
                </div>
              </dl>
              <Link to={`/staff/certifications/${node.id}`} className="button button--small">
                {t('verificationQueue.open')}
              </Link>
            </li>
          ))}
        </ul>
      ) : !list.loading && !error ? (
        <div className="empty card" data-testid="certification-queue-empty">
          <p>{t('certificationQueue.empty')}</p>
        </div>
      ) : null}
      {list.hasNextPage ? (
        <button type="button" className="button button--ghost" onClick={list.loadMore} disabled={list.loadingMore}>
          {list.loadingMore ? t('common.loading') : t('listing.more')}
        </button>
      ) : null}
    </div>
  );
}
