import { useT } from '@/i18n';
import { Field } from './Field';
import type { FormErrors } from './useFormErrors';

/**
 * A new password typed twice (paths `newPassword` and `confirmPassword`), with the policy hint:
 * the one pair of fields of the reset page and the account page's password change.
 */
export function NewPasswordFields<Path extends string>({
  form,
  value,
  confirm,
  onValue,
  onConfirm,
  testIdPrefix,
}: {
  form: FormErrors<Path | 'newPassword' | 'confirmPassword'>;
  value: string;
  confirm: string;
  onValue: (value: string) => void;
  onConfirm: (value: string) => void;
  /** `reset-password` gives `reset-password-new` and `reset-password-confirm`. */
  testIdPrefix: string;
}) {
  const t = useT();
  return (
    <>
      <Field form={form} path="newPassword" label={t('password.new')} hint={t('auth.passwordHint')} required>
        {(props) => (
          <input
            {...props}
            type="password"
            autoComplete="new-password"
            value={value}
            onChange={(event) => onValue(event.target.value)}
            data-testid={`${testIdPrefix}-new`}
          />
        )}
      </Field>
      <Field form={form} path="confirmPassword" label={t('password.confirm')} required>
        {(props) => (
          <input
            {...props}
            type="password"
            autoComplete="new-password"
            value={confirm}
            onChange={(event) => onConfirm(event.target.value)}
            data-testid={`${testIdPrefix}-confirm`}
          />
        )}
      </Field>
    </>
  );
}
