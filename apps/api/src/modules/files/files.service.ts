import { ErrorCode, FileKind, type UploadedFile } from '@aimatch/contracts';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { AppError } from '../../common/errors/app-error';
import { RateLimiter } from '../../common/rate-limit/rate-limit.service';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/config.schema';
import type { RequestContext, Viewer } from '../../graphql/request-context';
import type { FileOwner, OwnerAccessRule, OwnerTypeRegistration, StoredFileRecord } from './dto/file.records';
import { sniffFileType } from './file-type-sniffer';
import { FilesRepository, type FileRow } from './files.repository';
import { checkDownloadLink, downloadSigningKey, signDownload } from './signed-link';
import { FILE_STORAGE, type FileStorage, storageKeyOf } from './storage/file-storage';

export type { FileOwner, OwnerAccessRule, StoredFileRecord } from './dto/file.records';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SWEEP_BATCH = 200;
/** Spool files older than this are leftovers of a crashed upload. */
const SPOOL_MAX_AGE_MS = 3_600_000;
const ALLOWED_LABEL = 'PDF, PNG, JPEG, HWP, HWPX, DOCX, XLSX';

/** Where the local adapter keeps files and every upload is spooled: FILES_DIR, default `<DATA_DIR>/files`. */
export function filesDirOf(config: Pick<AppConfig, 'FILES_DIR' | 'DATA_DIR'>): string {
  return resolve(config.FILES_DIR ?? join(config.DATA_DIR, 'files'));
}

/**
 * Stored files: uploads (checked by size and by their bytes, hashed while they stream, spooled,
 * then handed to the FileStorage adapter), attaching staged uploads to an owner object inside the
 * owner's transaction, downloads through short-lived signed links handed out under the owner
 * object's access rule (which the owning module registers: files never imports the modules above
 * it), and the sweep of stale and detached files.
 */
@Injectable()
export class FilesService {
  private readonly log = new Logger('Files');
  private readonly owners = new Map<string, OwnerTypeRegistration>();
  private readonly signingKey: Buffer;
  private readonly spoolDir: string;

  constructor(
    private readonly repository: FilesRepository,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly rateLimit: RateLimiter,
  ) {
    this.signingKey = downloadSigningKey(config);
    this.spoolDir = join(filesDirOf(config), '.incoming');
  }

  /**
   * Declares an owner type (`organization-verification`): who may see an owner object (and so
   * download its files) and which file kinds it accepts. Call it from the owning module's
   * `onModuleInit`; attaching to an unregistered type is a programming error.
   */
  registerOwnerAccess(ownerType: string, canView: OwnerAccessRule, options: Omit<OwnerTypeRegistration, 'canView'> = {}): void {
    if (this.owners.has(ownerType)) throw new Error(`file owner type ${ownerType} is registered twice`);
    this.owners.set(ownerType, { ...options, canView });
  }

  /** The upload size limit of a kind (bytes). */
  maxBytesOf(kind: FileKind): number {
    switch (kind) {
      case FileKind.EVIDENCE:
        return this.config.FILES_MAX_BYTES_EVIDENCE ?? this.config.FILES_MAX_BYTES;
      case FileKind.DOCUMENT:
        return this.config.FILES_MAX_BYTES_DOCUMENT ?? this.config.FILES_MAX_BYTES;
    }
  }

  /** The `kind` of an upload request; BAD_USER_INPUT (field `kind`) when it is not one. */
  parseKind(raw: string | undefined): FileKind {
    const kinds = Object.values(FileKind) as string[];
    if (!raw) throw AppError.field('kind', 'required');
    if (!kinds.includes(raw)) throw AppError.field('kind', 'enum', { allowed: kinds.join(', ') });
    return raw as FileKind;
  }

