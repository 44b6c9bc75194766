import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { updatedRows } from '../../database/updated-rows';
import type { DetectedSignal, TrustSignalKind } from './trust-detectors';

export interface TrustSignalRow {
  id: string;
  organizationId: string;
  kind: TrustSignalKind;
  relatedOrganizationIds: string[];
  evidence: Record<string, unknown>;
  status: 'OPEN' | 'DISMISSED' | 'ACTIONED';
  statusReason: string | null;
  firstSeenAt: Date;
  lastSeenAt: Date;
}

export interface TrustCaseRow {
  organizationId: string;
  lastActivityAt: Date;
  openCount: number;
  counts: Array<{ kind: TrustSignalKind; count: number }>;
}

const COLUMNS = `id, organization_id AS "organizationId", kind, related_organization_ids AS "relatedOrganizationIds", evidence, status,
  status_reason AS "statusReason", first_seen_at AS "firstSeenAt", last_seen_at AS "lastSeenAt"`;

/** trust_signals: upserts by fingerprint, the cases view (signals grouped per organization) and status changes. */
@Injectable()
export class TrustRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts new signals and refreshes known ones (last seen, evidence, related organizations; the status stays); returns how many were new. */
  async upsert(tx: EntityManager, signals: DetectedSignal[], at: Date): Promise<number> {
    let added = 0;
    for (let i = 0; i < signals.length; i += 500) {
      const batch = signals.slice(i, i + 500);
      const rows: Array<{ inserted: boolean }> = await tx.query(
        `INSERT INTO trust_signals (organization_id, kind, related_organization_ids, evidence, fingerprint, first_seen_at, last_seen_at)
         SELECT s.organization_id, s.kind, s.related, s.evidence, s.fingerprint, $2, $2
           FROM jsonb_to_recordset($1::jsonb) AS s(organization_id uuid, kind text, related uuid[], evidence jsonb, fingerprint text)
         ON CONFLICT (fingerprint) DO UPDATE
           SET last_seen_at = EXCLUDED.last_seen_at, evidence = EXCLUDED.evidence, related_organization_ids = EXCLUDED.related_organization_ids
         RETURNING (xmax = 0) AS inserted`,
        [
          JSON.stringify(
            batch.map((s) => ({
              organization_id: s.organizationId,
              kind: s.kind,
              related: s.relatedOrganizationIds,
              evidence: s.evidence,
              fingerprint: s.fingerprint,
            })),
          ),
          at,
        ],
      );
      added += rows.filter((r) => r.inserted).length;
    }
    return added;
  }

  /** Organizations with signals of this status, newest activity first, keyset after (lastActivityAt, organizationId). */
  async cases(status: string, limit: number, after: [string, string] | null): Promise<{ rows: TrustCaseRow[]; total: number }> {
    const params: unknown[] = [status, limit + 1];
    let cursor = '';
    if (after) {
      params.push(after[0], after[1]);
      cursor = `WHERE (c."lastActivityAt", c."organizationId") < ($3::timestamptz, $4::uuid)`;
    }
    const rows: TrustCaseRow[] = await this.dataSource.query(
      `WITH per_kind AS (
         SELECT organization_id, kind, count(*)::int AS n, max(greatest(last_seen_at, coalesce(status_changed_at, last_seen_at))) AS at
           FROM trust_signals WHERE status = $1 GROUP BY organization_id, kind
       ), c AS (
         SELECT k.organization_id AS "organizationId", max(k.at) AS "lastActivityAt",
                json_agg(json_build_object('kind', k.kind, 'count', k.n) ORDER BY k.kind) AS counts,
                (SELECT count(*)::int FROM trust_signals s WHERE s.organization_id = k.organization_id AND s.status = 'OPEN') AS "openCount"
           FROM per_kind k GROUP BY k.organization_id
       )
       SELECT * FROM c ${cursor} ORDER BY c."lastActivityAt" DESC, c."organizationId" DESC LIMIT $2`,
      params,
    );
    const [{ total }] = await this.dataSource.query(
      `SELECT count(DISTINCT organization_id)::int AS total FROM trust_signals WHERE status = $1`,
      [status],
    );
    return { rows: rows.map((r) => ({ ...r, lastActivityAt: new Date(r.lastActivityAt) })), total };
  }

  signalsOf(organizationId: string, status?: string): Promise<TrustSignalRow[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM trust_signals WHERE organization_id = $1 AND ($2::text IS NULL OR status = $2)
        ORDER BY (status = 'OPEN') DESC, last_seen_at DESC, id`,
      [organizationId, status ?? null],
    );
  }

  /** These signals, locked in the caller's transaction. */
  lock(tx: EntityManager, ids: string[]): Promise<TrustSignalRow[]> {
    return tx.query(`SELECT ${COLUMNS} FROM trust_signals WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [ids]);
  }

  /** Sets the status of these signals (or of the organization's open ones); returns the ids changed. */
  async setStatus(
    tx: EntityManager,
    where: { ids: string[] } | { openOf: string },
    change: { status: 'DISMISSED' | 'ACTIONED'; reason: string; byId: string; at: Date },
  ): Promise<string[]> {
    const result: unknown = await tx.query(
      `UPDATE trust_signals SET status = $1, status_reason = $2, status_changed_by_id = $3, status_changed_at = $4
        WHERE ${'ids' in where ? 'id = ANY($5::uuid[])' : "organization_id = $5::uuid AND status = 'OPEN'"}
        RETURNING id`,
      [change.status, change.reason, change.byId, change.at, 'ids' in where ? where.ids : where.openOf],
    );
    return updatedRows<{ id: string }>(result).map((r) => r.id);
  }

  async openCaseCount(): Promise<number> {
    const [{ n }] = await this.dataSource.query(
      `SELECT count(DISTINCT organization_id)::int AS n FROM trust_signals WHERE status = 'OPEN'`,
    );
    return n;
  }
}
