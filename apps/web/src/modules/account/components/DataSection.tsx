import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useClient, useMutation } from 'urql';
import { useT } from '@/i18n';
import { Field, FormActions, summariseError, useFormErrors } from '@/shared/forms';
import { endSession, forgetStoredRefreshToken } from '@/shared/session';
import { DeleteAccountMutation, MyPersonalDataQuery } from '../graphql/personal-data.operations';

const PATHS = ['password'] as const;

/** Saves `text` as a file through a temporary object URL (no server round trip). */
function saveFile(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * 내 계정 › 내 정보: download everything the service keeps about you (JSON), and delete the account, confirmed
 * with the password and an explicit acknowledgement; afterwards the browser is signed out.
 */
export function DataSection() {
  const t = useT();
  const client = useClient();
  const navigate = useNavigate();
  const form = useFormErrors(PATHS);
  const [downloading, setDownloading] = useState(false);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const [understood, setUnderstood] = useState(false);
  const [{ fetching }, deleteAccount] = useMutation(DeleteAccountMutation);

  const download = async () => {
    setDownloading(true);
    setDownloadError(null);
    const result = await client.query(MyPersonalDataQuery, {}, { requestPolicy: 'network-only' }).toPromise();
    setDownloading(false);
    if (result.data) {
      saveFile(`aimatch-my-data-${new Date().toISOString().slice(0, 10)}.json`, result.data.myPersonalData);
    } else {
      setDownloadError(
        summariseError(result.error, { networkMessage: t('error.network'), unknownMessage: t('error.unknown') }).general[0] ??
          t('error.unknown'),
      );
    }
  };

  const onDelete = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    form.clear();
    if (!understood) {
      form.setMessage(t('account.data.deleteConfirmFirst'));
      return;
    }
    const result = await deleteAccount({ password });
    if (result.data?.deleteAccount) {
      // The server ended every session already; forget this one here and leave the signed-in pages.
      forgetStoredRefreshToken();
      await navigate('/', { flushSync: true });
      endSession('signed-out');
    } else {
      form.setError(result.error);
    }
  };

  return (
    <section className="card" aria-labelledby="data-section-heading" data-testid="data-section">
      <h2 id="data-section-heading" className="card__title">
        {t('account.data.title')}
      </h2>
      <p className="card__lead">{t('account.data.downloadLead')}</p>
      <div className="form__actions">
        <button
          type="button"
          className="button button--ghost"
          disabled={downloading}
          onClick={() => void download()}
          data-testid="data-download"
        >
          {downloading ? t('common.working') : t('account.data.download')}
        </button>
      </div>
      {downloadError ? (
        <p className="field__error" role="alert">
          {downloadError}
        </p>
      ) : null}

      <h3>{t('account.data.deleteTitle')}</h3>
      <div className="alert alert--warning">
        <p>{t('account.data.deleteWarning')}</p>
      </div>
      <form className="form" onSubmit={(event) => void onDelete(event)} noValidate aria-busy={fetching}>
        <Field form={form} path="password" label={t('account.data.password')} required>
          {(props) => (
            <input
              {...props}
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              data-testid="delete-password"
            />
          )}
        </Field>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={understood}
            onChange={(event) => setUnderstood(event.target.checked)}
            data-testid="delete-understood"
          />{' '}
          {t('account.data.deleteUnderstood')}
        </label>
        <FormActions form={form}>
          <button type="submit" className="button button--danger" disabled={fetching || !password} data-testid="delete-submit">
            {fetching ? t('common.working') : t('account.data.deleteSubmit')}
          </button>
        </FormActions>
      </form>
    </section>
  );
}
