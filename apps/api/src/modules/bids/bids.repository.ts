import type { BidMilestone, BidStatus, ConsortiumRole, PartnerStatus } from '@aimatch/marketplace';
import { BID_DECISION_WINDOW_DAYS } from '@aimatch/marketplace';
import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { DataSource, type EntityManager } from 'typeorm';
import type { LoaderFactory } from '../../graphql/loader-registry';
import type { DemandState } from '../listings/dto/listing-record';

export interface BidRow {
  id: string;
  demandId: string;
  organizationId: string;
  status: BidStatus;
  version: number;
  amountKrw: number;
  durationWeeks: number;
  approach: string;
  milestones: BidMilestone[];
  coveredConceptIds: string[];
  revision: number;
  decisionReason: string | null;
  createdById: string | null;
  submittedAt: Date | null;
  decidedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface BidPartnerRow {
  bidId: string;
  organizationId: string;
  role: ConsortiumRole;
  sharePercent: number;
  status: PartnerStatus;
  position: number;
  respondedAt: Date | null;
  invitedAt: Date;
}

export interface BidRevisionRow {
  bidId: string;
  number: number;
  amountKrw: number;
  durationWeeks: number;
  approach: string;
  milestones: BidMilestone[];
  coveredConceptIds: string[];
  partners: Array<{ organizationId: string; role: ConsortiumRole; sharePercent: number }>;
  submittedAt: Date;
}

export interface ExpiredBid {
  id: string;
  demandId: string;
  organizationId: string;
  fromStatus: BidStatus;
  version: number;
}

const BID_COLUMNS = `b.id, b.demand_id AS "demandId", b.organization_id AS "organizationId", b.status, b.version,
  b.amount_krw::float8 AS "amountKrw", b.duration_weeks AS "durationWeeks", b.approach, b.milestones,
  b.covered_concept_ids AS "coveredConceptIds", b.revision, b.decision_reason AS "decisionReason",
  b.created_by_id AS "createdById", b.submitted_at AS "submittedAt", b.decided_at AS "decidedAt",
  b.created_at AS "createdAt", b.updated_at AS "updatedAt"`;

const PARTNER_COLUMNS = `p.bid_id AS "bidId", p.organization_id AS "organizationId", p.role, p.share_percent AS "sharePercent",
  p.status, p.position, p.responded_at AS "respondedAt", p.invited_at AS "invitedAt"`;

/** Column names of the patchable bid fields. */
const PATCH_COLUMNS: Record<string, string> = {
  status: 'status',
  amountKrw: 'amount_krw',
  durationWeeks: 'duration_weeks',
  approach: 'approach',
  milestones: 'milestones',
  coveredConceptIds: 'covered_concept_ids',
  revision: 'revision',
  decisionReason: 'decision_reason',
  submittedAt: 'submitted_at',
  decidedAt: 'decided_at',
};

export type BidPatch = Partial<
  Pick<
    BidRow,
    | 'status'
    | 'amountKrw'
    | 'durationWeeks'
    | 'approach'
    | 'milestones'
    | 'coveredConceptIds'
    | 'revision'
    | 'decisionReason'
    | 'submittedAt'
    | 'decidedAt'
  >
>;

export interface BidPageQuery {
  where: string;
  params: unknown[];
  order: 'submitted' | 'updated';
  limit: number;
  after: unknown[] | null;
}

/** A bid's text as the trust & safety scan reads it (BidsService.trustTexts). */
export interface BidTrustText {
  id: string;
  organizationId: string;
  demandId: string;
  status: string;
  text: string;
}

/** A bid the user created, as a reference (modules/account's download). */
export interface BidReference {
  id: string;
  demandId: string;
  organizationId: string;
  status: string;
  createdAt: Date;
  submittedAt: Date | null;
}

/** Bids, their consortium partners and revisions in PostgreSQL (plain SQL; one statement per step). */
@Injectable()
export class BidsRepository {
  readonly bidLoader: LoaderFactory<string, BidRow | null> = {
    create: () =>
      new DataLoader(async (ids) => {
        const rows = await this.findByIds([...ids]);
        const map = new Map(rows.map((r) => [r.id, r]));
        return ids.map((id) => map.get(id) ?? null);
      }),
  };
  readonly partnersLoader: LoaderFactory<string, BidPartnerRow[]> = {
    create: () =>
      new DataLoader(async (bidIds) => {
        const rows = await this.partnersOf([...bidIds]);
        return bidIds.map((id) => rows.filter((r) => r.bidId === id));
      }),
  };
  readonly revisionsLoader: LoaderFactory<string, BidRevisionRow[]> = {
    create: () =>
      new DataLoader(async (bidIds) => {
        const rows: BidRevisionRow[] = await this.dataSource.query(
          `SELECT bid_id AS "bidId", number, amount_krw::float8 AS "amountKrw", duration_weeks AS "durationWeeks", approach, milestones,
                  covered_concept_ids AS "coveredConceptIds", partners, submitted_at AS "submittedAt"
             FROM bid_revisions WHERE bid_id = ANY($1) ORDER BY bid_id, number DESC`,
          [[...bidIds]],
        );
        return bidIds.map((id) => rows.filter((r) => r.bidId === id));
      }),
  };
  /** Bids other suppliers may know exist, per demand. */
  readonly countLoader: LoaderFactory<string, number> = {
    create: () =>
      new DataLoader(async (demandIds) => {
        const rows: Array<{ demand_id: string; n: number }> = await this.dataSource.query(
          `SELECT demand_id, count(*)::int AS n FROM bids
            WHERE demand_id = ANY($1) AND status IN ('SUBMITTED', 'SHORTLISTED', 'ACCEPTED', 'DECLINED', 'EXPIRED') GROUP BY demand_id`,
          [[...demandIds]],
        );
        const map = new Map(rows.map((r) => [r.demand_id, r.n]));
        return demandIds.map((id) => map.get(id) ?? 0);
      }),
  };

