/**
 * PostgreSQL-native engine (SEARCH_ENGINE=postgres, and the benchmark's runner-up): a
 * `search_documents` table in the application's PostgreSQL (created by a migration) with a
 * weighted tsvector of korean-text terms (GIN), an array of concept ids with their ancestors
 * (GIN) for filters, and a choseong key. The same table is the durable store the default
 * in-process engine (MemorySearchIndex) writes through and loads from.
 */
import {
  CONCEPT_FACETS,
  type FacetName,
  type IndexSettings,
  type SearchDocument,
  type SearchIndex,
  type SearchRequest,
  type SearchResult,
} from '../../port';

/** Runs SQL with positional parameters and returns the rows (TypeORM's DataSource.query or a pg Pool wrapper). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows are as loose as the driver returns them; callers name their columns
export type SqlRunner = (sql: string, params?: unknown[]) => Promise<any[]>;

/** The one row a search query returns: hits, facet counts and the total, as JSON aggregates. */
interface SearchRow {
  top: unknown;
  total: number;
  hits: Array<{ id: string; score: number }>;
  facets: Array<{ v: string; n: number }>;
  verified: Array<{ v: string; n: number }>;
}

/** A row an upsert or delete touched, with its change-feed sequence (bigint as text). */
export interface WrittenRow {
  id: string;
  seq: string;
}

const TABLE = 'search_documents';
/** How long a delete stays in the change feed (see `pruneTombstones`). */
export const TOMBSTONE_DAYS = 7;
/** ts_rank weights for D, C, B, A. */
const WEIGHTS = '{0.05, 0.2, 0.5, 1.0}';

/** A lexeme list as a tsquery literal, each lexeme quoted verbatim (no parser runs). */
export function tsqueryOf(terms: string[], operator: '|' | '&' = '|'): string {
  return terms.map(quote).join(` ${operator} `);
}

