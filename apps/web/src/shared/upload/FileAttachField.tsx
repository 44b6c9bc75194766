import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { Paperclip } from 'lucide-react';
import { useT } from '@/i18n';
import { AttachedFiles, type AttachedFile } from './AttachedFiles';
import { uploadFile, UploadError, type UploadHandle } from './upload-file';

/** What the file dialog offers (the server checks the bytes; this only narrows the dialog). */
export const DOCUMENT_ACCEPT = '.pdf,.png,.jpg,.jpeg,.hwp,.hwpx,.docx,.xlsx';

interface Uploading {
  key: string;
  name: string;
  progress: number;
  error?: string;
}

let nextKey = 0;

/**
 * Files of an object (a demand, a bid) changed on the spot: each picked file uploads with its own
 * progress bar, then `onAttach` attaches it (the object's own mutation, one transaction); the
 * server's reason for a refusal (type, size, too many) shows next to the file. Attached files
 * show with previews and a remove button (`onDetach`).
 */
export function FileAttachField({
  label,
  hint,
  files,
  max,
  onAttach,
  onDetach,
  disabled,
  testId = 'file-field',
}: {
  label: string;
  hint?: string;
  files: readonly AttachedFile[];
  max: number;
  /** Attaches the uploaded files; rejects with an Error whose message is shown. */
  onAttach: (fileIds: string[]) => Promise<void>;
  onDetach: (fileId: string) => Promise<void>;
  disabled?: boolean;
  testId?: string;
}) {
  const t = useT();
  const handles = useRef(new Map<string, UploadHandle>());
  const [uploading, setUploading] = useState<Uploading[]>([]);
  const [removing, setRemoving] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const inFlight = handles.current;
    return () => {
      for (const handle of inFlight.values()) handle.abort();
      inFlight.clear();
    };
  }, []);

  const patch = (key: string, change: Partial<Uploading>) =>
    setUploading((list) => list.map((u) => (u.key === key ? { ...u, ...change } : u)));

  const start = (file: File) => {
    const key = `file-${++nextKey}`;
    const handle = uploadFile(file, { kind: 'document', onProgress: (progress) => patch(key, { progress }) });
    handles.current.set(key, handle);
    setUploading((list) => [...list, { key, name: file.name, progress: 0 }]);
    handle.done
      .then(async (stored) => {
        handles.current.delete(key);
        await onAttach([stored.id]);
        setUploading((list) => list.filter((u) => u.key !== key));
      })
      .catch((err: unknown) => {
        handles.current.delete(key);
        if (err instanceof UploadError && err.code === 'ABORTED') return;
        patch(key, { error: err instanceof Error && err.message ? err.message : t('files.failed') });
      });
  };

  const onPick = (event: ChangeEvent<HTMLInputElement>) => {
    const picked = Array.from(event.target.files ?? []);
    event.target.value = '';
    const room = Math.max(0, max - files.length - uploading.filter((u) => !u.error).length);
    setError(picked.length > room ? t('files.tooMany', { max }) : null);
    picked.slice(0, room).forEach(start);
  };

  const remove = async (file: AttachedFile) => {
    setRemoving(file.id);
    setError(null);
    try {
      await onDetach(file.id);
    } catch (err) {
      setError(err instanceof Error && err.message ? err.message : t('files.failed'));
    } finally {
      setRemoving(null);
    }
  };

  const dismiss = (key: string) => {
    handles.current.get(key)?.abort();
    handles.current.delete(key);
    setUploading((list) => list.filter((u) => u.key !== key));
  };

  const hintId = `${testId}-hint`;
  return (
    <fieldset className="fieldset file-field" data-testid={testId}>
      <legend className="field__label">{label}</legend>
      <p className="field__hint" id={hintId}>
        {hint ? `${hint} ` : ''}
        {t('files.hint', { max })}
      </p>
      <label className="button button--secondary button--small file-field__pick">
        <Paperclip size={16} aria-hidden /> {t('files.choose')}
        <input
          type="file"
          multiple
          accept={DOCUMENT_ACCEPT}
          onChange={onPick}
          disabled={disabled || files.length >= max}
          aria-describedby={hintId}
          className="visually-hidden"
          data-testid={`${testId}-input`}
        />
      </label>
      {error ? (
        <p className="field__error" role="alert" data-testid={`${testId}-error`}>
          {error}
        </p>
      ) : null}
      {uploading.length ? (
        <ul className="plain-list attached-files">
          {uploading.map((u) => (
            <li key={u.key} className="attached-file" data-state={u.error ? 'error' : 'uploading'} data-testid={`${testId}-uploading`}>
              <span className="attached-file__name">{u.name}</span>
              {u.error ? (
                <>
                  <span className="field__error" role="alert" data-testid={`${testId}-upload-error`}>
                    {u.error}
                  </span>
                  <button type="button" className="button button--ghost button--small" onClick={() => dismiss(u.key)}>
                    {t('files.dismiss')}
                  </button>
                </>
              ) : (
                <progress max={100} value={Math.round(u.progress * 100)} aria-label={t('files.progress', { name: u.name })} />
              )}
            </li>
          ))}
        </ul>
      ) : null}
      <AttachedFiles files={files} onRemove={disabled ? undefined : (f) => void remove(f)} removing={removing} testId={`${testId}-files`} />
    </fieldset>
  );
}
