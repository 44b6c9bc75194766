import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * #15 "Numbers": rollups that keep every `marketStats` group under 200 ms over five years on a
 * million listings, each kept exact in the writing transaction by triggers (the answers equal the
 * direct counts; modules/stats/__tests__/rollups.test.ts compares them after inserts, updates and
 * deletes), and a catalogue version that lets the eligibility check cache the parsed programs.
 *
 * - `listing_monthly_counts` (modules/listings): `listing_daily_counts` summed per Korean month, so a
 *   range sums whole months plus its ragged ends in days.
 * - `bid_stats_demands`, `bid_stats_contributions`, `bid_daily_stats` (modules/bids): per demand, what
 *   its bids add to each day (bids, ever shortlisted, the demand itself and its award once per day with
 *   the previous such day as key, so "distinct demands in a range" is the rows whose previous day lies
 *   before the range, score buckets) and its first submission with the hours since publication. A
 *   statement trigger on bids and bid_events swaps the touched demands' contributions, serialised per
 *   demand by the `bid_stats_demands` row lock.
 * - `chat_first_responses` (modules/chat): per conversation its first member message and the other
 *   side's first answer.
 * - `organization_daily_counts` (modules/identity): organizations per Korean day of creation and kind.
 * - `support_program_catalogue` (modules/programs): one version row bumped by every write to
 *   `support_programs`, whatever writes it.
 */
/**
 * One statement adding the listings of `changed` (rows with kind, status, region_id, content,
 * created_at and sign +1/-1) to the daily and monthly rollups, rows locked in key order.
 */
function applyListingDelta(changed: string): string {
  return `
        WITH k AS (
          SELECT (r.created_at AT TIME ZONE 'Asia/Seoul')::date AS day, r.kind, x.dimension, x.key, sum(r.sign)::int AS n
            FROM (${changed}) r, listing_daily_keys(r.kind, r.status, r.region_id, r.content) x
           GROUP BY 1, 2, 3, 4 HAVING sum(r.sign) <> 0),
        daily AS (
          INSERT INTO listing_daily_counts AS c (day, kind, dimension, key, count)
          SELECT day, kind, dimension, key, n FROM k ORDER BY 1, 2, 3, 4
          ON CONFLICT (day, kind, dimension, key) DO UPDATE SET count = c.count + EXCLUDED.count)
        INSERT INTO listing_monthly_counts AS c (month, kind, dimension, key, count)
        SELECT date_trunc('month', day)::date, kind, dimension, key, sum(n)::int FROM k GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0 ORDER BY 1, 2, 3, 4
        ON CONFLICT (month, kind, dimension, key) DO UPDATE SET count = c.count + EXCLUDED.count;`;
}

/** One statement adding `changed` (kind, created_at, sign) to organization_daily_counts, rows locked in key order. */
function applyOrganizationDelta(changed: string): string {
  return `
        INSERT INTO organization_daily_counts AS c (day, kind, count)
        SELECT (r.created_at AT TIME ZONE 'Asia/Seoul')::date, r.kind, sum(r.sign)::int FROM (${changed}) r
         GROUP BY 1, 2 HAVING sum(r.sign) <> 0 ORDER BY 1, 2
        ON CONFLICT (day, kind) DO UPDATE SET count = c.count + EXCLUDED.count;`;
}

