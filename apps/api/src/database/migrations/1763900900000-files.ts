import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Stored files' metadata (the bytes live in the FileStorage adapter under `storage_key`). An
 * upload is STAGED (no owner) until the owning module attaches it in its own transaction; an
 * owner's deletion detaches its files (`detached_at`). The files sweep claims staged files past
 * their time-to-live and detached ones (`purging_since`), deletes their bytes, then their rows;
 * a claimed row whose bytes could not be deleted is retried by the next sweep.
 */
export class Files1763900900000 implements MigrationInterface {
  name = 'Files1763900900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE files (
        id uuid PRIMARY KEY,
        kind text NOT NULL,
        name text NOT NULL,
        size bigint NOT NULL CHECK (size > 0),
        content_type text NOT NULL,
        sha256 char(64) NOT NULL,
        storage_key text NOT NULL UNIQUE,
        uploaded_by uuid NOT NULL REFERENCES users (id),
        uploaded_at timestamptz NOT NULL,
        owner_type text,
        owner_id uuid,
        attached_at timestamptz,
        detached_at timestamptz,
        purging_since timestamptz,
        CHECK ((owner_type IS NULL) = (owner_id IS NULL)),
        CHECK ((owner_type IS NULL) = (attached_at IS NULL))
      );
      CREATE INDEX files_owner_idx ON files (owner_type, owner_id) WHERE owner_type IS NOT NULL AND detached_at IS NULL;
      CREATE INDEX files_staged_idx ON files (uploaded_at) WHERE owner_type IS NULL;
      CREATE INDEX files_detached_idx ON files (detached_at) WHERE detached_at IS NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE files;');
  }
}