  constructor(private readonly dataSource: DataSource) {}

  async findById(
    id: string,
    tx: EntityManager = this.dataSource.manager,
    lock: '' | 'FOR UPDATE' | 'FOR SHARE' = '',
  ): Promise<BidRow | null> {
    const rows: BidRow[] = await tx.query(`SELECT ${BID_COLUMNS} FROM bids b WHERE b.id = $1 ${lock}`, [id]);
    return rows[0] ?? null;
  }

  findByIds(ids: string[]): Promise<BidRow[]> {
    return ids.length ? this.dataSource.query(`SELECT ${BID_COLUMNS} FROM bids b WHERE b.id = ANY($1)`, [ids]) : Promise.resolve([]);
  }

  async hasLiveBid(tx: EntityManager, demandId: string, organizationId: string): Promise<boolean> {
    const rows = await tx.query(
      `SELECT 1 FROM bids WHERE demand_id = $1 AND organization_id = $2 AND status IN ('DRAFT', 'SUBMITTED', 'SHORTLISTED', 'ACCEPTED')`,
      [demandId, organizationId],
    );
    return rows.length > 0;
  }

  async insert(
    tx: EntityManager,
    row: Pick<
      BidRow,
      'demandId' | 'organizationId' | 'amountKrw' | 'durationWeeks' | 'approach' | 'milestones' | 'coveredConceptIds' | 'createdById'
    >,
  ): Promise<BidRow> {
    const rows: BidRow[] = await tx.query(
      `INSERT INTO bids AS b (demand_id, organization_id, status, amount_krw, duration_weeks, approach, milestones, covered_concept_ids, created_by_id)
       VALUES ($1, $2, 'DRAFT', $3, $4, $5, $6::jsonb, $7, $8) RETURNING ${BID_COLUMNS}`,
      [
        row.demandId,
        row.organizationId,
        row.amountKrw,
        row.durationWeeks,
        row.approach,
        JSON.stringify(row.milestones),
        row.coveredConceptIds,
        row.createdById,
      ],
    );
    return rows[0];
  }

