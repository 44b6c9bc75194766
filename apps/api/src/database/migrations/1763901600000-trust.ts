import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Trust & safety (modules/trust), and the registration facts it reads from identity.
 *
 * - `users.signup_ip`, `organizations.created_by_user_id`, `organizations.created_from_ip`
 *   (identity's tables, written by identity's sign-up): the network address an account signed up
 *   from and the account and address that created an organization, for BURST_REGISTRATION. Null
 *   for rows older than this migration. Not exposed through GraphQL.
 * - `trust_signals`: one row per detected signal. `fingerprint` names what was detected (kind,
 *   organization and the shared value or the related organization), UNIQUE, so a re-scan updates
 *   `last_seen_at` and the evidence instead of adding a row; a DISMISSED or ACTIONED signal stays so.
 */
export class Trust1763901600000 implements MigrationInterface {
  name = 'Trust1763901600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE users ADD COLUMN signup_ip text CHECK (char_length(signup_ip) <= 64);
      ALTER TABLE organizations
        ADD COLUMN created_by_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        ADD COLUMN created_from_ip text CHECK (char_length(created_from_ip) <= 64);
      CREATE INDEX users_signup_ip_idx ON users (signup_ip, created_at) WHERE signup_ip IS NOT NULL;
      CREATE INDEX organizations_created_by_idx ON organizations (created_by_user_id, created_at) WHERE created_by_user_id IS NOT NULL;

      CREATE TABLE trust_signals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('SHARED_CONTACT', 'LOOKALIKE_NAME', 'BURST_REGISTRATION', 'USER_REPORTS', 'NEAR_DUPLICATE_TEXT')),
        related_organization_ids uuid[] NOT NULL DEFAULT '{}',
        evidence jsonb NOT NULL DEFAULT '{}',
        fingerprint text NOT NULL CHECK (char_length(fingerprint) BETWEEN 1 AND 500),
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'DISMISSED', 'ACTIONED')),
        status_reason text CHECK (char_length(status_reason) <= 2000),
        status_changed_by_id uuid REFERENCES users(id) ON DELETE SET NULL,
        status_changed_at timestamptz,
        first_seen_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        last_seen_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        CONSTRAINT trust_signals_fingerprint_unique UNIQUE (fingerprint)
      );
      CREATE INDEX trust_signals_org_idx ON trust_signals (organization_id, last_seen_at DESC);
      CREATE INDEX trust_signals_open_idx ON trust_signals (organization_id) WHERE status = 'OPEN';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE trust_signals;
      ALTER TABLE organizations DROP COLUMN created_from_ip, DROP COLUMN created_by_user_id;
      ALTER TABLE users DROP COLUMN signup_ip;
    `);
  }
}
