import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reviews and notification delivery.
 *
 * - `reviews`: one per completed demand and side (CLIENT = the demand's organization about the
 *   supplier side, SUPPLIER = the supplier side about the demand's organization), ratings per
 *   named criterion, double-blind until `revealed_at` (both in, or 14 days after submission),
 *   hidden by staff with a reason. References listings and organizations only: which
 *   organizations are the parties is read from the bids tables at submission time.
 * - `review_reports`: a user reports a review once.
 * - `notifications`: a link to the object, a source key so that an event notifies each
 *   recipient once even when its handler runs again, the channels chosen at creation, and when
 *   it was pushed live and e-mailed (each at most once).
 * - `notification_preferences`: per user and type, e-mail and in-app on or off (default on).
 */
export class Reviews1763900700000 implements MigrationInterface {
  name = 'Reviews1763900700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE notifications
        ADD COLUMN link_type text,
        ADD COLUMN link_id text,
        ADD COLUMN source_key text CHECK (char_length(source_key) <= 300),
        ADD COLUMN in_app boolean NOT NULL DEFAULT true,
        ADD COLUMN email boolean NOT NULL DEFAULT true,
        ADD COLUMN pushed_at timestamptz,
        ADD COLUMN emailed_at timestamptz,
        ADD CONSTRAINT notifications_link_both CHECK ((link_type IS NULL) = (link_id IS NULL)),
        ADD CONSTRAINT notifications_source_once UNIQUE (user_id, source_key);
      CREATE INDEX notifications_unread_idx ON notifications (user_id, created_at DESC, id DESC) WHERE read_at IS NULL AND in_app;

      CREATE TABLE notification_preferences (
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        type text NOT NULL CHECK (char_length(type) BETWEEN 1 AND 64),
        email boolean NOT NULL DEFAULT true,
        in_app boolean NOT NULL DEFAULT true,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, type)
      );

      CREATE TABLE reviews (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        demand_id uuid NOT NULL REFERENCES listings(id) ON DELETE CASCADE,
        side text NOT NULL CHECK (side IN ('CLIENT', 'SUPPLIER')),
        author_organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        author_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        subject_organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        ratings jsonb NOT NULL,
        rating numeric(3,2) NOT NULL CHECK (rating BETWEEN 1 AND 5),
        body text NOT NULL CHECK (char_length(body) <= 2000),
        submitted_at timestamptz NOT NULL,
        revealed_at timestamptz,
        hidden_at timestamptz,
        hidden_reason text CHECK (char_length(hidden_reason) <= 2000),
        hidden_by_id uuid REFERENCES users(id) ON DELETE SET NULL,
        CONSTRAINT reviews_once_per_side UNIQUE (demand_id, side),
        CHECK (author_organization_id <> subject_organization_id),
        CHECK ((hidden_at IS NULL) = (hidden_reason IS NULL))
      );
      CREATE INDEX reviews_subject_idx ON reviews (subject_organization_id, submitted_at DESC, id DESC);
      CREATE INDEX reviews_unrevealed_idx ON reviews (submitted_at) WHERE revealed_at IS NULL;

      CREATE TABLE review_reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        review_id uuid NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
        reporter_user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        reason text NOT NULL CHECK (char_length(reason) BETWEEN 1 AND 1000),
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        CONSTRAINT review_reports_once UNIQUE (review_id, reporter_user_id)
      );
      CREATE INDEX review_reports_created_idx ON review_reports (created_at DESC, id DESC);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE review_reports; DROP TABLE reviews; DROP TABLE notification_preferences;
      DROP INDEX notifications_unread_idx;
      ALTER TABLE notifications DROP CONSTRAINT notifications_source_once, DROP CONSTRAINT notifications_link_both,
        DROP COLUMN emailed_at, DROP COLUMN pushed_at, DROP COLUMN email, DROP COLUMN in_app, DROP COLUMN source_key, DROP COLUMN link_id, DROP COLUMN link_type;
    `);
  }
}
