import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bids on demands: the bid (lead organization, amount, duration, approach, milestones, covered
 * requirement elements), its consortium partners, every submitted revision, its history, and
 * platform settings (only VERIFIED organizations may bid, by default). At most one live bid per
 * organization and demand and at most one accepted bid per demand, as partial unique indexes.
 * Demands gain the CANCELLED status.
 */
export class Bids1763900600000 implements MigrationInterface {
  name = 'Bids1763900600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE listings DROP CONSTRAINT listings_status_check;
      ALTER TABLE listings ADD CONSTRAINT listings_status_check
        CHECK (status IN ('DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED', 'REJECTED', 'PUBLISHED', 'PAUSED', 'AWARDED', 'COMPLETED', 'CANCELLED', 'ARCHIVED'));

      CREATE TABLE platform_settings (
        key text PRIMARY KEY,
        value jsonb NOT NULL,
        updated_by_id uuid REFERENCES users(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now())
      );
      INSERT INTO platform_settings (key, value) VALUES ('bids.verifiedOrganizationsOnly', 'true');

      CREATE TABLE bids (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        demand_id uuid NOT NULL REFERENCES listings(id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        status text NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'SHORTLISTED', 'ACCEPTED', 'DECLINED', 'WITHDRAWN', 'EXPIRED')),
        version int NOT NULL DEFAULT 1 CHECK (version > 0),
        amount_krw bigint NOT NULL CHECK (amount_krw BETWEEN 1 AND 100000000000),
        duration_weeks int NOT NULL CHECK (duration_weeks BETWEEN 1 AND 260),
        approach text NOT NULL CHECK (char_length(approach) <= 10000),
        milestones jsonb NOT NULL DEFAULT '[]',
        covered_concept_ids text[] NOT NULL DEFAULT '{}',
        revision int NOT NULL DEFAULT 0 CHECK (revision >= 0),
        decision_reason text CHECK (char_length(decision_reason) <= 2000),
        created_by_id uuid REFERENCES users(id) ON DELETE SET NULL,
        submitted_at timestamptz,
        decided_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        updated_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now())
      );
      CREATE UNIQUE INDEX bids_one_live_per_organization ON bids (demand_id, organization_id)
        WHERE status IN ('DRAFT', 'SUBMITTED', 'SHORTLISTED', 'ACCEPTED');
      CREATE UNIQUE INDEX bids_one_accepted_per_demand ON bids (demand_id) WHERE status = 'ACCEPTED';
      CREATE INDEX bids_demand_idx ON bids (demand_id, submitted_at, id);
      CREATE INDEX bids_organization_idx ON bids (organization_id, updated_at DESC, id DESC);
      CREATE INDEX bids_open_idx ON bids (demand_id) WHERE status IN ('DRAFT', 'SUBMITTED', 'SHORTLISTED');

      CREATE TABLE bid_partners (
        bid_id uuid NOT NULL REFERENCES bids(id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('SI_INTEGRATION', 'DATA_LABELLING', 'HARDWARE', 'MODEL_DEVELOPMENT', 'OPERATIONS', 'OTHER')),
        share_percent int NOT NULL CHECK (share_percent BETWEEN 1 AND 99),
        status text NOT NULL DEFAULT 'INVITED' CHECK (status IN ('INVITED', 'ACCEPTED', 'DECLINED')),
        position int NOT NULL DEFAULT 0,
        responded_by_id uuid REFERENCES users(id) ON DELETE SET NULL,
        responded_at timestamptz,
        invited_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        PRIMARY KEY (bid_id, organization_id)
      );
      CREATE INDEX bid_partners_organization_idx ON bid_partners (organization_id, bid_id);

      CREATE TABLE bid_revisions (
        bid_id uuid NOT NULL REFERENCES bids(id) ON DELETE CASCADE,
        number int NOT NULL CHECK (number >= 1),
        amount_krw bigint NOT NULL,
        duration_weeks int NOT NULL,
        approach text NOT NULL,
        milestones jsonb NOT NULL,
        covered_concept_ids text[] NOT NULL,
        partners jsonb NOT NULL DEFAULT '[]',
        submitted_by_id uuid REFERENCES users(id) ON DELETE SET NULL,
        submitted_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        PRIMARY KEY (bid_id, number)
      );

      CREATE TABLE bid_events (
        id bigserial PRIMARY KEY,
        bid_id uuid NOT NULL REFERENCES bids(id) ON DELETE CASCADE,
        version int NOT NULL,
        action text NOT NULL,
        from_status text,
        to_status text NOT NULL,
        actor_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        details jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now())
      );
      CREATE INDEX bid_events_bid_idx ON bid_events (bid_id, id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE bid_events; DROP TABLE bid_revisions; DROP TABLE bid_partners; DROP TABLE bids; DROP TABLE platform_settings;
      UPDATE listings SET status = 'ARCHIVED' WHERE status = 'CANCELLED';
      ALTER TABLE listings DROP CONSTRAINT listings_status_check;
      ALTER TABLE listings ADD CONSTRAINT listings_status_check
        CHECK (status IN ('DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED', 'REJECTED', 'PUBLISHED', 'PAUSED', 'AWARDED', 'COMPLETED', 'ARCHIVED'));
    `);
  }
}
