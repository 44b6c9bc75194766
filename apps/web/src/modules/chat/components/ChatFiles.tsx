import { createContext, useContext, useEffect, useMemo, useRef, useState, type ChangeEvent, type ReactNode } from 'react';
import { Paperclip, X } from 'lucide-react';
import { useQuery } from 'urql';
import { CHAT_MAX_FILES } from '@aimatch/contracts';
import { useT } from '@/i18n';
import { AttachedFiles, DOCUMENT_ACCEPT, uploadFile, UploadError, type UploadHandle } from '@/shared/upload';
import { ChatFileLinksQuery } from '../graphql/operations';
import type { ChatFile, ChatMessage } from '../model/types';

/** The API answers up to this many files per request. */
const LINKS_PER_REQUEST = 100;

const ChatFileLinks = createContext<ReadonlyMap<string, string | null>>(new Map());

/**
 * The signed links of every file in the loaded part of a thread, asked for in one request
 * (participants only) rather than one per chip; it asks again when the set of files changes.
 */
export function ChatFileLinksProvider({ messages, children }: { messages: readonly ChatMessage[]; children: ReactNode }) {
  const key = messages
    .flatMap((m) => (m.deletedAt ? [] : (m.files ?? []).map((f) => f.id)))
    .slice(-LINKS_PER_REQUEST)
    .join(',');
  const ids = useMemo(() => (key ? key.split(',') : []), [key]);
  const [{ data }] = useQuery({ query: ChatFileLinksQuery, variables: { ids }, pause: ids.length === 0 });
  const links = useMemo(() => new Map((data?.storedFiles ?? []).map((f) => [f.id, f.downloadUrl ?? null])), [data]);
  return <ChatFileLinks.Provider value={links}>{children}</ChatFileLinks.Provider>;
}

/** One file of a message as a chip with its link from the thread's one request; an image previews inline. */
function ChatFileChip({ file }: { file: ChatFile }) {
  const links = useContext(ChatFileLinks);
  return <AttachedFiles files={[{ ...file, downloadUrl: links.get(file.id) ?? null }]} compact testId="chat-file" />;
}

/** The files of a message in the thread. */
export function ChatFileChips({ files }: { files: readonly ChatFile[] | undefined }) {
  if (!files?.length) return null;
  return (
    <div className="chat-files" data-testid="chat-files">
      {files.map((f) => (
        <ChatFileChip key={f.id} file={f} />
      ))}
    </div>
  );
}

interface PendingFile {
  key: string;
  name: string;
  progress: number;
  file?: ChatFile;
  error?: string;
}

let nextKey = 0;

/**
 * The composer's attachments: an attach button, each picked file uploading with its progress and,
 * on refusal, the server's reason next to it. `onChange` reports the uploaded files and whether
 * an upload is still running (sending waits for it).
 */
export function useChatAttachments() {
  const t = useT();
  const handles = useRef(new Map<string, UploadHandle>());
  const [items, setItems] = useState<PendingFile[]>([]);
  const [tooMany, setTooMany] = useState(false);

  useEffect(() => {
    const inFlight = handles.current;
    return () => {
      for (const h of inFlight.values()) h.abort();
      inFlight.clear();
    };
  }, []);

  const patch = (key: string, change: Partial<PendingFile>) => setItems((l) => l.map((i) => (i.key === key ? { ...i, ...change } : i)));
  const start = (file: File) => {
    const key = `chat-file-${++nextKey}`;
    const handle = uploadFile(file, { kind: 'document', onProgress: (progress) => patch(key, { progress }) });
    handles.current.set(key, handle);
    setItems((l) => [...l, { key, name: file.name, progress: 0 }]);
    handle.done.then(
      (stored) => {
        handles.current.delete(key);
        patch(key, { progress: 1, file: { id: stored.id, name: stored.name, size: stored.size, contentType: stored.contentType } });
      },
      (err: unknown) => {
        handles.current.delete(key);
        if (err instanceof UploadError && err.code === 'ABORTED') return;
        patch(key, { error: err instanceof UploadError && err.message ? err.message : t('files.failed') });
      },
    );
  };
  const pick = (event: ChangeEvent<HTMLInputElement>) => {
    const picked = Array.from(event.target.files ?? []);
    event.target.value = '';
    const room = Math.max(0, CHAT_MAX_FILES - items.filter((i) => !i.error).length);
    setTooMany(picked.length > room);
    picked.slice(0, room).forEach(start);
  };
  const remove = (key: string) => {
    handles.current.get(key)?.abort();
    handles.current.delete(key);
    setTooMany(false);
    setItems((l) => l.filter((i) => i.key !== key));
  };
  const clear = () => {
    setItems([]);
    setTooMany(false);
  };
  const ready = items.flatMap((i) => (i.file && !i.error ? [i.file] : []));
  const uploading = items.some((i) => !i.file && !i.error);
  return { items, pick, remove, clear, ready, uploading, tooMany };
}

export function ChatAttachButton({ onPick, disabled }: { onPick: (event: ChangeEvent<HTMLInputElement>) => void; disabled?: boolean }) {
  const t = useT();
  return (
    <label className="button button--ghost chat-composer__attach" title={t('chat.attach')} data-testid="chat-attach">
      <Paperclip size={18} aria-hidden />
      <span className="visually-hidden">{t('chat.attach')}</span>
      <input
        type="file"
        multiple
        accept={DOCUMENT_ACCEPT}
        onChange={onPick}
        disabled={disabled}
        className="visually-hidden"
        data-testid="chat-attach-input"
      />
    </label>
  );
}

export function ChatPendingFiles({
  items,
  onRemove,
  tooMany,
}: {
  items: readonly PendingFile[];
  onRemove: (key: string) => void;
  tooMany: boolean;
}) {
  const t = useT();
  if (!items.length && !tooMany) return null;
  return (
    <div className="chat-pending-files" aria-label={t('chat.attachments')} data-testid="chat-pending-files">
      {tooMany ? (
        <p className="field__error" role="alert">
          {t('files.tooMany', { max: CHAT_MAX_FILES })}
        </p>
      ) : null}
      <ul className="plain-list attached-files attached-files--chips">
        {items.map((i) => (
          <li
            key={i.key}
            className="attached-file"
            data-state={i.error ? 'error' : i.file ? 'done' : 'uploading'}
            data-testid="chat-pending-file"
          >
            <span className="attached-file__name">{i.name}</span>
            {i.error ? (
              <span className="field__error" role="alert" data-testid="chat-attach-error">
                {i.error}
              </span>
            ) : !i.file ? (
              <progress max={100} value={Math.round(i.progress * 100)} aria-label={t('chat.attachUploading', { name: i.name })} />
            ) : null}
            <button
              type="button"
              className="button button--ghost button--small"
              onClick={() => onRemove(i.key)}
              aria-label={t('chat.attachRemove', { name: i.name })}
            >
              <X size={14} aria-hidden />
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
