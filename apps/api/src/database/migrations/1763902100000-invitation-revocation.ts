import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Invitations can be revoked by an owner (`revoked_at`, `revoked_by_id`); a revoked invitation
 * can no longer be accepted, resent or previewed. The pending list of an organization reads
 * (organization_id, created_at, id) for its cursor.
 */
export class InvitationRevocation1763902100000 implements MigrationInterface {
  name = 'InvitationRevocation1763902100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE invitations
        ADD COLUMN revoked_at timestamptz,
        ADD COLUMN revoked_by_id uuid REFERENCES users(id) ON DELETE SET NULL;
      DROP INDEX invitations_org_idx;
      CREATE INDEX invitations_org_idx ON invitations (organization_id, created_at, id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX invitations_org_idx;
      CREATE INDEX invitations_org_idx ON invitations (organization_id);
      ALTER TABLE invitations DROP COLUMN revoked_by_id, DROP COLUMN revoked_at;
    `);
  }
}
