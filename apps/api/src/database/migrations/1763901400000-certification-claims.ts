import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Certification claims (modules/verification): an organization claims a `certification` concept
 * (벤처기업, 이노비즈 …) with evidence files, an optional certificate number, the issue date and —
 * except for certifications without a fixed end (CERTIFICATIONS_WITHOUT_EXPIRY) — the expiry date.
 * Staff decide each PENDING claim once; at most one PENDING claim per organization and
 * certification (partial unique index). The sweep stamps `expiry_warned_at` once (30 days before)
 * and lapses VERIFIED claims to EXPIRED the day after `expires_on` (`expired_at`). Dates are
 * calendar days in Korea (Asia/Seoul).
 */
export class CertificationClaims1763901400000 implements MigrationInterface {
  name = 'CertificationClaims1763901400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE certification_claims (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        concept_id text NOT NULL REFERENCES concepts(id),
        certificate_number text CHECK (char_length(certificate_number) BETWEEN 1 AND 100),
        issued_on date NOT NULL,
        expires_on date CHECK (expires_on >= issued_on),
        note text NOT NULL DEFAULT '' CHECK (char_length(note) <= 2000),
        status text NOT NULL DEFAULT 'PENDING'
          CHECK (status IN ('PENDING', 'VERIFIED', 'REJECTED', 'NEEDS_INFO', 'EXPIRED', 'WITHDRAWN')),
        claimed_by_id uuid REFERENCES users(id) ON DELETE SET NULL,
        decided_by_id uuid REFERENCES users(id) ON DELETE SET NULL,
        decision_reason text CHECK (char_length(decision_reason) <= 2000),
        decided_at timestamptz,
        expiry_warned_at timestamptz,
        expired_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        CHECK (status NOT IN ('REJECTED', 'NEEDS_INFO') OR char_length(decision_reason) > 0),
        CHECK ((status = 'EXPIRED') = (expired_at IS NOT NULL))
      );
      CREATE UNIQUE INDEX certification_claims_one_pending ON certification_claims (organization_id, concept_id) WHERE status = 'PENDING';
      CREATE INDEX certification_claims_queue_idx ON certification_claims (created_at, id) WHERE status = 'PENDING';
      CREATE INDEX certification_claims_org_idx ON certification_claims (organization_id, created_at DESC, id DESC);
      CREATE INDEX certification_claims_expiry_idx ON certification_claims (expires_on) WHERE status = 'VERIFIED';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE certification_claims;`);
  }
}
