import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

export interface MatchAlertRow {
  id: string;
  organizationId: string;
  name: string;
  supplyListingId: string | null;
  minScore: number | null;
  criteria: string | null;
  createdAt: Date;
}

const ALERT_COLUMNS = `a.id, a.organization_id AS "organizationId", a.name, a.supply_listing_id AS "supplyListingId", a.min_score AS "minScore",
  a.criteria::text AS criteria, a.created_at AS "createdAt"`;

/** Suppliers' match alerts and the record of which demand reached which organization, in PostgreSQL. */
@Injectable()
export class MatchAlertsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Serialises alert creations of one organization until `tx` ends (so the per-organization limit holds). */
  async lockOrganizationAlerts(tx: EntityManager, organizationId: string): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('match_alerts:' || $1::text, 0))`, [organizationId]);
  }

  async countOf(tx: EntityManager, organizationId: string): Promise<number> {
    const [{ n }] = await tx.query('SELECT count(*)::int AS n FROM match_alerts WHERE organization_id = $1', [organizationId]);
    return n;
  }

  async insert(
    tx: EntityManager,
    row: Pick<MatchAlertRow, 'organizationId' | 'name' | 'supplyListingId' | 'minScore' | 'criteria'> & { createdById: string },
  ): Promise<MatchAlertRow> {
    const [inserted] = await tx.query(
      `INSERT INTO match_alerts AS a (organization_id, name, supply_listing_id, min_score, criteria, created_by_id)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${ALERT_COLUMNS}`,
      [row.organizationId, row.name, row.supplyListingId, row.minScore, row.criteria, row.createdById],
    );
    return inserted;
  }

  /** Alerts of these organizations, newest first, keyset-paged. */
  async pageOf(organizationIds: string[], limit: number, after: unknown[] | null): Promise<{ rows: MatchAlertRow[]; total: number }> {
    const params: unknown[] = [organizationIds, limit + 1];
    let keyset = '';
    if (after) {
      params.push(after[0], after[1]);
      keyset = 'AND (a.created_at, a.id) < ($3::timestamptz, $4::uuid)';
    }
    const rows: MatchAlertRow[] = await this.dataSource.query(
      `SELECT ${ALERT_COLUMNS} FROM match_alerts a WHERE a.organization_id = ANY($1) ${keyset} ORDER BY a.created_at DESC, a.id DESC LIMIT $2`,
      params,
    );
    const [{ n }] = await this.dataSource.query('SELECT count(*)::int AS n FROM match_alerts a WHERE a.organization_id = ANY($1)', [
      organizationIds,
    ]);
    return { rows, total: n };
  }

  async organizationOf(id: string): Promise<string | null> {
    const [alert] = await this.dataSource.query('SELECT organization_id FROM match_alerts WHERE id = $1', [id]);
    return alert?.organization_id ?? null;
  }

  async delete(id: string): Promise<void> {
    await this.dataSource.query('DELETE FROM match_alerts WHERE id = $1', [id]);
  }

  /** Alerts of organizations other than the demand's own that this demand has not reached yet, oldest first. */
  undeliveredFor(demandId: string, demandOrganizationId: string): Promise<MatchAlertRow[]> {
    return this.dataSource.query(
      `SELECT ${ALERT_COLUMNS} FROM match_alerts a
        WHERE a.organization_id <> $1
          AND NOT EXISTS (SELECT 1 FROM match_alert_deliveries d WHERE d.demand_listing_id = $2 AND d.organization_id = a.organization_id)
        ORDER BY a.created_at, a.id`,
      [demandOrganizationId, demandId],
    );
  }

  /** Records that the demand reached the organization; false when it already had (at most once per demand and organization). */
  async recordDelivery(
    tx: EntityManager,
    demandId: string,
    organizationId: string,
    alertId: string,
    score: number | null,
  ): Promise<boolean> {
    const inserted = await tx.query(
      `INSERT INTO match_alert_deliveries (demand_listing_id, organization_id, alert_id, score) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING RETURNING demand_listing_id`,
      [demandId, organizationId, alertId, score],
    );
    return inserted.length > 0;
  }
}
