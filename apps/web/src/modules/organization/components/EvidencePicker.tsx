import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { VERIFICATION_EVIDENCE_MAX } from '@aimatch/contracts';
import { useLocale, useT } from '@/i18n';
import { formatFileSize, uploadFile, UploadError, type UploadHandle } from '@/shared/upload';

/** What the association accepts as evidence (the server checks the bytes; this only narrows the file dialog). */
export const EVIDENCE_ACCEPT = '.pdf,.png,.jpg,.jpeg,.hwp,.hwpx,.docx,.xlsx';

export interface EvidenceItem {
  key: string;
  name: string;
  size: number;
  /** 0…1 while uploading. */
  progress: number;
  state: 'uploading' | 'done' | 'error';
  /** The stored file's id once uploaded. */
  fileId?: string;
  contentType?: string;
  /** The server's message (or a network failure), next to the file. */
  error?: string;
}

let nextKey = 0;

/**
 * Evidence files for a verification request (사업자등록증 …): each file uploads as soon as it is
 * picked, with its own progress bar and, on failure, the server's reason next to it; files can be
 * removed (an upload in flight is aborted). The parent reads the uploaded ids through `onChange`.
 */
export function EvidencePicker({
  items,
  onChange,
  disabled,
}: {
  items: EvidenceItem[];
  onChange: (update: (items: EvidenceItem[]) => EvidenceItem[]) => void;
  disabled?: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  const handles = useRef(new Map<string, UploadHandle>());
  const [overflow, setOverflow] = useState(false);

  useEffect(() => {
    const inFlight = handles.current;
    return () => {
      for (const handle of inFlight.values()) handle.abort();
      inFlight.clear();
    };
  }, []);

  const update = (key: string, patch: Partial<EvidenceItem>) =>
    onChange((list) => list.map((item) => (item.key === key ? { ...item, ...patch } : item)));

  const start = (file: File) => {
    const key = `evidence-${++nextKey}`;
    const handle = uploadFile(file, {
      kind: 'evidence',
      onProgress: (progress) => update(key, { progress }),
    });
    handles.current.set(key, handle);
    onChange((list) => [...list, { key, name: file.name, size: file.size, progress: 0, state: 'uploading' }]);
    handle.done.then(
      (stored) => {
        handles.current.delete(key);
        update(key, { state: 'done', progress: 1, fileId: stored.id, contentType: stored.contentType, name: stored.name });
      },
      (err: unknown) => {
        handles.current.delete(key);
        if (err instanceof UploadError && err.code === 'ABORTED') return;
        const message = err instanceof UploadError && err.message ? err.message : t('verification.evidence.failed');
        update(key, { state: 'error', error: message });
      },
    );
  };

  const onPick = (event: ChangeEvent<HTMLInputElement>) => {
    const picked = Array.from(event.target.files ?? []);
    event.target.value = '';
    const room = Math.max(0, VERIFICATION_EVIDENCE_MAX - items.filter((i) => i.state !== 'error').length);
    setOverflow(picked.length > room);
    picked.slice(0, room).forEach(start);
  };

  const remove = (key: string) => {
    handles.current.get(key)?.abort();
    handles.current.delete(key);
    setOverflow(false);
    onChange((list) => list.filter((item) => item.key !== key));
  };

  return (
    <fieldset className="fieldset evidence-picker" data-testid="evidence-picker">
      <legend className="field__label">{t('verification.evidence.label')}</legend>
      <p className="field__hint" id="evidence-hint">
        {t('verification.evidence.hint', { max: VERIFICATION_EVIDENCE_MAX })}
      </p>
      <input
        type="file"
        multiple
        accept={EVIDENCE_ACCEPT}
        onChange={onPick}
        disabled={disabled}
        aria-describedby="evidence-hint"
        data-testid="evidence-input"
      />
      {overflow ? (
        <p className="field__error" role="alert" data-testid="evidence-overflow">
          {t('verification.evidence.tooMany', { max: VERIFICATION_EVIDENCE_MAX })}
        </p>
      ) : null}
      {items.length ? (
        <ul className="plain-list evidence-list" data-testid="evidence-list">
          {items.map((item) => (
            <li key={item.key} className="evidence-item" data-state={item.state} data-testid="evidence-item">
              <div className="evidence-item__head">
                <span className="evidence-item__name">{item.name}</span>
                <span className="muted">{formatFileSize(item.size, locale)}</span>
                <button
                  type="button"
                  className="button button--ghost button--small"
                  onClick={() => remove(item.key)}
                  aria-label={t('verification.evidence.removeNamed', { name: item.name })}
                  data-testid="evidence-remove"
                >
                  {t('verification.evidence.remove')}
                </button>
              </div>
              {item.state === 'uploading' || item.state === 'done' ? (
                <progress
                  className="evidence-item__progress"
                  max={100}
                  value={Math.round(item.progress * 100)}
                  aria-label={t('verification.evidence.progress', { name: item.name })}
                  data-testid="evidence-progress"
                />
              ) : null}
              {item.state === 'done' ? (
                <span className="muted" data-testid="evidence-done">
                  {t('verification.evidence.uploaded')}
                </span>
              ) : null}
              {item.state === 'error' ? (
                <p className="field__error" role="alert" data-testid="evidence-error">
                  {item.error}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  );
}
