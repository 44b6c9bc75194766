import type { Readable } from 'node:stream';

/**
 * Where stored files' bytes live, by key (`<2-char prefix>/<file id>`). Uploads reach an adapter
 * only after they were spooled to a local file and checked (size, type, hash), so `store` takes
 * that file over; nothing is stored for a refused upload.
 */
export interface FileStorage {
  /** `local` (under FILES_DIR) or `s3`. */
  readonly name: 'local' | 's3';
  /** Takes over the checked spool file at `spoolPath` (moved or uploaded, then gone) as `key`. */
  store(key: string, spoolPath: string, meta: { size: number; contentType: string }): Promise<void>;
  /** The bytes of `key`; rejects when they are missing. */
  open(key: string): Promise<Readable>;
  /** Removes `key`; a missing key is not an error (sweeps retry). */
  delete(key: string): Promise<void>;
  /** Whether `key` has bytes (tests, checks). */
  exists(key: string): Promise<boolean>;
}

export const FILE_STORAGE = Symbol('FILE_STORAGE');

/** The storage key of a file id: two characters of prefix keep directories (and S3 listings) small. */
export function storageKeyOf(fileId: string): string {
  if (!/^[0-9a-f-]{36}$/.test(fileId)) throw new Error(`not a file id: ${fileId}`);
  return `${fileId.slice(0, 2)}/${fileId}`;
}
