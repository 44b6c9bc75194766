import type { ReactNode } from 'react';
import type { ApiErrorSummary } from './errors';
import { FormAlert } from './FormAlert';

/**
 * A form's buttons with the server's reason for refusing the last submit right next to them
 * (`role="alert"`): the AppError message, or "입력값을 확인해 주세요" while field errors are shown at
 * their fields. The one place a form says why its submit failed.
 */
export function FormActions({
  form,
  summary,
  testId = 'form-alert',
  className,
  children,
}: {
  form: { summary: ApiErrorSummary; alertId: string };
  /** What to show instead of `form.summary` (e.g. a reason the form words better). */
  summary?: ApiErrorSummary;
  testId?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className="form__submit">
      <div className={['form__actions', className ?? ''].filter(Boolean).join(' ')}>{children}</div>
      <FormAlert summary={summary ?? form.summary} testId={testId} id={form.alertId} />
    </div>
  );
}
