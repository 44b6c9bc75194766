import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The demand owner's decisions on concepts matching inferred from its text (#14 item 8; modules/listings
 * owns the table, libs/matching's need builder reads it): DISMISSED stops counting in matching,
 * CONFIRMED counts as a stated concept of the field of its scheme. Beside the content, so that a
 * decision neither bumps the listing's version nor sends a published demand back to review.
 */
export class DemandConceptDecisions1763903300000 implements MigrationInterface {
  name = 'DemandConceptDecisions1763903300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE demand_concept_decisions (
        listing_id uuid NOT NULL REFERENCES listings(id) ON DELETE CASCADE,
        concept_id text NOT NULL CHECK (char_length(concept_id) <= 200),
        scheme text NOT NULL CHECK (scheme IN ('task', 'industry', 'modality', 'integration', 'deployment', 'certification')),
        decision text NOT NULL CHECK (decision IN ('CONFIRMED', 'DISMISSED')),
        decided_by_id uuid REFERENCES users(id) ON DELETE SET NULL,
        decided_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (listing_id, concept_id),
        CONSTRAINT demand_concept_decisions_confirmable CHECK (decision = 'DISMISSED' OR scheme IN ('task', 'industry', 'modality', 'integration'))
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE demand_concept_decisions;');
  }
}