  /**
   * Applies a change only if the bid is still at `version` and in one of `from` (optimistic
   * locking) and bumps the version. Returns null when someone else changed it first.
   */
  async updateAtVersion(
    tx: EntityManager,
    id: string,
    version: number,
    from: readonly BidStatus[],
    patch: BidPatch,
  ): Promise<BidRow | null> {
    const sets: string[] = [];
    const params: unknown[] = [id, version, from];
    for (const [key, value] of Object.entries(patch)) {
      const column = PATCH_COLUMNS[key];
      if (!column) continue;
      params.push(key === 'milestones' ? JSON.stringify(value) : value);
      sets.push(`${column} = $${params.length}${key === 'milestones' ? '::jsonb' : ''}`);
    }
    const rows: [BidRow[], number] | BidRow[] = await tx.query(
      `UPDATE bids AS b SET ${[...sets, 'version = b.version + 1', "updated_at = date_trunc('milliseconds', now())"].join(', ')}
        WHERE b.id = $1 AND b.version = $2 AND b.status = ANY($3) RETURNING ${BID_COLUMNS}`,
      params,
    );
    // TypeORM's query() gives [rows, count] for UPDATE … RETURNING on postgres.
    const list = (Array.isArray(rows[0]) ? rows[0] : rows) as BidRow[];
    return list[0] ?? null;
  }

  /** Every other open bid on the demand becomes DECLINED (the award went elsewhere); returns them. */
  async declineOthers(tx: EntityManager, demandId: string, acceptedId: string, reason: string): Promise<BidRow[]> {
    const res = await tx.query(
      `UPDATE bids AS b SET status = 'DECLINED', decision_reason = $3, decided_at = date_trunc('milliseconds', now()),
              version = b.version + 1, updated_at = date_trunc('milliseconds', now())
        WHERE b.demand_id = $1 AND b.id <> $2 AND b.status IN ('SUBMITTED', 'SHORTLISTED') RETURNING ${BID_COLUMNS}`,
      [demandId, acceptedId, reason],
    );
    return (Array.isArray(res[0]) ? res[0] : res) as BidRow[];
  }

  /** Other organizations' drafts on an awarded demand can never be submitted: EXPIRED. */
  async expireDrafts(tx: EntityManager, demandId: string): Promise<BidRow[]> {
    const res = await tx.query(
      `UPDATE bids AS b SET status = 'EXPIRED', version = b.version + 1, updated_at = date_trunc('milliseconds', now())
        WHERE b.demand_id = $1 AND b.status = 'DRAFT' RETURNING ${BID_COLUMNS}`,
      [demandId],
    );
    return (Array.isArray(res[0]) ? res[0] : res) as BidRow[];
  }

  /** Demands with open (DRAFT, SUBMITTED, SHORTLISTED) bids in the scope: what the decision window must look at. */
  async openBidDemands(tx: EntityManager, scope: { demandIds?: string[]; organizationIds?: string[] } = {}): Promise<string[]> {
    const { filters, params } = scopeFilters(scope, []);
    const rows: Array<{ demand_id: string }> = await tx.query(
      `SELECT DISTINCT b.demand_id FROM bids b
        WHERE b.status IN ('DRAFT', 'SUBMITTED', 'SHORTLISTED') ${filters.length ? `AND ${filters.join(' AND ')}` : ''}`,
      params,
    );
    return rows.map((r) => r.demand_id);
  }

  /**
   * The decision window, applied: DRAFT bids whose demand's deadline passed, SUBMITTED and
   * SHORTLISTED bids whose demand is still undecided BID_DECISION_WINDOW_DAYS after its
   * deadline, and open bids of demands that are gone (archived, cancelled, completed) become
   * EXPIRED. `demands` are those demands' states as the listings module reads them; scoped to
   * some demands or organizations, or everything (the periodic sweep). Rows another
   * transaction holds are skipped (they are being decided right now).
   */
  async expireDue(
    tx: EntityManager,
    now: Date,
    demands: DemandState[],
    scope: { demandIds?: string[]; organizationIds?: string[] } = {},
  ): Promise<ExpiredBid[]> {
    if (demands.length === 0) return [];
    const { filters, params } = scopeFilters(scope, [
      now,
      `${BID_DECISION_WINDOW_DAYS} days`,
      demands.map((d) => d.id),
      demands.map((d) => d.bidDeadline),
      demands.map((d) => d.status),
    ]);
    const res = await tx.query(
      `WITH due AS (
         SELECT b.id, b.status FROM bids b
           JOIN unnest($3::uuid[], $4::timestamptz[], $5::text[]) AS l(id, bid_deadline, status) ON l.id = b.demand_id
          WHERE b.status IN ('DRAFT', 'SUBMITTED', 'SHORTLISTED') ${filters.length ? `AND ${filters.join(' AND ')}` : ''}
            AND ((b.status = 'DRAFT' AND l.bid_deadline <= $1)
              OR (l.bid_deadline + $2::interval <= $1)
              OR l.status IN ('ARCHIVED', 'CANCELLED', 'COMPLETED'))
          FOR UPDATE OF b SKIP LOCKED
       )
       UPDATE bids AS b SET status = 'EXPIRED', version = b.version + 1, updated_at = date_trunc('milliseconds', now())
         FROM due WHERE b.id = due.id
       RETURNING b.id, b.demand_id AS "demandId", b.organization_id AS "organizationId", due.status AS "fromStatus", b.version`,
      params,
    );
    return (Array.isArray(res[0]) ? res[0] : res) as ExpiredBid[];
  }

