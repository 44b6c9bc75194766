import { useState } from 'react';
import { useT } from '@/i18n';

/** Recovery codes shown once: copy, download as .txt, and "I saved them" before going on. */
export function RecoveryCodes({ codes, onDone, doneLabel }: { codes: string[]; onDone: () => void; doneLabel: string }) {
  const t = useT();
  const [saved, setSaved] = useState(false);
  const [copied, setCopied] = useState(false);
  const text = codes.join('\n');

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  const download = () => {
    const url = URL.createObjectURL(new Blob([`${t('twoFactor.codesFileHeader')}\n\n${text}\n`], { type: 'text/plain' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'aimatch-recovery-codes.txt';
    link.click();
    URL.revokeObjectURL(url);
  };

  return (
    <section className="card" aria-labelledby="recovery-codes-title" data-testid="twofactor-recovery">
      <h2 id="recovery-codes-title">{t('twoFactor.codesTitle')}</h2>
      <p>{t('twoFactor.codesIntro')}</p>
      <ol className="recovery-codes" data-testid="twofactor-recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="button-row">
        <button type="button" className="button button--ghost" onClick={() => void copy()} data-testid="twofactor-copy">
          {t('twoFactor.copy')}
        </button>
        <button type="button" className="button button--ghost" onClick={download} data-testid="twofactor-download">
          {t('twoFactor.download')}
        </button>
        {copied ? <span role="status">{t('twoFactor.copied')}</span> : null}
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={saved} onChange={(event) => setSaved(event.target.checked)} data-testid="twofactor-saved" />{' '}
        {t('twoFactor.saved')}
      </label>
      <div className="form__actions">
        <button type="button" className="button" disabled={!saved} onClick={onDone} data-testid="twofactor-done">
          {doneLabel}
        </button>
      </div>
    </section>
  );
}
