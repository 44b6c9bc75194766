import { useMutation } from 'urql';
import type { ReviewReportsQuery as Result } from '@/generated/graphql';
import { useFormatters, useLocale, useT } from '@/i18n';
import { organizationName } from '@/modules/organization';
import { FormAlert, summariseError } from '@/shared/forms';
import { usePagedList } from '@/shared/paging';
import { DismissReviewReportsMutation, HideReviewMutation, ReviewReportsQuery } from '../graphql/operations';
import { ReasonForm } from './ReasonForm';

type Edge = Result['reviewReports']['edges'][number];
const PAGE_SIZE = 20;
/** The maximum length of a hide or dismiss reason (the API's rule). */
const REASON_MAX = 2000;

/** Reviews with open reports, the oldest report first. Staff never see a review's text during its blind period. */
export function ReviewReportsTab() {
  const t = useT();
  const format = useFormatters();
  const locale = useLocale();
  const [, hide] = useMutation(HideReviewMutation);
  const [, dismiss] = useMutation(DismissReviewReportsMutation);
  const list = usePagedList<Edge>({
    key: 'review-reports',
    idOf: (edge) => edge.node.reviewId,
    fetchPage: async (client, after) => {
      const r = await client.query(ReviewReportsQuery, { first: PAGE_SIZE, after }, { requestPolicy: 'network-only' }).toPromise();
      return { page: r.data?.reviewReports, error: r.error };
    },
  });
  const error = list.error ?? list.moreError;
  return (
    <section data-testid="moderation-reviews">
      {error ? (
        <FormAlert summary={summariseError(error, { networkMessage: t('error.network'), unknownMessage: t('error.unknown') })} />
      ) : null}
      {list.edges.length > 0 ? (
        <ul className="moderation-list">
          {list.edges.map(({ node }) => (
            <li key={node.reviewId} className="card moderation-list__item" data-testid={`review-report-${node.reviewId}`}>
              <h3 className="card__title" data-testid="review-report-subject">
                {node.review.subjectOrganization ? organizationName(node.review.subjectOrganization, locale) : '—'}
                {node.review.demandTitle ? <span className="muted"> · {node.review.demandTitle}</span> : null}
              </h3>
              <p className="muted">
                {t('moderation.reviews.count', { count: format.number(node.reportCount) })} ·{' '}
                <time dateTime={String(node.firstReportedAt)}>{format.date(String(node.firstReportedAt))}</time>
              </p>
              <ul className="moderation-list__reasons">
                {node.reasons.map((r, i) => (
                  <li key={i}>{r}</li>
                ))}
              </ul>
              {node.review.withheld ? (
                <p className="alert alert--info" data-testid="review-withheld">
                  {t('moderation.reviews.withheld', {
                    date: node.review.blindUntil ? format.date(String(node.review.blindUntil)) : '—',
                  })}
                </p>
              ) : (
                <blockquote className="moderation-review" data-testid="review-body">
                  {node.review.rating !== null && node.review.rating !== undefined ? (
                    <p className="muted">{t('moderation.reviews.rating', { rating: format.number(node.review.rating) })}</p>
                  ) : null}
                  <p>{node.review.body}</p>
                </blockquote>
              )}
              <ReasonForm
                testId="review-resolve"
                maxLength={REASON_MAX}
                actions={[
                  { id: 'dismiss', label: t('moderation.action.dismiss') },
                  { id: 'hide', label: t('moderation.action.hideReview'), danger: true },
                ]}
                run={(action, reason) =>
                  action === 'hide' ? hide({ id: node.reviewId, reason }) : dismiss({ reviewId: node.reviewId, reason })
                }
                onDone={list.reload}
              />
            </li>
          ))}
        </ul>
      ) : !list.loading && !error ? (
        <div className="empty card" data-testid="moderation-reviews-empty">
          <p>{t('moderation.reviews.empty')}</p>
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