  /** The demand's ACCEPTED bid, if any. */
  async acceptedBidOf(tx: EntityManager, demandId: string): Promise<BidRow | null> {
    const rows: BidRow[] = await tx.query(`SELECT ${BID_COLUMNS} FROM bids b WHERE b.demand_id = $1 AND b.status = 'ACCEPTED'`, [demandId]);
    return rows[0] ?? null;
  }

  partnersOf(bidIds: string[], tx: EntityManager = this.dataSource.manager): Promise<BidPartnerRow[]> {
    return bidIds.length
      ? tx.query(`SELECT ${PARTNER_COLUMNS} FROM bid_partners p WHERE p.bid_id = ANY($1) ORDER BY p.bid_id, p.position`, [bidIds])
      : Promise.resolve([]);
  }

  async deletePartners(tx: EntityManager, bidId: string, keep: string[]): Promise<void> {
    await tx.query('DELETE FROM bid_partners WHERE bid_id = $1 AND NOT (organization_id = ANY($2))', [bidId, keep]);
  }

  /**
   * Inserts or replaces a partner; a changed role or share is a new invitation. Answers whether
   * the partner should be told: a new, declined or accepted partner always is, a partner whose
   * invitation is still open only when it was last told at least `quietSeconds` ago (so that
   * editing a draft's shares does not send an invitation per edit). `invited_at` is when the
   * partner was last told.
   */
  async upsertPartner(
    tx: EntityManager,
    bidId: string,
    p: { organizationId: string; role: ConsortiumRole; sharePercent: number; position: number; reinvite: boolean },
    quietSeconds: number,
  ): Promise<{ notify: boolean }> {
    const [row] = await tx.query<Array<{ notify: boolean }>>(
      `INSERT INTO bid_partners (bid_id, organization_id, role, share_percent, position) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (bid_id, organization_id) DO UPDATE SET role = $3, share_percent = $4, position = $5,
         status = CASE WHEN $6 THEN 'INVITED' ELSE bid_partners.status END,
         responded_at = CASE WHEN $6 THEN NULL ELSE bid_partners.responded_at END,
         responded_by_id = CASE WHEN $6 THEN NULL ELSE bid_partners.responded_by_id END,
         invited_at = CASE
           WHEN $6 AND (bid_partners.status <> 'INVITED' OR bid_partners.invited_at <= now() - make_interval(secs => $7))
           THEN date_trunc('milliseconds', now()) ELSE bid_partners.invited_at END
       RETURNING $6 AND invited_at = date_trunc('milliseconds', now()) AS notify`,
      [bidId, p.organizationId, p.role, p.sharePercent, p.position, p.reinvite, quietSeconds],
    );
    return { notify: row.notify };
  }

  async respondPartner(tx: EntityManager, bidId: string, organizationId: string, status: PartnerStatus, userId: string): Promise<boolean> {
    const res = await tx.query(
      `UPDATE bid_partners SET status = $3, responded_by_id = $4, responded_at = date_trunc('milliseconds', now())
        WHERE bid_id = $1 AND organization_id = $2 AND status = 'INVITED' RETURNING bid_id`,
      [bidId, organizationId, status, userId],
    );
    return ((Array.isArray(res[0]) ? res[0] : res) as unknown[]).length > 0;
  }

