import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Moderation (#12 item 5): a report of a chat message or a review is OPEN until staff resolve it,
 * so the staff queue empties. A resolved report keeps who resolved it, when, how and why.
 * Message reports resolve by DISMISS or REMOVE_MESSAGE; review reports by DISMISS or HIDE.
 */
export class Moderation1763901500000 implements MigrationInterface {
  name = 'Moderation1763901500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE chat_message_reports
        ADD COLUMN status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'RESOLVED')),
        ADD COLUMN resolution text CHECK (resolution IN ('DISMISS', 'REMOVE_MESSAGE')),
        ADD COLUMN resolution_reason text CHECK (char_length(resolution_reason) BETWEEN 1 AND 1000),
        ADD COLUMN resolved_at timestamptz,
        ADD COLUMN resolved_by_id uuid REFERENCES users(id) ON DELETE SET NULL,
        ADD CONSTRAINT chat_message_reports_resolved CHECK (
          (status = 'OPEN') = (resolved_at IS NULL) AND (resolved_at IS NULL) = (resolution IS NULL)
          AND (resolved_at IS NULL) = (resolution_reason IS NULL));
      CREATE INDEX chat_message_reports_open_idx ON chat_message_reports (created_at, id) WHERE status = 'OPEN';

      ALTER TABLE review_reports
        ADD COLUMN status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'RESOLVED')),
        ADD COLUMN resolution text CHECK (resolution IN ('DISMISS', 'HIDE')),
        ADD COLUMN resolution_reason text CHECK (char_length(resolution_reason) BETWEEN 1 AND 2000),
        ADD COLUMN resolved_at timestamptz,
        ADD COLUMN resolved_by_id uuid REFERENCES users(id) ON DELETE SET NULL,
        ADD CONSTRAINT review_reports_resolved CHECK (
          (status = 'OPEN') = (resolved_at IS NULL) AND (resolved_at IS NULL) = (resolution IS NULL)
          AND (resolved_at IS NULL) = (resolution_reason IS NULL));
      CREATE INDEX review_reports_open_idx ON review_reports (review_id) WHERE status = 'OPEN';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX review_reports_open_idx;
      ALTER TABLE review_reports DROP CONSTRAINT review_reports_resolved, DROP COLUMN resolved_by_id, DROP COLUMN resolved_at,
        DROP COLUMN resolution_reason, DROP COLUMN resolution, DROP COLUMN status;
      DROP INDEX chat_message_reports_open_idx;
      ALTER TABLE chat_message_reports DROP CONSTRAINT chat_message_reports_resolved, DROP COLUMN resolved_by_id, DROP COLUMN resolved_at,
        DROP COLUMN resolution_reason, DROP COLUMN resolution, DROP COLUMN status;
    `);
  }
}
