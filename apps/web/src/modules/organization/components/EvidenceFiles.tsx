import { useFormatters, useLocale, useT } from '@/i18n';
import { formatFileSize } from '@/shared/upload';

export interface EvidenceFile {
  id: string;
  name: string;
  size: number;
  uploadedAt: string;
  downloadUrl?: string | null;
}

/** Evidence files already sent (a verification request's or a certification claim's), with download links when the API gives them. */
export function EvidenceFiles({ files, testId = 'evidence-files' }: { files: readonly EvidenceFile[]; testId?: string }) {
  const t = useT();
  const locale = useLocale();
  const format = useFormatters();
  if (!files.length) return null;
  return (
    <ul className="plain-list evidence-list" aria-label={t('certification.evidenceSent')} data-testid={testId}>
      {files.map((file) => (
        <li key={file.id} className="evidence-item" data-testid={`${testId}-item`}>
          {file.downloadUrl ? (
            <a href={file.downloadUrl} download={file.name} data-testid={`${testId}-link`}>
              {file.name}
            </a>
          ) : (
            <span>{file.name}</span>
          )}{' '}
          <span className="muted">
            · {formatFileSize(file.size, locale)} · {format.date(file.uploadedAt)}
          </span>
        </li>
      ))}
    </ul>
  );
}
