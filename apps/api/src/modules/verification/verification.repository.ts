import type { VerificationRequestStatus, VerificationStatus } from '@aimatch/contracts';
import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { DataSource, type EntityManager } from 'typeorm';
import type { LoaderFactory } from '../../graphql/loader-registry';

export interface VerificationRequestRow {
  id: string;
  organizationId: string;
  requestedById: string | null;
  note: string;
  status: VerificationRequestStatus;
  /** The organization's status before the request. */
  previousStatus: VerificationStatus;
  decidedById: string | null;
  decisionReason: string | null;
  decidedAt: Date | null;
  createdAt: Date;
}

export interface SuspensionRow {
  id: string;
  organizationId: string;
  reason: string;
  /** What unsuspending restores. */
  previousStatus: VerificationStatus;
  suspendedById: string | null;
  suspendedAt: Date;
  liftedAt: Date | null;
}

const REQUEST_COLUMNS = `id, organization_id AS "organizationId", requested_by_id AS "requestedById", note, status,
  previous_status AS "previousStatus", decided_by_id AS "decidedById", decision_reason AS "decisionReason",
  decided_at AS "decidedAt", created_at AS "createdAt"`;
const SUSPENSION_COLUMNS = `id, organization_id AS "organizationId", reason, previous_status AS "previousStatus",
  suspended_by_id AS "suspendedById", suspended_at AS "suspendedAt", lifted_at AS "liftedAt"`;

/** Verification requests and suspensions in PostgreSQL. */
@Injectable()
export class VerificationRepository {
  /** The latest request of each organization (any status), keyed by organization id. */
  readonly latestRequestLoader: LoaderFactory<string, VerificationRequestRow | null> = {
    create: () =>
      new DataLoader(async (ids) => {
        const rows: VerificationRequestRow[] = await this.manager.query(
          `SELECT DISTINCT ON (organization_id) ${REQUEST_COLUMNS} FROM verification_requests
            WHERE organization_id = ANY($1::uuid[]) ORDER BY organization_id, created_at DESC, id DESC`,
          [[...ids]],
        );
        const map = new Map(rows.map((r) => [r.organizationId, r]));
        return ids.map((id) => map.get(id) ?? null);
      }),
  };
  /** The active suspension of each organization, keyed by organization id. */
  readonly activeSuspensionLoader: LoaderFactory<string, SuspensionRow | null> = {
    create: () =>
      new DataLoader(async (ids) => {
        const rows: SuspensionRow[] = await this.manager.query(
          `SELECT ${SUSPENSION_COLUMNS} FROM organization_suspensions WHERE organization_id = ANY($1::uuid[]) AND lifted_at IS NULL`,
          [[...ids]],
        );
        const map = new Map(rows.map((r) => [r.organizationId, r]));
        return ids.map((id) => map.get(id) ?? null);
      }),
  };

  constructor(private readonly dataSource: DataSource) {}

  private get manager(): EntityManager {
    return this.dataSource.manager;
  }

  async insertRequest(
    tx: EntityManager,
    row: { organizationId: string; requestedById: string; note: string; previousStatus: VerificationStatus },
  ): Promise<VerificationRequestRow> {
    const [inserted]: VerificationRequestRow[] = await tx.query(
      `INSERT INTO verification_requests (organization_id, requested_by_id, note, previous_status)
       VALUES ($1, $2, $3, $4) RETURNING ${REQUEST_COLUMNS}`,
      [row.organizationId, row.requestedById, row.note, row.previousStatus],
    );
    return inserted;
  }

