import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useClient, useMutation, useQuery } from 'urql';
import type { VerificationDecision } from '@/generated/graphql';
import { VERIFICATION_TEXT_MAX } from '@aimatch/contracts';
import { useFormatters, useLocale, useT } from '@/i18n';
import { OrganizationKindLabel, organizationName, VerificationBadge } from '@/modules/organization';
import { Field, FormAlert, hasErrorCode, summariseError, useFormErrors } from '@/shared/forms';
import { LoadingState } from '@/shared/ui/LoadingState';
import { formatFileSize } from '@/shared/upload';
import { DecideVerificationMutation, VerificationQueueHeadQuery, VerificationReviewQuery } from '../graphql/operations';
import { CANNED_REASONS, DECISIONS, DECISIONS_WITH_REASON, decisionKey, requestStatusKey, waitingText } from '../model';
import { OrganizationClaimsSection } from './OrganizationClaimsSection';
import { SuspensionControls } from './SuspensionControls';

const PATHS = ['decision', 'reason'] as const;

/** `/staff/verification/:id`: the organization's facts, BRN check, members, listings count and history; decide, then the next request. */
export function VerificationReviewPage() {
  const { id = '' } = useParams();
  const t = useT();
  const locale = useLocale();
  const format = useFormatters();
  const navigate = useNavigate();
  const client = useClient();
  const form = useFormErrors(PATHS);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: VerificationReviewQuery,
    variables: { id },
    requestPolicy: 'network-only',
  });
  const [decideState, decide] = useMutation(DecideVerificationMutation);
  const [decision, setDecision] = useState<VerificationDecision>('VERIFIED');
  const [reason, setReason] = useState('');
  const [decided, setDecided] = useState<VerificationDecision | null>(null);
  const [noNext, setNoNext] = useState(false);
  const review = data?.verificationRequest;

  if (!review) {
    if (error) {
      return (
        <div className="page">
          <h1>{t('verificationReview.title')}</h1>
          <FormAlert summary={summariseError(error, { networkMessage: t('error.network'), unknownMessage: t('error.unknown') })} />
          <Link to="/staff/verification">{t('verificationReview.back')}</Link>
        </div>
      );
    }
    return fetching ? <LoadingState label={t('common.loading')} /> : null;
  }

  const { request, organization } = review;
  const open = request.status === 'OPEN';

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    form.clear();
    const result = await decide({ input: { requestId: request.id, decision, reason: reason.trim() || null } });
    if (result.error) {
      form.setError(result.error);
      if (hasErrorCode(result.error, 'CONFLICT')) reexecute({ requestPolicy: 'network-only' });
      return;
    }
    setDecided(decision);
    setReason('');
    reexecute({ requestPolicy: 'network-only' });
  };

  const next = async () => {
    const r = await client.query(VerificationQueueHeadQuery, {}, { requestPolicy: 'network-only' }).toPromise();
    const head = r.data?.verificationQueue.edges.find((e) => e.node.id !== request.id);
    if (!head) return setNoNext(true);
    setDecided(null);
    setNoNext(false);
    setDecision('VERIFIED');
    void navigate(`/staff/verification/${head.node.id}`);
  };

  return (
    <div className="page verification-review" data-testid="verification-review" data-request-status={request.status}>
      <p>
        <Link to="/staff/verification" data-testid="verification-back">
          {t('verificationReview.back')}
        </Link>
      </p>
      <div className="page__header">
        <h1>
          {organizationName(organization, locale)} <VerificationBadge status={organization.verificationStatus} testId="review-org-status" />
        </h1>
        <span className="muted">{waitingText(request.waitingSeconds, t)}</span>
      </div>

      <div className="verification-review__grid">
        <div className="stack">
          <section className="card" aria-labelledby="review-facts">
            <h2 id="review-facts" className="card__title">
              {t('verificationReview.facts')}
            </h2>
            <dl className="details">
              <div className="details__row">
                <dt>{t('organization.field.kind')}</dt>
                <dd>
                  <OrganizationKindLabel kind={organization.kind} />
                </dd>
              </div>
              <div className="details__row">
                <dt>{t('verificationReview.brn')}</dt>
                <dd className="mono" data-testid="review-brn" data-valid={review.brnCheck.valid}>
                  {review.brnCheck.formatted}{' '}
                  <span className={review.brnCheck.valid ? 'badge badge--verified' : 'badge badge--rejected'}>
                    {t(review.brnCheck.valid ? 'verificationReview.brnValid' : 'verificationReview.brnInvalid')}
                  </span>
                </dd>
              </div>
              <div className="details__row">
                <dt>{t('organization.field.website')}</dt>
                <dd>{organization.website ?? '—'}</dd>
              </div>
              <div className="details__row">
                <dt>{t('verificationReview.listings')}</dt>
                <dd data-testid="review-listings-count">{format.number(review.listingsCount)}</dd>
              </div>
              <div className="details__row">
                <dt>{t('verificationReview.note')}</dt>
                <dd data-testid="review-note">{request.note || t('verificationReview.noNote')}</dd>
              </div>
            </dl>
          </section>

          <section className="card" aria-labelledby="review-evidence">
            <h2 id="review-evidence" className="card__title">
              {t('verificationReview.evidence')}
            </h2>
            {request.evidence.length ? (
              <ul className="plain-list evidence-list" data-testid="review-evidence">
                {request.evidence.map((file) => (
                  <li key={file.id} className="evidence-item" data-testid="review-evidence-item">
                    {file.downloadUrl ? (
                      <a href={file.downloadUrl} download={file.name} data-testid="review-evidence-link">
                        {file.name}
                      </a>
                    ) : (
                      <span>{file.name}</span>
                    )}{' '}
                    <span className="muted">
                      · {formatFileSize(file.size, locale)} · {fileTypeLabel(file.contentType)} · {format.date(file.uploadedAt)}
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted" data-testid="review-no-evidence">
                {t('verificationReview.noEvidence')}
              </p>
            )}
          </section>

          <section className="card" aria-labelledby="review-members">
            <h2 id="review-members" className="card__title">
              {t('verificationReview.members')}
            </h2>
            <ul className="plain-list" data-testid="review-members">
              {review.members.map((m) => (
                <li key={m.userId}>
                  {m.displayName} · <span className="mono">{m.email}</span> · {t(`membership.role.${m.role}`)}
                </li>
              ))}
            </ul>
          </section>

          <section className="card" aria-labelledby="review-history">
            <h2 id="review-history" className="card__title">
              {t('verificationReview.history')}
            </h2>
            <ol className="plain-list verification-history" data-testid="review-history">
              {review.history.map((h) => (
                <li key={h.id} data-status={h.status}>
                  <strong>{t(requestStatusKey(h.status))}</strong> · {format.date(h.requestedAt)}
                  {h.decisionReason ? <span className="muted"> — {h.decisionReason}</span> : null}
                </li>
              ))}
            </ol>
          </section>
          <OrganizationClaimsSection organizationId={organization.id} />
        </div>

        <div className="stack">
          <section className="card" aria-labelledby="review-decide">
            <h2 id="review-decide" className="card__title">
              {t('verificationReview.decide')}
            </h2>
            {decided ? (
              <div className="alert alert--success" role="status" data-testid="review-decided">
                <p>{t('verificationReview.decided', { decision: t(decisionKey(decided)) })}</p>
                <button type="button" className="button" onClick={() => void next()} data-testid="review-next">
                  {t('verificationReview.next')}
                </button>
                {noNext ? <p data-testid="review-no-next">{t('verificationReview.noNext')}</p> : null}
              </div>
            ) : null}
            {open ? (
              <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate aria-busy={decideState.fetching}>
                <FormAlert summary={form.summary} testId="review-alert" />
                <fieldset className="fieldset">
                  <legend className="field__label">{t('verificationReview.decide')}</legend>
                  <div className="choice-list">
                    {DECISIONS.map((d) => (
                      <label key={d} className="checkbox">
                        <input
                          type="radio"
                          name="decision"
                          value={d}
                          checked={decision === d}
                          onChange={() => setDecision(d)}
                          data-testid={`review-decision-${d}`}
                        />{' '}
                        {t(decisionKey(d))}
                      </label>
                    ))}
                  </div>
                </fieldset>
                <Field form={form} path="reason" label={t('verificationReview.reason')} required={DECISIONS_WITH_REASON.includes(decision)}>
                  {(props) => (
                    <textarea
                      {...props}
                      rows={3}
                      maxLength={VERIFICATION_TEXT_MAX}
                      value={reason}
                      onChange={(event) => setReason(event.target.value)}
                      data-testid="review-reason"
                    />
                  )}
                </Field>
                {DECISIONS_WITH_REASON.includes(decision) ? (
                  <div className="canned-reasons" aria-label={t('verificationReview.canned')}>
                    {CANNED_REASONS.map((key) => (
                      <button key={key} type="button" className="button button--ghost button--small" onClick={() => setReason(t(key))}>
                        {t(key)}
                      </button>
                    ))}
                  </div>
                ) : null}
                <div className="form__actions">
                  <button type="submit" className="button" disabled={decideState.fetching} data-testid="review-submit">
                    {decideState.fetching ? t('common.working') : t('verificationReview.submit')}
                  </button>
                </div>
              </form>
            ) : !decided ? (
              <p className="muted" data-testid="review-already-decided">
                {t('verificationReview.alreadyDecided')} {t(requestStatusKey(request.status))}
                {request.decisionReason ? ` — ${request.decisionReason}` : ''}
              </p>
            ) : null}
          </section>
          <SuspensionControls organizationId={organization.id} />
        </div>
      </div>
    </div>
  );
}

const TYPE_LABELS: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'application/x-hwp': 'HWP',
  'application/hwp+zip': 'HWPX',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
};

/** PDF, PNG … for a stored file's content type (told by its bytes). */
function fileTypeLabel(contentType: string): string {
  return TYPE_LABELS[contentType] ?? contentType;
}
