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
      CREATE INDEX organizations_created_stats_idx ON organizations (created_at) INCLUDE (kind);
      CREATE INDEX bids_submitted_stats_idx ON bids (submitted_at) INCLUDE (demand_id, status) WHERE submitted_at IS NOT NULL;
      CREATE INDEX bids_first_submission_idx ON bids (demand_id, submitted_at) WHERE submitted_at IS NOT NULL;
      CREATE INDEX verification_requests_decided_idx ON verification_requests (decided_at) WHERE decided_at IS NOT NULL;
      CREATE INDEX conversations_created_stats_idx ON conversations (created_at);

      -- Listings per Korean calendar day of creation, kind and one dimension (status, region, industry,
      -- task), kept exact by a trigger in the writing transaction, so a five-year range sums
      -- ~days x keys rows instead of scanning a million listings. Owned by modules/listings.
      CREATE TABLE listing_daily_counts (
        day date NOT NULL,
        kind text NOT NULL,
        dimension text NOT NULL CHECK (dimension IN ('status', 'region', 'industry', 'task')),
        key text NOT NULL DEFAULT '',
        count int NOT NULL DEFAULT 0,
        PRIMARY KEY (day, kind, dimension, key)
      );
      CREATE FUNCTION listing_daily_keys(l_kind text, l_status text, l_region text, l_content jsonb) RETURNS TABLE (dimension text, key text)
        LANGUAGE sql IMMUTABLE AS $$
        SELECT 'status', l_status
        UNION ALL SELECT 'region', coalesce(l_region, '')
        UNION ALL SELECT 'industry', x FROM jsonb_array_elements_text(coalesce(
          CASE WHEN l_kind = 'DEMAND' THEN l_content->'requirement' ELSE l_content->'capability' END->'industries', '[]')) x
        UNION ALL SELECT 'task', x FROM jsonb_array_elements_text(coalesce(
          CASE WHEN l_kind = 'DEMAND' THEN l_content->'requirement' ELSE l_content->'capability' END->'tasks', '[]')) x
      $$;
      CREATE FUNCTION listing_daily_counts_sync() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          UPDATE listing_daily_counts c SET count = c.count - k.n
            FROM (SELECT dimension, key, count(*)::int AS n FROM listing_daily_keys(OLD.kind, OLD.status, OLD.region_id, OLD.content) GROUP BY 1, 2) k
           WHERE c.day = (OLD.created_at AT TIME ZONE 'Asia/Seoul')::date AND c.kind = OLD.kind AND c.dimension = k.dimension AND c.key = k.key;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          INSERT INTO listing_daily_counts AS c (day, kind, dimension, key, count)
          SELECT (NEW.created_at AT TIME ZONE 'Asia/Seoul')::date, NEW.kind, dimension, key, count(*)::int FROM listing_daily_keys(NEW.kind, NEW.status, NEW.region_id, NEW.content) GROUP BY 3, 4
          ON CONFLICT (day, kind, dimension, key) DO UPDATE SET count = c.count + EXCLUDED.count;
        END IF;
        RETURN NULL;
      END $$;
      INSERT INTO listing_daily_counts (day, kind, dimension, key, count)
      SELECT (l.created_at AT TIME ZONE 'Asia/Seoul')::date, l.kind, k.dimension, k.key, count(*)::int
        FROM listings l, listing_daily_keys(l.kind, l.status, l.region_id, l.content) k GROUP BY 1, 2, 3, 4;
      CREATE TRIGGER listing_daily_counts_insert_delete AFTER INSERT OR DELETE ON listings FOR EACH ROW EXECUTE FUNCTION listing_daily_counts_sync();
      CREATE TRIGGER listing_daily_counts_update AFTER UPDATE OF status, region_id, content, created_at, kind ON listings
        FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.region_id IS DISTINCT FROM NEW.region_id
          OR OLD.created_at IS DISTINCT FROM NEW.created_at OR OLD.kind IS DISTINCT FROM NEW.kind
          OR OLD.content->'requirement' IS DISTINCT FROM NEW.content->'requirement' OR OLD.content->'capability' IS DISTINCT FROM NEW.content->'capability')
        EXECUTE FUNCTION listing_daily_counts_sync();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER listing_daily_counts_update ON listings; DROP TRIGGER listing_daily_counts_insert_delete ON listings;
      DROP FUNCTION listing_daily_counts_sync(); DROP FUNCTION listing_daily_keys(text, text, text, jsonb); DROP TABLE listing_daily_counts;
      DROP INDEX conversations_created_stats_idx; DROP INDEX verification_requests_decided_idx; DROP INDEX bids_first_submission_idx;
      DROP INDEX bids_submitted_stats_idx; DROP INDEX organizations_created_stats_idx;
      ALTER TABLE bids DROP COLUMN match_score_at_award;
    `);
  }
}
