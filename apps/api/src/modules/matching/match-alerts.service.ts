import { OrganizationKind, VerificationStatus } from '@aimatch/contracts';
import type { DemandContent } from '@aimatch/capability-model';
import { createMatcher, indexTerms } from '@aimatch/korean-text';
import { MAX_QUERY_LENGTH } from '@aimatch/search';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError } from '../../common/errors/app-error';
import { OutboxDispatcher } from '../../database/outbox/outbox.dispatcher';
import type { OutboxEventEntity } from '../../database/outbox/outbox-event.entity';
import { TransactionService } from '../../database/transaction.service';
import { type Connection, pageArgs, toConnection } from '../../graphql/pagination';
import type { Viewer } from '../../graphql/request-context';
import { MembershipPolicy } from '../identity/membership.policy';
import { NotificationsService } from '../notifications/notifications.service';
import { ListingEntity } from '../listings/entities/listing.entity';
import type { SearchFiltersInput } from '../search/dto/search.dto';
import { VocabularyCache } from '../vocabulary/vocabulary-cache.service';
import type { CreateMatchAlertInput } from './dto/matching.dto';
import { MatchEngine } from './match-engine';

export interface MatchAlertRow {
  id: string;
  organizationId: string;
  name: string;
  supplyListingId: string | null;
  minScore: number | null;
  criteria: string | null;
  createdAt: Date;
}

interface Criteria {
  q?: string;
  filters?: SearchFiltersInput;
}

const MAX_ALERTS_PER_ORGANIZATION = 20;
const SUPPLIER_KINDS = [OrganizationKind.AI_SUPPLIER, OrganizationKind.SI_INTEGRATOR];
const FILTER_KEYS = ['tasks', 'industries', 'regions', 'deployments', 'integrations', 'modalities', 'certifications'] as const;

/**
 * Suppliers' alerts on new demands: "demands that match my listing with at least score S" and
 * saved search criteria. Fed by `listing.changed`: when a demand is published, each matching
 * organization gets one in-app notification per member and an e-mail event, at most once per
 * demand and organization (the delivery row's primary key), all in one transaction.
 */
