import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { CERTIFICATE_NUMBER_MAX, CERTIFICATIONS_WITHOUT_EXPIRY, VERIFICATION_TEXT_MAX } from '@aimatch/contracts';
import type { CertificationClaimStatus } from '@/generated/graphql';
import { useFormatters, useLocale, useT, type SimpleMessageKey } from '@/i18n';
import { ConceptSelect } from '@/modules/vocabulary';
import { Field, FormAlert, summariseError, useFormErrors } from '@/shared/forms';
import { ClaimCertificationMutation, OrganizationCertificationsQuery, WithdrawCertificationClaimMutation } from '../graphql/operations';
import { EvidenceFiles } from './EvidenceFiles';
import { EvidencePicker, type EvidenceItem } from './EvidencePicker';

// Errors on evidenceFileIds (none, not yours, not staged) are shown in the form's alert.
const PATHS = ['conceptId', 'certificateNumber', 'issuedOn', 'expiresOn', 'note'] as const;

export const claimStatusKey = (s: CertificationClaimStatus): SimpleMessageKey => `certification.status.${s}`;

interface Draft {
  conceptId: string;
  certificateNumber: string;
  issuedOn: string;
  expiresOn: string;
  note: string;
}
const EMPTY: Draft = { conceptId: '', certificateNumber: '', issuedOn: '', expiresOn: '', note: '' };

/**
 * The organization's certifications (벤처기업, 이노비즈 …): the verified ones as chips, every claim
 * with its status, the staff's reason, the expiry date and a warning 30 days before it, the
 * evidence sent (members may download it); owners claim one with evidence files and withdraw a
 * pending claim.
 */
