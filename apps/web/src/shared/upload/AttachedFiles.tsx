import { FileText, Paperclip, X } from 'lucide-react';
import { useLocale, useT } from '@/i18n';
import { formatFileSize } from './upload-file';

/** A stored file as the lists show it; `downloadUrl` is the signed link the API hands out to who may see the file's owner. */
export interface AttachedFile {
  id: string;
  name: string;
  size: number;
  contentType: string;
  downloadUrl?: string | null;
}

/** How a file opens: an image shows inline, a PDF opens in the browser's viewer in a new tab, everything else (HWP, DOCX, XLSX) downloads. */
export type PreviewKind = 'image' | 'pdf' | 'download';

export function previewKindOf(contentType: string): PreviewKind {
  if (contentType === 'image/png' || contentType === 'image/jpeg') return 'image';
  if (contentType === 'application/pdf') return 'pdf';
  return 'download';
}

/**
 * Files with previews: images as lazy thumbnails through their signed link, a PDF opened in a
 * new tab, other types downloaded under their own (Korean) name. `onRemove` adds a remove button.
 */
export function AttachedFiles({
  files,
  onRemove,
  removing,
  compact = false,
  testId = 'attached-files',
}: {
  files: readonly AttachedFile[];
  onRemove?: (file: AttachedFile) => void;
  /** The id of a file being removed (its button is disabled). */
  removing?: string | null;
  /** Chips in a row (chat) instead of a list. */
  compact?: boolean;
  testId?: string;
}) {
  const t = useT();
  const locale = useLocale();
  if (!files.length) return null;
  return (
    <ul
      className={`plain-list attached-files${compact ? ' attached-files--chips' : ''}`}
      aria-label={t('files.listLabel')}
      data-testid={testId}
    >
      {files.map((file) => {
        const kind = previewKindOf(file.contentType);
        const url = file.downloadUrl ?? null;
        const label = (
          <>
            {kind === 'image' ? null : kind === 'pdf' ? <FileText size={16} aria-hidden /> : <Paperclip size={16} aria-hidden />}
            <span className="attached-file__name">{file.name}</span>
            <span className="muted attached-file__size">{formatFileSize(file.size, locale)}</span>
          </>
        );
        return (
          <li key={file.id} className="attached-file" data-kind={kind} data-testid={`${testId}-item`}>
            {kind === 'image' && url ? (
              <a href={url} target="_blank" rel="noopener noreferrer" className="attached-file__thumb" data-testid={`${testId}-preview`}>
                <img src={url} alt={file.name} loading="lazy" width={compact ? 96 : 160} />
              </a>
            ) : null}
            {!url ? (
              <span className="attached-file__link">{label}</span>
            ) : kind === 'download' ? (
              <a
                href={url}
                download={file.name}
                className="attached-file__link"
                title={t('files.download', { name: file.name })}
                data-testid={`${testId}-link`}
              >
                {label}
              </a>
            ) : (
              <a
                href={url}
                target="_blank"
                rel="noopener noreferrer"
                className="attached-file__link"
                title={t('files.open', { name: file.name })}
                data-testid={`${testId}-link`}
              >
                {label}
              </a>
            )}
            {onRemove ? (
              <button
                type="button"
                className="button button--ghost button--small"
                onClick={() => onRemove(file)}
                disabled={removing === file.id}
                aria-label={t('files.removeNamed', { name: file.name })}
                data-testid={`${testId}-remove`}
              >
                <X size={14} aria-hidden />
              </button>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
