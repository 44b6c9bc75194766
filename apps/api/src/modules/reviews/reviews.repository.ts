import { REVIEW_BLIND_DAYS, REVIEW_TREND_MONTHS, type ReviewCriterion, type ReviewSide } from '@aimatch/contracts';
import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { updatedRows } from '../../database/updated-rows';
import type { LoaderFactory } from '../../graphql/loader-registry';

export interface ReviewRow {
  id: string;
  demandId: string;
  side: ReviewSide;
  authorOrganizationId: string;
  subjectOrganizationId: string;
  ratings: Partial<Record<ReviewCriterion, number>>;
  rating: number;
  body: string;
  submittedAt: Date;
  revealedAt: Date | null;
  hiddenAt: Date | null;
  hiddenReason: string | null;
  /** Public now: revealed (or past the blind period) and not hidden. */
  visible: boolean;
}

export interface ReputationRow {
  organizationId: string;
  count: number;
  mean: number | null;
  recentMean: number | null;
  previousMean: number | null;
  criteria: Array<{ criterion: ReviewCriterion; mean: number; count: number }>;
}

/** An organization's track record as matching's trust signal reads it (imported, or from public reviews). */
export interface TrackRecordRow {
  organizationId: string;
  completedProjects: number;
  ratingAverage: number | null;
  ratingCount: number;
  responseRate: number | null;
}

/** The open reports of one review, grouped for staff (oldest open report first). */
export interface ReviewReportGroupRow {
  review: ReviewRow;
  reportCount: number;
  reasons: string[];
  firstReportedAt: Date;
  lastReportedAt: Date;
}

/** SQL: the review `r` is public at `$now` (revealed, or submitted at least the blind period ago, and not hidden). */
export const publicAt = (now: string) =>
  `(r.hidden_at IS NULL AND (r.revealed_at IS NOT NULL OR r.submitted_at <= ${now}::timestamptz - interval '${REVIEW_BLIND_DAYS} days'))`;

const REVIEW_COLUMNS = `r.id, r.demand_id AS "demandId", r.side, r.author_organization_id AS "authorOrganizationId",
  r.subject_organization_id AS "subjectOrganizationId", r.ratings, r.rating::float AS rating, r.body,
  r.submitted_at AS "submittedAt", r.revealed_at AS "revealedAt", r.hidden_at AS "hiddenAt", r.hidden_reason AS "hiddenReason"`;

/** Reports against one organization's content (trust & safety's USER_REPORTS). */
export interface OrganizationReportCount {
  organizationId: string;
  reports: number;
  latestAt: Date;
}

/** A review as its author downloads it (modules/account). */
export interface WrittenReview {
  id: string;
  demandId: string;
  side: string;
  authorOrganizationId: string;
  subjectOrganizationId: string;
  rating: number;
  body: string;
  submittedAt: Date;
}