  async insertRevision(tx: EntityManager, bid: BidRow, partners: BidPartnerRow[], userId: string): Promise<void> {
    await tx.query(
      `INSERT INTO bid_revisions (bid_id, number, amount_krw, duration_weeks, approach, milestones, covered_concept_ids, partners, submitted_by_id)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8::jsonb, $9)`,
      [
        bid.id,
        bid.revision,
        bid.amountKrw,
        bid.durationWeeks,
        bid.approach,
        JSON.stringify(bid.milestones),
        bid.coveredConceptIds,
        JSON.stringify(partners.map((p) => ({ organizationId: p.organizationId, role: p.role, sharePercent: p.sharePercent }))),
        userId,
      ],
    );
  }

  async recordEvent(
    tx: EntityManager,
    e: {
      bidId: string;
      version: number;
      action: string;
      fromStatus: string | null;
      toStatus: string;
      actorUserId: string | null;
      details?: Record<string, unknown>;
    },
  ): Promise<void> {
    await tx.query(
      'INSERT INTO bid_events (bid_id, version, action, from_status, to_status, actor_user_id, details) VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)',
      [e.bidId, e.version, e.action, e.fromStatus, e.toStatus, e.actorUserId, JSON.stringify(e.details ?? {})],
    );
  }

  /** Lead organizations of the demand's submitted bids. */
  async bidderOrganizationsOf(demandId: string): Promise<string[]> {
    const rows: Array<{ organization_id: string }> = await this.dataSource.query(
      'SELECT DISTINCT organization_id FROM bids WHERE demand_id = $1 AND submitted_at IS NOT NULL',
      [demandId],
    );
    return rows.map((r) => r.organization_id);
  }

