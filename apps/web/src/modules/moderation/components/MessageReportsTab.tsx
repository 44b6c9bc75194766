import { Link } from 'react-router';
import type { OpenMessageReportsQuery as Result } from '@/generated/graphql';
import { useFormatters, useT } from '@/i18n';
import { FormAlert, summariseError } from '@/shared/forms';
import { usePagedList } from '@/shared/paging';
import { OpenMessageReportsQuery } from '../graphql/operations';

type Edge = Result['reportedMessages']['edges'][number];
const PAGE_SIZE = 20;

/** Open message reports, newest first; each opens the reported message among its neighbours. */
export function MessageReportsTab() {
  const t = useT();
  const format = useFormatters();
  const list = usePagedList<Edge>({
    key: 'open-message-reports',
    idOf: (edge) => edge.node.id,
    fetchPage: async (client, after) => {
      const r = await client.query(OpenMessageReportsQuery, { first: PAGE_SIZE, after }, { requestPolicy: 'network-only' }).toPromise();
      return { page: r.data?.reportedMessages, error: r.error };
    },
  });
  const error = list.error ?? list.moreError;
  return (
    <section data-testid="moderation-messages">
      {error ? (
        <FormAlert summary={summariseError(error, { networkMessage: t('error.network'), unknownMessage: t('error.unknown') })} />
      ) : null}
      {list.edges.length > 0 ? (
        <ul className="moderation-list">
          {list.edges.map(({ node }) => (
            <li key={node.id} className="card moderation-list__item" data-testid={`message-report-${node.id}`}>
              <p className="moderation-list__reason">
                <span className="muted">{t('moderation.reportReason')}:</span> {node.reason}
              </p>
              <p className="muted">
                <time dateTime={String(node.createdAt)}>{format.date(String(node.createdAt))}</time> · #{node.seq}
              </p>
              <Link to={`/staff/moderation/messages/${node.id}`} className="button button--small" data-testid="message-report-open">
                {t('moderation.openContext')}
              </Link>
            </li>
          ))}
        </ul>
      ) : !list.loading && !error ? (
        <div className="empty card" data-testid="moderation-messages-empty">
          <p>{t('moderation.messages.empty')}</p>
        </div>
      ) : null}
      {list.hasNextPage ? (
        <button type="button" className="button button--ghost" onClick={list.loadMore} disabled={list.loadingMore}>
          {list.loadingMore ? t('common.loading') : t('listing.more')}
        </button>
      ) : null}
    </section>
  );
}
