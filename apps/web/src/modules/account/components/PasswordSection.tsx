import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { useT } from '@/i18n';
import { Field, FormActions, NewPasswordFields, useFormErrors } from '@/shared/forms';
import { ChangePasswordMutation } from '../graphql/operations';

const PATHS = ['currentPassword', 'newPassword', 'confirmPassword'] as const;

/** 비밀번호 변경: the current password and a new one (twice). The user's other sessions are signed out; this one stays. */
export function PasswordSection() {
  const t = useT();
  const form = useFormErrors(PATHS);
  const [{ fetching }, change] = useMutation(ChangePasswordMutation);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [done, setDone] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    form.clear();
    setDone(false);
    if (next !== confirm) {
      form.setFieldMessages({ confirmPassword: t('password.mismatch') });
      return;
    }
    const result = await change({ currentPassword: current, newPassword: next });
    if (result.data) {
      setDone(true);
      setCurrent('');
      setNext('');
      setConfirm('');
    } else {
      form.setError(result.error);
    }
  };

  return (
    <section className="card account-section" aria-labelledby="account-password-title" data-testid="account-password">
      <h2 id="account-password-title">{t('password.section.title')}</h2>
      <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate aria-busy={fetching}>
        {done ? (
          <p className="alert alert--info" role="status" data-testid="account-password-done">
            {t('password.section.done')}
          </p>
        ) : null}
        <Field form={form} path="currentPassword" label={t('password.current')} required>
          {(props) => (
            <input
              {...props}
              type="password"
              autoComplete="current-password"
              value={current}
              onChange={(event) => setCurrent(event.target.value)}
              data-testid="account-password-current"
            />
          )}
        </Field>
        <NewPasswordFields
          form={form}
          value={next}
          confirm={confirm}
          onValue={setNext}
          onConfirm={setConfirm}
          testIdPrefix="account-password"
        />
        <FormActions form={form}>
          <button type="submit" className="button" disabled={fetching} data-testid="account-password-submit">
            {fetching ? t('common.working') : t('password.section.submit')}
          </button>
        </FormActions>
      </form>
    </section>
  );
}