@Injectable()
export class ReviewsRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async findForSide(tx: EntityManager, demandId: string, side: ReviewSide): Promise<ReviewRow | null> {
    const [row] = await tx.query(`SELECT ${REVIEW_COLUMNS}, false AS visible FROM reviews r WHERE r.demand_id = $1 AND r.side = $2`, [
      demandId,
      side,
    ]);
    return row ?? null;
  }

  async findById(id: string, now = this.clock.now()): Promise<ReviewRow | null> {
    const [row] = await this.dataSource.query(`SELECT ${REVIEW_COLUMNS}, ${publicAt('$2')} AS visible FROM reviews r WHERE r.id = $1`, [
      id,
      now,
    ]);
    return row ?? null;
  }

  async insert(
    tx: EntityManager,
    review: Omit<ReviewRow, 'id' | 'revealedAt' | 'hiddenAt' | 'hiddenReason' | 'visible'> & { authorUserId: string },
  ): Promise<string | null> {
    const [row] = await tx.query(
      `INSERT INTO reviews (demand_id, side, author_organization_id, author_user_id, subject_organization_id, ratings, rating, body, submitted_at)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9)
       ON CONFLICT (demand_id, side) DO NOTHING RETURNING id`,
      [
        review.demandId,
        review.side,
        review.authorOrganizationId,
        review.authorUserId,
        review.subjectOrganizationId,
        JSON.stringify(review.ratings),
        review.rating,
        review.body,
        review.submittedAt,
      ],
    );
    return row?.id ?? null;
  }

  /** Reveals both reviews of a demand (both sides are in). */
  async revealDemand(tx: EntityManager, demandId: string, at: Date): Promise<void> {
    await tx.query('UPDATE reviews SET revealed_at = $2 WHERE demand_id = $1 AND revealed_at IS NULL', [demandId, at]);
  }

  /** Reveals every review whose blind period ended by `now`; returns them. */
  async revealDue(tx: EntityManager, now: Date): Promise<Array<{ id: string; demandId: string; subjectOrganizationId: string }>> {
    return updatedRows(
      await tx.query(
        `UPDATE reviews SET revealed_at = submitted_at + interval '${REVIEW_BLIND_DAYS} days'
        WHERE revealed_at IS NULL AND submitted_at <= $1::timestamptz - interval '${REVIEW_BLIND_DAYS} days'
        RETURNING id, demand_id AS "demandId", subject_organization_id AS "subjectOrganizationId"`,
        [now],
      ),
    );
  }

  /**
   * Reviews of an organization the viewer may read, newest first: public ones; the viewer's
   * organizations' own reviews (even blind or hidden); staff also see hidden ones.
   */
  async pageOf(
    subjectOrganizationId: string,
    viewerOrganizationIds: string[],
    staff: boolean,
    limit: number,
    after: unknown[] | null,
  ): Promise<{ rows: ReviewRow[]; total: number }> {
    const now = this.clock.now();
    const readable = `r.subject_organization_id = $1 AND (${publicAt('$2')} OR r.author_organization_id = ANY($3::uuid[])
      ${staff ? `OR (r.hidden_at IS NOT NULL AND (r.revealed_at IS NOT NULL OR r.submitted_at <= $2::timestamptz - interval '${REVIEW_BLIND_DAYS} days'))` : ''})`;
    const params: unknown[] = [subjectOrganizationId, now, viewerOrganizationIds, limit + 1];
    let keyset = '';
    if (after) {
      params.push(after[0], after[1]);
      keyset = 'AND (r.submitted_at, r.id) < ($5::timestamptz, $6::uuid)';
    }
    const rows: ReviewRow[] = await this.dataSource.query(
      `SELECT ${REVIEW_COLUMNS}, ${publicAt('$2')} AS visible FROM reviews r
        WHERE ${readable} ${keyset} ORDER BY r.submitted_at DESC, r.id DESC LIMIT $4`,
      params,
    );
    const [{ n }] = await this.dataSource.query(`SELECT count(*)::int AS n FROM reviews r WHERE ${readable}`, params.slice(0, 3));
    return { rows, total: n };
  }

  async hide(tx: EntityManager, id: string, reason: string, userId: string): Promise<boolean> {
    const rows = updatedRows(
      await tx.query(
        'UPDATE reviews SET hidden_at = COALESCE(hidden_at, now()), hidden_reason = $2, hidden_by_id = $3 WHERE id = $1 RETURNING id',
        [id, reason, userId],
      ),
    );
    if (rows.length) await this.resolveReports(tx, id, 'HIDE', reason, userId);
    return rows.length > 0;
  }

  async report(tx: EntityManager, reviewId: string, userId: string, reason: string): Promise<void> {
    await tx.query('INSERT INTO review_reports (review_id, reporter_user_id, reason) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
      reviewId,
      userId,
      reason,
    ]);
  }

  /**
   * Writes the organization's public rating (from its public reviews) into its track record with
   * source REVIEWS, which the matcher's trust signal reads. Completed projects never go down
   * (an imported count is kept when larger). An organization without public reviews and without
   * a REVIEWS record is left alone.
   */
  async refreshTrackRecord(tx: EntityManager, organizationId: string, now: Date): Promise<void> {
    await tx.query(
      `WITH v AS (SELECT count(*)::int AS n, round(avg(r.rating), 2) AS mean, count(DISTINCT r.demand_id)::int AS projects
                    FROM reviews r WHERE r.subject_organization_id = $1 AND ${publicAt('$2')})
       INSERT INTO organization_track_records (organization_id, completed_projects, rating_average, rating_count, source, updated_at)
       SELECT $1, v.projects, v.mean, v.n, 'REVIEWS', now() FROM v
        WHERE v.n > 0 OR EXISTS (SELECT 1 FROM organization_track_records t WHERE t.organization_id = $1 AND t.source = 'REVIEWS')
       ON CONFLICT (organization_id) DO UPDATE
         SET rating_average = EXCLUDED.rating_average, rating_count = EXCLUDED.rating_count,
             completed_projects = GREATEST(organization_track_records.completed_projects, EXCLUDED.completed_projects),
             source = 'REVIEWS', updated_at = now()`,
      [organizationId, now],
    );
  }

  /**
   * An imported track record (the association's records before reviews existed; source keeps
   * its default). An organization that already has one keeps it.
   */
  async insertImportedTrackRecord(tx: EntityManager, organizationId: string, completedProjects: number, rating: number): Promise<void> {
    await tx.query(
      `INSERT INTO organization_track_records (organization_id, completed_projects, rating_average, rating_count)
       VALUES ($1, $2, $3, $4) ON CONFLICT (organization_id) DO NOTHING`,
      [organizationId, completedProjects, rating, Math.max(1, completedProjects)],
    );
  }

  /** Public reputation per organization, batched per request. */
  readonly reputationLoader: LoaderFactory<string, ReputationRow> = {
    create: () => new DataLoader<string, ReputationRow>((ids) => this.reputations([...ids])),
  };

  async reputations(organizationIds: string[]): Promise<ReputationRow[]> {
    const now = this.clock.now();
    const totals: Array<Omit<ReputationRow, 'criteria'>> = await this.dataSource.query(
      `SELECT r.subject_organization_id AS "organizationId", count(*)::int AS count, round(avg(r.rating), 2)::float AS mean,
              round(avg(r.rating) FILTER (WHERE r.submitted_at >= $2::timestamptz - interval '${REVIEW_TREND_MONTHS} months'), 2)::float AS "recentMean",
              round(avg(r.rating) FILTER (WHERE r.submitted_at < $2::timestamptz - interval '${REVIEW_TREND_MONTHS} months'), 2)::float AS "previousMean"
         FROM reviews r WHERE r.subject_organization_id = ANY($1::uuid[]) AND ${publicAt('$2')}
        GROUP BY r.subject_organization_id`,
      [organizationIds, now],
    );
    const criteria: Array<{ organizationId: string; criterion: ReviewCriterion; mean: number; count: number }> =
      await this.dataSource.query(
        `SELECT r.subject_organization_id AS "organizationId", c.key AS criterion, round(avg(c.value::numeric), 2)::float AS mean, count(*)::int AS count
         FROM reviews r CROSS JOIN LATERAL jsonb_each_text(r.ratings) c
        WHERE r.subject_organization_id = ANY($1::uuid[]) AND ${publicAt('$2')}
        GROUP BY r.subject_organization_id, c.key ORDER BY c.key`,
        [organizationIds, now],
      );
    const byOrg = new Map(totals.map((t) => [t.organizationId, { ...t, criteria: [] as ReputationRow['criteria'] }]));
    for (const c of criteria) byOrg.get(c.organizationId)?.criteria.push({ criterion: c.criterion, mean: c.mean, count: c.count });
    return organizationIds.map(
      (id) => byOrg.get(id) ?? { organizationId: id, count: 0, mean: null, recentMean: null, previousMean: null, criteria: [] },
    );
  }

  /** The track records of these organizations (organizations without one are left out). */
  async trackRecordsOf(organizationIds: string[]): Promise<TrackRecordRow[]> {
    if (organizationIds.length === 0) return [];
    const rows: Array<{
      organization_id: string;
      completed_projects: number;
      rating_average: string | null;
      rating_count: number;
      response_rate: string | null;
    }> = await this.dataSource.query(
      `SELECT organization_id, completed_projects, rating_average, rating_count, response_rate
         FROM organization_track_records WHERE organization_id = ANY($1::uuid[])`,
      [organizationIds],
    );
    return rows.map((r) => ({
      organizationId: r.organization_id,
      completedProjects: r.completed_projects,
      ratingAverage: r.rating_average === null ? null : Number(r.rating_average),
      ratingCount: r.rating_count,
      responseRate: r.response_rate === null ? null : Number(r.response_rate),
    }));
  }

  // --- moderation (M, #12 item 5) ---------------------------------------------------------------

  /** Reviews with open reports, the oldest open report first, keyset (firstReportedAt, reviewId). */
  async openReportsPage(limit: number, after: unknown[] | null): Promise<{ rows: ReviewReportGroupRow[]; total: number }> {
    const now = this.clock.now();
    const params: unknown[] = [now, limit + 1];
    let keyset = '';
    if (after) {
      params.push(after[0], after[1]);
      keyset = 'WHERE (g."firstReportedAt", g.review_id) > ($3::timestamptz, $4::uuid)';
    }
    const rows: Array<ReviewRow & { reportCount: number; reasons: string[]; firstReportedAt: Date; lastReportedAt: Date }> =
      await this.dataSource.query(
        `WITH g AS (SELECT rr.review_id, count(*)::int AS "reportCount", array_agg(rr.reason ORDER BY rr.created_at, rr.id) AS reasons,
                           min(rr.created_at) AS "firstReportedAt", max(rr.created_at) AS "lastReportedAt"
                      FROM review_reports rr WHERE rr.status = 'OPEN' GROUP BY rr.review_id)
         SELECT ${REVIEW_COLUMNS}, ${publicAt('$1')} AS visible, g."reportCount", g.reasons, g."firstReportedAt", g."lastReportedAt"
           FROM (SELECT * FROM g ${keyset}) g JOIN reviews r ON r.id = g.review_id
          ORDER BY g."firstReportedAt", g.review_id LIMIT $2`,
        params,
      );
    const [{ n }] = await this.dataSource.query(`SELECT count(DISTINCT review_id)::int AS n FROM review_reports WHERE status = 'OPEN'`);
    return {
      rows: rows.map(({ reportCount, reasons, firstReportedAt, lastReportedAt, ...review }) => ({
        review,
        reportCount,
        reasons,
        firstReportedAt,
        lastReportedAt,
      })),
      total: n,
    };
  }

  /** Resolves every open report of the review; returns how many were open. */
  async resolveReports(
    tx: EntityManager,
    reviewId: string,
    resolution: 'DISMISS' | 'HIDE',
    reason: string,
    userId: string,
  ): Promise<number> {
    const rows = updatedRows(
      await tx.query(
        `UPDATE review_reports SET status = 'RESOLVED', resolution = $2, resolution_reason = $3, resolved_by_id = $4,
                resolved_at = date_trunc('milliseconds', now())
          WHERE review_id = $1 AND status = 'OPEN' RETURNING id`,
        [reviewId, resolution, reason, userId],
      ),
    );
    return rows.length;
  }

  /** Reports against reviews each organization wrote, per organization, except those staff dismissed (trust & safety's USER_REPORTS). */
  reportCountsByAuthorOrganization(): Promise<OrganizationReportCount[]> {
    return this.dataSource.query(
      `SELECT v.author_organization_id AS "organizationId", count(*)::int AS reports, max(r.created_at) AS "latestAt"
         FROM review_reports r JOIN reviews v ON v.id = r.review_id
        WHERE v.hidden_at IS NULL AND r.resolution IS DISTINCT FROM 'DISMISS'
        GROUP BY v.author_organization_id`,
    );
  }

  /** Reviews the user wrote, newest first (the personal data download). */
  async writtenBy(userId: string, limit: number): Promise<WrittenReview[]> {
    return this.dataSource.query(
      `SELECT id, demand_id AS "demandId", side, author_organization_id AS "authorOrganizationId",
              subject_organization_id AS "subjectOrganizationId", rating::float AS rating, body, submitted_at AS "submittedAt"
         FROM reviews WHERE author_user_id = $1 ORDER BY submitted_at DESC, id DESC LIMIT $2`,
      [userId, limit],
    );
  }
}
