import { FILE_NAME_MAX_LENGTH } from '@aimatch/contracts';

/** C0/C1 controls, and the bidirectional marks, overrides and isolates that make `gpj.exe` read as `exe.jpg`. */
function isUnsafe(char: string): boolean {
  const c = char.codePointAt(0)!;
  return (
    c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0x200e || c === 0x200f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
  );
}

/**
 * The name an upload is stored and offered under: the last path segment only (`../../x` → `x`,
 * `C:\a\b.pdf` → `b.pdf`), Unicode NFC (macOS sends Korean names decomposed), no control or
 * direction-override characters, no leading dots or surrounding spaces, at most
 * FILE_NAME_MAX_LENGTH characters with the extension kept. Never empty (`file`).
 */
export function sanitizeFileName(raw: string | undefined | null): string {
  const lastSegment = (raw ?? '').normalize('NFC').split(/[/\\]/).pop() ?? '';
  const cleaned = [...lastSegment]
    .filter((char) => !isUnsafe(char))
    .join('')
    .replace(/^[\s.]+/u, '')
    .trim();
  if (!cleaned) return 'file';
  const chars = [...cleaned];
  if (chars.length <= FILE_NAME_MAX_LENGTH) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 ? [...cleaned.slice(dot)] : [];
  if (extension.length > 16) return chars.slice(0, FILE_NAME_MAX_LENGTH).join('');
  return chars.slice(0, FILE_NAME_MAX_LENGTH - extension.length).join('') + extension.join('');
}

/**
 * `Content-Disposition: attachment` with an ASCII fallback `filename` and the exact name as
 * RFC 5987 / RFC 6266 `filename*` (UTF-8, percent-encoded).
 */
export function attachmentDisposition(name: string): string {
  return disposition('attachment', name);
}

/** Types a browser shows itself (its PDF viewer, an image): offered `inline`; everything else (HWP, DOCX, XLSX) downloads. */
const INLINE_TYPES = new Set(['application/pdf', 'image/png', 'image/jpeg']);

/** `Content-Disposition` of a download: `inline` for PDF and images (previews, a PDF in a new tab), else `attachment`. */
export function downloadDisposition(name: string, contentType: string): string {
  return disposition(INLINE_TYPES.has(contentType) ? 'inline' : 'attachment', name);
}

function disposition(type: 'inline' | 'attachment', name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
