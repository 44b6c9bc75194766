import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A change feed over `search_documents` for the in-process engine (libs/search MemorySearchIndex):
 * every insert or update takes the next `seq`, every delete leaves a tombstone with one, so each
 * API process loads the table once and then reads only `seq > last seen`.
 *
 * The trigger takes a transaction-scoped advisory lock before drawing a number and keeps it until
 * commit: writers are serialised, sequence order is commit order, and a reader that has seen `n`
 * has seen every change below `n` (no change commits late behind the reader's cursor).
 */
export class SearchChangeFeed1763900450000 implements MigrationInterface {
  name = 'SearchChangeFeed1763900450000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE SEQUENCE search_documents_seq;
      ALTER TABLE search_documents ADD COLUMN seq bigint;
      UPDATE search_documents SET seq = nextval('search_documents_seq');
      ALTER TABLE search_documents ALTER COLUMN seq SET NOT NULL;
      CREATE INDEX search_documents_seq_idx ON search_documents (seq);
      CREATE TABLE search_document_tombstones (
        seq bigint PRIMARY KEY,
        id uuid NOT NULL,
        deleted_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE FUNCTION search_documents_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(7301002);
        IF TG_OP = 'DELETE' THEN
          INSERT INTO search_document_tombstones (seq, id) VALUES (nextval('search_documents_seq'), OLD.id);
          RETURN OLD;
        END IF;
        NEW.seq := nextval('search_documents_seq');
        RETURN NEW;
      END $$;
      CREATE TRIGGER search_documents_change BEFORE INSERT OR UPDATE OR DELETE ON search_documents
        FOR EACH ROW EXECUTE FUNCTION search_documents_change();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER search_documents_change ON search_documents;
      DROP FUNCTION search_documents_change();
      DROP TABLE search_document_tombstones;
      ALTER TABLE search_documents DROP COLUMN seq;
      DROP SEQUENCE search_documents_seq;
    `);
  }
}
