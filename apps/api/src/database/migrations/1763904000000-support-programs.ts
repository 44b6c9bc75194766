import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The staff-curated catalogue of support programs (정부 지원사업) with their eligibility rules as
 * data (`rules`: libs/programs EligibilityRule[]). `slug` identifies the sample programs the demo
 * seeder adds (marked `is_sample`, with their source) so that seeding is idempotent. Lists read
 * (status, created_at, id) for their cursor.
 */
export class SupportPrograms1763904000000 implements MigrationInterface {
  name = 'SupportPrograms1763904000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE support_programs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text UNIQUE,
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'PUBLISHED', 'ARCHIVED')),
        name_ko text NOT NULL,
        name_en text,
        agency_ko text NOT NULL,
        agency_en text,
        benefit_ko text NOT NULL,
        benefit_en text,
        max_benefit_krw bigint CHECK (max_benefit_krw IS NULL OR max_benefit_krw >= 0),
        opens_on date,
        closes_on date,
        url text,
        rules jsonb NOT NULL DEFAULT '[]'::jsonb,
        is_sample boolean NOT NULL DEFAULT false,
        source_note text,
        version integer NOT NULL DEFAULT 1,
        created_by_id uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (opens_on IS NULL OR closes_on IS NULL OR opens_on <= closes_on)
      );
      CREATE INDEX support_programs_list_idx ON support_programs (status, created_at, id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE support_programs;`);
  }
}
