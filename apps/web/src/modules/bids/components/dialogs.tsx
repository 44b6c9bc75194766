import { useState, type FormEvent } from 'react';
import type { CombinedError } from 'urql';
import { BID_LIMITS } from '@aimatch/contracts';
import { useT } from '@/i18n';
import { FormAlert, useFormErrors } from '@/shared/forms';
import { Dialog } from '@/shared/ui/Dialog';

export { ConfirmDialog as ConfirmBidDialog } from '@/shared/ui/ConfirmDialog';

const PATHS = ['reason'] as const;

/** A decision that needs a reason (decline a bid, cancel a project). */
export function ReasonDialog({
  open,
  title,
  body,
  confirmLabel,
  busy,
  onCancel,
  onConfirm,
  testId = 'reason-dialog',
}: {
  open: boolean;
  title: string;
  body?: string;
  confirmLabel: string;
  busy: boolean;
  onCancel: () => void;
  /** Resolves with the error to show, or undefined when done. */
  onConfirm: (reason: string) => Promise<CombinedError | undefined>;
  testId?: string;
}) {
  return (
    <Dialog open={open} onClose={onCancel} title={title} testId={testId}>
      {open ? <ReasonForm body={body} confirmLabel={confirmLabel} busy={busy} onCancel={onCancel} onConfirm={onConfirm} /> : null}
    </Dialog>
  );
}

function ReasonForm({
  body,
  confirmLabel,
  busy,
  onCancel,
  onConfirm,
}: {
  body?: string;
  confirmLabel: string;
  busy: boolean;
  onCancel: () => void;
  onConfirm: (reason: string) => Promise<CombinedError | undefined>;
}) {
  const t = useT();
  const form = useFormErrors(PATHS);
  const [reason, setReason] = useState('');
  const errors = form.fieldErrors('reason');

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    form.clear();
    if (!reason.trim()) {
      form.setFieldMessages({ reason: t('bid.reasonRequired') });
      return;
    }
    const error = await onConfirm(reason.trim());
    if (error) form.setError(error);
  };

  return (
    <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate aria-busy={busy}>
      <FormAlert summary={form.summary} testId="reason-alert" />
      {body ? <p>{body}</p> : null}
      <div className={errors.length > 0 ? 'field field--invalid' : 'field'}>
        <label className="field__label" htmlFor={form.ids('reason').control}>
          {t('bid.reason')}
          <span className="field__required" aria-hidden="true">
            {' *'}
          </span>
        </label>
        <textarea
          {...form.controlProps('reason')}
          rows={4}
          maxLength={BID_LIMITS.maxReasonChars}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          data-testid="reason-input"
        />
        {errors.length > 0 ? (
          <p className="field__error" id={form.ids('reason').error} data-testid="field-error-reason">
            {errors.map((e) => e.message).join(' ')}
          </p>
        ) : null}
      </div>
      <div className="form__actions form__actions--end">
        <button type="button" className="button button--ghost" onClick={onCancel} data-testid="reason-cancel">
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button--danger" disabled={busy} data-testid="reason-confirm">
          {busy ? t('common.working') : confirmLabel}
        </button>
      </div>
    </form>
  );
}
