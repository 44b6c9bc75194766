import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Case studies / references on an organization's profile (modules/showcase, #14 item 2): a title,
 * an optional (possibly anonymised) client, the client's industry concept, the year, a summary and
 * optional task concepts. The organization's owners order them (`position`, 0 first); at most
 * CASE_STUDY_MAX_PER_ORGANIZATION per organization (enforced by the service under the organization lock).
 */
export class CaseStudies1763903000000 implements MigrationInterface {
  name = 'CaseStudies1763903000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_studies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 120),
        client text CHECK (client IS NULL OR char_length(client) BETWEEN 1 AND 120),
        industry_id text NOT NULL REFERENCES concepts(id),
        year integer NOT NULL CHECK (year BETWEEN 1950 AND 2200),
        summary text NOT NULL CHECK (char_length(summary) BETWEEN 1 AND 2000),
        task_ids text[] NOT NULL DEFAULT '{}' CHECK (cardinality(task_ids) <= 10),
        position integer NOT NULL CHECK (position >= 0),
        created_by_id uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX case_studies_organization_idx ON case_studies (organization_id, position, id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE case_studies;');
  }
}
