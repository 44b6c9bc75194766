import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One-time account tokens (modules/identity, AccountTokenService): the e-mail verification link
 * and the password-reset link. Only an HMAC of the token is stored; a token is for one purpose
 * and one address (`email`: the address it was sent to, so a link mailed to an old address stops
 * working once the account's address changes), expires, and is used at most once (`used_at`).
 * `users.email_verified_at` records when the current address was proven; NULL means unverified.
 * Staff accounts (made by the association's CLI) count as verified from the start.
 */
export class AccountTokens1763901700000 implements MigrationInterface {
  name = 'AccountTokens1763901700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE users ADD COLUMN email_verified_at timestamptz;
      UPDATE users SET email_verified_at = created_at WHERE platform_roles && ARRAY['STAFF', 'ADMIN']::text[];
      CREATE TABLE account_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        purpose text NOT NULL CHECK (purpose IN ('VERIFY_EMAIL', 'RESET_PASSWORD')),
        email text NOT NULL CHECK (char_length(email) <= 320),
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now())
      );
      CREATE INDEX account_tokens_user_idx ON account_tokens (user_id, purpose, created_at DESC);
      CREATE INDEX account_tokens_expiry_idx ON account_tokens (expires_at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE account_tokens; ALTER TABLE users DROP COLUMN email_verified_at;');
  }
}
