import { OrganizationKind, VerificationStatus } from '@aimatch/contracts';
import type { DemandContent } from '@aimatch/capability-model';
import { createMatcher, indexTerms } from '@aimatch/korean-text';
import { MAX_QUERY_LENGTH } from '@aimatch/search';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../common/errors/app-error';
import { OutboxDispatcher } from '../../database/outbox/outbox.dispatcher';
import type { OutboxEventEntity } from '../../database/outbox/outbox-event.entity';
import { TransactionService } from '../../database/transaction.service';
import { type Connection, pageArgs, toConnection } from '../../graphql/pagination';
import type { Viewer } from '../../graphql/request-context';
import { IdentityService } from '../identity/identity.service';
import { MembershipPolicy } from '../identity/membership.policy';
import type { ListingRecord } from '../listings/dto/listing-record';
import { ListingsService } from '../listings/listings.service';
import { NotificationsService } from '../notifications/notifications.service';
import type { SearchFiltersInput } from '../search/dto/search.dto';
import { VocabularyCache } from '../vocabulary/vocabulary-cache.service';
import type { CreateMatchAlertInput } from './dto/matching.dto';
import { type MatchAlertRow, MatchAlertsRepository } from './match-alerts.repository';
import { MatchEngine } from './match-engine';

export type { MatchAlertRow };

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
    private readonly repository: MatchAlertsRepository,
    private readonly listings: ListingsService,
    private readonly identity: IdentityService,
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
    const org = await this.identity.organization(input.organizationId);
    if (!org || !SUPPLIER_KINDS.includes(org.kind)) throw AppError.forbidden('wrong-organization-kind', { kind: org?.kind ?? '' });
    const name = input.name.trim();
    if (name.length < 1 || name.length > 100) throw AppError.field('name', name ? 'max-length' : 'required', { max: 100 });
    const criteria = await this.criteriaOf(input);
    if (input.supplyListingId) {
      if (input.minScore === undefined || input.minScore === null) throw AppError.field('minScore', 'required');
      if (!Number.isInteger(input.minScore) || input.minScore < 0 || input.minScore > 100)
        throw AppError.field('minScore', 'range', { min: 0, max: 100 });
      const listing = await this.listings.findListing(input.supplyListingId);
      if (!listing || listing.organizationId !== input.organizationId || listing.kind !== 'SUPPLY')
        throw AppError.field('supplyListingId', 'not-own-listing');
    } else if (!criteria) {
      throw AppError.field('supplyListingId', 'required');
    }
    return this.transactions.run(async (tx) => {
      // Serialises concurrent creations for one organization so the limit holds.
      await this.repository.lockOrganizationAlerts(tx, input.organizationId);
      if ((await this.repository.countOf(tx, input.organizationId)) >= MAX_ALERTS_PER_ORGANIZATION)
        throw AppError.field('organizationId', 'max-items', { max: MAX_ALERTS_PER_ORGANIZATION });
      return this.repository.insert(tx, {
        organizationId: input.organizationId,
        name,
        supplyListingId: input.supplyListingId ?? null,
        minScore: input.supplyListingId ? (input.minScore ?? null) : null,
        criteria: criteria ? JSON.stringify(criteria) : null,
        createdById: viewer.userId,
      });
    });
  }

  async list(viewer: Viewer, first?: number, after?: string | null): Promise<Connection<MatchAlertRow>> {
    const { limit, after: key } = pageArgs(first, after);
    const { rows, total } = await this.repository.pageOf(await this.identity.organizationIdsOfUser(viewer.userId), limit, key);
    return toConnection<MatchAlertRow>(rows, limit, total, (r) => [r.createdAt.toISOString(), r.id]);
  }

  async delete(viewer: Viewer, id: string): Promise<boolean> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw AppError.notFound();
    const organizationId = await this.repository.organizationOf(id);
    if (!organizationId || !(await this.memberships.membership(viewer, organizationId))) throw AppError.notFound();
    await this.repository.delete(id);
    return true;
  }

  /** A newly published demand: notify every organization whose alert it satisfies, once. */
  async onListingChanged(event: OutboxEventEntity): Promise<void> {
    if (event.payload.kind !== 'DEMAND' || event.payload.status !== 'PUBLISHED') return;
    const demand = await this.listings.findListing(String(event.payload.id));
    if (!demand || demand.status !== 'PUBLISHED') return;
    const alerts = await this.repository.undeliveredFor(demand.id, demand.organizationId);
    const organizations = new Map((await this.identity.organizations(alerts.map((a) => a.organizationId))).map((o) => [o.id, o]));
    // Restricted demands reach verified suppliers only, like everything else about them.
    const eligible = alerts.filter((a) => {
      const org = organizations.get(a.organizationId);
      return org && (demand.visibility === 'PUBLIC' || org.verificationStatus === VerificationStatus.VERIFIED);
    });
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
    demand: ListingRecord,
    organizationId: string,
    alertId: string,
    score: number | null,
  ): Promise<void> {
    if (!(await this.repository.recordDelivery(tx, demand.id, organizationId, alertId, score))) return;
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
  private async satisfies(demand: ListingRecord, criteria: Criteria): Promise<boolean> {
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
