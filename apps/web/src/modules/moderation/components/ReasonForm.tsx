import { useState } from 'react';
import type { CombinedError } from 'urql';
import { useT } from '@/i18n';
import { Field, FormAlert, useFormErrors } from '@/shared/forms';

export interface ReasonAction {
  id: string;
  label: string;
  danger?: boolean;
}

/**
 * A reason and one or more actions that need it. The API's errors (reason length, already
 * resolved, …) show next to the action; `onDone` runs after a successful action.
 */
export function ReasonForm({
  actions,
  maxLength,
  testId,
  run,
  onDone,
}: {
  actions: ReasonAction[];
  maxLength: number;
  testId: string;
  run: (actionId: string, reason: string) => Promise<{ error?: CombinedError }>;
  onDone: (actionId: string) => void;
}) {
  const t = useT();
  const form = useFormErrors(['reason'] as const);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (actionId: string) => {
    form.clear();
    if (!reason.trim()) return form.setFieldMessages({ reason: t('moderation.reasonRequired') });
    setBusy(true);
    const result = await run(actionId, reason.trim());
    setBusy(false);
    if (result.error) return form.setError(result.error);
    setReason('');
    onDone(actionId);
  };

  return (
    <form className="form moderation-reason" noValidate aria-busy={busy} data-testid={testId} onSubmit={(e) => e.preventDefault()}>
      <Field form={form} path="reason" label={t('moderation.reason')} required>
        {(props) => (
          <textarea
            {...props}
            rows={2}
            maxLength={maxLength}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            data-testid={`${testId}-reason`}
          />
        )}
      </Field>
      <FormAlert summary={form.summary} testId={`${testId}-alert`} />
      <div className="form__actions">
        {actions.map((a) => (
          <button
            key={a.id}
            type="button"
            className={a.danger ? 'button button--danger' : 'button button--ghost'}
            disabled={busy}
            onClick={() => void submit(a.id)}
            data-testid={`${testId}-${a.id}`}
          >
            {busy ? t('common.working') : a.label}
          </button>
        ))}
      </div>
    </form>
  );
}
