import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useClient, useMutation } from 'urql';
import { useT } from '@/i18n';
import { Field, FormActions, OneTimeCodeInput, useFormErrors } from '@/shared/forms';
import { useViewer, ViewerQuery } from '@/shared/session';
import { RegenerateRecoveryCodesMutation } from '../graphql/two-factor';
import { RecoveryCodes } from './RecoveryCodes';

const PATHS = ['code'] as const;

/** 내 계정 › 2단계 인증 (staff): state, recovery codes left, new recovery codes for a current app code. */
export function TwoFactorSection() {
  const t = useT();
  const client = useClient();
  const { viewer } = useViewer();
  const form = useFormErrors(PATHS);
  const [regenerated, regenerate] = useMutation(RegenerateRecoveryCodesMutation);
  const [code, setCode] = useState('');
  const [codes, setCodes] = useState<string[] | null>(null);

  if (!viewer || (!viewer.twoFactor.required && !viewer.twoFactor.enrolled)) return null;

  const onRegenerate = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    form.clear();
    const result = await regenerate({ code: code.trim() });
    if (result.data) {
      setCodes(result.data.regenerateRecoveryCodes);
      setCode('');
    } else {
      form.setError(result.error);
    }
  };

  const onSaved = () => {
    setCodes(null);
    void client.query(ViewerQuery, {}, { requestPolicy: 'network-only' }).toPromise();
  };

  return (
    <section className="card account-section" aria-labelledby="account-two-factor-title" data-testid="account-two-factor">
      <h2 id="account-two-factor-title">{t('twoFactor.section.title')}</h2>
      {!viewer.twoFactor.enrolled ? (
        <>
          <p data-testid="account-two-factor-state">{t('twoFactor.section.notEnrolled')}</p>
          <Link to="/account/two-factor?next=/account" className="button" data-testid="account-two-factor-setup">
            {t('twoFactor.section.setUp')}
          </Link>
        </>
      ) : codes ? (
        <RecoveryCodes codes={codes} doneLabel={t('twoFactor.section.closeCodes')} onDone={onSaved} />
      ) : (
        <>
          <p data-testid="account-two-factor-state">{t('twoFactor.section.enabled', { count: viewer.twoFactor.recoveryCodesLeft })}</p>
          <form className="form" onSubmit={(event) => void onRegenerate(event)} noValidate aria-busy={regenerated.fetching}>
            <p className="form__footnote">{t('twoFactor.section.regenerateHint')}</p>
            <Field form={form} path="code" label={t('twoFactor.code')} required>
              {(props) => <OneTimeCodeInput {...props} value={code} onChange={setCode} testId="account-two-factor-code" />}
            </Field>
            <FormActions form={form}>
              <button
                type="submit"
                className="button button--ghost"
                disabled={regenerated.fetching || code.length !== 6}
                data-testid="account-two-factor-regenerate"
              >
                {regenerated.fetching ? t('common.working') : t('twoFactor.section.regenerate')}
              </button>
            </FormActions>
          </form>
        </>
      )}
    </section>
  );
}