export class MarketStatsRollups1763910000000 implements MigrationInterface {
  name = 'MarketStatsRollups1763910000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE listing_monthly_counts (
        month date NOT NULL,
        kind text NOT NULL,
        dimension text NOT NULL,
        key text NOT NULL DEFAULT '',
        count int NOT NULL DEFAULT 0,
        PRIMARY KEY (month, kind, dimension, key)
      );
      INSERT INTO listing_monthly_counts (month, kind, dimension, key, count)
      SELECT date_trunc('month', day)::date, kind, dimension, key, sum(count)::int FROM listing_daily_counts GROUP BY 1, 2, 3, 4;
      CREATE INDEX listing_daily_counts_dimension_idx ON listing_daily_counts (dimension, day) INCLUDE (kind, count);
      -- The listing rollups move to statement triggers over the transition tables: one grouped upsert per
      -- statement (a bulk insert of a million listings costs one pass), rows locked in key order.
      DROP TRIGGER listing_daily_counts_update ON listings;
      DROP TRIGGER listing_daily_counts_insert_delete ON listings;
      DROP FUNCTION listing_daily_counts_sync();
      CREATE FUNCTION listing_counts_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN ${applyListingDelta('SELECT r.*, 1 AS sign FROM new_rows r')} RETURN NULL; END $$;
      CREATE FUNCTION listing_counts_on_delete() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN ${applyListingDelta('SELECT r.*, -1 AS sign FROM old_rows r')} RETURN NULL; END $$;
      CREATE FUNCTION listing_counts_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN ${applyListingDelta(`SELECT v.* FROM old_rows o JOIN new_rows n ON n.id = o.id,
          LATERAL (VALUES (o.kind, o.status, o.region_id, o.content, o.created_at, -1),
                          (n.kind, n.status, n.region_id, n.content, n.created_at, 1)) v(kind, status, region_id, content, created_at, sign)
         WHERE o.status IS DISTINCT FROM n.status OR o.region_id IS DISTINCT FROM n.region_id
            OR o.created_at IS DISTINCT FROM n.created_at OR o.kind IS DISTINCT FROM n.kind
            OR o.content->'requirement' IS DISTINCT FROM n.content->'requirement'
            OR o.content->'capability' IS DISTINCT FROM n.content->'capability'`)} RETURN NULL; END $$;
      CREATE TRIGGER listing_counts_insert AFTER INSERT ON listings REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION listing_counts_on_insert();
      CREATE TRIGGER listing_counts_update AFTER UPDATE ON listings REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION listing_counts_on_update();
      CREATE TRIGGER listing_counts_delete AFTER DELETE ON listings REFERENCING OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION listing_counts_on_delete();

      CREATE TABLE bid_stats_demands (
        demand_id uuid PRIMARY KEY,
        first_at timestamptz,
        hours double precision
      );
      CREATE INDEX bid_stats_demands_first_idx ON bid_stats_demands (first_at) INCLUDE (hours) WHERE first_at IS NOT NULL;
      CREATE TABLE bid_stats_contributions (
        demand_id uuid NOT NULL,
        day date NOT NULL,
        metric text NOT NULL,
        key text NOT NULL DEFAULT '',
        n int NOT NULL,
        PRIMARY KEY (demand_id, day, metric, key)
      );
      CREATE TABLE bid_daily_stats (
        day date NOT NULL,
        metric text NOT NULL CHECK (metric IN ('bids', 'shortlisted', 'demand', 'awarded', 'score')),
        key text NOT NULL DEFAULT '',
        n int NOT NULL DEFAULT 0,
        PRIMARY KEY (day, metric, key)
      );
      CREATE FUNCTION bid_stats_contrib(ids uuid[]) RETURNS TABLE (demand_id uuid, day date, metric text, key text, n int)
        LANGUAGE sql STABLE AS $$
        WITH b AS (
          SELECT b.demand_id, b.status, b.match_score_at_award, (b.submitted_at AT TIME ZONE 'Asia/Seoul')::date AS day,
                 (b.status IN ('SHORTLISTED', 'ACCEPTED') OR EXISTS (SELECT 1 FROM bid_events e WHERE e.bid_id = b.id AND e.to_status = 'SHORTLISTED')) AS sl
            FROM bids b WHERE b.demand_id IN (SELECT unnest(ids)) AND b.submitted_at IS NOT NULL),
        days AS (SELECT DISTINCT b.demand_id, b.day FROM b),
        adays AS (SELECT DISTINCT b.demand_id, b.day FROM b WHERE b.status = 'ACCEPTED')
        SELECT b.demand_id, b.day, 'bids', '', count(*)::int FROM b GROUP BY 1, 2
        UNION ALL SELECT b.demand_id, b.day, 'shortlisted', '', count(*)::int FROM b WHERE b.sl GROUP BY 1, 2
        UNION ALL SELECT d.demand_id, d.day, 'demand', coalesce((lag(d.day) OVER (PARTITION BY d.demand_id ORDER BY d.day))::text, ''), 1 FROM days d
        UNION ALL SELECT d.demand_id, d.day, 'awarded', coalesce((lag(d.day) OVER (PARTITION BY d.demand_id ORDER BY d.day))::text, ''), 1 FROM adays d
        UNION ALL SELECT b.demand_id, b.day, 'score', least(9, b.match_score_at_award / 10)::text, count(*)::int
          FROM b WHERE b.status = 'ACCEPTED' AND b.match_score_at_award IS NOT NULL GROUP BY 1, 2, 4
      $$;
      CREATE FUNCTION bid_stats_refresh(touched uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE ids uuid[];
      BEGIN
        -- Lock (or create) each touched demand's row first, in order: concurrent writers of one demand queue
        -- here, and every statement below sees what the one before committed.
        WITH locked AS (
          INSERT INTO bid_stats_demands AS d (demand_id) SELECT DISTINCT x FROM unnest(touched) x WHERE x IS NOT NULL ORDER BY 1
          ON CONFLICT (demand_id) DO UPDATE SET demand_id = d.demand_id RETURNING d.demand_id)
        SELECT coalesce(array_agg(demand_id), '{}') INTO ids FROM locked;
        IF cardinality(ids) = 0 THEN RETURN; END IF;
        -- The net change of the touched demands' contributions, upserted in key order.
        INSERT INTO bid_daily_stats AS s (day, metric, key, n)
        SELECT day, metric, key, sum(n)::int FROM (
          SELECT c.day, c.metric, c.key, -c.n AS n FROM bid_stats_contributions c WHERE c.demand_id IN (SELECT unnest(ids))
          UNION ALL SELECT c.day, c.metric, c.key, c.n FROM bid_stats_contrib(ids) c) x
         GROUP BY 1, 2, 3 HAVING sum(n) <> 0 ORDER BY 1, 2, 3
        ON CONFLICT (day, metric, key) DO UPDATE SET n = s.n + EXCLUDED.n;
        DELETE FROM bid_stats_contributions WHERE demand_id IN (SELECT unnest(ids));
        INSERT INTO bid_stats_contributions (demand_id, day, metric, key, n) SELECT * FROM bid_stats_contrib(ids);
        UPDATE bid_stats_demands d SET first_at = f.first_at,
               hours = (extract(epoch FROM f.first_at - l.published_at) / 3600)::float8
          FROM (SELECT b.demand_id, min(b.submitted_at) AS first_at FROM bids b
                 WHERE b.demand_id IN (SELECT unnest(ids)) AND b.submitted_at IS NOT NULL GROUP BY 1) f
          LEFT JOIN listings l ON l.id = f.demand_id
         WHERE d.demand_id = f.demand_id AND (d.first_at, d.hours) IS DISTINCT FROM (f.first_at, (extract(epoch FROM f.first_at - l.published_at) / 3600)::float8);
        UPDATE bid_stats_demands d SET first_at = NULL, hours = NULL
         WHERE d.demand_id IN (SELECT unnest(ids)) AND d.first_at IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM bids b WHERE b.demand_id = d.demand_id AND b.submitted_at IS NOT NULL);
      END $$;
      CREATE FUNCTION bid_stats_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM bid_stats_refresh(ARRAY(SELECT demand_id FROM new_rows WHERE submitted_at IS NOT NULL)); RETURN NULL; END $$;
      CREATE FUNCTION bid_stats_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM bid_stats_refresh(ARRAY(
          SELECT x FROM old_rows o JOIN new_rows n ON n.id = o.id, LATERAL (VALUES (o.demand_id), (n.demand_id)) v(x)
           WHERE (o.demand_id, o.status, o.submitted_at, o.match_score_at_award) IS DISTINCT FROM (n.demand_id, n.status, n.submitted_at, n.match_score_at_award)));
        RETURN NULL;
      END $$;
      CREATE FUNCTION bid_stats_on_delete() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM bid_stats_refresh(ARRAY(SELECT demand_id FROM old_rows WHERE submitted_at IS NOT NULL)); RETURN NULL; END $$;
      CREATE FUNCTION bid_stats_on_event() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM bid_stats_refresh(ARRAY(SELECT b.demand_id FROM bids b WHERE b.submitted_at IS NOT NULL
          AND b.id IN (SELECT bid_id FROM changed_rows WHERE to_status = 'SHORTLISTED')));
        RETURN NULL;
      END $$;
      CREATE TRIGGER bid_stats_insert AFTER INSERT ON bids REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bid_stats_on_insert();
      CREATE TRIGGER bid_stats_update AFTER UPDATE ON bids REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION bid_stats_on_update();
      CREATE TRIGGER bid_stats_delete AFTER DELETE ON bids REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION bid_stats_on_delete();
      CREATE TRIGGER bid_stats_event_insert AFTER INSERT ON bid_events REFERENCING NEW TABLE AS changed_rows
        FOR EACH STATEMENT EXECUTE FUNCTION bid_stats_on_event();
      CREATE TRIGGER bid_stats_event_delete AFTER DELETE ON bid_events REFERENCING OLD TABLE AS changed_rows
        FOR EACH STATEMENT EXECUTE FUNCTION bid_stats_on_event();
      -- A demand's publication time is written once, at its first approval; should it ever move, its first-bid hours follow.
      CREATE FUNCTION bid_stats_on_publication() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE bid_stats_demands SET hours = (extract(epoch FROM first_at - NEW.published_at) / 3600)::float8
         WHERE demand_id = NEW.id AND first_at IS NOT NULL;
        RETURN NULL;
      END $$;
      CREATE TRIGGER bid_stats_publication AFTER UPDATE OF published_at ON listings
        FOR EACH ROW WHEN (OLD.published_at IS DISTINCT FROM NEW.published_at) EXECUTE FUNCTION bid_stats_on_publication();
      SELECT bid_stats_refresh(ARRAY(SELECT DISTINCT demand_id FROM bids WHERE submitted_at IS NOT NULL));

      CREATE TABLE chat_first_responses (
        conversation_id uuid PRIMARY KEY,
        first_seq bigint NOT NULL,
        first_sender uuid,
        first_at timestamptz NOT NULL,
        answer_at timestamptz,
        minutes double precision
      );
      CREATE INDEX chat_first_responses_first_idx ON chat_first_responses (first_at) INCLUDE (answer_at, minutes);
      CREATE FUNCTION chat_first_response_refresh(conv uuid) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE f record; answer timestamptz;
      BEGIN
        SELECT m.seq, m.sender_organization_id, m.created_at INTO f FROM chat_messages m
         WHERE m.conversation_id = conv AND m.kind = 'USER' ORDER BY m.seq LIMIT 1;
        IF NOT FOUND THEN DELETE FROM chat_first_responses WHERE conversation_id = conv; RETURN; END IF;
        SELECT min(a.created_at) INTO answer FROM chat_messages a WHERE a.conversation_id = conv AND a.kind = 'USER'
           AND a.seq > f.seq AND a.sender_organization_id IS DISTINCT FROM f.sender_organization_id;
        INSERT INTO chat_first_responses AS r (conversation_id, first_seq, first_sender, first_at, answer_at, minutes)
        VALUES (conv, f.seq, f.sender_organization_id, f.created_at, answer, (extract(epoch FROM answer - f.created_at) / 60)::float8)
        ON CONFLICT (conversation_id) DO UPDATE SET first_seq = EXCLUDED.first_seq, first_sender = EXCLUDED.first_sender,
          first_at = EXCLUDED.first_at, answer_at = EXCLUDED.answer_at, minutes = EXCLUDED.minutes;
      END $$;
      -- A new member message changes the state only while the conversation is unanswered (or when it is the first): one key lookup otherwise.
      CREATE FUNCTION chat_first_responses_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE r chat_first_responses%ROWTYPE;
      BEGIN
        SELECT * INTO r FROM chat_first_responses WHERE conversation_id = NEW.conversation_id;
        IF NOT FOUND OR NEW.seq < r.first_seq OR (r.answer_at IS NULL AND NEW.sender_organization_id IS DISTINCT FROM r.first_sender)
           OR (NEW.seq > r.first_seq AND NEW.created_at < r.answer_at AND NEW.sender_organization_id IS DISTINCT FROM r.first_sender) THEN
          PERFORM chat_first_response_refresh(NEW.conversation_id);
        END IF;
        RETURN NULL;
      END $$;
      CREATE FUNCTION chat_first_responses_on_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM chat_first_response_refresh(OLD.conversation_id);
        IF TG_OP = 'UPDATE' AND NEW.conversation_id <> OLD.conversation_id THEN PERFORM chat_first_response_refresh(NEW.conversation_id); END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER chat_first_responses_insert AFTER INSERT ON chat_messages FOR EACH ROW WHEN (NEW.kind = 'USER')
        EXECUTE FUNCTION chat_first_responses_on_insert();
      CREATE TRIGGER chat_first_responses_update AFTER UPDATE OF kind, seq, sender_organization_id, created_at, conversation_id ON chat_messages
        FOR EACH ROW WHEN ((OLD.kind, OLD.seq, OLD.sender_organization_id, OLD.created_at, OLD.conversation_id)
          IS DISTINCT FROM (NEW.kind, NEW.seq, NEW.sender_organization_id, NEW.created_at, NEW.conversation_id))
        EXECUTE FUNCTION chat_first_responses_on_change();
      CREATE TRIGGER chat_first_responses_delete AFTER DELETE ON chat_messages FOR EACH ROW WHEN (OLD.kind = 'USER')
        EXECUTE FUNCTION chat_first_responses_on_change();
      INSERT INTO chat_first_responses (conversation_id, first_seq, first_sender, first_at, answer_at, minutes)
      SELECT f.conversation_id, f.seq, f.sender_organization_id, f.created_at, a.at, (extract(epoch FROM a.at - f.created_at) / 60)::float8
        FROM (SELECT DISTINCT ON (conversation_id) conversation_id, seq, sender_organization_id, created_at FROM chat_messages
               WHERE kind = 'USER' ORDER BY conversation_id, seq) f
        LEFT JOIN LATERAL (SELECT min(m.created_at) AS at FROM chat_messages m WHERE m.conversation_id = f.conversation_id AND m.kind = 'USER'
                             AND m.seq > f.seq AND m.sender_organization_id IS DISTINCT FROM f.sender_organization_id) a ON true;

      -- Organizations per Korean day of creation and kind (modules/identity).
      CREATE TABLE organization_daily_counts (
        day date NOT NULL,
        kind text NOT NULL,
        count int NOT NULL DEFAULT 0,
        PRIMARY KEY (day, kind)
      );
      INSERT INTO organization_daily_counts (day, kind, count)
      SELECT (created_at AT TIME ZONE 'Asia/Seoul')::date, kind, count(*)::int FROM organizations GROUP BY 1, 2;
      CREATE FUNCTION organization_counts_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN ${applyOrganizationDelta('SELECT r.kind, r.created_at, 1 AS sign FROM new_rows r')} RETURN NULL; END $$;
      CREATE FUNCTION organization_counts_on_delete() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN ${applyOrganizationDelta('SELECT r.kind, r.created_at, -1 AS sign FROM old_rows r')} RETURN NULL; END $$;
      CREATE FUNCTION organization_counts_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN ${applyOrganizationDelta(`SELECT v.* FROM old_rows o JOIN new_rows n ON n.id = o.id,
          LATERAL (VALUES (o.kind, o.created_at, -1), (n.kind, n.created_at, 1)) v(kind, created_at, sign)
         WHERE o.kind IS DISTINCT FROM n.kind OR o.created_at IS DISTINCT FROM n.created_at`)} RETURN NULL; END $$;
      CREATE TRIGGER organization_counts_insert AFTER INSERT ON organizations REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION organization_counts_on_insert();
      CREATE TRIGGER organization_counts_update AFTER UPDATE ON organizations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION organization_counts_on_update();
      CREATE TRIGGER organization_counts_delete AFTER DELETE ON organizations REFERENCING OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION organization_counts_on_delete();

      -- Decisions in a range read from the index alone (outcome and request time included).
      CREATE INDEX verification_requests_decided_stats_idx ON verification_requests (decided_at) INCLUDE (status, created_at)
        WHERE decided_at IS NOT NULL;

      CREATE TABLE support_program_catalogue (
        id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
        version bigint NOT NULL DEFAULT 1
      );
      INSERT INTO support_program_catalogue (id, version) VALUES (1, 1);
      CREATE FUNCTION support_program_catalogue_bump() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN UPDATE support_program_catalogue SET version = version + 1 WHERE id = 1; RETURN NULL; END $$;
      CREATE TRIGGER support_program_catalogue_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON support_programs
        FOR EACH STATEMENT EXECUTE FUNCTION support_program_catalogue_bump();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER support_program_catalogue_bump ON support_programs; DROP FUNCTION support_program_catalogue_bump();
      DROP TABLE support_program_catalogue;
      DROP INDEX verification_requests_decided_stats_idx;
      DROP TRIGGER organization_counts_delete ON organizations; DROP TRIGGER organization_counts_update ON organizations;
      DROP TRIGGER organization_counts_insert ON organizations; DROP FUNCTION organization_counts_on_update();
      DROP FUNCTION organization_counts_on_delete(); DROP FUNCTION organization_counts_on_insert(); DROP TABLE organization_daily_counts;
      DROP TRIGGER chat_first_responses_delete ON chat_messages; DROP TRIGGER chat_first_responses_update ON chat_messages;
      DROP TRIGGER chat_first_responses_insert ON chat_messages; DROP FUNCTION chat_first_responses_on_change();
      DROP FUNCTION chat_first_responses_on_insert(); DROP FUNCTION chat_first_response_refresh(uuid); DROP TABLE chat_first_responses;
      DROP TRIGGER bid_stats_publication ON listings; DROP FUNCTION bid_stats_on_publication();
      DROP TRIGGER bid_stats_event_delete ON bid_events; DROP TRIGGER bid_stats_event_insert ON bid_events;
      DROP TRIGGER bid_stats_delete ON bids; DROP TRIGGER bid_stats_update ON bids; DROP TRIGGER bid_stats_insert ON bids;
      DROP FUNCTION bid_stats_on_event(); DROP FUNCTION bid_stats_on_delete(); DROP FUNCTION bid_stats_on_update(); DROP FUNCTION bid_stats_on_insert();
      DROP FUNCTION bid_stats_refresh(uuid[]); DROP FUNCTION bid_stats_contrib(uuid[]);
      DROP TABLE bid_daily_stats; DROP TABLE bid_stats_contributions; DROP TABLE bid_stats_demands;
      DROP TRIGGER listing_counts_delete ON listings; DROP TRIGGER listing_counts_update ON listings; DROP TRIGGER listing_counts_insert ON listings;
      DROP FUNCTION listing_counts_on_update(); DROP FUNCTION listing_counts_on_delete(); DROP FUNCTION listing_counts_on_insert();
      DROP TABLE listing_monthly_counts; DROP INDEX listing_daily_counts_dimension_idx;
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
      CREATE TRIGGER listing_daily_counts_insert_delete AFTER INSERT OR DELETE ON listings FOR EACH ROW EXECUTE FUNCTION listing_daily_counts_sync();
      CREATE TRIGGER listing_daily_counts_update AFTER UPDATE OF status, region_id, content, created_at, kind ON listings
        FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.region_id IS DISTINCT FROM NEW.region_id
          OR OLD.created_at IS DISTINCT FROM NEW.created_at OR OLD.kind IS DISTINCT FROM NEW.kind
          OR OLD.content->'requirement' IS DISTINCT FROM NEW.content->'requirement' OR OLD.content->'capability' IS DISTINCT FROM NEW.content->'capability')
        EXECUTE FUNCTION listing_daily_counts_sync();
    `);
  }
}
