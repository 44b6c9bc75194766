import type { PrecheckReport } from '@aimatch/marketplace';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { updatedRows } from '../../database/updated-rows';

export interface FingerprintCandidate {
  listingId: string;
  organizationId: string;
  signature: number[];
}

export interface StoredReport {
  listingId: string;
  listingVersion: number;
  report: PrecheckReport & { keywordsKey?: string };
  checkedAt: Date;
}

export interface ProhibitedKeywordRow {
  id: string;
  term: string;
  note: string | null;
  createdById: string | null;
  createdAt: Date;
}

const KEYWORD_COLUMNS = `id, term, note, created_by AS "createdById", created_at AS "createdAt"`;

/** Fingerprints with their LSH bands, pre-check reports and the prohibited keywords, in PostgreSQL. */
@Injectable()
export class CurationRepository {
  constructor(private readonly dataSource: DataSource) {}

  private run(tx?: EntityManager): EntityManager {
    return tx ?? this.dataSource.manager;
  }

  /** Replaces a listing's fingerprint and its band keys (one statement each, in the caller's transaction). */
  async putFingerprint(
    tx: EntityManager,
    f: { listingId: string; organizationId: string; version: number; signature: number[]; bands: number[] },
  ): Promise<void> {
    await tx.query(
      `INSERT INTO listing_fingerprints (listing_id, organization_id, listing_version, signature, updated_at)
       VALUES ($1, $2, $3, $4::int4[], now())
       ON CONFLICT (listing_id) DO UPDATE SET organization_id = EXCLUDED.organization_id,
         listing_version = EXCLUDED.listing_version, signature = EXCLUDED.signature, updated_at = now()`,
      [f.listingId, f.organizationId, f.version, f.signature],
    );
    await tx.query(`DELETE FROM listing_fingerprint_bands WHERE listing_id = $1`, [f.listingId]);
    await tx.query(
      `INSERT INTO listing_fingerprint_bands (band_key, listing_id) SELECT DISTINCT unnest($2::bigint[]), $1::uuid ON CONFLICT DO NOTHING`,
      [f.listingId, f.bands.map(String)],
    );
  }

  /** Many fingerprints at once (backfill, benchmarks): two statements for the whole batch. */
  async putFingerprints(
    tx: EntityManager,
    rows: Array<{ listingId: string; organizationId: string; version: number; signature: number[]; bands: number[] }>,
  ): Promise<void> {
    if (rows.length === 0) return;
    await tx.query(
      `INSERT INTO listing_fingerprints (listing_id, organization_id, listing_version, signature)
       SELECT r.listing_id, r.organization_id, r.version, ARRAY(SELECT jsonb_array_elements_text(r.signature)::int4)
         FROM jsonb_to_recordset($1::jsonb) AS r(listing_id uuid, organization_id uuid, version int, signature jsonb)
       ON CONFLICT (listing_id) DO UPDATE SET organization_id = EXCLUDED.organization_id,
         listing_version = EXCLUDED.listing_version, signature = EXCLUDED.signature, updated_at = now()`,
      [
        JSON.stringify(
          rows.map((r) => ({ listing_id: r.listingId, organization_id: r.organizationId, version: r.version, signature: r.signature })),
        ),
      ],
    );
    await tx.query(`DELETE FROM listing_fingerprint_bands WHERE listing_id = ANY($1::uuid[])`, [rows.map((r) => r.listingId)]);
    const ids: string[] = [];
    const keys: string[] = [];
    for (const r of rows) {
      for (const k of new Set(r.bands)) {
        ids.push(r.listingId);
        keys.push(String(k));
      }
    }
    await tx.query(
      `INSERT INTO listing_fingerprint_bands (band_key, listing_id) SELECT * FROM unnest($1::bigint[], $2::uuid[]) ON CONFLICT DO NOTHING`,
      [keys, ids],
    );
  }

  async deleteFingerprint(tx: EntityManager, listingId: string): Promise<void> {
    await tx.query(`DELETE FROM listing_fingerprints WHERE listing_id = $1`, [listingId]);
  }

  /** Listings sharing at least one band key with these, other than `excludeId`, with their signatures. */
  candidates(bands: number[], excludeId: string, tx?: EntityManager): Promise<FingerprintCandidate[]> {
    return this.run(tx).query(
      `SELECT f.listing_id AS "listingId", f.organization_id AS "organizationId", f.signature
         FROM listing_fingerprints f
        WHERE f.listing_id IN (SELECT DISTINCT b.listing_id FROM listing_fingerprint_bands b
                                WHERE b.band_key = ANY($1::bigint[]) AND b.listing_id <> $2)`,
      [bands.map(String), excludeId],
    );
  }

  /** Which of these listings have no fingerprint yet. */
  async withoutFingerprint(ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM unnest($1::uuid[]) AS id WHERE NOT EXISTS (SELECT 1 FROM listing_fingerprints f WHERE f.listing_id = id)`,
      [ids],
    );
    return rows.map((r) => r.id);
  }

  async saveReport(tx: EntityManager, r: { listingId: string; version: number; report: PrecheckReport; checkedAt: Date }): Promise<void> {
    await tx.query(
      `INSERT INTO listing_prechecks (listing_id, listing_version, report, checked_at) VALUES ($1, $2, $3::jsonb, $4)
       ON CONFLICT (listing_id) DO UPDATE SET listing_version = EXCLUDED.listing_version, report = EXCLUDED.report, checked_at = EXCLUDED.checked_at`,
      [r.listingId, r.version, JSON.stringify(r.report), r.checkedAt],
    );
  }

  reports(ids: string[]): Promise<StoredReport[]> {
    return this.dataSource.query(
      `SELECT listing_id AS "listingId", listing_version AS "listingVersion", report, checked_at AS "checkedAt"
         FROM listing_prechecks WHERE listing_id = ANY($1::uuid[])`,
      [ids],
    );
  }

  keywords(tx?: EntityManager): Promise<ProhibitedKeywordRow[]> {
    return this.run(tx).query(`SELECT ${KEYWORD_COLUMNS} FROM prohibited_keywords ORDER BY created_at, id`);
  }

  async countKeywords(tx: EntityManager): Promise<number> {
    const [{ n }] = await tx.query(`SELECT count(*)::int AS n FROM prohibited_keywords`);
    return n as number;
  }

  /** The new keyword, or null when its compact form is already listed. */
  async insertKeyword(
    tx: EntityManager,
    k: { term: string; compact: string; note: string | null; createdBy: string },
  ): Promise<ProhibitedKeywordRow | null> {
    const rows: ProhibitedKeywordRow[] = await tx.query(
      `INSERT INTO prohibited_keywords (term, compact, note, created_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (compact) DO NOTHING RETURNING ${KEYWORD_COLUMNS}`,
      [k.term, k.compact, k.note, k.createdBy],
    );
    return rows[0] ?? null;
  }

  async deleteKeyword(tx: EntityManager, id: string): Promise<ProhibitedKeywordRow | null> {
    const rows = updatedRows<ProhibitedKeywordRow>(
      await tx.query(`DELETE FROM prohibited_keywords WHERE id = $1 RETURNING ${KEYWORD_COLUMNS}`, [id]),
    );
    return rows[0] ?? null;
  }
}
