import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useClient, useMutation } from 'urql';
import { useT } from '@/i18n';
import { Field, FormAlert, OneTimeCodeInput, useFormErrors } from '@/shared/forms';
import { useViewer, ViewerQuery } from '@/shared/session';
import { LoadingState } from '@/shared/ui/LoadingState';
import { BeginTwoFactorEnrollmentMutation, ConfirmTwoFactorEnrollmentMutation } from '../graphql/two-factor';
import { RecoveryCodes } from './RecoveryCodes';

const PATHS = ['code'] as const;

/** Where a page-relative `next` may lead: this site's paths only. */
function safeNext(value: string | null): string {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : '/';
}

/**
 * Staff two-factor set-up (shown before any staff page until it is done): start → QR code and the
 * secret as text → a code from the app → the recovery codes, once, with copy/download and "I saved them".
 */
export function TwoFactorEnrollmentPage() {
  const t = useT();
  const navigate = useNavigate();
  const client = useClient();
  const [searchParams] = useSearchParams();
  const next = safeNext(searchParams.get('next'));
  const { viewer } = useViewer();
  const form = useFormErrors(PATHS);
  const [begun, begin] = useMutation(BeginTwoFactorEnrollmentMutation);
  const [confirmed, confirm] = useMutation(ConfirmTwoFactorEnrollmentMutation);
  const [code, setCode] = useState('');
  const [codes, setCodes] = useState<string[] | null>(null);
  const enrollment = begun.data?.beginTwoFactorEnrollment ?? null;

  const onStart = async () => {
    form.clear();
    const result = await begin({});
    if (result.error) form.setError(result.error);
  };

  const onConfirm = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    form.clear();
    const result = await confirm({ code: code.trim() });
    if (result.data) {
      setCodes(result.data.confirmTwoFactorEnrollment);
      // The session now counts as staff: refresh the viewer (navigation, guards).
      await client.query(ViewerQuery, {}, { requestPolicy: 'network-only' }).toPromise();
    } else {
      form.setError(result.error);
    }
  };

  if (!viewer) return <LoadingState label={t('common.loading')} />;

  if (codes) {
    return (
      <div className="page page--narrow" data-testid="twofactor-page">
        <h1>{t('twoFactor.title')}</h1>
        <p className="alert alert--success" role="status" data-testid="twofactor-enabled">
          {t('twoFactor.enabled')}
        </p>
        <RecoveryCodes codes={codes} doneLabel={t('twoFactor.done')} onDone={() => void navigate(next, { replace: true })} />
      </div>
    );
  }

  if (viewer.twoFactor.enrolled || !viewer.twoFactor.required) {
    return (
      <div className="page page--narrow" data-testid="twofactor-page">
        <h1>{t('twoFactor.title')}</h1>
        <p role="status">{viewer.twoFactor.enrolled ? t('twoFactor.alreadyEnrolled') : t('twoFactor.notRequired')}</p>
        <Link to="/account" className="button">
          {t('twoFactor.toAccount')}
        </Link>
      </div>
    );
  }

  return (
    <div className="page page--narrow" data-testid="twofactor-page">
      <h1>{t('twoFactor.title')}</h1>
      <p>{t('twoFactor.intro')}</p>
      <FormAlert summary={form.summary} />
      {!enrollment ? (
        <div className="form__actions">
          <button type="button" className="button" disabled={begun.fetching} onClick={() => void onStart()} data-testid="twofactor-start">
            {begun.fetching ? t('common.working') : t('twoFactor.start')}
          </button>
        </div>
      ) : (
        <form className="form card" onSubmit={(event) => void onConfirm(event)} noValidate aria-busy={confirmed.fetching}>
          <ol className="twofactor-steps">
            <li>
              <p>{t('twoFactor.scan')}</p>
              <img
                className="twofactor-qr"
                src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(enrollment.qrSvg)}`}
                alt={t('twoFactor.qrAlt')}
                width={200}
                height={200}
                data-testid="twofactor-qr"
              />
              <p>
                {t('twoFactor.secret')} <code data-testid="twofactor-secret">{enrollment.secret}</code>
              </p>
            </li>
            <li>
              <Field form={form} path="code" label={t('twoFactor.code')} required>
                {(props) => <OneTimeCodeInput {...props} value={code} onChange={setCode} testId="twofactor-code" />}
              </Field>
            </li>
          </ol>
          <div className="form__actions">
            <button type="submit" className="button" disabled={confirmed.fetching || code.length !== 6} data-testid="twofactor-confirm">
              {confirmed.fetching ? t('common.working') : t('twoFactor.confirm')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
