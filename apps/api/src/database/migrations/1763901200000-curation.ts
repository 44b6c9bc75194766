import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Curation pre-checks (modules/curation owns these tables):
 * - `listing_fingerprints`: a listing's MinHash signature (libs/marketplace prechecks) and
 *   `listing_fingerprint_bands` its LSH band keys, so a near-duplicate search is an index look-up
 *   of 32 keys across API instances instead of a scan of every listing;
 * - `listing_prechecks`: the last report per listing and the version it was computed for;
 * - `prohibited_keywords`: the staff-editable list, unique on its compact form, seeded with a few
 *   terms the association named (guaranteed returns, off-platform deals).
 */
export class Curation1763901200000 implements MigrationInterface {
  name = 'Curation1763901200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE listing_fingerprints (
        listing_id uuid PRIMARY KEY REFERENCES listings(id) ON DELETE CASCADE,
        organization_id uuid NOT NULL,
        listing_version int NOT NULL,
        signature int4[] NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE listing_fingerprint_bands (
        band_key bigint NOT NULL,
        listing_id uuid NOT NULL REFERENCES listing_fingerprints(listing_id) ON DELETE CASCADE,
        PRIMARY KEY (band_key, listing_id)
      );
      CREATE INDEX listing_fingerprint_bands_listing ON listing_fingerprint_bands (listing_id);
      CREATE TABLE listing_prechecks (
        listing_id uuid PRIMARY KEY REFERENCES listings(id) ON DELETE CASCADE,
        listing_version int NOT NULL,
        report jsonb NOT NULL,
        checked_at timestamptz NOT NULL
      );
      CREATE TABLE prohibited_keywords (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        term text NOT NULL CHECK (char_length(term) BETWEEN 1 AND 50),
        compact text NOT NULL UNIQUE,
        note text CHECK (note IS NULL OR char_length(note) <= 500),
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      INSERT INTO prohibited_keywords (term, compact, note) VALUES
        ('수익 보장', '수익보장', '투자·수익을 약속하는 과장 광고'),
        ('100% 정확도 보장', '100%정확도보장', 'AI 성능을 단정하는 과장 표현'),
        ('수수료 없는 직거래', '수수료없는직거래', '플랫폼 밖 거래 유도'),
        ('정부지원금 대행', '정부지원금대행', '지원사업 신청 대행(브로커) 광고');
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP TABLE prohibited_keywords; DROP TABLE listing_prechecks; DROP TABLE listing_fingerprint_bands; DROP TABLE listing_fingerprints;`,
    );
  }
}
