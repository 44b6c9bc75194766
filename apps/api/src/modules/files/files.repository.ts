import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { DataSource, type EntityManager } from 'typeorm';
import { updatedRows } from '../../database/updated-rows';
import type { LoaderFactory } from '../../graphql/loader-registry';
import type { FileOwner, StoredFileRecord } from './dto/file.records';

const COLUMNS = `id, kind, name, size::int AS size, content_type AS "contentType", sha256, uploaded_by AS "uploadedBy",
  uploaded_at AS "uploadedAt", owner_type AS "ownerType", owner_id AS "ownerId"`;

export interface FileRow extends StoredFileRecord {
  storageKey: string;
  detached: boolean;
  purging: boolean;
}

const ROW_COLUMNS = `${COLUMNS}, storage_key AS "storageKey", detached_at IS NOT NULL AS detached, purging_since IS NOT NULL AS purging`;

/** The `files` table. */
@Injectable()
export class FilesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(file: Omit<StoredFileRecord, 'ownerType' | 'ownerId'> & { storageKey: string }): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO files (id, kind, name, size, content_type, sha256, storage_key, uploaded_by, uploaded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [file.id, file.kind, file.name, file.size, file.contentType, file.sha256, file.storageKey, file.uploadedBy, file.uploadedAt],
    );
  }

  async findById(id: string, tx: EntityManager = this.dataSource.manager): Promise<FileRow | null> {
    const [row] = await tx.query(`SELECT ${ROW_COLUMNS} FROM files WHERE id = $1`, [id]);
    return row ?? null;
  }

  /** The files, locked for the caller's transaction (attach decides on what it locked). */
  async lockByIds(tx: EntityManager, ids: string[]): Promise<FileRow[]> {
    return tx.query(`SELECT ${ROW_COLUMNS} FROM files WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [ids]);
  }

  async attach(tx: EntityManager, ids: string[], owner: FileOwner, at: Date): Promise<number> {
    const rows = updatedRows<{ id: string }>(
      await tx.query(
        `UPDATE files SET owner_type = $2, owner_id = $3, attached_at = $4
         WHERE id = ANY($1::uuid[]) AND owner_type IS NULL AND purging_since IS NULL RETURNING id`,
        [ids, owner.ownerType, owner.ownerId, at],
      ),
    );
    return rows.length;
  }

  async detachAllOf(tx: EntityManager, owner: FileOwner, at: Date): Promise<number> {
    const rows = updatedRows<{ id: string }>(
      await tx.query(`UPDATE files SET detached_at = $3 WHERE owner_type = $1 AND owner_id = $2 AND detached_at IS NULL RETURNING id`, [
        owner.ownerType,
        owner.ownerId,
        at,
      ]),
    );
    return rows.length;
  }

  /** Detaches the given files of one owner; how many were. */
  async detachSome(tx: EntityManager, ids: string[], owner: FileOwner, at: Date): Promise<number> {
    const rows = updatedRows<{ id: string }>(
      await tx.query(
        `UPDATE files SET detached_at = $4
         WHERE id = ANY($1::uuid[]) AND owner_type = $2 AND owner_id = $3 AND detached_at IS NULL RETURNING id`,
        [ids, owner.ownerType, owner.ownerId, at],
      ),
    );
    return rows.length;
  }

  /** How many files are attached to one owner (in the caller's transaction). */
  async countOf(tx: EntityManager, owner: FileOwner): Promise<number> {
    const [row] = await tx.query(`SELECT count(*)::int AS n FROM files WHERE owner_type = $1 AND owner_id = $2 AND detached_at IS NULL`, [
      owner.ownerType,
      owner.ownerId,
    ]);
    return (row as { n: number }).n;
  }

  /** The attached (not detached) files of each owner, oldest first. */
  async filesOf(ownerType: string, ownerIds: readonly string[]): Promise<StoredFileRecord[]> {
    if (!ownerIds.length) return [];
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM files WHERE owner_type = $1 AND owner_id = ANY($2::uuid[]) AND detached_at IS NULL
       ORDER BY attached_at, uploaded_at, id`,
      [ownerType, ownerIds],
    );
  }

  /**
   * Claims what the sweep removes: staged files uploaded before `stagedBefore`, detached files,
   * and files claimed earlier whose removal did not finish. Returns their storage keys.
   */
  async claimForPurge(stagedBefore: Date, now: Date, limit: number): Promise<Array<{ id: string; storageKey: string }>> {
    return updatedRows<{ id: string; storageKey: string }>(
      await this.dataSource.query(
        `UPDATE files SET purging_since = COALESCE(purging_since, $2)
         WHERE id IN (
           SELECT id FROM files
           WHERE purging_since IS NOT NULL OR detached_at IS NOT NULL OR (owner_type IS NULL AND uploaded_at < $1)
           ORDER BY uploaded_at LIMIT $3 FOR UPDATE SKIP LOCKED)
         RETURNING id, storage_key AS "storageKey"`,
        [stagedBefore, now, limit],
      ),
    );
  }

  async deleteRows(ids: string[]): Promise<void> {
    if (ids.length) await this.dataSource.query('DELETE FROM files WHERE id = ANY($1::uuid[]) AND purging_since IS NOT NULL', [ids]);
  }

  /** Files by id (null when unknown, detached or being swept). */
  readonly byIdLoader: LoaderFactory<string, StoredFileRecord | null> = {
    create: () =>
      new DataLoader(async (ids) => {
        const rows: StoredFileRecord[] = await this.dataSource.query(
          `SELECT ${COLUMNS} FROM files WHERE id = ANY($1::uuid[]) AND detached_at IS NULL AND purging_since IS NULL`,
          [ids],
        );
        const byId = new Map(rows.map((r) => [r.id, r]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
  };

  /** The attached files of owners, keyed by `<ownerType>:<ownerId>`, in one query per owner type. */
  readonly byOwnerLoader: LoaderFactory<string, StoredFileRecord[]> = {
    create: () =>
      new DataLoader(async (keys) => {
        const byType = new Map<string, string[]>();
        for (const key of keys) {
          const [type, id] = splitOwnerKey(key);
          byType.set(type, [...(byType.get(type) ?? []), id]);
        }
        const found = new Map<string, StoredFileRecord[]>();
        for (const [type, ids] of byType) {
          for (const row of await this.filesOf(type, ids)) {
            const key = ownerKey({ ownerType: type, ownerId: row.ownerId! });
            found.set(key, [...(found.get(key) ?? []), row]);
          }
        }
        return keys.map((k) => found.get(k) ?? []);
      }),
  };
}

export const ownerKey = (owner: FileOwner) => `${owner.ownerType}:${owner.ownerId}`;

function splitOwnerKey(key: string): [string, string] {
  const at = key.lastIndexOf(':');
  return [key.slice(0, at), key.slice(at + 1)];
}
