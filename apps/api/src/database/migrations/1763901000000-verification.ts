import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Organization verification and suspension (modules/verification).
 *
 * - `verification_requests`: an organization asks the association to verify it (a note; evidence
 *   files attach to the request once file storage exists). At most one OPEN request per
 *   organization (partial unique index); staff decide it once (VERIFIED, REJECTED or NEEDS_INFO,
 *   a reason for the last two). `previous_status` is the organization's status before the request.
 * - `organization_suspensions`: staff suspend an organization with a reason; `previous_status` is
 *   what unsuspending restores. At most one active (not lifted) suspension per organization.
 *   The organization's own `verification_status` (identity's table) says SUSPENDED meanwhile.
 */
export class Verification1763901000000 implements MigrationInterface {
  name = 'Verification1763901000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE verification_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        requested_by_id uuid REFERENCES users(id) ON DELETE SET NULL,
        note text NOT NULL DEFAULT '' CHECK (char_length(note) <= 2000),
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'VERIFIED', 'REJECTED', 'NEEDS_INFO')),
        previous_status text NOT NULL,
        decided_by_id uuid REFERENCES users(id) ON DELETE SET NULL,
        decision_reason text CHECK (char_length(decision_reason) <= 2000),
        decided_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        CHECK ((status = 'OPEN') = (decided_at IS NULL)),
        CHECK (status NOT IN ('REJECTED', 'NEEDS_INFO') OR char_length(decision_reason) > 0)
      );
      CREATE UNIQUE INDEX verification_requests_one_open ON verification_requests (organization_id) WHERE status = 'OPEN';
      CREATE INDEX verification_requests_queue_idx ON verification_requests (created_at, id) WHERE status = 'OPEN';
      CREATE INDEX verification_requests_org_idx ON verification_requests (organization_id, created_at DESC, id DESC);

      CREATE TABLE organization_suspensions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        reason text NOT NULL CHECK (char_length(reason) BETWEEN 1 AND 2000),
        previous_status text NOT NULL CHECK (previous_status <> 'SUSPENDED'),
        suspended_by_id uuid REFERENCES users(id) ON DELETE SET NULL,
        suspended_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        lifted_by_id uuid REFERENCES users(id) ON DELETE SET NULL,
        lift_reason text CHECK (char_length(lift_reason) <= 2000),
        lifted_at timestamptz
      );
      CREATE UNIQUE INDEX organization_suspensions_one_active ON organization_suspensions (organization_id) WHERE lifted_at IS NULL;
      CREATE INDEX organization_suspensions_org_idx ON organization_suspensions (organization_id, suspended_at DESC);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE organization_suspensions; DROP TABLE verification_requests;`);
  }
}
