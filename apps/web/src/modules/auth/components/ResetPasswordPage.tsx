import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { useT } from '@/i18n';
import { FormActions, NewPasswordFields, useFormErrors } from '@/shared/forms';
import { ResetPasswordMutation } from '../graphql/operations';

const PATHS = ['newPassword', 'confirmPassword', 'token'] as const;

/** The page of the mailed reset link (`/reset-password?token=…`): a new password, twice; then to sign-in. */
export function ResetPasswordPage() {
  const t = useT();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token') ?? '';
  const form = useFormErrors(PATHS);
  const [{ fetching }, reset] = useMutation(ResetPasswordMutation);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    form.clear();
    if (password !== confirm) {
      form.setFieldMessages({ confirmPassword: t('password.mismatch') });
      return;
    }
    const result = await reset({ token, newPassword: password });
    if (result.data) await navigate('/signin?reset=1', { replace: true });
    else form.setError(result.error);
  };

  const tokenErrors = form.fieldErrors('token');
  return (
    <div className="page page--narrow">
      <h1>{t('resetPassword.title')}</h1>
      {!token ? (
        <p className="alert alert--error" role="alert" data-testid="reset-password-no-token">
          {t('resetPassword.noToken')} <Link to="/forgot-password">{t('resetPassword.again')}</Link>
        </p>
      ) : (
        <form className="form card" onSubmit={(event) => void onSubmit(event)} noValidate aria-busy={fetching}>
          {tokenErrors.length ? (
            <p className="alert alert--error" role="alert" id={form.ids('token').error} data-testid="reset-password-token-error">
              {tokenErrors.map((e) => e.message).join(' ')} <Link to="/forgot-password">{t('resetPassword.again')}</Link>
            </p>
          ) : null}
          <NewPasswordFields
            form={form}
            value={password}
            confirm={confirm}
            onValue={setPassword}
            onConfirm={setConfirm}
            testIdPrefix="reset-password"
          />
          <FormActions form={form}>
            <button type="submit" className="button" disabled={fetching} data-testid="reset-password-submit">
              {fetching ? t('common.working') : t('resetPassword.submit')}
            </button>
          </FormActions>
        </form>
      )}
    </div>
  );
}
