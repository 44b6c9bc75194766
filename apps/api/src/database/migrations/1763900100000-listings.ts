import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Demand and supply listings with their review workflow history. */
export class Listings1763900100000 implements MigrationInterface {
  name = 'Listings1763900100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE listings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('DEMAND', 'SUPPLY')),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        status text NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED', 'REJECTED', 'PUBLISHED', 'PAUSED', 'AWARDED', 'COMPLETED', 'ARCHIVED')),
        version int NOT NULL DEFAULT 1 CHECK (version > 0),
        title text NOT NULL,
        content jsonb NOT NULL,
        visibility text NOT NULL DEFAULT 'PUBLIC' CHECK (visibility IN ('PUBLIC', 'VERIFIED_SUPPLIERS')),
        bid_deadline timestamptz,
        region_id text REFERENCES concepts(id),
        review jsonb,
        created_by_id uuid REFERENCES users(id) ON DELETE SET NULL,
        submitted_at timestamptz,
        published_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        updated_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        CHECK (kind = 'DEMAND' OR (bid_deadline IS NULL AND visibility = 'PUBLIC'))
      );
      CREATE INDEX listings_org_idx ON listings (organization_id, updated_at DESC, id DESC);
      CREATE INDEX listings_published_idx ON listings (kind, published_at DESC, id DESC) WHERE status = 'PUBLISHED';
      CREATE INDEX listings_review_queue_idx ON listings (submitted_at, id) WHERE status = 'SUBMITTED';

      CREATE TABLE listing_events (
        id bigserial PRIMARY KEY,
        listing_id uuid NOT NULL REFERENCES listings(id) ON DELETE CASCADE,
        version int NOT NULL,
        action text NOT NULL,
        from_status text,
        to_status text NOT NULL,
        actor_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        details jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now())
      );
      CREATE INDEX listing_events_listing_idx ON listing_events (listing_id, id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE listing_events; DROP TABLE listings;');
  }
}
