import { ArrowLeft } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useClient, useMutation, useQuery } from 'urql';
import type { VerificationDecision } from '@/generated/graphql';
import { VERIFICATION_TEXT_MAX } from '@aimatch/contracts';
import { useFormatters, useLocale, useT } from '@/i18n';
import {
  CertificationChips,
  claimStatusKey,
  EvidenceFiles,
  OrganizationKindLabel,
  organizationName,
  VerificationBadge,
} from '@/modules/organization';
import { Field, FormAlert, hasErrorCode, summariseError, useFormErrors } from '@/shared/forms';
import { LoadingState } from '@/shared/ui/LoadingState';
import { CertificationClaimReviewQuery, CertificationQueueHeadQuery, DecideCertificationClaimMutation } from '../graphql/operations';
import { DECISIONS, DECISIONS_WITH_REASON, decisionKey, waitingText } from '../model';

const PATHS = ['decision', 'reason'] as const;

/** `/staff/certifications/:id`: one certification claim with its evidence and dates; decide it, then the next claim. */
export function CertificationReviewPage() {
  const { id = '' } = useParams();
  const t = useT();
  const locale = useLocale();
  const format = useFormatters();
  const navigate = useNavigate();
  const client = useClient();
  const form = useFormErrors(PATHS);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: CertificationClaimReviewQuery,
    variables: { id },
    requestPolicy: 'network-only',
  });
  const [decideState, decide] = useMutation(DecideCertificationClaimMutation);
  const [decision, setDecision] = useState<VerificationDecision>('VERIFIED');
  const [reason, setReason] = useState('');
  const [decided, setDecided] = useState<VerificationDecision | null>(null);
  const [noNext, setNoNext] = useState(false);
  const claim = data?.certificationClaim;

  if (!claim) {
    if (error) {
      return (
        <div className="page">
          <h1>{t('certificationReview.title')}</h1>
          <FormAlert summary={summariseError(error, { networkMessage: t('error.network'), unknownMessage: t('error.unknown') })} />
          <Link to="/staff/certifications">
            <ArrowLeft aria-hidden="true" size={16} /> {t('certificationReview.back')}
          </Link>
        </div>
      );
    }
    return fetching ? <LoadingState label={t('common.loading')} /> : null;
  }

  const { organization } = claim;
  const pending = claim.status === 'PENDING';

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    form.clear();
    const result = await decide({ input: { claimId: claim.id, decision, reason: reason.trim() || null } });
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
    const r = await client.query(CertificationQueueHeadQuery, {}, { requestPolicy: 'network-only' }).toPromise();
    const head = r.data?.certificationQueue.edges.find((e) => e.node.id !== claim.id);
    if (!head) return setNoNext(true);
    setDecided(null);
    setNoNext(false);
    setDecision('VERIFIED');
    void navigate(`/staff/certifications/${head.node.id}`);
  };

  return (
    <div className="page verification-review" data-testid="certification-review" data-claim-status={claim.status}>
      <p>
        <Link to="/staff/certifications" data-testid="certification-back">
          <ArrowLeft aria-hidden="true" size={16} /> {t('certificationReview.back')}
        </Link>
      </p>
      <div className="page__header">
        <h1>
          {locale === 'ko' ? claim.labelKo : claim.labelEn} · {organizationName(organization, locale)}{' '}
          <VerificationBadge status={organization.verificationStatus} testId="certification-review-org-status" />
        </h1>
        <span className="muted">{waitingText(claim.waitingSeconds, t)}</span>
      </div>

      <div className="verification-review__grid">
        <div className="stack">
          <section className="card" aria-labelledby="certification-facts">
            <h2 id="certification-facts" className="card__title">
              {t('certificationReview.facts')}
            </h2>
            <dl className="details">
              <div className="details__row">
                <dt>{t('organization.field.kind')}</dt>
                <dd>
                  <OrganizationKindLabel kind={organization.kind} />
                </dd>
              </div>
              <div className="details__row">
                <dt>{t('certification.concept')}</dt>
                <dd data-testid="certification-review-concept">{locale === 'ko' ? claim.labelKo : claim.labelEn}</dd>
              </div>
              <div className="details__row">
                <dt>{t('certification.number')}</dt>
                <dd className="mono">{claim.certificateNumber ?? '—'}</dd>
              </div>
              <div className="details__row">
                <dt>{t('certification.issuedOn')}</dt>
                <dd>{claim.issuedOn}</dd>
              </div>
              <div className="details__row">
                <dt>{t('certification.expiresOn')}</dt>
                <dd data-testid="certification-review-expires">{claim.expiresOn ?? t('certification.noExpiry')}</dd>
              </div>
              <div className="details__row">
                <dt>{t('verificationReview.note')}</dt>
                <dd>{claim.note || t('verificationReview.noNote')}</dd>
              </div>
              <div className="details__row">
                <dt>{t('certificationReview.held')}</dt>
                <dd>
                  {organization.certifications.length ? (
                    <CertificationChips certifications={organization.certifications} testId="certification-review-held" />
                  ) : (
                    '—'
                  )}
                </dd>
              </div>
            </dl>
          </section>
          <section className="card" aria-labelledby="certification-evidence">
            <h2 id="certification-evidence" className="card__title">
              {t('verificationReview.evidence')}
            </h2>
            {claim.evidence.length ? (
              <EvidenceFiles files={claim.evidence} testId="certification-review-evidence" />
            ) : (
              <p className="muted">{t('verificationReview.noEvidence')}</p>
            )}
          </section>
        </div>

        <div className="stack">
          <section className="card" aria-labelledby="certification-decide">
            <h2 id="certification-decide" className="card__title">
              {t('verificationReview.decide')}
            </h2>
            {decided ? (
              <div className="alert alert--success" role="status" data-testid="certification-decided">
                <p>{t('verificationReview.decided', { decision: t(decisionKey(decided)) })}</p>
                <button type="button" className="button" onClick={() => void next()} data-testid="certification-next">
                  {t('certificationReview.next')}
                </button>
                {noNext ? <p data-testid="certification-no-next">{t('certificationReview.noNext')}</p> : null}
              </div>
            ) : null}
            {pending ? (
              <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate aria-busy={decideState.fetching}>
                <FormAlert summary={form.summary} testId="certification-review-alert" />
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
                          data-testid={`certification-decision-${d}`}
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
                      data-testid="certification-reason-input"
                    />
                  )}
                </Field>
                <div className="form__actions">
                  <button type="submit" className="button" disabled={decideState.fetching} data-testid="certification-decide-submit">
                    {decideState.fetching ? t('common.working') : t('verificationReview.submit')}
                  </button>
                </div>
              </form>
            ) : !decided ? (
              <p className="muted" data-testid="certification-already-decided">
                {t('verificationReview.alreadyDecided')} {t(claimStatusKey(claim.status))}
                {claim.decisionReason ? ` — ${claim.decisionReason}` : ''}
                {claim.decidedAt ? ` · ${format.date(claim.decidedAt)}` : ''}
              </p>
            ) : null}
          </section>
        </div>
      </div>
    </div>
  );
}
