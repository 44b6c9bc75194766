import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { VERIFICATION_TEXT_MAX } from '@aimatch/contracts';
import { useFormatters, useT } from '@/i18n';
import { Field, FormAlert, summariseError, useFormErrors } from '@/shared/forms';
import { OrganizationVerificationQuery, RequestOrganizationVerificationMutation } from '../graphql/operations';
import { EvidenceFiles } from './EvidenceFiles';
import { EvidencePicker, type EvidenceItem } from './EvidencePicker';
import { VerificationBadge } from './VerificationBadge';

const PATHS = ['note'] as const;

/**
 * What verification by the association means, how long it takes, where the organization stands
 * (pending since…, rejected or more information needed with the reason, suspended), and for
 * owners the request with evidence files (uploaded with a progress bar each) and a note. On the organization page and wherever verification gates an action.
 */
export function VerificationPanel({
  organizationId,
  canRequest,
  context = 'organization',
}: {
  organizationId: string;
  /** Owners may request; members read the state and are told to ask an owner. */
  canRequest: boolean;
  /** Where it is shown: `bid` explains that bidding waits for verification. */
  context?: 'organization' | 'bid' | 'restricted';
}) {
  const t = useT();
  const format = useFormatters();
  const form = useFormErrors(PATHS);
  const [{ data, error }] = useQuery({ query: OrganizationVerificationQuery, variables: { id: organizationId } });
  const [{ fetching }, requestVerification] = useMutation(RequestOrganizationVerificationMutation);
  const [note, setNote] = useState('');
  const [evidence, setEvidence] = useState<EvidenceItem[]>([]);
  const [sent, setSent] = useState(false);
  const org = data?.organization;

  if (!org) {
    return error ? (
      <FormAlert summary={summariseError(error, { networkMessage: t('error.network'), unknownMessage: t('error.unknown') })} />
    ) : null;
  }

  const latest = org.verificationRequest;
  const status = org.verificationStatus;
  const needsInfo = status === 'UNVERIFIED' && latest?.status === 'NEEDS_INFO';
  const mayRequest = status === 'UNVERIFIED' || status === 'REJECTED';
  const uploading = evidence.some((item) => item.state === 'uploading');

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    form.clear();
    const evidenceFileIds = evidence.flatMap((item) => (item.state === 'done' && item.fileId ? [item.fileId] : []));
    const result = await requestVerification({ input: { organizationId, note: note.trim() || null, evidenceFileIds } });
    if (result.data) {
      setSent(true);
      setNote('');
      setEvidence([]);
    } else {
      form.setError(result.error);
    }
  };

  return (
    <section
      className="card verification-panel"
      aria-labelledby={`verification-${organizationId}`}
      data-testid="verification-panel"
      data-status={status}
    >
      <div className="card__header">
        <h2 id={`verification-${organizationId}`} className="card__title">
          {t('verification.title')}
        </h2>
        <VerificationBadge status={status} testId="verification-status" />
      </div>
      {context === 'bid' && status !== 'VERIFIED' ? <p className="alert alert--warning">{t('verification.bidGate')}</p> : null}
      {context === 'restricted' && status !== 'VERIFIED' ? <p className="alert alert--info">{t('verification.restrictedGate')}</p> : null}
      <p className="card__lead">{t('verification.what')}</p>
      <p className="muted">{t('verification.howLong')}</p>

      <div className="verification-panel__state" role="status" data-testid="verification-state">
        {status === 'VERIFIED' ? (
          <p>
            {latest?.decidedAt
              ? t('verification.state.verifiedSince', { date: format.date(latest.decidedAt) })
              : t('verification.state.verified')}
          </p>
        ) : status === 'PENDING' ? (
          <p>
            {latest ? t('verification.state.pendingSince', { date: format.date(latest.requestedAt) }) : t('verification.state.pending')}
          </p>
        ) : status === 'SUSPENDED' ? (
          <p className="alert alert--error">
            {org.suspension
              ? t('verification.state.suspended', { date: format.date(org.suspension.since), reason: org.suspension.reason })
              : t('organization.verification.SUSPENDED')}
          </p>
        ) : status === 'REJECTED' ? (
          <p className="alert alert--error" data-testid="verification-reason">
            {t('verification.state.rejected', { reason: latest?.decisionReason ?? '—' })}
          </p>
        ) : needsInfo ? (
          <p className="alert alert--warning" data-testid="verification-reason">
            {t('verification.state.needsInfo', { reason: latest?.decisionReason ?? '—' })}
          </p>
        ) : (
          <p>{t('verification.state.none')}</p>
        )}
      </div>

      {latest?.evidence.length ? <EvidenceFiles files={latest.evidence} testId="verification-evidence" /> : null}

      {sent && status === 'PENDING' ? (
        <p className="alert alert--success" role="status" data-testid="verification-sent">
          {t('verification.sent')}
        </p>
      ) : null}

      {mayRequest ? (
        canRequest ? (
          <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate aria-busy={fetching} data-testid="verification-form">
            <FormAlert summary={form.summary} testId="verification-alert" />
            <EvidencePicker items={evidence} onChange={setEvidence} disabled={fetching} />
            <Field form={form} path="note" label={t('verification.note')} hint={t('verification.noteHint')}>
              {(props) => (
                <textarea
                  {...props}
                  rows={3}
                  maxLength={VERIFICATION_TEXT_MAX}
                  value={note}
                  onChange={(event) => setNote(event.target.value)}
                  data-testid="verification-note"
                />
              )}
            </Field>
            <div className="form__actions">
              <button type="submit" className="button" disabled={fetching || uploading} data-testid="verification-request">
                {fetching ? t('common.working') : t('verification.request')}
              </button>
              {uploading ? (
                <span className="muted" data-testid="evidence-wait">
                  {t('verification.evidence.wait')}
                </span>
              ) : null}
            </div>
          </form>
        ) : (
          <p className="muted" data-testid="verification-owner-only">
            {t('verification.ownerOnly')}
          </p>
        )
      ) : null}
    </section>
  );
}
