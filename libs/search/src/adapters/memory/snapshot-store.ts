/**
 * Where a MemorySearchIndex keeps its start-up snapshot: one file, replaced atomically (written
 * to a temporary name in the same directory, flushed, renamed), so a crash mid-write leaves the
 * previous snapshot or none, never half of one.
 */
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

export class SnapshotFile {
  constructor(readonly path: string) {}

  /** The file's bytes, or null when there is none. */
  async read(): Promise<Buffer | null> {
    try {
      return await readFile(this.path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  /** Copies `parts` at once (before the first await: the engine may change while the file is written), then writes. */
  async write(parts: Uint8Array[]): Promise<number> {
    const data = Buffer.concat(parts);
    await mkdir(dirname(this.path), { recursive: true });
    const tmp = `${this.path}.${process.pid}.tmp`;
    const handle = await open(tmp, 'w', 0o600);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, this.path);
    return data.length;
  }

  async remove(): Promise<void> {
    await rm(this.path, { force: true });
  }
}