  async findRequest(id: string, tx: EntityManager = this.manager, lock = false): Promise<VerificationRequestRow | null> {
    const rows: VerificationRequestRow[] = await tx.query(
      `SELECT ${REQUEST_COLUMNS} FROM verification_requests WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ?? null;
  }

  async openRequestOf(organizationId: string, tx: EntityManager = this.manager): Promise<VerificationRequestRow | null> {
    const rows: VerificationRequestRow[] = await tx.query(
      `SELECT ${REQUEST_COLUMNS} FROM verification_requests WHERE organization_id = $1 AND status = 'OPEN'`,
      [organizationId],
    );
    return rows[0] ?? null;
  }

  /** Decides an OPEN request; null when it was no longer open. */
  async decide(
    tx: EntityManager,
    id: string,
    decision: { status: VerificationRequestStatus; reason: string | null; decidedById: string; at: Date },
  ): Promise<VerificationRequestRow | null> {
    const [rows]: [VerificationRequestRow[], number] = await tx.query(
      `UPDATE verification_requests SET status = $2, decision_reason = $3, decided_by_id = $4, decided_at = $5
        WHERE id = $1 AND status = 'OPEN' RETURNING ${REQUEST_COLUMNS}`,
      [id, decision.status, decision.reason, decision.decidedById, decision.at],
    );
    return rows[0] ?? null;
  }

  /** Open requests, oldest first. */
  async queuePage(limit: number, after: unknown[] | null): Promise<{ rows: VerificationRequestRow[]; total: number }> {
    const [{ total }]: Array<{ total: number }> = await this.manager.query(
      `SELECT count(*)::int AS total FROM verification_requests WHERE status = 'OPEN'`,
    );
    const rows: VerificationRequestRow[] = await this.manager.query(
      `SELECT ${REQUEST_COLUMNS} FROM verification_requests
        WHERE status = 'OPEN' AND ($1::timestamptz IS NULL OR (created_at, id) > ($1::timestamptz, $2::uuid))
        ORDER BY created_at, id LIMIT $3`,
      [after?.[0] ?? null, after?.[1] ?? null, limit + 1],
    );
    return { rows, total };
  }

  /** Every request of the organization, newest first. */
  historyOf(organizationId: string): Promise<VerificationRequestRow[]> {
    return this.manager.query(
      `SELECT ${REQUEST_COLUMNS} FROM verification_requests WHERE organization_id = $1 ORDER BY created_at DESC, id DESC`,
      [organizationId],
    );
  }

  async activeSuspension(organizationId: string, tx: EntityManager = this.manager): Promise<SuspensionRow | null> {
    const rows: SuspensionRow[] = await tx.query(
      `SELECT ${SUSPENSION_COLUMNS} FROM organization_suspensions WHERE organization_id = $1 AND lifted_at IS NULL`,
      [organizationId],
    );
    return rows[0] ?? null;
  }

  async insertSuspension(
    tx: EntityManager,
    row: { organizationId: string; reason: string; previousStatus: VerificationStatus; suspendedById: string; at: Date },
  ): Promise<void> {
    await tx.query(
      `INSERT INTO organization_suspensions (organization_id, reason, previous_status, suspended_by_id, suspended_at)
       VALUES ($1, $2, $3, $4, $5)`,
      [row.organizationId, row.reason, row.previousStatus, row.suspendedById, row.at],
    );
  }

  async liftSuspension(tx: EntityManager, organizationId: string, lift: { byId: string; reason: string | null; at: Date }): Promise<void> {
    await tx.query(
      `UPDATE organization_suspensions SET lifted_at = $2, lifted_by_id = $3, lift_reason = $4
        WHERE organization_id = $1 AND lifted_at IS NULL`,
      [organizationId, lift.at, lift.byId, lift.reason],
    );
  }

  /** A decision taken while the organization is suspended changes what unsuspending restores. */
  async setSuspensionPreviousStatus(tx: EntityManager, organizationId: string, status: VerificationStatus): Promise<void> {
    await tx.query(`UPDATE organization_suspensions SET previous_status = $2 WHERE organization_id = $1 AND lifted_at IS NULL`, [
      organizationId,
      status,
    ]);
  }

  // --- the verified-supplier list (VerifiedSuppliersService; helper G) ----------------------------

  /** When each of these organizations was last VERIFIED by a decided request (absent: verified without a request, e.g. seeded). */
  async verifiedAtOf(organizationIds: readonly string[]): Promise<Map<string, Date>> {
    const rows: Array<{ organizationId: string; decidedAt: Date }> = await this.manager.query(
      `SELECT organization_id AS "organizationId", max(decided_at) AS "decidedAt" FROM verification_requests
        WHERE organization_id = ANY($1::uuid[]) AND status = 'VERIFIED' GROUP BY organization_id`,
      [[...organizationIds]],
    );
    return new Map(rows.map((r) => [r.organizationId, r.decidedAt]));
  }

  /** The organizations whose last VERIFIED decision was on or after this Korean calendar day. */
  async verifiedSinceIds(day: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.manager.query(
      `SELECT organization_id AS id FROM verification_requests WHERE status = 'VERIFIED'
        GROUP BY organization_id HAVING max(decided_at) >= ($1::date::timestamp AT TIME ZONE 'Asia/Seoul')`,
      [day],
    );
    return rows.map((r) => r.id);
  }

  // --- market numbers (#15 item 4) -------------------------------------------------------------

  /** The open queue now, and requests decided in [from, to): how many, by outcome, and the median hours to decide. */
  async decisionStats(
    from: Date,
    to: Date,
  ): Promise<{ backlog: number; decided: number; verified: number; rejected: number; needsInfo: number; medianHours: number | null }> {
    const [row] = await this.manager.query(
      `SELECT (SELECT count(*)::int FROM verification_requests WHERE status = 'OPEN') AS backlog,
              count(*)::int AS decided,
              count(*) FILTER (WHERE status = 'VERIFIED')::int AS verified,
              count(*) FILTER (WHERE status = 'REJECTED')::int AS rejected,
              count(*) FILTER (WHERE status = 'NEEDS_INFO')::int AS "needsInfo",
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM decided_at - created_at) / 3600) AS "medianHours"
         FROM verification_requests WHERE decided_at >= $1 AND decided_at < $2`,
      [from, to],
    );
    return { ...row, medianHours: row.medianHours === null ? null : Number(row.medianHours) };
  }
}
