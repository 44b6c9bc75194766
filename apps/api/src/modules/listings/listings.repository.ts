import type { ListingContent } from '@aimatch/capability-model';
import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { DataSource, type EntityManager, In } from 'typeorm';
import type { LoaderFactory } from '../../graphql/loader-registry';
import type { ListingSummary } from './dto/listing-summary';
import type { ConceptDecisionRow, DemandState, ListingTrustFacts, ListingVersion } from './dto/listing-record';
import { ListingEntity, ListingEventEntity } from './entities/listing.entity';

export interface ListingPageQuery {
  where: string;
  params: Record<string, unknown>;
  order: 'published' | 'updated' | 'submitted';
  limit: number;
  after: unknown[] | null;
}

const ORDER = {
  published: { columns: ['l.published_at', 'l.id'], direction: 'DESC' as const },
  updated: { columns: ['l.updated_at', 'l.id'], direction: 'DESC' as const },
  submitted: { columns: ['l.submitted_at', 'l.id'], direction: 'ASC' as const },
};

/** A listing the user created, as a reference (modules/account's download). */
export interface ListingReference {
  id: string;
  kind: string;
  status: string;
  title: string;
  organizationId: string;
  createdAt: Date;
  publishedAt: Date | null;
}

@Injectable()
export class ListingsRepository implements LoaderFactory<string, ListingEntity | null> {
  constructor(private readonly dataSource: DataSource) {}