const quote = (t: string) => `'${t.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/**
 * A tsvector literal with a position and a weight per term (weights live on positions, so
 * `array_to_tsvector`, which has none, would lose them). Cast with `::tsvector`: no parser runs.
 */
export function tsvectorLiteral(terms: SearchDocument['terms']): string {
  const parts: string[] = [];
  let position = 0;
  for (const [weight, list] of [
    ['A', terms.a],
    ['B', terms.b],
    ['C', terms.c],
  ] as const) {
    for (const term of list) {
      if (!term || position >= 16_383) continue;
      parts.push(`${quote(term)}:${++position}${weight}`);
    }
  }
  return parts.join(' ');
}

export class PostgresSearchIndex implements SearchIndex {
  readonly engine = 'postgres';

  constructor(private readonly sql: SqlRunner) {}

  async ensureIndex(_settings: IndexSettings): Promise<void> {
    const [row] = await this.sql(`SELECT to_regclass($1) AS t`, [TABLE]);
    if (!row?.t) throw new Error(`table ${TABLE} is missing: run the migrations`);
  }

  async upsert(docs: SearchDocument[]): Promise<void> {
    await this.write(docs);
  }

  /**
   * Upserts in batches of 500 rows per statement; an older version never replaces a newer one.
   * Returns the rows written with their change-feed sequence (MemorySearchIndex applies exactly those).
   */
  async write(docs: SearchDocument[]): Promise<WrittenRow[]> {
    const written: WrittenRow[] = [];
    for (let i = 0; i < docs.length; i += 500) {
      const rows = docs.slice(i, i + 500).map((d) => ({
        id: d.id,
        kind: d.kind,
        version: d.version,
        visibility: d.visibility,
        organization_id: d.organizationId,
        organization_name: d.organizationName,
        verified: d.verified,
        title: d.title,
        summary: d.summary,
        published_at: d.publishedAt,
        amount_min: d.amountMin,
        amount_max: d.amountMax,
        concepts: CONCEPT_FACETS.flatMap((f) => d.concepts[f]),
        concepts_x: [...new Set(CONCEPT_FACETS.flatMap((f) => d.conceptsExpanded[f]))],
        terms: tsvectorLiteral(d.terms),
        terms_head: tsvectorLiteral({ a: d.terms.a, b: d.terms.b, c: [] }),
        choseong: d.choseong,
      }));
      const returned = await this.sql(
        `INSERT INTO ${TABLE} (id, kind, version, visibility, organization_id, organization_name, verified, title, summary,
                               published_at, amount_min, amount_max, concepts, concepts_x, terms, terms_head, choseong, indexed_at)
         SELECT DISTINCT ON (x.id) x.id, x.kind, x.version, x.visibility, x.organization_id, x.organization_name, x.verified, x.title, x.summary,
                x.published_at, x.amount_min, x.amount_max, x.concepts, x.concepts_x, x.terms::tsvector, x.terms_head::tsvector, x.choseong, now()
           FROM json_to_recordset($1::json) AS x(id uuid, kind text, version int, visibility text, organization_id uuid,
                organization_name text, verified boolean, title text, summary text, published_at timestamptz,
                amount_min numeric, amount_max numeric, concepts text[], concepts_x text[], terms text, terms_head text, choseong text)
          ORDER BY x.id, x.version DESC
         ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, version = EXCLUDED.version, visibility = EXCLUDED.visibility,
           organization_id = EXCLUDED.organization_id, organization_name = EXCLUDED.organization_name, verified = EXCLUDED.verified,
           title = EXCLUDED.title, summary = EXCLUDED.summary, published_at = EXCLUDED.published_at,
           amount_min = EXCLUDED.amount_min, amount_max = EXCLUDED.amount_max, concepts = EXCLUDED.concepts,
           concepts_x = EXCLUDED.concepts_x, terms = EXCLUDED.terms, terms_head = EXCLUDED.terms_head, choseong = EXCLUDED.choseong, indexed_at = now()
         WHERE ${TABLE}.version <= EXCLUDED.version
         RETURNING id, seq`,
        [JSON.stringify(rows)],
      );
      written.push(...returned);
    }
    return written;
  }

  async delete(ids: string[]): Promise<void> {
    await this.remove(ids);
  }

  /** Deletes (all documents when `ids` is null) and returns the deleted rows with the sequence they had. */
  async remove(ids: string[] | null): Promise<WrittenRow[]> {
    if (ids?.length === 0) return [];
    // Through a CTE: TypeORM returns [rows, count] for a bare DELETE … RETURNING.
    const gone: WrittenRow[] = await this.sql(
      `WITH gone AS (DELETE FROM ${TABLE} ${ids ? 'WHERE id = ANY($1::uuid[])' : ''} RETURNING id, seq) SELECT id, seq FROM gone`,
      ids ? [ids] : [],
    );
    return gone;
  }

  /**
   * Deletes the change feed's tombstones older than TOMBSTONE_DAYS before `now`; returns how many.
   * Tombstones serve processes tailing the feed (every 200 ms); a process that starts loads the
   * table instead. A week is far beyond any reader's lag, and keeps the table from growing forever.
   * The api runs this as a scheduled sweep, not on every delete.
   */
  async pruneTombstones(now: Date): Promise<number> {
    // Through a CTE: TypeORM returns [rows, count] for a bare DELETE … RETURNING.
    const [row] = await this.sql(
      `WITH gone AS (DELETE FROM search_document_tombstones WHERE deleted_at < $1::timestamptz - interval '${TOMBSTONE_DAYS} days' RETURNING 1)
       SELECT count(*)::int AS n FROM gone`,
      [now],
    );
    return row.n;
  }

  async clear(): Promise<void> {
    await this.remove(null);
  }

  async stats(): Promise<{ documents: number }> {
    const [row] = await this.sql(`SELECT count(*)::int AS n FROM ${TABLE}`);
    return { documents: row.n };
  }

  /**
   * Text queries run strict first (every text term present, or a concept the query names) and
   * fall back to any-term matching only when strict finds too few: selective and fast for the
   * usual two- or three-word query, still forgiving for long sentences.
   */
  async search(r: SearchRequest): Promise<SearchResult> {
    const started = performance.now();
    const q = r.query;
    const text = q ? q.terms.filter((t) => !q.boostTerms.includes(t)) : [];
    if (q && !q.choseong && text.length > 1) {
      const strict = await this.run(r, 'strict');
      if (strict.total >= r.offset + r.limit) return this.result(r, strict, started);
    }
    return this.result(r, await this.run(r, 'loose'), started);
  }

  private result(r: SearchRequest, row: SearchRow, started: number): SearchResult {
    const top = Number(row.top) || 0;
    const hits = (row.hits as Array<{ id: string; score: number }>).map((h) => ({
      id: h.id,
      score: top > 0 ? Math.min(1, Number(h.score) / top) : r.query ? 1 : 0,
    }));
    const facetDistribution: SearchResult['facetDistribution'] = {};
    for (const f of r.facets) facetDistribution[f] = {};
    for (const { v, n } of row.facets as Array<{ v: string; n: number }>) {
      const facet = v.split(':')[2] as FacetName;
      if (facetDistribution[facet]) facetDistribution[facet][v] = n;
    }
    for (const { v, n } of row.verified as Array<{ v: string; n: number }>) facetDistribution.verified![v] = n;
    return { hits, facetDistribution, estimatedTotal: row.total, tookMs: performance.now() - started };
  }

  private async run(r: SearchRequest, mode: 'strict' | 'loose'): Promise<SearchRow> {
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const where: string[] = [`d.visibility = ANY(${p(r.filters.visibility)}::text[])`];
    if (r.filters.kind) where.push(`d.kind = ${p(r.filters.kind)}`);
    if (r.filters.verifiedOnly) where.push('d.verified');
    for (const [, ids] of Object.entries(r.filters.concepts ?? {})) {
      if (ids?.length) where.push(`d.concepts_x && ${p(ids)}::text[]`);
    }
    if (r.filters.amountMin !== undefined) where.push(`(d.amount_max IS NULL OR d.amount_max >= ${p(r.filters.amountMin)})`);
    if (r.filters.amountMax !== undefined) where.push(`(d.amount_min IS NULL OR d.amount_min <= ${p(r.filters.amountMax)})`);

    let score = '0::real';
    const q = r.query;
    if (q?.choseong) {
      where.push(`d.choseong LIKE ${p(`%${q.choseong.replace(/[\\%_]/g, (m) => `\\${m}`)}%`)}`);
      // The key starts with the title, then the organization, then concept labels: earlier is better.
      score = `1.0 / (1 + strpos(d.choseong, ${p(q.choseong)}) / 20.0)`;
    } else if (q && q.terms.length) {
      const text = q.terms.filter((t) => !q.boostTerms.includes(t));
      const any = p(tsqueryOf(q.terms));
      const boost = q.boostTerms.length ? p(tsqueryOf(q.boostTerms)) : null;
      if (mode === 'strict') {
        where.push(`(d.terms @@ ${p(tsqueryOf(text, '&'))}::tsquery${boost ? ` OR d.terms_head @@ ${boost}::tsquery` : ''})`);
      } else {
        // The relevance floor (PlannedQuery.words): a named concept, or enough whole words of the query.
        const floor = q.words?.length ? Math.min(q.minWords ?? 1, q.words.length) : 0;
        if (floor > 0) {
          const spelt = (w: string[][]) => w.map((terms) => `(${tsqueryOf(terms, '&')})`).join(' | ');
          const found = q.words!.map((w) => `(d.terms @@ ${p(spelt(w))}::tsquery)::int`).join(' + ');
          const enough = `(d.terms @@ ${any}::tsquery AND (${found}) >= ${floor})`;
          where.push(boost ? `(d.terms @@ ${boost}::tsquery OR ${enough})` : enough);
        } else {
          where.push(`d.terms @@ ${any}::tsquery`);
        }
      }
      score = `ts_rank('${WEIGHTS}', d.terms_head, ${any}::tsquery)`;
      if (boost) score += ` + CASE WHEN d.terms_head @@ ${boost}::tsquery THEN 0.5 ELSE 0 END`;
      if (mode === 'loose' && text.length > 1) score += ` + 0.2 * (d.terms @@ ${p(tsqueryOf(text, '&'))}::tsquery)::int`;
    }

    const order =
      r.sort === 'newest' || (r.sort === 'relevance' && !q)
        ? 'published_at DESC, id DESC'
        : r.sort === 'amount_asc'
          ? 'amount_min ASC NULLS LAST, id ASC'
          : r.sort === 'amount_desc'
            ? 'amount_max DESC NULLS LAST, id ASC'
            : 'score DESC, published_at DESC, id DESC';
    const conceptFacets = r.facets.filter((f) => f !== 'verified');
    const sql = `
      WITH matched AS MATERIALIZED (
        SELECT d.id, d.published_at, d.amount_min, d.amount_max, d.concepts, d.verified, (${score})::real AS score
          FROM ${TABLE} d WHERE ${where.join(' AND ')}
      ),
      page AS (SELECT id, score, published_at, amount_min, amount_max FROM matched ORDER BY ${order} LIMIT ${p(r.limit)} OFFSET ${p(r.offset)})
      SELECT (SELECT count(*)::int FROM matched) AS total,
             (SELECT max(score) FROM matched) AS top,
             (SELECT coalesce(json_agg(json_build_object('id', id, 'score', score) ORDER BY ${order}), '[]'::json) FROM page) AS hits,
             ${conceptFacets.length ? `(SELECT coalesce(json_agg(json_build_object('v', v, 'n', n)), '[]'::json) FROM (SELECT c AS v, count(*)::int AS n FROM matched, unnest(matched.concepts) c WHERE split_part(c, ':', 3) = ANY(${p(conceptFacets)}::text[]) GROUP BY c) f)` : `'[]'::json`} AS facets,
             ${r.facets.includes('verified') ? `(SELECT coalesce(json_agg(json_build_object('v', verified::text, 'n', n)), '[]'::json) FROM (SELECT verified, count(*)::int AS n FROM matched GROUP BY verified) v)` : `'[]'::json`} AS verified`;
    const [row] = await this.sql(sql, params);
    return row;
  }
}
