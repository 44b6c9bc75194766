import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { type CombinedError, useMutation } from 'urql';
import { LoadingState } from '@/shared/ui/LoadingState';
import { useT } from '@/i18n';
import { Field, FormActions, OneTimeCodeInput, useFormErrors } from '@/shared/forms';
import { SignInMutation } from '../graphql/operations';
import { startSession, useSession } from '@/shared/session';
import { safeNextPath } from '../model/redirect';

const PATHS = ['email', 'password', 'totpCode', 'recoveryCode'] as const;

/** The server's reason when a staff sign-in needs (or got a wrong) second factor. */
function twoFactorReason(error: CombinedError | undefined): 'two-factor-required' | 'two-factor-invalid' | null {
  for (const e of error?.graphQLErrors ?? []) {
    const reason = e.extensions?.['reason'];
    if (reason === 'two-factor-required' || reason === 'two-factor-invalid') return reason;
  }
  return null;
}

export function SignInPage() {
  const t = useT();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const session = useSession();
  const form = useFormErrors(PATHS);
  const [{ fetching }, signIn] = useMutation(SignInMutation);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  // Second step for staff with two-factor sign-in: the app code, or a recovery code instead.
  const [secondFactor, setSecondFactor] = useState<null | 'totp' | 'recovery'>(null);
  const [code, setCode] = useState('');
  const next = safeNextPath(searchParams.get('next'), '/');

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    form.clear();
    const input = {
      email: email.trim(),
      password,
      totpCode: secondFactor === 'totp' && code.trim() ? code.trim() : null,
      recoveryCode: secondFactor === 'recovery' && code.trim() ? code.trim() : null,
    };
    const result = await signIn({ input });
    if (result.data) {
      startSession(result.data.signIn);
      await navigate(next, { replace: true });
      return;
    }
    const reason = twoFactorReason(result.error);
    if (reason) {
      setSecondFactor((current) => current ?? 'totp');
      setCode('');
      // Asking for the code the first time is a step, not an error.
      if (reason === 'two-factor-required' && !secondFactor) return;
    }
    form.setError(result.error);
  };

  if (session.status === 'restoring') return <LoadingState label={t('session.restoring')} />;

  if (session.status === 'authenticated' && !fetching) {
    return (
      <div className="page page--narrow">
        <h1>{t('signIn.title')}</h1>
        <p role="status" data-testid="auth-already-signed-in">
          {t('auth.alreadySignedIn')}
        </p>
        <Link to={next} className="button">
          {t('auth.continue')}
        </Link>
      </div>
    );
  }

  return (
    <div className="page page--narrow">
      <h1>{t('signIn.title')}</h1>
      {searchParams.get('expired') ? (
        <p className="alert alert--info" role="status" data-testid="session-expired">
          {t('signIn.expired')}
        </p>
      ) : null}
      {searchParams.get('revoked') ? (
        <p className="alert alert--info" role="status" data-testid="session-revoked">
          {t('signIn.revoked')}
        </p>
      ) : null}
      {searchParams.get('reset') ? (
        <p className="alert alert--info" role="status" data-testid="password-reset-done">
          {t('signIn.passwordReset')}
        </p>
      ) : null}
      <form className="form card" onSubmit={(event) => void onSubmit(event)} noValidate aria-busy={fetching}>
        <Field form={form} path="email" label={t('auth.email')} required>
          {(props) => (
            <input
              {...props}
              type="email"
              autoComplete="email"
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              data-testid="signin-email"
            />
          )}
        </Field>
        <Field form={form} path="password" label={t('auth.password')} required>
          {(props) => (
            <input
              {...props}
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              data-testid="signin-password"
            />
          )}
        </Field>
        {secondFactor ? (
          <>
            <p className="form__footnote" role="status" data-testid="signin-two-factor">
              {secondFactor === 'totp' ? t('signIn.totpHint') : t('signIn.recoveryHint')}
            </p>
            {secondFactor === 'totp' ? (
              <Field form={form} path="totpCode" label={t('signIn.totp')} required>
                {(props) => <OneTimeCodeInput {...props} autoFocus value={code} onChange={setCode} testId="signin-totp" />}
              </Field>
            ) : (
              <Field form={form} path="recoveryCode" label={t('signIn.recoveryCode')} required>
                {(props) => (
                  <input
                    {...props}
                    autoComplete="off"
                    autoFocus
                    value={code}
                    onChange={(event) => setCode(event.target.value)}
                    data-testid="signin-recovery"
                  />
                )}
              </Field>
            )}
            <button
              type="button"
              className="button button--ghost button--small"
              onClick={() => {
                setSecondFactor(secondFactor === 'totp' ? 'recovery' : 'totp');
                setCode('');
              }}
              data-testid="signin-two-factor-switch"
            >
              {secondFactor === 'totp' ? t('signIn.useRecovery') : t('signIn.useTotp')}
            </button>
          </>
        ) : null}
        <FormActions form={form}>
          <button type="submit" className="button" disabled={fetching} data-testid="signin-submit">
            {fetching ? t('common.working') : t('signIn.submit')}
          </button>
        </FormActions>
        <p className="form__footnote">
          <Link to="/forgot-password" data-testid="signin-forgot-password">
            {t('signIn.forgotPassword')}
          </Link>
        </p>
        <p className="form__footnote">
          {t('signIn.noAccount')} <Link to="/signup">{t('signIn.toSignUp')}</Link>
        </p>
      </form>
    </div>
  );
}