@Injectable()
export class MatchAlertsService implements OnModuleInit {
  private readonly logger = new Logger('MatchAlerts');

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionService,
    private readonly notifications: NotificationsService,
    private readonly dispatcher: OutboxDispatcher,
    private readonly memberships: MembershipPolicy,
    private readonly vocabulary: VocabularyCache,
    private readonly engine: MatchEngine,
  ) {}

  onModuleInit(): void {
    this.dispatcher.register('listing.changed', (e) => this.onListingChanged(e));
  }

  async create(viewer: Viewer, input: CreateMatchAlertInput): Promise<MatchAlertRow> {
    await this.memberships.assertMember(viewer, input.organizationId);
    const [org] = await this.dataSource.query('SELECT kind FROM organizations WHERE id = $1', [input.organizationId]);
    if (!SUPPLIER_KINDS.includes(org?.kind)) throw AppError.forbidden('wrong-organization-kind', { kind: org?.kind ?? '' });
    const name = input.name.trim();
    if (name.length < 1 || name.length > 100) throw AppError.field('name', name ? 'max-length' : 'required', { max: 100 });
    const criteria = await this.criteriaOf(input);
    if (input.supplyListingId) {
      if (input.minScore === undefined || input.minScore === null) throw AppError.field('minScore', 'required');
      if (!Number.isInteger(input.minScore) || input.minScore < 0 || input.minScore > 100)
        throw AppError.field('minScore', 'range', { min: 0, max: 100 });
      const listing = await this.dataSource.manager.findOneBy(ListingEntity, { id: input.supplyListingId });
      if (!listing || listing.organizationId !== input.organizationId || listing.kind !== 'SUPPLY')
        throw AppError.field('supplyListingId', 'not-own-listing');
    } else if (!criteria) {
      throw AppError.field('supplyListingId', 'required');
    }
    return this.transactions.run(async (tx) => {
      // Serialises concurrent creations for one organization so the limit holds.
      await tx.query('SELECT id FROM organizations WHERE id = $1 FOR UPDATE', [input.organizationId]);
      const [{ n }] = await tx.query('SELECT count(*)::int AS n FROM match_alerts WHERE organization_id = $1', [input.organizationId]);
      if (n >= MAX_ALERTS_PER_ORGANIZATION) throw AppError.field('organizationId', 'max-items', { max: MAX_ALERTS_PER_ORGANIZATION });
      const [row] = await tx.query(
        `INSERT INTO match_alerts (organization_id, name, supply_listing_id, min_score, criteria, created_by_id)
         VALUES ($1, $2, $3, $4, $5, $6)
         RETURNING id, organization_id AS "organizationId", name, supply_listing_id AS "supplyListingId", min_score AS "minScore", criteria::text AS criteria, created_at AS "createdAt"`,
        [
          input.organizationId,
          name,
          input.supplyListingId ?? null,
          input.supplyListingId ? input.minScore : null,
          criteria ? JSON.stringify(criteria) : null,
          viewer.userId,
        ],
      );
      return row;
    });
  }

  async list(viewer: Viewer, first?: number, after?: string | null): Promise<Connection<MatchAlertRow>> {
    const { limit, after: key } = pageArgs(first, after);
    const params: unknown[] = [viewer.userId, limit + 1];
    let keyset = '';
    if (key) {
      params.push(key[0], key[1]);
      keyset = 'AND (a.created_at, a.id) < ($3::timestamptz, $4::uuid)';
    }
    const select = `FROM match_alerts a JOIN memberships m ON m.organization_id = a.organization_id AND m.user_id = $1`;
    const rows = await this.dataSource.query(
      `SELECT a.id, a.organization_id AS "organizationId", a.name, a.supply_listing_id AS "supplyListingId", a.min_score AS "minScore",
              a.criteria::text AS criteria, a.created_at AS "createdAt"
       ${select} WHERE true ${keyset} ORDER BY a.created_at DESC, a.id DESC LIMIT $2`,
      params,
    );
    const [{ n }] = await this.dataSource.query(`SELECT count(*)::int AS n ${select}`, [viewer.userId]);
    return toConnection<MatchAlertRow>(rows, limit, n, (r) => [r.createdAt.toISOString(), r.id]);
  }

  async delete(viewer: Viewer, id: string): Promise<boolean> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw AppError.notFound();
    const [alert] = await this.dataSource.query('SELECT organization_id FROM match_alerts WHERE id = $1', [id]);
    if (!alert || !(await this.memberships.membership(viewer, alert.organization_id))) throw AppError.notFound();
    await this.dataSource.query('DELETE FROM match_alerts WHERE id = $1', [id]);
    return true;
  }

  /** A newly published demand: notify every organization whose alert it satisfies, once. */
  async onListingChanged(event: OutboxEventEntity): Promise<void> {
    if (event.payload.kind !== 'DEMAND' || event.payload.status !== 'PUBLISHED') return;
    const demand = await this.dataSource.manager.findOneBy(ListingEntity, { id: String(event.payload.id) });
    if (!demand || demand.status !== 'PUBLISHED') return;
    const alerts: Array<MatchAlertRow & { kind: OrganizationKind; verified: boolean }> = await this.dataSource.query(
      `SELECT a.id, a.organization_id AS "organizationId", a.name, a.supply_listing_id AS "supplyListingId", a.min_score AS "minScore",
              a.criteria::text AS criteria, o.kind, o.verification_status = $2 AS verified
         FROM match_alerts a JOIN organizations o ON o.id = a.organization_id
        WHERE a.organization_id <> $1
          AND NOT EXISTS (SELECT 1 FROM match_alert_deliveries d WHERE d.demand_listing_id = $3 AND d.organization_id = a.organization_id)
        ORDER BY a.created_at, a.id`,
      [demand.organizationId, VerificationStatus.VERIFIED, demand.id],
    );
    // Restricted demands reach verified suppliers only, like everything else about them.
    const eligible = alerts.filter((a) => demand.visibility === 'PUBLIC' || a.verified);
    if (eligible.length === 0) return;
    const scores = eligible.some((a) => a.supplyListingId)
      ? new Map((await this.engine.suppliersFor(demand)).map((r) => [r.listingId, r.explanation.score]))
      : new Map<string, number>();
    const hits = new Map<string, { alertId: string; score: number | null }>();
    for (const a of eligible) {
      if (hits.has(a.organizationId)) continue;
      if (a.supplyListingId) {
        const score = scores.get(a.supplyListingId);
        if (score !== undefined && score >= (a.minScore ?? 0)) hits.set(a.organizationId, { alertId: a.id, score });
      } else if (a.criteria && (await this.satisfies(demand, JSON.parse(a.criteria)))) {
        hits.set(a.organizationId, { alertId: a.id, score: null });
      }
    }
    if (hits.size === 0) return;
    await this.transactions.run(async (tx) => {
      for (const [organizationId, hit] of hits) await this.deliver(tx, demand, organizationId, hit.alertId, hit.score);
    });
    this.logger.log(`demand ${demand.id}: alerted ${hits.size} organization(s)`);
  }

  private async deliver(
    tx: EntityManager,
    demand: ListingEntity,
    organizationId: string,
    alertId: string,
    score: number | null,
  ): Promise<void> {
    const inserted = await tx.query(
      `INSERT INTO match_alert_deliveries (demand_listing_id, organization_id, alert_id, score) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING RETURNING demand_listing_id`,
      [demand.id, organizationId, alertId, score],
    );
    if (inserted.length === 0) return;
    await this.notifications.notifyOrganization(
      tx,
      organizationId,
      'MATCH_ALERT',
      { demandId: demand.id, title: demand.content.title, alertId, score },
      {
        link: { type: 'LISTING', id: demand.id },
        sourceKey: `match-alert:${demand.id}`,
      },
    );
  }

  /** Saved criteria against one demand, with the search's semantics: all query words, each filter's concept or a narrower one. */
  private async satisfies(demand: ListingEntity, criteria: Criteria): Promise<boolean> {
    const vocabulary = await this.vocabulary.get();
    const c = demand.content as DemandContent;
    const concepts: Record<(typeof FILTER_KEYS)[number], string[]> = {
      tasks: c.requirement.tasks,
      industries: c.requirement.industries,
      regions: c.regionId ? [c.regionId] : [],
      deployments: c.requirement.deployments,
      integrations: [...c.requirement.integrations, ...c.dataProfile.systems],
      modalities: [...c.requirement.modalities, ...c.dataProfile.dataKinds],
      certifications: [],
    };
    for (const key of FILTER_KEYS) {
      const wanted = criteria.filters?.[key];
      if (wanted?.length && !wanted.some((w) => concepts[key].some((id) => vocabulary.isSameOrDescendantOf(id, w)))) return false;
    }
    const { amountMin, amountMax } = criteria.filters ?? {};
    const budget = c.commercialTerms;
    if (amountMin !== undefined && amountMin !== null && budget.maxAmountKrw !== null && budget.maxAmountKrw < amountMin) return false;
    if (amountMax !== undefined && amountMax !== null && budget.minAmountKrw !== null && budget.minAmountKrw > amountMax) return false;
    if (criteria.q) {
      const terms = new Set(indexTerms([c.title, c.titleEn, c.summary, c.description].filter(Boolean).join('\n')));
      if (!createMatcher(criteria.q).testTerms(terms)) return false;
    }
    return true;
  }

  private async criteriaOf(input: CreateMatchAlertInput): Promise<Criteria | null> {
    const q = input.q?.trim();
    const filters = input.filters ?? undefined;
    const hasFilters = !!filters && (FILTER_KEYS.some((k) => filters[k]?.length) || filters.amountMin != null || filters.amountMax != null);
    if (!q && !hasFilters) return null;
    if (q && q.length > MAX_QUERY_LENGTH) throw AppError.field('q', 'max-length', { max: MAX_QUERY_LENGTH });
    const vocabulary = await this.vocabulary.get();
    for (const key of FILTER_KEYS) {
      const values = filters?.[key] ?? [];
      if (values.length > 20) throw AppError.field(`filters.${key}`, 'max-items', { max: 20 });
      const bad = values.findIndex((id) => !vocabulary.has(id));
      if (bad >= 0) throw AppError.field(`filters.${key}.${bad}`, 'unknown-concept', { id: values[bad] });
    }
    for (const key of ['amountMin', 'amountMax'] as const) {
      const v = filters?.[key];
      if (v !== undefined && v !== null && (!Number.isFinite(v) || v < 0)) throw AppError.field(`filters.${key}`, 'min-value', { min: 0 });
    }
    return { ...(q ? { q } : {}), ...(hasFilters ? { filters } : {}) };
  }
}
