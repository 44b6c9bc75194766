import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Vocabulary governance (#15 item 1; modules/vocabulary owns both tables): a revision per concept for
 * optimistic concurrency, and the change history (before/after per staff change, the vocabulary version it made).
 */
export class VocabularyGovernance1763905000000 implements MigrationInterface {
  name = 'VocabularyGovernance1763905000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE concepts ADD COLUMN revision int NOT NULL DEFAULT 1;
      CREATE TABLE concept_changes (
        id bigserial PRIMARY KEY,
        concept_id text NOT NULL CHECK (char_length(concept_id) <= 200),
        kind text NOT NULL CHECK (kind IN ('ADD', 'UPDATE', 'MOVE', 'DEPRECATE', 'DELETE')),
        actor_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        version text NOT NULL,
        before jsonb,
        after jsonb,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX concept_changes_concept ON concept_changes (concept_id, id DESC);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE concept_changes; ALTER TABLE concepts DROP COLUMN revision;');
  }
}
