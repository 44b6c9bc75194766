import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { VERIFICATION_TEXT_MAX } from '@aimatch/contracts';
import { useFormatters, useT } from '@/i18n';
import { Field, FormAlert, useFormErrors } from '@/shared/forms';
import { OrganizationSuspensionQuery, SuspendOrganizationMutation, UnsuspendOrganizationMutation } from '../graphql/operations';

const PATHS = ['reason'] as const;

/** Staff: suspend an organization with a reason, or lift its suspension (it returns to its previous status). */
export function SuspensionControls({ organizationId }: { organizationId: string }) {
  const t = useT();
  const format = useFormatters();
  const form = useFormErrors(PATHS);
  const [{ data }] = useQuery({ query: OrganizationSuspensionQuery, variables: { id: organizationId } });
  const [suspendState, suspend] = useMutation(SuspendOrganizationMutation);
  const [unsuspendState, unsuspend] = useMutation(UnsuspendOrganizationMutation);
  const [reason, setReason] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const org = data?.organization;
  if (!org || org.kind === 'ASSOCIATION') return null;
  const suspended = org.verificationStatus === 'SUSPENDED';
  const busy = suspendState.fetching || unsuspendState.fetching;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    form.clear();
    setNotice(null);
    const input = { organizationId, reason: reason.trim() };
    const result = suspended ? await unsuspend({ input: { ...input, reason: input.reason || null } }) : await suspend({ input });
    if (result.error) return form.setError(result.error);
    setReason('');
    setNotice(t(suspended ? 'suspension.lifted' : 'suspension.done'));
  };

  return (
    <section
      className="card suspension"
      aria-labelledby={`suspension-${organizationId}`}
      data-testid="suspension-controls"
      data-suspended={suspended}
    >
      <h2 id={`suspension-${organizationId}`} className="card__title">
        {t('suspension.title')}
      </h2>
      <p className="card__lead">{t('suspension.lead')}</p>
      {suspended && org.suspension ? (
        <p className="alert alert--error" data-testid="suspension-current">
          {t('suspension.current', { date: format.date(org.suspension.since), reason: org.suspension.reason })}
        </p>
      ) : null}
      {notice ? (
        <p className="alert alert--success" role="status" data-testid="suspension-notice">
          {notice}
        </p>
      ) : null}
      <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate aria-busy={busy}>
        <FormAlert summary={form.summary} testId="suspension-alert" />
        <Field form={form} path="reason" label={t('suspension.reason')} required={!suspended}>
          {(props) => (
            <textarea
              {...props}
              rows={2}
              maxLength={VERIFICATION_TEXT_MAX}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              data-testid="suspension-reason"
            />
          )}
        </Field>
        <div className="form__actions">
          <button
            type="submit"
            className={suspended ? 'button' : 'button button--danger'}
            disabled={busy}
            data-testid={suspended ? 'suspension-lift' : 'suspension-suspend'}
          >
            {busy ? t('common.working') : t(suspended ? 'suspension.unsuspend' : 'suspension.suspend')}
          </button>
        </div>
      </form>
    </section>
  );
}
