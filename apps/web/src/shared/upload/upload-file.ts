import type { FileKind, UploadedFile } from '@aimatch/contracts';
import { getLocale } from '@/i18n';
import { getSession } from '@/shared/session';

/** Where uploads go (`POST /files?kind=…`, one multipart part named `file`; the API serves it on the web's origin). */
export const FILES_ENDPOINT = '/files';

/** Why an upload failed: the server's localised message (wrong type, too large, empty …), or a network failure. */
export class UploadError extends Error {
  constructor(
    message: string,
    /** `extensions.code` of the server's error (BAD_USER_INPUT, PAYLOAD_TOO_LARGE …); `NETWORK` when no answer came. */
    readonly code: string,
    /** HTTP status (0 without an answer). */
    readonly status: number,
  ) {
    super(message);
    this.name = 'UploadError';
  }
}

export interface UploadHandle {
  /** The stored file (staged until a mutation attaches it). */
  readonly done: Promise<UploadedFile>;
  /** Stops the upload; `done` rejects with an `ABORTED` UploadError. */
  abort(): void;
}

export interface UploadOptions {
  kind: `${FileKind}`;
  /** Fraction sent, 0…1 (only while the body is being sent). */
  onProgress?: (fraction: number) => void;
}

/**
 * Uploads one file with XMLHttpRequest (fetch cannot report upload progress), with the session's
 * access token and the UI locale, so that the server's errors come back in the user's language.
 */
export function uploadFile(file: Blob & { name?: string }, options: UploadOptions): UploadHandle {
  const xhr = new XMLHttpRequest();
  const done = new Promise<UploadedFile>((resolve, reject) => {
    xhr.open('POST', `${FILES_ENDPOINT}?kind=${encodeURIComponent(options.kind)}`);
    xhr.responseType = 'text';
    const { accessToken } = getSession();
    if (accessToken) xhr.setRequestHeader('Authorization', `Bearer ${accessToken}`);
    xhr.setRequestHeader('Accept-Language', getLocale());
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) options.onProgress?.(Math.min(1, event.loaded / event.total));
    };
    xhr.onload = () => {
      const body = parseJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300 && isUploadedFile(body)) {
        options.onProgress?.(1);
        resolve(body);
      } else {
        reject(errorOf(body, xhr.status));
      }
    };
    xhr.onerror = () => reject(new UploadError('', 'NETWORK', 0));
    xhr.onabort = () => reject(new UploadError('', 'ABORTED', 0));
    const form = new FormData();
    form.append('file', file, file.name ?? 'file');
    xhr.send(form);
  });
  return { done, abort: () => xhr.abort() };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function isUploadedFile(value: unknown): value is UploadedFile {
  return typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string';
}

/** The house error body (`{ errors: [{ message, extensions: { code, fields } }] }`): a field's message first, else the error's. */
function errorOf(body: unknown, status: number): UploadError {
  const first = (body as { errors?: Array<{ message?: unknown; extensions?: { code?: unknown; fields?: Array<{ message?: unknown }> } }> })
    ?.errors?.[0];
  const fieldMessage = first?.extensions?.fields?.find((f) => typeof f.message === 'string' && f.message)?.message;
  const message = typeof fieldMessage === 'string' ? fieldMessage : typeof first?.message === 'string' ? first.message : '';
  const code = typeof first?.extensions?.code === 'string' ? first.extensions.code : 'UNKNOWN';
  return new UploadError(message, code, status);
}

/** "1.2 MB"-style size for a file list. */
export function formatFileSize(bytes: number, locale: string): string {
  const tag = locale === 'ko' ? 'ko-KR' : 'en-US';
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${new Intl.NumberFormat(tag, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)} ${units[unit]}`;
}
