import { Star } from 'lucide-react';
import { useQuery } from 'urql';
import { useFormatters, useT } from '@/i18n';
import { OrganizationReputationQuery, ReviewsOfQuery } from '../graphql/operations';
import { CRITERION_KEYS } from '../model/labels';

/**
 * An organization's public reputation (count, mean, criteria, trend) and its reviews: the public
 * ones, plus the viewer's own still-blind ones (marked as hidden until the other side reviews).
 */
export function OrganizationReviews({ organizationId }: { organizationId: string }) {
  const t = useT();
  const format = useFormatters();
  const [{ data: orgData }] = useQuery({
    query: OrganizationReputationQuery,
    variables: { id: organizationId },
    requestPolicy: 'cache-and-network',
  });
  const [{ data, error }] = useQuery({
    query: ReviewsOfQuery,
    variables: { organizationId, first: 50 },
    requestPolicy: 'cache-and-network',
  });
  const reputation = orgData?.organization.reputation;
  const reviews = data?.reviewsOf.edges.map((e) => e.node) ?? [];

  return (
    <section
      className="card reputation"
      aria-labelledby="reputation-heading"
      data-testid="org-reviews"
      data-state={data && orgData ? 'done' : 'loading'}
    >
      <h2 id="reputation-heading" className="card__title">
        {t('reviews.title')}
      </h2>
      {reputation ? (
        <div className="reputation__summary" data-testid="org-reputation" data-count={reputation.count} data-mean={reputation.mean ?? ''}>
          {reputation.count > 0 && reputation.mean !== null && reputation.mean !== undefined ? (
            <>
              <p className="reputation__headline">
                <span className="reputation__mean" aria-hidden="true">
                  <Star aria-hidden="true" size={18} className="rating__star" /> {reputation.mean.toFixed(1)}
                </span>{' '}
                <span data-testid="org-reputation-text">
                  {t('reviews.reputation', { mean: reputation.mean.toFixed(1), count: reputation.count })}
                </span>
                {reputation.trend ? <span className="muted"> · {t(`reviews.trend.${reputation.trend}`)}</span> : null}
              </p>
              {/* The per-criterion averages as bars out of 5 (#14 item 2). */}
              <ul className="plain-list reputation__criteria" aria-label={t('reviews.criteriaTitle')} data-testid="org-criteria">
                {reputation.criteria.map((c) => (
                  <li key={c.criterion} className="reputation__criterion" data-testid={`org-criterion-${c.criterion}`} data-mean={c.mean}>
                    <span className="reputation__criterion-label">{t(CRITERION_KEYS[c.criterion])}</span>
                    <span className="reputation__bar" aria-hidden="true">
                      <span className="reputation__bar-fill" style={{ width: `${Math.max(0, Math.min(100, (c.mean / 5) * 100))}%` }} />
                    </span>
                    <span className="reputation__criterion-value">
                      {c.mean.toFixed(1)} <span className="muted">({c.count})</span>
                    </span>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p className="muted" data-testid="org-reputation-text">
              {t('reviews.noneYet')}
            </p>
          )}
        </div>
      ) : null}
      {error ? <p className="field__error">{t('reviews.loadError')}</p> : null}
      {reviews.length > 0 ? (
        <ul className="review-list" data-testid="org-review-list">
          {reviews.map((review) => (
            <li
              key={review.id}
              className="review-item"
              data-testid={`org-review-${review.id}`}
              data-visible={review.visible ? 'true' : 'false'}
              data-side={review.side}
            >
              <p className="review-item__head">
                <strong className="rating">
                  <Star aria-hidden="true" size={14} className="rating__star" /> {review.rating.toFixed(1)}
                </strong>{' '}
                <span className="muted">
                  {t(review.side === 'CLIENT' ? 'reviews.side.CLIENT' : 'reviews.side.SUPPLIER')} · {format.date(review.submittedAt)}
                </span>
              </p>
              {!review.visible ? (
                <p className="alert alert--info" data-testid="org-review-blind">
                  {review.hidden ? t('reviews.hiddenByStaff') : t('reviews.blindNote')}
                </p>
              ) : null}
              <ul className="plain-list review-item__ratings">
                {review.ratings.map((r) => (
                  <li key={r.criterion}>
                    {t(CRITERION_KEYS[r.criterion])}: {r.score}/5
                  </li>
                ))}
              </ul>
              {review.body ? <p className="prose prose--short review-item__body">{review.body}</p> : null}
            </li>
          ))}
        </ul>
      ) : data ? (
        <p className="muted" data-testid="org-review-empty">
          {t('reviews.empty')}
        </p>
      ) : null}
    </section>
  );
}
