/**
 * Reads `search_documents` changes in sequence order: rows inserted or updated after a cursor and
 * tombstones of rows deleted after it (migration SearchChangeFeed1763900450000). One statement,
 * so one snapshot: a page never shows a delete without the writes before it. The page is chosen
 * on (seq, id) first and only its rows are expanded, so a page costs what it returns.
 */
import type { SqlRunner } from '../postgres/postgres-search-index';
import type { SearchDocumentRow } from './records';

export interface SearchChange {
  seq: number;
  id: string;
  /** The row as it is now; null for a deletion. */
  row: SearchDocumentRow | null;
}

/** Separates lexemes in `SearchDocumentRow.lexemes` (the analyser never emits control characters). */
export const LEXEME_SEPARATOR = '\x1f';

export async function readChanges(sql: SqlRunner, after: number, limit: number): Promise<SearchChange[]> {
  const rows: Array<SearchDocumentRow & { seq: string; deleted: boolean }> = await sql(
    `WITH page AS (
       SELECT seq, id, false AS deleted FROM search_documents WHERE seq > $1
       UNION ALL
       SELECT seq, id, true FROM search_document_tombstones WHERE seq > $1
       ORDER BY seq LIMIT $2
     )
     SELECT p.seq, p.id, p.deleted, d.version, d.kind, d.visibility, d.verified,
            (extract(epoch FROM d.published_at) * 1000000)::bigint AS published_us,
            d.amount_min::float8 AS amount_min, d.amount_max::float8 AS amount_max,
            d.concepts, d.concepts_x, d.choseong,
            array_to_string(tsvector_to_array(d.terms), chr(31)) AS lexemes, d.terms_head::text AS head
       FROM page p LEFT JOIN search_documents d ON NOT p.deleted AND d.id = p.id AND d.seq = p.seq
      ORDER BY p.seq`,
    [after, limit],
  );
  return rows.map((r) => ({ seq: Number(r.seq), id: r.id, row: r.deleted ? null : r }));
}
