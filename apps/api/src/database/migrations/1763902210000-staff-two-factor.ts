import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Staff two-factor sign-in (modules/identity, TwoFactorService; #13 "What to build" 6).
 * `user_two_factor`: one TOTP secret per user, stored encrypted (AES-256-GCM, key derived from the
 * server secret), pending until the first code confirms it (`enabled_at`); `last_used_step` is the
 * newest 30-second step a code was accepted for, so a code cannot be used twice.
 * `user_recovery_codes`: keyed hashes of the one-time recovery codes (`used_at` once used).
 * `refresh_tokens.mfa_at`: when the session (refresh family) passed the second factor; staff roles
 * count only in sessions that did.
 */
export class StaffTwoFactor1763902210000 implements MigrationInterface {
  name = 'StaffTwoFactor1763902210000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE refresh_tokens ADD COLUMN mfa_at timestamptz;
      CREATE TABLE user_two_factor (
        user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        secret_ciphertext text NOT NULL CHECK (char_length(secret_ciphertext) <= 500),
        enabled_at timestamptz,
        last_used_step bigint,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE user_recovery_codes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        code_hash text NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT user_recovery_codes_unique UNIQUE (user_id, code_hash)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE user_recovery_codes; DROP TABLE user_two_factor; ALTER TABLE refresh_tokens DROP COLUMN mfa_at;');
  }
}
