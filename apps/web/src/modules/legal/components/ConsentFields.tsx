import { useId, useState } from 'react';
import { useT } from '@/i18n';
import { Dialog } from '@/shared/ui/Dialog';
import type { ConsentChoices, LegalDocumentText } from '../model';
import { LegalDocumentBody } from './LegalDocumentText';

/**
 * The sign-up form's consents: one box per legal document, required ones marked 필수 and optional ones (marketing)
 * unticked until the person ticks them; each text readable in a dialog. `error` is the server's message for the
 * `consents` path (e.g. a required one missing).
 */
export function ConsentFields({
  documents,
  choices,
  onChange,
  error,
}: {
  documents: readonly LegalDocumentText[];
  choices: ConsentChoices;
  onChange: (choices: ConsentChoices) => void;
  error?: string | null;
}) {
  const t = useT();
  const errorId = useId();
  const [reading, setReading] = useState<LegalDocumentText | null>(null);
  const allTicked = documents.length > 0 && documents.every((d) => choices[d.kind]);

  return (
    <fieldset className="card fieldset consent-fields" aria-describedby={error ? errorId : undefined} data-testid="consent-fields">
      <legend className="fieldset__legend">{t('consent.legend')}</legend>
      <label className="checkbox consent-fields__all">
        <input
          type="checkbox"
          checked={allTicked}
          onChange={(event) => onChange(Object.fromEntries(documents.map((d) => [d.kind, event.target.checked])))}
          data-testid="consent-all"
        />{' '}
        {t('consent.all')}
      </label>
      <ul className="consent-fields__list">
        {documents.map((d) => (
          <li key={d.kind} className="consent-fields__item">
            <label className="checkbox">
              <input
                type="checkbox"
                checked={choices[d.kind] ?? false}
                onChange={(event) => onChange({ ...choices, [d.kind]: event.target.checked })}
                aria-required={d.required}
                data-testid={`consent-${d.kind}`}
              />{' '}
              <span className={d.required ? 'badge badge--required' : 'badge'}>
                {d.required ? t('consent.required') : t('consent.optional')}
              </span>{' '}
              {d.title}
            </label>{' '}
            <button
              type="button"
              className="button button--ghost button--small"
              onClick={() => setReading(d)}
              data-testid={`consent-read-${d.kind}`}
            >
              {t('consent.read')}
            </button>
          </li>
        ))}
      </ul>
      {error ? (
        <p className="field__error" id={errorId} data-testid="field-error-consents">
          {error}
        </p>
      ) : null}
      <Dialog open={reading !== null} onClose={() => setReading(null)} title={reading?.title ?? ''} testId="consent-dialog" wide>
        {reading ? <LegalDocumentBody body={reading.body} /> : null}
        <p className="field__hint">{reading ? t('consent.version', { version: reading.version }) : null}</p>
        <div className="form__actions form__actions--end">
          <button type="button" className="button" onClick={() => setReading(null)} data-testid="consent-dialog-close">
            {t('consent.close')}
          </button>
        </div>
      </Dialog>
    </fieldset>
  );
}
