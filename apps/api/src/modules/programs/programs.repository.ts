import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { updatedRows } from '../../database/updated-rows';
import type { ProgramStatus, SupportProgramFields, SupportProgramRow } from './dto/program.records';

const COLUMNS = `id, slug, status, name_ko AS "nameKo", name_en AS "nameEn", agency_ko AS "agencyKo", agency_en AS "agencyEn",
  benefit_ko AS "benefitKo", benefit_en AS "benefitEn", max_benefit_krw::float8 AS "maxBenefitKrw",
  to_char(opens_on, 'YYYY-MM-DD') AS "opensOn", to_char(closes_on, 'YYYY-MM-DD') AS "closesOn", url, rules,
  is_sample AS "isSample", source_note AS "sourceNote", version, created_by_id AS "createdById",
  created_at AS "createdAt", updated_at AS "updatedAt"`;

const FIELD_COLUMNS: Record<keyof SupportProgramFields, string> = {
  nameKo: 'name_ko',
  nameEn: 'name_en',
  agencyKo: 'agency_ko',
  agencyEn: 'agency_en',
  benefitKo: 'benefit_ko',
  benefitEn: 'benefit_en',
  maxBenefitKrw: 'max_benefit_krw',
  opensOn: 'opens_on',
  closesOn: 'closes_on',
  url: 'url',
  rules: 'rules',
  sourceNote: 'source_note',
};

/** The support-program catalogue in PostgreSQL. */
@Injectable()
export class ProgramsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private run(tx?: EntityManager): EntityManager {
    return tx ?? this.dataSource.manager;
  }

  async insert(
    tx: EntityManager,
    row: SupportProgramFields & { status: ProgramStatus; slug?: string | null; isSample?: boolean; createdById: string | null },
  ): Promise<SupportProgramRow | null> {
    const fields = Object.keys(FIELD_COLUMNS) as Array<keyof SupportProgramFields>;
    const columns = [...fields.map((f) => FIELD_COLUMNS[f]), 'status', 'slug', 'is_sample', 'created_by_id'];
    const values = [
      ...fields.map((f) => (f === 'rules' ? JSON.stringify(row.rules) : row[f])),
      row.status,
      row.slug ?? null,
      row.isSample ?? false,
      row.createdById,
    ];
    const rows: SupportProgramRow[] = await tx.query(
      `INSERT INTO support_programs (${columns.join(', ')}) VALUES (${values.map((_, i) => `$${i + 1}`).join(', ')})
       ON CONFLICT (slug) DO NOTHING RETURNING ${COLUMNS}`,
      values,
    );
    return rows[0] ?? null;
  }

  /** Updates when `version` is still current; null when it moved on (or the program is unknown). */
  async update(tx: EntityManager, id: string, version: number, fields: SupportProgramFields, now: Date): Promise<SupportProgramRow | null> {
    const keys = Object.keys(FIELD_COLUMNS) as Array<keyof SupportProgramFields>;
    const params: unknown[] = [id, version, now];
    const sets = keys.map((k) => {
      params.push(k === 'rules' ? JSON.stringify(fields.rules) : fields[k]);
      return `${FIELD_COLUMNS[k]} = $${params.length}`;
    });
    const rows = updatedRows<SupportProgramRow>(
      await tx.query(
        `UPDATE support_programs SET ${sets.join(', ')}, version = version + 1, updated_at = $3
       WHERE id = $1 AND version = $2 RETURNING ${COLUMNS}`,
        params,
      ),
    );
    return rows[0] ?? null;
  }

  async setStatus(tx: EntityManager, id: string, status: ProgramStatus, now: Date): Promise<SupportProgramRow | null> {
    const rows = updatedRows<SupportProgramRow>(
      await tx.query(`UPDATE support_programs SET status = $2, version = version + 1, updated_at = $3 WHERE id = $1 RETURNING ${COLUMNS}`, [
        id,
        status,
        now,
      ]),
    );
    return rows[0] ?? null;
  }

  async find(id: string, tx?: EntityManager): Promise<SupportProgramRow | null> {
    const rows: SupportProgramRow[] = await this.run(tx).query(`SELECT ${COLUMNS} FROM support_programs WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  async lockForUpdate(tx: EntityManager, id: string): Promise<SupportProgramRow | null> {
    const rows: SupportProgramRow[] = await tx.query(`SELECT ${COLUMNS} FROM support_programs WHERE id = $1 FOR UPDATE`, [id]);
    return rows[0] ?? null;
  }

  /** A page newest first among these statuses, keyset on (created_at, id). */
  async page(
    statuses: ProgramStatus[],
    limit: number,
    after: { createdAt: string; id: string } | null,
  ): Promise<{ rows: SupportProgramRow[]; total: number }> {
    const params: unknown[] = [statuses, limit + 1];
    let where = 'status = ANY($1)';
    if (after) {
      params.push(after.createdAt, after.id);
      where += ` AND (created_at, id) < ($3::timestamptz, $4::uuid)`;
    }
    const [rows, count] = await Promise.all([
      this.dataSource.query(`SELECT ${COLUMNS} FROM support_programs WHERE ${where} ORDER BY created_at DESC, id DESC LIMIT $2`, params),
      this.dataSource.query(`SELECT count(*)::int AS n FROM support_programs WHERE status = ANY($1)`, [statuses]),
    ]);
    return { rows: rows as SupportProgramRow[], total: (count as Array<{ n: number }>)[0].n };
  }

  /** Every published program whose application window has not closed before `today` (for eligibility). */
  async openPublished(today: string): Promise<SupportProgramRow[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM support_programs WHERE status = 'PUBLISHED' AND (closes_on IS NULL OR closes_on >= $1::date)
       ORDER BY created_at DESC, id DESC`,
      [today],
    );
  }

  /**
   * The catalogue's version: a trigger on support_programs bumps it in every writing statement, so
   * a process (any instance) knows its cached program list is current by reading one row.
   */
  async catalogueVersion(): Promise<string> {
    const [row] = await this.dataSource.query('SELECT version::text AS version FROM support_program_catalogue WHERE id = 1');
    return row.version as string;
  }
}
