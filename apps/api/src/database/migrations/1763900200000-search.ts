import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The embedded search engine's index (libs/search PostgresSearchIndex): derived from published
 * listings by the indexer, rebuilt by `npm run search:reindex`; no foreign keys on purpose.
 * `terms` (every term, GIN) decides what matches; `terms_head` (title, concepts, organization:
 * a few dozen terms) is what ranking reads, so ranking never detoasts long descriptions.
 */
export class Search1763900200000 implements MigrationInterface {
  name = 'Search1763900200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE EXTENSION IF NOT EXISTS pg_trgm;
      CREATE TABLE search_documents (
        id uuid PRIMARY KEY,
        kind text NOT NULL,
        version int NOT NULL,
        visibility text NOT NULL,
        organization_id uuid NOT NULL,
        organization_name text NOT NULL,
        verified boolean NOT NULL,
        title text NOT NULL,
        summary text NOT NULL,
        published_at timestamptz NOT NULL,
        amount_min numeric,
        amount_max numeric,
        concepts text[] NOT NULL,
        concepts_x text[] NOT NULL,
        terms tsvector NOT NULL,
        terms_head tsvector NOT NULL,
        choseong text NOT NULL,
        indexed_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX search_documents_terms_idx ON search_documents USING gin (terms);
      CREATE INDEX search_documents_terms_head_idx ON search_documents USING gin (terms_head);
      CREATE INDEX search_documents_concepts_idx ON search_documents USING gin (concepts_x);
      CREATE INDEX search_documents_choseong_idx ON search_documents USING gin (choseong gin_trgm_ops);
      CREATE INDEX search_documents_newest_idx ON search_documents (kind, published_at DESC, id DESC);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE search_documents');
  }
}