export function CertificationClaimsPanel({ organizationId, isOwner }: { organizationId: string; isOwner: boolean }) {
  const t = useT();
  const locale = useLocale();
  const format = useFormatters();
  const form = useFormErrors(PATHS);
  const [{ data, error }, reexecute] = useQuery({
    query: OrganizationCertificationsQuery,
    variables: { id: organizationId },
    requestPolicy: 'cache-and-network',
  });
  const [claimState, claim] = useMutation(ClaimCertificationMutation);
  const [withdrawState, withdraw] = useMutation(WithdrawCertificationClaimMutation);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [evidence, setEvidence] = useState<EvidenceItem[]>([]);
  const [sent, setSent] = useState(false);
  const [formKey, setFormKey] = useState(0);
  // The form (and its evidence picker) opens on demand, below the verification request's own.
  const [formOpen, setFormOpen] = useState(false);
  const org = data?.organization;
  if (!org) {
    return error ? (
      <FormAlert summary={summariseError(error, { networkMessage: t('error.network'), unknownMessage: t('error.unknown') })} />
    ) : null;
  }

  const noExpiry = CERTIFICATIONS_WITHOUT_EXPIRY.includes(draft.conceptId);
  const uploading = evidence.some((item) => item.state === 'uploading');
  const set = (field: keyof Draft) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    form.clear();
    setSent(false);
    const evidenceFileIds = evidence.flatMap((item) => (item.state === 'done' && item.fileId ? [item.fileId] : []));
    const result = await claim({
      input: {
        organizationId,
        conceptId: draft.conceptId,
        certificateNumber: draft.certificateNumber.trim() || null,
        issuedOn: draft.issuedOn,
        expiresOn: noExpiry ? null : draft.expiresOn || null,
        note: draft.note.trim() || null,
        evidenceFileIds,
      },
    });
    if (result.data) {
      setSent(true);
      setDraft(EMPTY);
      setEvidence([]);
      setFormKey((k) => k + 1);
      setFormOpen(false);
      reexecute({ requestPolicy: 'network-only' });
    } else {
      form.setError(result.error);
    }
  };

  const onWithdraw = async (id: string) => {
    const result = await withdraw({ id });
    if (!result.error) reexecute({ requestPolicy: 'network-only' });
  };

  return (
    <section className="card certification-panel" aria-labelledby={`certifications-${organizationId}`} data-testid="certification-panel">
      <div className="card__header">
        <h2 id={`certifications-${organizationId}`} className="card__title">
          {t('certification.title')}
        </h2>
      </div>
      <p className="card__lead">{t('certification.what')}</p>
      {org.certificationClaims.length ? (
        <ul className="plain-list certification-claims" data-testid="certification-claims">
          {org.certificationClaims.map((c) => (
            <li key={c.id} className="certification-claim" data-testid={`certification-claim-${c.id}`} data-status={c.status}>
              <div className="certification-claim__head">
                <strong>{locale === 'ko' ? c.labelKo : c.labelEn}</strong>{' '}
                <span className={`badge badge--claim-${c.status.toLowerCase()}`} data-testid="certification-claim-status">
                  {t(claimStatusKey(c.status))}
                </span>
              </div>
              <p className="muted">
                {c.certificateNumber ? `${t('certification.number')} ${c.certificateNumber} · ` : ''}
                {t('certification.issuedOn')} {c.issuedOn}
                {' · '}
                {c.expiresOn ? `${t('certification.expiresOn')} ${c.expiresOn}` : t('certification.noExpiry')}
                {' · '}
                {t('certification.claimedAt', { date: format.date(c.claimedAt) })}
              </p>
              {c.expiringSoon ? (
                <p className="alert alert--warning" data-testid="certification-expiring">
                  {t('certification.expiringSoon', { date: c.expiresOn ?? '' })}
                </p>
              ) : null}
              {c.decisionReason && (c.status === 'REJECTED' || c.status === 'NEEDS_INFO') ? (
                <p className="alert alert--error" data-testid="certification-reason">
                  {t('certification.reason', { reason: c.decisionReason })}
                </p>
              ) : null}
              <EvidenceFiles files={c.evidence} testId="certification-evidence" />
              {isOwner && c.status === 'PENDING' ? (
                <button
                  type="button"
                  className="button button--ghost button--small"
                  onClick={() => void onWithdraw(c.id)}
                  disabled={withdrawState.fetching}
                  data-testid="certification-withdraw"
                >
                  {t('certification.withdraw')}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}

      {sent ? (
        <p className="alert alert--success" role="status" data-testid="certification-sent">
          {t('certification.sent')}
        </p>
      ) : null}

      {isOwner && !formOpen ? (
        <button type="button" className="button button--ghost" onClick={() => setFormOpen(true)} data-testid="certification-open-form">
          {t('certification.claim')}
        </button>
      ) : null}
      {isOwner && formOpen ? (
        <form
          key={formKey}
          className="form"
          onSubmit={(event) => void onSubmit(event)}
          noValidate
          aria-busy={claimState.fetching}
          data-testid="certification-form"
        >
          <h3 className="card__subtitle">{t('certification.claim')}</h3>
          <FormAlert summary={form.summary} testId="certification-alert" />
          <Field form={form} path="conceptId" label={t('certification.concept')} required>
            {(props) => (
              <ConceptSelect
                {...props}
                scheme="certification"
                value={draft.conceptId}
                onChange={set('conceptId')}
                data-testid="certification-concept"
              />
            )}
          </Field>
          <Field form={form} path="certificateNumber" label={t('certification.number')}>
            {(props) => (
              <input
                {...props}
                value={draft.certificateNumber}
                maxLength={CERTIFICATE_NUMBER_MAX}
                onChange={(e) => set('certificateNumber')(e.target.value)}
                data-testid="certification-number"
              />
            )}
          </Field>
          <div className="form__row">
            <Field form={form} path="issuedOn" label={t('certification.issuedOn')} required>
              {(props) => (
                <input
                  {...props}
                  type="date"
                  value={draft.issuedOn}
                  onChange={(e) => set('issuedOn')(e.target.value)}
                  data-testid="certification-issued"
                />
              )}
            </Field>
            {noExpiry ? (
              <p className="muted" data-testid="certification-no-expiry">
                {t('certification.noExpiryHint')}
              </p>
            ) : (
              <Field form={form} path="expiresOn" label={t('certification.expiresOn')} required>
                {(props) => (
                  <input
                    {...props}
                    type="date"
                    value={draft.expiresOn}
                    onChange={(e) => set('expiresOn')(e.target.value)}
                    data-testid="certification-expires"
                  />
                )}
              </Field>
            )}
          </div>
          <EvidencePicker items={evidence} onChange={setEvidence} disabled={claimState.fetching} />
          <Field form={form} path="note" label={t('certification.note')}>
            {(props) => (
              <textarea
                {...props}
                rows={2}
                maxLength={VERIFICATION_TEXT_MAX}
                value={draft.note}
                onChange={(e) => set('note')(e.target.value)}
                data-testid="certification-note"
              />
            )}
          </Field>
          <div className="form__actions">
            <button type="submit" className="button" disabled={claimState.fetching || uploading} data-testid="certification-submit">
              {claimState.fetching ? t('common.working') : t('certification.submit')}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
