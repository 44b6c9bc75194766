import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import type { FileStorage } from './file-storage';

/**
 * Files on the local disk under `root` (FILES_DIR, default `<DATA_DIR>/files`): `<root>/<key>`.
 * The spool lives under the same root, so `store` is one atomic rename: a reader sees the whole
 * file or none.
 */
export class LocalFileStorage implements FileStorage {
  readonly name = 'local' as const;

  constructor(private readonly root: string) {}

  async store(key: string, spoolPath: string): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(dirname(target), { recursive: true });
    await rename(spoolPath, target);
  }

  async open(key: string): Promise<Readable> {
    const path = this.pathOf(key);
    await stat(path); // a missing file rejects here, not half-way through a response
    return createReadStream(path);
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  async exists(key: string): Promise<boolean> {
    return stat(this.pathOf(key)).then(
      () => true,
      () => false,
    );
  }

  private pathOf(key: string): string {
    if (!/^[0-9a-f]{2}\/[0-9a-f-]{36}$/.test(key)) throw new Error(`not a storage key: ${key}`);
    return join(this.root, key);
  }
}
