import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The content of a listing each time it went (or stayed) live: one row per published version, so
 * staff and the owner can see what changed since the last published version (`changesSincePublished`).
 * Existing live listings are backfilled with their current content (what the public sees now).
 */
export class ListingPublishedVersions1763901300000 implements MigrationInterface {
  name = 'ListingPublishedVersions1763901300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE listing_published_versions (
        listing_id uuid NOT NULL REFERENCES listings(id) ON DELETE CASCADE,
        version int NOT NULL,
        content jsonb NOT NULL,
        published_at timestamptz NOT NULL,
        PRIMARY KEY (listing_id, version)
      )
    `);
    await q.query(`
      INSERT INTO listing_published_versions (listing_id, version, content, published_at)
      SELECT id, version, content, COALESCE(published_at, updated_at) FROM listings
      WHERE status IN ('PUBLISHED', 'PAUSED', 'AWARDED', 'COMPLETED')
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE listing_published_versions');
  }
}
