import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Account deletion (modules/account, identity anonymises): a deleted user keeps their row, so messages and
 * reviews keep an author ("탈퇴한 사용자"), but loses what identifies them: the e-mail address becomes a
 * non-routable unique value, the display name is cleared, and the password hash is removed (NULL: no password
 * matches), with `deleted_at` saying when.
 */
export class AccountDeletion1763902010000 implements MigrationInterface {
  name = 'AccountDeletion1763902010000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE users ADD COLUMN deleted_at timestamptz;
      ALTER TABLE users ALTER COLUMN password_hash DROP NOT NULL;
      ALTER TABLE users ADD CONSTRAINT users_deleted_anonymous CHECK (deleted_at IS NULL OR (password_hash IS NULL AND display_name = ''));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE users DROP CONSTRAINT users_deleted_anonymous;
      UPDATE users SET password_hash = '!' WHERE password_hash IS NULL;
      ALTER TABLE users ALTER COLUMN password_hash SET NOT NULL;
      ALTER TABLE users DROP COLUMN deleted_at;
    `);
  }
}
