import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Consents to the versioned legal documents (modules/identity, ConsentService): one row per consent given
 * (user, document kind, version, when, from which address). A withdrawal stamps `withdrawn_at` on the row; a row is
 * never deleted, so the history of what was agreed to stays (개인정보 보호법: proof of consent).
 */
export class UserConsents1763902000000 implements MigrationInterface {
  name = 'UserConsents1763902000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE user_consents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id),
        kind text NOT NULL CHECK (kind IN ('TERMS', 'PRIVACY', 'MARKETING')),
        version text NOT NULL CHECK (char_length(version) <= 40),
        granted_at timestamptz NOT NULL,
        withdrawn_at timestamptz,
        address text CHECK (char_length(address) <= 64)
      );
      CREATE INDEX user_consents_user_idx ON user_consents (user_id, kind, granted_at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE user_consents;');
  }
}
