import type { CertificationClaimStatus } from '@aimatch/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

export interface CertificationClaimRow {
  id: string;
  organizationId: string;
  conceptId: string;
  certificateNumber: string | null;
  /** YYYY-MM-DD (a calendar day in Korea). */
  issuedOn: string;
  /** YYYY-MM-DD, null for certifications without a fixed end. */
  expiresOn: string | null;
  note: string;
  status: CertificationClaimStatus;
  claimedById: string | null;
  decidedById: string | null;
  decisionReason: string | null;
  decidedAt: Date | null;
  expiryWarnedAt: Date | null;
  expiredAt: Date | null;
  createdAt: Date;
}

const COLUMNS = `id, organization_id AS "organizationId", concept_id AS "conceptId", certificate_number AS "certificateNumber",
  to_char(issued_on, 'YYYY-MM-DD') AS "issuedOn", to_char(expires_on, 'YYYY-MM-DD') AS "expiresOn", note, status,
  claimed_by_id AS "claimedById", decided_by_id AS "decidedById", decision_reason AS "decisionReason", decided_at AS "decidedAt",
  expiry_warned_at AS "expiryWarnedAt", expired_at AS "expiredAt", created_at AS "createdAt"`;

/** Certification claims in PostgreSQL (table owned by modules/verification). */
@Injectable()
export class CertificationRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get manager(): EntityManager {
    return this.dataSource.manager;
  }

  /** VERIFIED claims of these organizations whose expiry day is not before `today` (newest first per certification). */
  verifiedOf(organizationIds: readonly string[], today: string): Promise<CertificationClaimRow[]> {
    return this.manager.query(
      `SELECT ${COLUMNS} FROM certification_claims
        WHERE organization_id = ANY($1::uuid[]) AND status = 'VERIFIED' AND (expires_on IS NULL OR expires_on >= $2::date)
        ORDER BY concept_id, created_at DESC, id DESC`,
      [[...organizationIds], today],
    );
  }

  /** Every claim of these organizations, newest first. */
  claimsOf(organizationIds: readonly string[]): Promise<CertificationClaimRow[]> {
    return this.manager.query(
      `SELECT ${COLUMNS} FROM certification_claims WHERE organization_id = ANY($1::uuid[]) ORDER BY created_at DESC, id DESC`,
      [[...organizationIds]],
    );
  }

  async insert(
    tx: EntityManager,
    row: {
      organizationId: string;
      conceptId: string;
      certificateNumber: string | null;
      issuedOn: string;
      expiresOn: string | null;
      note: string;
      claimedById: string;
      at: Date;
    },
  ): Promise<CertificationClaimRow> {
    const [inserted]: CertificationClaimRow[] = await tx.query(
      `INSERT INTO certification_claims (organization_id, concept_id, certificate_number, issued_on, expires_on, note, claimed_by_id, created_at)
       VALUES ($1, $2, $3, $4::date, $5::date, $6, $7, $8) RETURNING ${COLUMNS}`,
      [row.organizationId, row.conceptId, row.certificateNumber, row.issuedOn, row.expiresOn, row.note, row.claimedById, row.at],
    );
    return inserted;
  }

  async find(id: string, tx: EntityManager = this.manager, lock = false): Promise<CertificationClaimRow | null> {
    const rows: CertificationClaimRow[] = await tx.query(
      `SELECT ${COLUMNS} FROM certification_claims WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ?? null;
  }

  async pendingOf(tx: EntityManager, organizationId: string, conceptId: string): Promise<CertificationClaimRow | null> {
    const rows: CertificationClaimRow[] = await tx.query(
      `SELECT ${COLUMNS} FROM certification_claims WHERE organization_id = $1 AND concept_id = $2 AND status = 'PENDING'`,
      [organizationId, conceptId],
    );
    return rows[0] ?? null;
  }

  /** Moves a PENDING claim to its decision; null when it was no longer pending. */
  async decide(
    tx: EntityManager,
    id: string,
    d: { status: CertificationClaimStatus; reason: string | null; decidedById: string | null; at: Date },
  ): Promise<CertificationClaimRow | null> {
    const [rows]: [CertificationClaimRow[], number] = await tx.query(
      `UPDATE certification_claims SET status = $2, decision_reason = $3, decided_by_id = $4, decided_at = $5
        WHERE id = $1 AND status = 'PENDING' RETURNING ${COLUMNS}`,
      [id, d.status, d.reason, d.decidedById, d.at],
    );
    return rows[0] ?? null;
  }

  /** Pending claims, oldest first. */
  async queuePage(limit: number, after: unknown[] | null): Promise<{ rows: CertificationClaimRow[]; total: number }> {
    const [{ total }]: Array<{ total: number }> = await this.manager.query(
      `SELECT count(*)::int AS total FROM certification_claims WHERE status = 'PENDING'`,
    );
    const rows: CertificationClaimRow[] = await this.manager.query(
      `SELECT ${COLUMNS} FROM certification_claims
        WHERE status = 'PENDING' AND ($1::timestamptz IS NULL OR (created_at, id) > ($1::timestamptz, $2::uuid))
        ORDER BY created_at, id LIMIT $3`,
      [after?.[0] ?? null, after?.[1] ?? null, limit + 1],
    );
    return { rows, total };
  }

  /** VERIFIED claims expiring on or before `until` that were not warned yet (locked, skipping rows another sweep holds). */
  dueForWarning(tx: EntityManager, today: string, until: string): Promise<CertificationClaimRow[]> {
    return tx.query(
      `SELECT ${COLUMNS} FROM certification_claims
        WHERE status = 'VERIFIED' AND expiry_warned_at IS NULL AND expires_on >= $1::date AND expires_on <= $2::date
        ORDER BY expires_on, id LIMIT 500 FOR UPDATE SKIP LOCKED`,
      [today, until],
    );
  }

  async markWarned(tx: EntityManager, id: string, at: Date): Promise<void> {
    await tx.query(`UPDATE certification_claims SET expiry_warned_at = $2 WHERE id = $1`, [id, at]);
  }

  /** VERIFIED claims whose expiry day is before `today` (locked). */
  dueForLapse(tx: EntityManager, today: string): Promise<CertificationClaimRow[]> {
    return tx.query(
      `SELECT ${COLUMNS} FROM certification_claims WHERE status = 'VERIFIED' AND expires_on < $1::date
        ORDER BY expires_on, id LIMIT 500 FOR UPDATE SKIP LOCKED`,
      [today],
    );
  }

  async lapse(tx: EntityManager, id: string, at: Date): Promise<CertificationClaimRow> {
    const [rows]: [CertificationClaimRow[], number] = await tx.query(
      `UPDATE certification_claims SET status = 'EXPIRED', expired_at = $2 WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, at],
    );
    return rows[0];
  }

  // --- the verified-supplier list (helper G) ----------------------------------------------------

  /** The organizations holding a VERIFIED, unexpired claim of this certification. */
  async holderIds(conceptId: string, today: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.manager.query(
      `SELECT DISTINCT organization_id AS id FROM certification_claims
        WHERE concept_id = $1 AND status = 'VERIFIED' AND (expires_on IS NULL OR expires_on >= $2::date)`,
      [conceptId, today],
    );
    return rows.map((r) => r.id);
  }

  // --- market numbers (#15 item 4) -------------------------------------------------------------

  /** Every organization's verified, unexpired certification concepts (program eligibility counts). */
  verifiedConceptsOfAll(today: string): Promise<Array<{ organizationId: string; conceptIds: string[] }>> {
    return this.manager.query(
      `SELECT organization_id AS "organizationId", array_agg(DISTINCT concept_id) AS "conceptIds" FROM certification_claims
        WHERE status = 'VERIFIED' AND (expires_on IS NULL OR expires_on >= $1::date) GROUP BY organization_id`,
      [today],
    );
  }
}