  async page(q: BidPageQuery): Promise<{ rows: BidRow[]; total: number }> {
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM bids b WHERE ${q.where}`, q.params);
    const params = [...q.params];
    const [col, dir, op] = q.order === 'submitted' ? ['b.submitted_at', 'ASC', '>'] : ['b.updated_at', 'DESC', '<'];
    let keyset = '';
    if (q.after) {
      params.push(q.after[0], q.after[1]);
      keyset = `AND (${col}, b.id) ${op} ($${params.length - 1}::timestamptz, $${params.length}::uuid)`;
    }
    params.push(q.limit + 1);
    const rows: BidRow[] = await this.dataSource.query(
      `SELECT ${BID_COLUMNS} FROM bids b WHERE ${q.where} ${keyset} ORDER BY ${col} ${dir}, b.id ${dir} LIMIT $${params.length}`,
      params,
    );
    return { rows, total };
  }

  static cursorKey(order: BidPageQuery['order'], b: BidRow): unknown[] {
    return [(order === 'submitted' ? b.submittedAt : b.updatedAt)?.toISOString() ?? null, b.id];
  }

  /** The ACCEPTED bid of a demand: its lead organization and ACCEPTED partners (for reviews, through AcceptedBidPartiesProvider). */
  async acceptedBidParties(
    demandId: string,
    tx: EntityManager = this.dataSource.manager,
  ): Promise<{ leadOrganizationId: string; partnerOrganizationIds: string[] } | null> {
    const [row] = await tx.query(
      `SELECT b.organization_id AS lead,
              COALESCE((SELECT array_agg(p.organization_id ORDER BY p.organization_id) FROM bid_partners p
                         WHERE p.bid_id = b.id AND p.status = 'ACCEPTED'), '{}') AS partners
         FROM bids b WHERE b.demand_id = $1 AND b.status = 'ACCEPTED' LIMIT 1`,
      [demandId],
    );
    return row ? { leadOrganizationId: row.lead, partnerOrganizationIds: row.partners as string[] } : null;
  }

  /** The approach texts of every bid past its draft, for the trust & safety scan. */
  trustTexts(): Promise<BidTrustText[]> {
    return this.dataSource.query(
      `SELECT id, organization_id AS "organizationId", demand_id AS "demandId", status, approach AS text
         FROM bids WHERE status <> 'DRAFT' ORDER BY created_at, id`,
    );
  }

  /** Bids the user created, as references, newest first (the personal data download). */
  async createdBy(userId: string, limit: number): Promise<BidReference[]> {
    return this.dataSource.query(
      `SELECT id, demand_id AS "demandId", organization_id AS "organizationId", status, created_at AS "createdAt", submitted_at AS "submittedAt"
         FROM bids WHERE created_by_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2`,
      [userId, limit],
    );
  }

  // --- market numbers (#15 item 4) -------------------------------------------------------------

  /**
   * Bids submitted in [from, to): how many, on how many demands, how many were ever shortlisted
   * (or accepted), how many of those demands awarded one, and the match scores stored at award of
   * the accepted ones in ten-point buckets (90..100 the last). Both bounds are Korean midnights; summed
   * from the rollup `bid_daily_stats` (kept exact by triggers on bids and bid_events): a demand or award
   * counts once, on its first day in the range, i.e. where its previous day (the key) lies before the range.
   */
  async marketStats(
    from: Date,
    to: Date,
  ): Promise<{ bids: number; demands: number; shortlisted: number; awardedDemands: number; scoreBuckets: number[] }> {
    const f = kstDay(from);
    const rows: Array<{ metric: string; key: string; n: number }> = await this.dataSource.query(
      `SELECT metric, key, sum(n)::int AS n FROM bid_daily_stats
        WHERE day >= $1::date AND day < $2::date AND n <> 0 AND (metric IN ('bids', 'shortlisted', 'score') OR key < $1::text)
        GROUP BY 1, 2`,
      [f, kstDay(to)],
    );
    const total = (metric: string) => rows.filter((r) => r.metric === metric).reduce((sum, r) => sum + r.n, 0);
    const scoreBuckets = Array.from({ length: 10 }, (_, i) => rows.find((r) => r.metric === 'score' && r.key === String(i))?.n ?? 0);
    return {
      bids: total('bids'),
      demands: total('demand'),
      shortlisted: total('shortlisted'),
      awardedDemands: total('awarded'),
      scoreBuckets,
    };
  }

  /**
   * Over the demands whose first submitted bid falls in [from, to): the median hours from publication
   * to it. Exactly `percentile_cont(0.5)`, taken over the distinct values with their counts (a hash of
   * the values instead of sorting every row: hours repeat over hundreds of thousands of demands).
   */
  async medianHoursToFirstBid(from: Date, to: Date): Promise<number | null> {
    const [row] = await this.dataSource.query(
      `WITH h AS (SELECT hours, count(*) AS n FROM bid_stats_demands WHERE first_at >= $1 AND first_at < $2 AND hours IS NOT NULL GROUP BY hours),
       c AS (SELECT hours, sum(n) OVER (ORDER BY hours) AS cum FROM h),
       p AS (SELECT total, floor(0.5::float8 * (total - 1)) AS lo, ceil(0.5::float8 * (total - 1)) AS hi FROM (SELECT coalesce(sum(n), 0) AS total FROM h) t),
       v AS (SELECT p.total, 0.5::float8 * (p.total - 1) - p.lo AS frac,
                    (SELECT min(hours) FROM c WHERE cum > p.lo) AS first, (SELECT min(hours) FROM c WHERE cum > p.hi) AS second FROM p)
       SELECT CASE WHEN total = 0 THEN NULL WHEN first = second THEN first ELSE first + (second - first) * frac END AS median FROM v`,
      [from, to],
    );
    return row.median === null ? null : Number(row.median);
  }

  /** Keeps the match score (0..100) the accepted bid had when it was accepted. */
  async setMatchScoreAtAward(tx: EntityManager, bidId: string, score: number | null): Promise<void> {
    await tx.query('UPDATE bids SET match_score_at_award = $2 WHERE id = $1', [bidId, score]);
  }
}

/** SQL filters for a bid scope (`b` is the bid), appended to `params`. */
function scopeFilters(
  scope: { demandIds?: string[]; organizationIds?: string[] },
  params: unknown[],
): { filters: string[]; params: unknown[] } {
  const filters: string[] = [];
  if (scope.demandIds) {
    params.push(scope.demandIds);
    filters.push(`b.demand_id = ANY($${params.length})`);
  }
  if (scope.organizationIds) {
    params.push(scope.organizationIds);
    filters.push(
      `(b.organization_id = ANY($${params.length}) OR EXISTS (SELECT 1 FROM bid_partners p WHERE p.bid_id = b.id AND p.organization_id = ANY($${params.length})))`,
    );
  }
  return { filters, params };
}

/** The Korean calendar day (YYYY-MM-DD) of an instant. */
function kstDay(at: Date): string {
  return new Date(at.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
}
