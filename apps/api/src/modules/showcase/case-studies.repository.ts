import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { DataSource, type EntityManager } from 'typeorm';
import type { LoaderFactory } from '../../graphql/loader-registry';
import type { CaseStudyRow } from './dto/case-study.dto';

/** The key of one organization's page in `CaseStudiesRepository.pageLoader`. */
export const pageKey = (organizationId: string, limit: number, after: [number, string] | null) =>
  JSON.stringify([organizationId, limit, after]);

const COLUMNS = `id, organization_id AS "organizationId", title, client, industry_id AS "industryId", year, summary,
  task_ids AS "taskIds", position, created_at AS "createdAt", updated_at AS "updatedAt"`;

export interface CaseStudyFields {
  title: string;
  client: string | null;
  industryId: string;
  year: number;
  summary: string;
  taskIds: string[];
}

/** Case studies in PostgreSQL (table owned by modules/showcase). */
@Injectable()
export class CaseStudiesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The same page (first `limit`, after the keyset `after`) of many organizations' case studies in
   * the owners' order (position, id): two queries for the whole batch.
   */
  async pages(
    organizationIds: readonly string[],
    limit: number,
    after: [number, string] | null,
  ): Promise<Map<string, { rows: CaseStudyRow[]; total: number }>> {
    const m = this.dataSource.manager;
    const rows: Array<CaseStudyRow & { rn: number }> = await m.query(
      `SELECT * FROM (
         SELECT ${COLUMNS}, row_number() OVER (PARTITION BY organization_id ORDER BY position, id)::int AS rn FROM case_studies
          WHERE organization_id = ANY($1::uuid[]) AND ($2::int IS NULL OR (position, id) > ($2::int, $3::uuid))
       ) page WHERE rn <= $4 ORDER BY "organizationId", rn`,
      [organizationIds, after?.[0] ?? null, after?.[1] ?? null, limit + 1],
    );
    const counts: Array<{ id: string; n: number }> = await m.query(
      'SELECT organization_id AS id, count(*)::int AS n FROM case_studies WHERE organization_id = ANY($1::uuid[]) GROUP BY organization_id',
      [organizationIds],
    );
    const out = new Map(organizationIds.map((id) => [id, { rows: [] as CaseStudyRow[], total: 0 }]));
    for (const { rn: _rn, ...row } of rows) out.get(row.organizationId)!.rows.push(row);
    for (const c of counts) out.get(c.id)!.total = c.n;
    return out;
  }

  /**
   * Pages per request, batched across organizations (an organization list asking each one's case
   * studies is two queries, not 2 × N); keyed by `pageKey`.
   */
  readonly pageLoader: LoaderFactory<string, { rows: CaseStudyRow[]; total: number }> = {
    create: () =>
      new DataLoader(async (keys) => {
        const groups = new Map<string, { limit: number; after: [number, string] | null; ids: string[] }>();
        for (const key of keys) {
          const [organizationId, limit, after] = JSON.parse(key) as [string, number, [number, string] | null];
          const group = JSON.stringify([limit, after]);
          if (!groups.has(group)) groups.set(group, { limit, after, ids: [] });
          groups.get(group)!.ids.push(organizationId);
        }
        const found = new Map<string, { rows: CaseStudyRow[]; total: number }>();
        for (const [group, { limit, after, ids }] of groups) {
          for (const [id, page] of await this.pages([...new Set(ids)], limit, after))
            found.set(JSON.stringify([id, ...JSON.parse(group)]), page);
        }
        return keys.map((k) => found.get(k)!);
      }),
  };

  async find(id: string, tx: EntityManager = this.dataSource.manager, lock = false): Promise<CaseStudyRow | null> {
    const rows: CaseStudyRow[] = await tx.query(`SELECT ${COLUMNS} FROM case_studies WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
    return rows[0] ?? null;
  }

  /** Every case study of the organization in order (inside the caller's transaction). */
  async allOf(tx: EntityManager, organizationId: string): Promise<CaseStudyRow[]> {
    return tx.query(`SELECT ${COLUMNS} FROM case_studies WHERE organization_id = $1 ORDER BY position, id`, [organizationId]);
  }

  async insert(
    tx: EntityManager,
    organizationId: string,
    f: CaseStudyFields,
    position: number,
    byUserId: string,
    at: Date,
  ): Promise<CaseStudyRow> {
    const [row]: CaseStudyRow[] = await tx.query(
      `INSERT INTO case_studies (organization_id, title, client, industry_id, year, summary, task_ids, position, created_by_id, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7::text[], $8, $9, $10, $10) RETURNING ${COLUMNS}`,
      [organizationId, f.title, f.client, f.industryId, f.year, f.summary, f.taskIds, position, byUserId, at],
    );
    return row;
  }

  async update(tx: EntityManager, id: string, f: CaseStudyFields, at: Date): Promise<CaseStudyRow> {
    const [rows]: [CaseStudyRow[], number] = await tx.query(
      `UPDATE case_studies SET title = $2, client = $3, industry_id = $4, year = $5, summary = $6, task_ids = $7::text[], updated_at = $8
        WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, f.title, f.client, f.industryId, f.year, f.summary, f.taskIds, at],
    );
    return rows[0];
  }

  async delete(tx: EntityManager, id: string): Promise<void> {
    await tx.query('DELETE FROM case_studies WHERE id = $1', [id]);
  }

  /** Positions 0..n-1 in the order of `ids` (all of the organization's, checked by the caller). */
  async setOrder(tx: EntityManager, ids: readonly string[], at: Date): Promise<void> {
    await tx.query(
      `UPDATE case_studies c SET position = o.ord - 1, updated_at = $2
         FROM unnest($1::uuid[]) WITH ORDINALITY AS o(id, ord) WHERE c.id = o.id`,
      [[...ids], at],
    );
  }
}