  /**
   * Stores an upload as STAGED (no owner yet). Refused with nothing left behind (no bytes, no row):
   * over the kind's limit, zero bytes, or bytes that are not an allowed type whatever the name says.
   */
  async upload(viewer: Viewer, kind: FileKind, name: string, body: Readable): Promise<UploadedFile> {
    await this.rateLimit.consume('file-upload', viewer.userId);
    const max = this.maxBytesOf(kind);
    const id = randomUUID();
    const spool = join(this.spoolDir, `${id}.part`);
    await mkdir(this.spoolDir, { recursive: true });
    const hash = createHash('sha256');
    let size = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        if (size > max) return done(tooLarge(max));
        hash.update(chunk);
        done(null, chunk);
      },
    });
    try {
      await pipeline(body, counter, createWriteStream(spool, { flags: 'wx', mode: 0o600 }));
      if (size === 0) throw new AppError(ErrorCode.BAD_USER_INPUT, 'file-empty', [{ path: 'file', rule: 'not-empty' }]);
      const sniffed = await sniffFileType(spool);
      if (!sniffed.type) {
        throw new AppError(
          ErrorCode.BAD_USER_INPUT,
          'file-type-not-allowed',
          [{ path: 'file', rule: 'file-type', params: { detected: sniffed.detected, allowed: ALLOWED_LABEL } }],
          undefined,
          { allowed: ALLOWED_LABEL },
        );
      }
      const file = {
        id,
        kind,
        name,
        size,
        contentType: sniffed.contentType,
        sha256: hash.digest('hex'),
        uploadedBy: viewer.userId,
        uploadedAt: this.clock.now(),
        storageKey: storageKeyOf(id),
      };
      await this.storage.store(file.storageKey, spool, { size, contentType: file.contentType });
      try {
        await this.repository.insert(file);
      } catch (err) {
        await this.storage.delete(file.storageKey).catch(() => undefined);
        throw err;
      }
      return { id, name, size, contentType: file.contentType, sha256: file.sha256 };
    } catch (err) {
      throw asUploadError(err, max);
    } finally {
      await rm(spool, { force: true });
    }
  }

  /**
   * Makes staged files uploaded by `actorUserId` the files of `owner`, in the caller's transaction
   * (so they are owned exactly when the owner's row commits). Attaching a file to the owner it
   * already belongs to is a no-op. Errors: NOT_FOUND (unknown id), FORBIDDEN (uploaded by someone
   * else), CONFLICT (attached elsewhere or being swept), BAD_USER_INPUT (a kind the owner type does not accept).
   */
  async attach(tx: EntityManager, fileIds: readonly string[], owner: FileOwner, actorUserId: string): Promise<StoredFileRecord[]> {
    const registration = this.owners.get(owner.ownerType);
    if (!registration) throw new Error(`file owner type ${owner.ownerType} is not registered (FilesService.registerOwnerAccess)`);
    const ids = [...new Set(fileIds)];
    if (!ids.length) return [];
    if (ids.some((id) => !UUID.test(id))) throw AppError.notFound('file-not-found');
    const rows = await this.repository.lockByIds(tx, ids);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const toAttach: string[] = [];
    for (const id of ids) {
      const file = byId.get(id);
      if (!file) throw AppError.notFound('file-not-found');
      if (file.uploadedBy !== actorUserId) throw AppError.forbidden('file-not-yours');
      if (file.ownerType === owner.ownerType && file.ownerId === owner.ownerId && !file.detached) continue;
      if (file.ownerType !== null || file.purging) throw AppError.conflict('file-already-attached');
      if (registration.kinds && !registration.kinds.includes(file.kind)) {
        throw new AppError(
          ErrorCode.BAD_USER_INPUT,
          'file-wrong-kind',
          [{ path: `fileIds.${fileIds.indexOf(id)}`, rule: 'enum', params: { allowed: registration.kinds.join(', ') } }],
          undefined,
          { kind: file.kind },
        );
      }
      toAttach.push(id);
    }
    if (toAttach.length && registration.maxPerOwner !== undefined) {
      const already = await this.repository.countOf(tx, owner);
      if (already + toAttach.length > registration.maxPerOwner) {
        throw new AppError(
          ErrorCode.BAD_USER_INPUT,
          'file-too-many',
          [{ path: 'fileIds', rule: 'max-items', params: { max: registration.maxPerOwner } }],
          undefined,
          { max: registration.maxPerOwner },
        );
      }
    }
    if (toAttach.length) {
      const attached = await this.repository.attach(tx, toAttach, owner, this.clock.now());
      if (attached !== toAttach.length) throw AppError.conflict('file-already-attached');
    }
    return ids.map((id) => ({ ...publicRecord(byId.get(id)!), ownerType: owner.ownerType, ownerId: owner.ownerId }));
  }

  /** The attached files of each owner (one query), by owner id, oldest first. */
  async filesOf(ownerType: string, ownerIds: readonly string[]): Promise<Map<string, StoredFileRecord[]>> {
    const out = new Map<string, StoredFileRecord[]>(ownerIds.map((id) => [id, []]));
    for (const file of await this.repository.filesOf(ownerType, [...new Set(ownerIds)])) out.get(file.ownerId!)?.push(file);
    return out;
  }

  /** Detaches every file of a deleted owner in the caller's transaction; the sweep removes their bytes and rows. */
  detachAllOf(tx: EntityManager, ownerType: string, ownerId: string): Promise<number> {
    return this.repository.detachAllOf(tx, { ownerType, ownerId }, this.clock.now());
  }

  /**
   * A short-lived signed link (`/files/<id>?exp=&sig=`, FILES_LINK_TTL_SECONDS) for a viewer who
   * may see the file's owner object (its uploader, while it is staged). NOT_FOUND, or FORBIDDEN.
   */
  async downloadUrl(viewer: Viewer, fileId: string): Promise<string> {
    const file = UUID.test(fileId) ? await this.repository.findById(fileId) : null;
    if (!file || file.detached || file.purging) throw AppError.notFound('file-not-found');
    if (!(await this.mayDownload(viewer, file))) throw AppError.forbidden();
    return this.signedPath(file.id);
  }

  /**
   * Whether the viewer may download the file: the owner type's rule, or the uploader of a staged
   * file. A signed-out visitor only where the owner type says so (`canViewAnonymously`).
   */
  async mayDownload(viewer: Viewer | null, file: StoredFileRecord, rc?: RequestContext): Promise<boolean> {
    if (file.ownerType === null) return !!viewer && file.uploadedBy === viewer.userId;
    const registration = this.owners.get(file.ownerType);
    if (!registration) return false;
    if (!viewer) return registration.canViewAnonymously ? registration.canViewAnonymously(file.ownerId!, rc) : false;
    return registration.canView(viewer, file.ownerId!, rc);
  }

  /** The signed path of a file the caller has checked access to. */
  signedPath(fileId: string): string {
    const exp = Math.floor(this.clock.now().getTime() / 1000) + this.config.FILES_LINK_TTL_SECONDS;
    return `/files/${fileId}?exp=${exp}&sig=${signDownload(this.signingKey, fileId, exp)}`;
  }

  /** The bytes behind a signed link; FORBIDDEN (file-link-invalid) for an expired or forged link. */
  async openDownload(
    fileId: string,
    exp: string | undefined,
    sig: string | undefined,
  ): Promise<{ file: StoredFileRecord; body: Readable }> {
    if (!UUID.test(fileId)) throw AppError.notFound('file-not-found');
    if (checkDownloadLink(this.signingKey, fileId, exp, sig, this.clock.now().getTime()) !== 'valid') {
      throw AppError.forbidden('file-link-invalid');
    }
    const file = await this.repository.findById(fileId);
    if (!file || file.detached || file.purging) throw AppError.notFound('file-not-found');
    return { file: publicRecord(file), body: await this.storage.open(file.storageKey) };
  }

  /**
   * The files sweep (scheduled job `files.sweep`): staged files older than FILES_STAGED_TTL_HOURS
   * and detached files lose their bytes, then their rows; bytes that could not be deleted keep
   * their claimed row for the next run. Also removes spool leftovers of crashed uploads.
   */
  async sweep(): Promise<{ removed: number; failed: number }> {
    const now = this.clock.now();
    const stagedBefore = new Date(now.getTime() - this.config.FILES_STAGED_TTL_HOURS * 3_600_000);
    let removed = 0;
    let failed = 0;
    for (let round = 0; round < 50; round++) {
      const claimed = await this.repository.claimForPurge(stagedBefore, now, SWEEP_BATCH);
      const gone: string[] = [];
      for (const file of claimed) {
        try {
          await this.storage.delete(file.storageKey);
          gone.push(file.id);
        } catch (err) {
          failed++;
          this.log.warn(`could not delete the bytes of file ${file.id}: ${(err as Error).message}`);
        }
      }
      await this.repository.deleteRows(gone);
      removed += gone.length;
      if (claimed.length < SWEEP_BATCH || gone.length === 0) break;
    }
    await this.removeSpoolLeftovers(now.getTime());
    return { removed, failed };
  }

  /** Whether the stored bytes of a file are present (tests and checks). */
  async hasBytes(fileId: string): Promise<boolean> {
    return this.storage.exists(storageKeyOf(fileId));
  }

  /**
   * Detaches some files of one owner in the caller's transaction (the owner's own command decides
   * who may); the sweep removes their bytes. NOT_FOUND when one of them is not attached to it.
   */
  async detach(tx: EntityManager, fileIds: readonly string[], owner: FileOwner): Promise<void> {
    const ids = [...new Set(fileIds)];
    if (!ids.length) return;
    if (ids.some((id) => !UUID.test(id))) throw AppError.notFound('file-not-found');
    const detached = await this.repository.detachSome(tx, ids, owner, this.clock.now());
    if (detached !== ids.length) throw AppError.notFound('file-not-found');
  }

  private async removeSpoolLeftovers(nowMs: number): Promise<void> {
    const names = await readdir(this.spoolDir).catch(() => [] as string[]);
    for (const name of names) {
      const path = join(this.spoolDir, name);
      const info = await stat(path).catch(() => null);
      if (info && nowMs - info.mtimeMs > SPOOL_MAX_AGE_MS) await rm(path, { force: true });
    }
  }

  /**
   * The bytes of an attached file whose owner object the caller has already checked the viewer may see
   * (the .aasx export of a listing, #17). At most `maxBytes`; NOT_FOUND when detached or gone.
   */
  async bytesOf(file: StoredFileRecord, maxBytes: number): Promise<Uint8Array> {
    const row = UUID.test(file.id) ? await this.repository.findById(file.id) : null;
    if (!row || row.detached || row.purging || row.ownerType === null || row.size > maxBytes) throw AppError.notFound('file-not-found');
    const chunks: Buffer[] = [];
    for await (const chunk of await this.storage.open(row.storageKey))
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
    return new Uint8Array(Buffer.concat(chunks));
  }
}

function publicRecord(row: FileRow): StoredFileRecord {
  const { storageKey: _key, detached: _detached, purging: _purging, ...record } = row;
  return record;
}

function tooLarge(max: number): AppError {
  const maxMiB = Math.round((max / 1_048_576) * 100) / 100;
  return new AppError(ErrorCode.BAD_USER_INPUT, 'file-too-large', [{ path: 'file', rule: 'max-bytes', params: { maxMiB } }], undefined, {
    maxMiB,
  });
}

/** Errors of the request stream itself: the parser's own size limit, a client that went away. */
function asUploadError(err: unknown, max: number): unknown {
  if (err instanceof AppError) return err;
  const code = (err as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return tooLarge(max);
  if (code === 'ERR_STREAM_PREMATURE_CLOSE' || code === 'ECONNRESET') return AppError.field('file', 'required');
  return err;
}
