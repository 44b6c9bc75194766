import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { useT } from '@/i18n';
import { Field, FormActions, useFormErrors } from '@/shared/forms';
import { RequestPasswordResetMutation } from '../graphql/operations';

const PATHS = ['email'] as const;

/** 비밀번호 찾기: asks for a reset link. The answer is the same whether or not the address has an account. */
export function ForgotPasswordPage() {
  const t = useT();
  const form = useFormErrors(PATHS);
  const [{ fetching }, request] = useMutation(RequestPasswordResetMutation);
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    form.clear();
    const result = await request({ email: email.trim() });
    if (result.data) setSent(true);
    else form.setError(result.error);
  };

  return (
    <div className="page page--narrow">
      <h1>{t('forgotPassword.title')}</h1>
      {sent ? (
        <div className="card">
          <p role="status" className="alert alert--info" data-testid="forgot-password-sent">
            {t('forgotPassword.sent')}
          </p>
          <Link to="/signin">{t('forgotPassword.toSignIn')}</Link>
        </div>
      ) : (
        <form className="form card" onSubmit={(event) => void onSubmit(event)} noValidate aria-busy={fetching}>
          <p>{t('forgotPassword.intro')}</p>
          <Field form={form} path="email" label={t('auth.email')} required>
            {(props) => (
              <input
                {...props}
                type="email"
                autoComplete="email"
                value={email}
                onChange={(event) => setEmail(event.target.value)}
                data-testid="forgot-password-email"
              />
            )}
          </Field>
          <FormActions form={form}>
            <button type="submit" className="button" disabled={fetching} data-testid="forgot-password-submit">
              {fetching ? t('common.working') : t('forgotPassword.submit')}
            </button>
          </FormActions>
          <p className="form__footnote">
            <Link to="/signin">{t('forgotPassword.toSignIn')}</Link>
          </p>
        </form>
      )}
    </div>
  );
}
