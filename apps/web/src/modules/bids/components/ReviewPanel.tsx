import { useState, type FormEvent } from 'react';
import { useClient, useQuery } from 'urql';
import type { ReviewCriterion, ReviewSide } from '@/generated/graphql';
import { REVIEW_MAX_BODY, REVIEW_MAX_RATING, REVIEW_MIN_RATING } from '@aimatch/contracts';
import { useFormatters, useLocale, useT } from '@/i18n';
import { OrganizationLink, organizationName } from '@/modules/organization';
import { FormActions, useFormErrors } from '@/shared/forms';
import { CRITERION_KEYS, ReviewsOfQuery, SIDE_CRITERIA, SubmitReviewMutation } from '@/modules/reviews';

const PATHS = ['ratings', 'body'] as const;
/** Every score a criterion can get, lowest first. */
const SCORES = Array.from({ length: REVIEW_MAX_RATING - REVIEW_MIN_RATING + 1 }, (_, i) => REVIEW_MIN_RATING + i);

/**
 * After a completed project: the viewer's side reviews the other organization once (each of the
 * side's criteria 1–5 plus text). Double-blind: the review stays hidden until the other side's is in.
 */
export function ReviewPanel({
  demandId,
  side,
  subject,
  authorOrganizationIds,
}: {
  demandId: string;
  side: ReviewSide;
  subject: { id: string; nameKo: string; nameEn?: string | null };
  authorOrganizationIds: string[];
}) {
  const t = useT();
  const locale = useLocale();
  const format = useFormatters();
  const [{ data }, reexecute] = useQuery({
    query: ReviewsOfQuery,
    variables: { organizationId: subject.id, first: 100 },
    requestPolicy: 'cache-and-network',
  });
  const mine = data?.reviewsOf.edges
    .map((e) => e.node)
    .find((r) => r.demandId === demandId && authorOrganizationIds.includes(r.authorOrganizationId));

  return (
    <section className="card review-form" aria-labelledby="review-form-heading" data-testid="review-panel-form" data-side={side}>
      <h2 id="review-form-heading" className="card__title">
        {t('reviews.form.title', { name: organizationName(subject, locale) })}
      </h2>
      {!data ? null : mine ? (
        <div data-testid="review-submitted" data-visible={mine.visible ? 'true' : 'false'}>
          <p className="alert alert--success">{t('reviews.form.done', { rating: mine.rating.toFixed(1) })}</p>
          {!mine.visible ? (
            <p className="alert alert--info" data-testid="review-blind-note">
              {t('reviews.blindNote')}
              {mine.revealsAt ? ` ${t('reviews.revealsAt', { date: format.date(mine.revealsAt) })}` : ''}
            </p>
          ) : null}
          <OrganizationLink organization={subject}>{t('reviews.viewProfile')}</OrganizationLink>
        </div>
      ) : (
        <ReviewForm demandId={demandId} side={side} onDone={() => reexecute({ requestPolicy: 'network-only' })} />
      )}
    </section>
  );
}

function ReviewForm({ demandId, side, onDone }: { demandId: string; side: ReviewSide; onDone: () => void }) {
  const t = useT();
  const client = useClient();
  const form = useFormErrors(PATHS, {
    mapPath: (p) => (p.replace(/^input\./, '').startsWith('ratings') ? 'ratings' : p.replace(/^input\./, '')),
  });
  const criteria = SIDE_CRITERIA[side];
  const [scores, setScores] = useState<Partial<Record<ReviewCriterion, number>>>({});
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    form.clear();
    if (criteria.some((c) => !scores[c])) {
      form.setFieldMessages({ ratings: t('reviews.form.rateAll') });
      return;
    }
    setBusy(true);
    const r = await client
      .mutation(SubmitReviewMutation, {
        input: { demandId, body: body.trim() || null, ratings: criteria.map((c) => ({ criterion: c, score: scores[c]! })) },
      })
      .toPromise();
    setBusy(false);
    if (!r.data) return form.setError(r.error);
    onDone();
  };

  const ratingErrors = form.fieldErrors('ratings');
  return (
    <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate aria-busy={busy} data-testid="review-form">
      <p className="card__lead">{t('reviews.blindNote')}</p>
      <div className="review-ratings">
        {criteria.map((criterion) => (
          <fieldset key={criterion} className="review-rating" data-testid={`review-rating-${criterion}`}>
            <legend className="field__label">{t(CRITERION_KEYS[criterion])}</legend>
            <div className="review-rating__options" role="radiogroup">
              {SCORES.map((score) => (
                <label
                  key={score}
                  className={scores[criterion] === score ? 'review-rating__option review-rating__option--on' : 'review-rating__option'}
                >
                  <input
                    type="radio"
                    name={`rating-${criterion}`}
                    value={score}
                    checked={scores[criterion] === score}
                    onChange={() => setScores((s) => ({ ...s, [criterion]: score }))}
                    data-testid={`review-rating-${criterion}-${score}`}
                  />
                  <span>{score}</span>
                </label>
              ))}
            </div>
          </fieldset>
        ))}
      </div>
      {ratingErrors.length > 0 ? (
        <p className="field__error" data-testid="field-error-ratings">
          {ratingErrors.map((e) => e.message).join(' ')}
        </p>
      ) : null}
      <div className={form.fieldErrors('body').length > 0 ? 'field field--invalid' : 'field'}>
        <label className="field__label" htmlFor={form.ids('body').control}>
          {t('reviews.form.body')}
        </label>
        <textarea
          {...form.controlProps('body')}
          rows={4}
          maxLength={REVIEW_MAX_BODY}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          data-testid="review-body"
        />
        {form.fieldErrors('body').length > 0 ? (
          <p className="field__error" data-testid="field-error-body">
            {form
              .fieldErrors('body')
              .map((e) => e.message)
              .join(' ')}
          </p>
        ) : null}
      </div>
      <FormActions form={form} testId="review-form-alert" className="form__actions--end">
        <button type="submit" className="button" disabled={busy} data-testid="review-submit">
          {busy ? t('common.working') : t('reviews.form.submit')}
        </button>
      </FormActions>
    </form>
  );
}
