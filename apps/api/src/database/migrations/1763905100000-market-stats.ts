import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Market numbers (#15 item 4): the accepted bid's match score kept at award, and indexes that let
 * `marketStats` aggregate by creation / submission / decision time without scanning whole tables.
 */
export class MarketStats1763905100000 implements MigrationInterface {
  name = 'MarketStats1763905100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE bids ADD COLUMN match_score_at_award smallint CHECK (match_score_at_award BETWEEN 0 AND 100);
      CREATE INDEX listings_created_stats_idx ON listings (created_at) INCLUDE (kind, status, region_id);
      CREATE INDEX organizations_created_stats_idx ON organizations (created_at) INCLUDE (kind);
      CREATE INDEX bids_submitted_stats_idx ON bids (submitted_at) INCLUDE (demand_id, status) WHERE submitted_at IS NOT NULL;
      CREATE INDEX bids_first_submission_idx ON bids (demand_id, submitted_at) WHERE submitted_at IS NOT NULL;
      CREATE INDEX verification_requests_decided_idx ON verification_requests (decided_at) WHERE decided_at IS NOT NULL;
      CREATE INDEX conversations_created_stats_idx ON conversations (created_at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX conversations_created_stats_idx; DROP INDEX verification_requests_decided_idx; DROP INDEX bids_first_submission_idx;
      DROP INDEX bids_submitted_stats_idx; DROP INDEX organizations_created_stats_idx; DROP INDEX listings_created_stats_idx;
      ALTER TABLE bids DROP COLUMN match_score_at_award;
    `);
  }
}
