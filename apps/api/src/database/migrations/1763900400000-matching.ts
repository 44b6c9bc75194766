import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Matching: suppliers' track records (imported by the association now, kept by reviews later),
 * match alerts (a listing above a score, or saved search criteria), one delivery per demand
 * and organization (so an alert fires at most once), and in-app notifications per user.
 */
export class Matching1763900400000 implements MigrationInterface {
  name = 'Matching1763900400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organization_track_records (
        organization_id uuid PRIMARY KEY REFERENCES organizations(id) ON DELETE CASCADE,
        completed_projects int NOT NULL DEFAULT 0 CHECK (completed_projects >= 0),
        rating_average numeric(3,2) CHECK (rating_average BETWEEN 1 AND 5),
        rating_count int NOT NULL DEFAULT 0 CHECK (rating_count >= 0),
        response_rate numeric(4,3) CHECK (response_rate BETWEEN 0 AND 1),
        source text NOT NULL DEFAULT 'IMPORTED' CHECK (source IN ('IMPORTED', 'REVIEWS')),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((rating_average IS NULL) = (rating_count = 0))
      );

      CREATE TABLE match_alerts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
        supply_listing_id uuid REFERENCES listings(id) ON DELETE CASCADE,
        min_score int CHECK (min_score BETWEEN 0 AND 100),
        criteria jsonb,
        created_by_id uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((supply_listing_id IS NOT NULL AND min_score IS NOT NULL) OR criteria IS NOT NULL)
      );
      CREATE INDEX match_alerts_organization_idx ON match_alerts (organization_id, created_at DESC, id DESC);

      CREATE TABLE match_alert_deliveries (
        demand_listing_id uuid NOT NULL REFERENCES listings(id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        alert_id uuid REFERENCES match_alerts(id) ON DELETE SET NULL,
        score int,
        delivered_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (demand_listing_id, organization_id)
      );

      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        type text NOT NULL,
        payload jsonb NOT NULL,
        read_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now())
      );
      CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC, id DESC);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      'DROP TABLE notifications; DROP TABLE match_alert_deliveries; DROP TABLE match_alerts; DROP TABLE organization_track_records;',
    );
  }
}