  create(): DataLoader<string, ListingEntity | null> {
    return new DataLoader(async (ids) => {
      const rows = await this.dataSource.manager.findBy(ListingEntity, { id: In([...ids]) });
      const map = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => map.get(id) ?? null);
    });
  }

  findById(id: string, tx: EntityManager = this.dataSource.manager): Promise<ListingEntity | null> {
    return tx.findOneBy(ListingEntity, { id });
  }

  findByIds(ids: string[]): Promise<ListingEntity[]> {
    return ids.length ? this.dataSource.manager.findBy(ListingEntity, { id: In(ids) }) : Promise.resolve([]);
  }

  countByOrganization(organizationId: string): Promise<number> {
    return this.dataSource.manager.countBy(ListingEntity, { organizationId });
  }

  insert(tx: EntityManager, row: Partial<ListingEntity>): Promise<ListingEntity> {
    return tx.save(tx.create(ListingEntity, row));
  }

  /**
   * Applies a change only if the row is still at `version` (optimistic locking) and bumps it.
   * Returns null when someone else changed it first.
   */
  async updateAtVersion(tx: EntityManager, id: string, version: number, patch: Partial<ListingEntity>): Promise<ListingEntity | null> {
    const result = await tx
      .createQueryBuilder()
      .update(ListingEntity)
      .set({ ...(patch as object), version: () => 'version + 1', updatedAt: () => "date_trunc('milliseconds', now())" })
      .where('id = :id AND version = :version', { id, version })
      .returning('*')
      .execute();
    if (!result.affected) return null;
    return tx.findOneByOrFail(ListingEntity, { id });
  }

  async recordEvent(tx: EntityManager, event: Partial<ListingEventEntity>): Promise<void> {
    await tx.insert(ListingEventEntity, event as never);
  }

  async page(q: ListingPageQuery): Promise<{ rows: ListingEntity[]; total: number }> {
    const { columns, direction } = ORDER[q.order];
    const qb = this.dataSource.manager.createQueryBuilder(ListingEntity, 'l').where(q.where, q.params);
    const total = await qb.getCount();
    if (q.after) {
      const op = direction === 'DESC' ? '<' : '>';
      qb.andWhere(`(${columns[0]}, ${columns[1]}) ${op} (:k0::timestamptz, :k1::uuid)`, { k0: q.after[0], k1: q.after[1] });
    }
    const rows = await qb
      .orderBy(columns[0], direction)
      .addOrderBy(columns[1], direction)
      .limit(q.limit + 1)
      .getMany();
    return { rows, total };
  }

  static cursorKey(order: ListingPageQuery['order'], l: ListingEntity): unknown[] {
    const at = order === 'published' ? l.publishedAt : order === 'submitted' ? l.submittedAt : l.updatedAt;
    return [at?.toISOString() ?? null, l.id];
  }

  async summary(id: string, tx: EntityManager = this.dataSource.manager, lock = false): Promise<ListingSummary | null> {
    const [row]: ListingSummary[] = await tx.query(
      `SELECT id, kind, status, title, organization_id AS "organizationId" FROM listings WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [id],
    );
    return row ?? null;
  }

  // --- reads and locks for other modules (through ListingsService) -----------------------------

  /** Locks the listing row in `tx` (FOR UPDATE to decide, FOR SHARE to act on it) and reads it as locked. */
  async lock(tx: EntityManager, id: string, lock: 'FOR UPDATE' | 'FOR SHARE'): Promise<ListingEntity | null> {
    await tx.query(`SELECT id FROM listings WHERE id = $1 ${lock}`, [id]);
    return tx.findOneBy(ListingEntity, { id });
  }

  versionsOf(ids: string[]): Promise<ListingVersion[]> {
    return ids.length
      ? this.dataSource.query(`SELECT id, kind, organization_id AS "organizationId", status, version FROM listings WHERE id = ANY($1)`, [
          ids,
        ])
      : Promise.resolve([]);
  }

  /** Published listings' ids in id order, optionally of one kind or organization, after a key, at most `limit`. */
  async publishedIds(q: { kind?: 'DEMAND' | 'SUPPLY'; organizationId?: string; afterId?: string; limit?: number }): Promise<string[]> {
    const params: unknown[] = [];
    const where = [`status = 'PUBLISHED'`];
    if (q.kind) where.push(`kind = $${params.push(q.kind)}`);
    if (q.organizationId) where.push(`organization_id = $${params.push(q.organizationId)}`);
    if (q.afterId) where.push(`id > $${params.push(q.afterId)}`);
    const limit = q.limit ? ` LIMIT $${params.push(q.limit)}` : '';
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM listings WHERE ${where.join(' AND ')} ORDER BY id${limit}`,
      params,
    );
    return rows.map((r) => r.id);
  }

  /** Published supply listings of these organizations. */
  publishedSupplyOf(organizationIds: string[]): Promise<Array<{ id: string; organizationId: string }>> {
    return organizationIds.length
      ? this.dataSource.query(
          `SELECT id, organization_id AS "organizationId" FROM listings WHERE kind = 'SUPPLY' AND status = 'PUBLISHED' AND organization_id = ANY($1)`,
          [organizationIds],
        )
      : Promise.resolve([]);
  }

  demandStates(ids: string[], tx: EntityManager = this.dataSource.manager): Promise<DemandState[]> {
    return ids.length
      ? tx.query(`SELECT id, status, bid_deadline AS "bidDeadline" FROM listings WHERE id = ANY($1) AND kind = 'DEMAND'`, [ids])
      : Promise.resolve([]);
  }

  /** Keeps the content of a listing that is live at this version (once per version). */
  async recordPublished(tx: EntityManager, listing: Pick<ListingEntity, 'id' | 'version' | 'content'>, at: Date): Promise<void> {
    await tx.query(
      `INSERT INTO listing_published_versions (listing_id, version, content, published_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (listing_id, version) DO NOTHING`,
      [listing.id, listing.version, JSON.stringify(listing.content), at],
    );
  }

  /** The latest published version of each listing (absent when it was never published). */
  async latestPublished(ids: readonly string[]): Promise<PublishedSnapshot[]> {
    const rows: Array<{ listing_id: string; version: number; content: ListingContent; published_at: Date }> = await this.dataSource.query(
      `SELECT DISTINCT ON (listing_id) listing_id, version, content, published_at FROM listing_published_versions
       WHERE listing_id = ANY($1::uuid[]) ORDER BY listing_id, version DESC`,
      [[...ids]],
    );
    return rows.map((r) => ({ listingId: r.listing_id, version: r.version, content: r.content, publishedAt: r.published_at }));
  }

  /** Contact details and texts of every listing that is not archived, for trust & safety. */
  trustFacts(): Promise<ListingTrustFacts[]> {
    return this.dataSource.query(
      `SELECT id, organization_id AS "organizationId", kind, status, title,
              content->'contact'->>'email' AS "contactEmail", content->'contact'->>'phone' AS "contactPhone",
              concat_ws(' ', content->>'title', content->>'summary', content->>'description') AS text
         FROM listings WHERE status <> 'ARCHIVED' ORDER BY created_at, id`,
    );
  }

  /** Listings the user created, as references, newest first (the personal data download). */
  async createdBy(userId: string, limit: number): Promise<ListingReference[]> {
    return this.dataSource.query(
      `SELECT id, kind, status, title, organization_id AS "organizationId", created_at AS "createdAt", published_at AS "publishedAt"
         FROM listings WHERE created_by_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2`,
      [userId, limit],
    );
  }

  /** The owners' decisions on inferred concepts of these demands (#14 item 8). */
  conceptDecisions(listingIds: string[]): Promise<ConceptDecisionRow[]> {
    return listingIds.length
      ? this.dataSource.query(
          `SELECT listing_id AS "listingId", concept_id AS "conceptId", scheme, decision, decided_at AS "decidedAt"
             FROM demand_concept_decisions WHERE listing_id = ANY($1) ORDER BY listing_id, concept_id`,
          [listingIds],
        )
      : Promise.resolve([]);
  }

  /** Records (or, with `decision` null, forgets) one decision. */
  async setConceptDecision(
    tx: EntityManager,
    d: { listingId: string; conceptId: string; scheme: string; decision: 'CONFIRMED' | 'DISMISSED' | null; userId: string },
  ): Promise<void> {
    if (d.decision === null) {
      await tx.query('DELETE FROM demand_concept_decisions WHERE listing_id = $1 AND concept_id = $2', [d.listingId, d.conceptId]);
      return;
    }
    await tx.query(
      `INSERT INTO demand_concept_decisions (listing_id, concept_id, scheme, decision, decided_by_id, decided_at)
       VALUES ($1, $2, $3, $4, $5, now())
       ON CONFLICT (listing_id, concept_id) DO UPDATE SET scheme = EXCLUDED.scheme, decision = EXCLUDED.decision,
         decided_by_id = EXCLUDED.decided_by_id, decided_at = EXCLUDED.decided_at`,
      [d.listingId, d.conceptId, d.scheme, d.decision, d.userId],
    );
  }

  // Vocabulary governance (#15 item 1, helper V): which listings use concepts (any string value in the content).

  /** Listings (published only, or any status) whose content names any of these concept ids. */
  async idsUsingConcepts(conceptIds: string[], publishedOnly: boolean): Promise<string[]> {
    if (conceptIds.length === 0) return [];
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT l.id FROM listings l
        WHERE ($2::boolean IS FALSE OR l.status = 'PUBLISHED')
          AND EXISTS (SELECT 1 FROM unnest($1::text[]) AS c(id)
                       WHERE jsonb_path_exists(l.content, '$.** ? (@ == $id)', jsonb_build_object('id', c.id)))
        ORDER BY l.id`,
      [conceptIds, publishedOnly],
    );
    return rows.map((r) => r.id);
  }

  // --- market numbers (#15 item 4; modules/stats reads them through ListingsService) ----------

  /**
   * Listings created in [from, to): counts by kind and status, region, industry and task (a listing
   * with two tasks counts once for each), and new listings per period (`unit` day/week/month of the
   * Korean calendar). Read-only; summed from the daily rollup `listing_daily_counts` (a trigger keeps it exact).
   */
  async marketCounts(
    from: Date,
    to: Date,
    unit: 'day' | 'week' | 'month',
  ): Promise<Array<{ dimension: string; kind: string; key: string | null; count: number }>> {
    // Both bounds are Korean midnights (the stats window): whole months of the range come from
    // `listing_monthly_counts`, its ragged ends (or all of it, inside one month) from the daily rollup.
    const f = kstDay(from);
    const t = kstDay(to);
    const mf = f.endsWith('-01') ? f : nextMonth(f);
    const mt = `${t.slice(0, 7)}-01`;
    const [d1, d2, m] =
      mf < mt
        ? [
            [f, mf],
            [mt, t],
            [mf, mt],
          ]
        : [
            [f, t],
            [t, t],
            [t, t],
          ];
    const spans = `
         SELECT day, kind, dimension, key, count FROM listing_daily_counts WHERE day >= $1::date AND day < $2::date AND count <> 0
         UNION ALL SELECT day, kind, dimension, key, count FROM listing_daily_counts WHERE day >= $3::date AND day < $4::date AND count <> 0
         UNION ALL SELECT month, kind, dimension, key, count FROM listing_monthly_counts WHERE month >= $5::date AND month < $6::date AND count <> 0`;
    const params = [...d1, ...d2, ...m];
    const [breakdowns, periods] = await Promise.all([
      this.dataSource.query(
        `WITH d AS (${spans})
         SELECT dimension, kind, nullif(key, '') AS key, sum(count)::int AS count FROM d GROUP BY 1, 2, 3 HAVING sum(count) <> 0`,
        params,
      ),
      // Periods count each listing once (its status row); weeks and days cut months, so they read days only.
      unit === 'month'
        ? this.dataSource.query(
            `WITH d AS (${spans})
             SELECT 'period' AS dimension, kind, to_char(date_trunc('month', day), 'YYYY-MM-DD') AS key, sum(count)::int AS count
               FROM d WHERE dimension = 'status' GROUP BY 2, 3`,
            params,
          )
        : this.dataSource.query(
            `SELECT 'period' AS dimension, kind, to_char(date_trunc($3, day), 'YYYY-MM-DD') AS key, sum(count)::int AS count
               FROM listing_daily_counts WHERE dimension = 'status' AND day >= $1::date AND day < $2::date AND count <> 0 GROUP BY 2, 3`,
            [f, t, unit],
          ),
    ]);
    return [...breakdowns, ...periods];
  }
}

export interface PublishedSnapshot {
  listingId: string;
  version: number;
  content: ListingContent;
  publishedAt: Date;
}

/** The Korean calendar day (YYYY-MM-DD) of an instant. */
function kstDay(at: Date): string {
  return new Date(at.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
}

/** The first day of the month after this day's. */
function nextMonth(day: string): string {
  const [y, m] = [Number(day.slice(0, 4)), Number(day.slice(5, 7))];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}
