import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Account deletion (modules/account, identity anonymises): a deleted user keeps their row, so messages and
 * reviews keep an author ("탈퇴한 사용자"), but loses what identifies them: the e-mail address becomes a
 * non-routable unique value, the display name is cleared, and the password hash is removed (NULL: no password
 * matches), with `deleted_at` saying when.
 *
 * Consents follow their user row if that row is ever removed outright (an operator's hard delete; the app only
 * anonymises): without ON DELETE CASCADE such a delete failed on `user_consents_user_id_fkey`.
 */
export class AccountDeletion1763902010000 implements MigrationInterface {
  name = 'AccountDeletion1763902010000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE users ADD COLUMN deleted_at timestamptz;
      ALTER TABLE users ALTER COLUMN password_hash DROP NOT NULL;
      ALTER TABLE users ADD CONSTRAINT users_deleted_anonymous CHECK (deleted_at IS NULL OR (password_hash IS NULL AND display_name = ''));
      ALTER TABLE user_consents DROP CONSTRAINT user_consents_user_id_fkey,
        ADD CONSTRAINT user_consents_user_id_fkey FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE user_consents DROP CONSTRAINT user_consents_user_id_fkey,
        ADD CONSTRAINT user_consents_user_id_fkey FOREIGN KEY (user_id) REFERENCES users(id);
      ALTER TABLE users DROP CONSTRAINT users_deleted_anonymous;
      UPDATE users SET password_hash = '!' WHERE password_hash IS NULL;
      ALTER TABLE users ALTER COLUMN password_hash SET NOT NULL;
      ALTER TABLE users DROP COLUMN deleted_at;
    `);
  }
}
