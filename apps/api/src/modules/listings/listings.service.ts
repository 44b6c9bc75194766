import {
  type AasExportInput,
  exportListingToAas,
  previewAasImport,
  type AasImportPreview,
  type ListingContent,
  type ListingIssue,
  type ListingKind,
  validateListingContent,
} from '@aimatch/capability-model';
import { AAS_IMPORT_LIMITS, NotificationLinkType, NotificationType, OrganizationKind } from '@aimatch/contracts';
import {
  type ListingAction,
  type ListingStatus,
  checkTransition,
  EDITABLE_STATUSES,
  diffListingContent,
  type ListingContentChange,
  materialChanges,
  REASON_REQUIRED_ACTIONS,
} from '@aimatch/marketplace';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../../common/audit/audit.service';
import { Clock } from '../../common/clock';
import { AppError } from '../../common/errors/app-error';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/config.schema';
import { OutboxService } from '../../database/outbox/outbox.service';
import { TransactionService } from '../../database/transaction.service';
import { type Connection, pageArgs, toConnection } from '../../graphql/pagination';
import type { LoaderFactory } from '../../graphql/loader-registry';
import type { RequestContext, Viewer } from '../../graphql/request-context';
import { IdentityLoaders } from '../identity/identity.loaders';
import { IdentityService } from '../identity/identity.service';
import { MembershipPolicy } from '../identity/membership.policy';
import { NotificationsService } from '../notifications/notifications.service';
import { VocabularyCache } from '../vocabulary/vocabulary-cache.service';
import type { FieldCommentInput, MyListingsArgs, ReviewQueueArgs } from './dto/listing.inputs';
import type { ListingSummary } from './dto/listing-summary';
import type { ConceptDecisionRow, DemandState, ListingRecord, ListingTrustFacts, ListingVersion } from './dto/listing-record';
import type { ListingEntity, ListingReview } from './entities/listing.entity';
import { ListingAccessPolicy } from './listing-access.policy';
import { ListingsRepository, type ListingPageQuery, type PublishedSnapshot, type ListingReference } from './listings.repository';
import DataLoader from 'dataloader';

export type { ListingReference } from './listings.repository';

/** Which organization kinds may create which listing kind. */
const CREATORS: Record<ListingKind, OrganizationKind[]> = {
  DEMAND: [OrganizationKind.SME, OrganizationKind.PUBLIC_AGENCY],
  SUPPLY: [OrganizationKind.AI_SUPPLIER, OrganizationKind.SI_INTEGRATOR],
};

/** Rules a draft may still break: it is saved incomplete and checked in full on submission. */
const COMPLETENESS_RULES = new Set(['required', 'past-deadline']);

const MAX_AAS_JSON_CHARS = 512 * 1024;
/** An uploaded AAS file (JSON or .aasx) for the import preview, at most (#17). */
const MAX_AAS_FILE_BYTES = AAS_IMPORT_LIMITS.maxFileBytes;
const MAX_AAS_FILE_MIB = Math.round((MAX_AAS_FILE_BYTES / 1_048_576) * 10) / 10;

/** The file of an import: JSON text, or the file's bytes as base64 (.aasx or JSON, told apart by content). */
export interface AasImportSource {
  json?: string | null;
  base64?: string | null;
}

/** What the owning organization is told about a staff decision. */
const DECISION_NOTIFICATIONS = {
  approve: NotificationType.LISTING_APPROVED,
  reject: NotificationType.LISTING_REJECTED,
  requestChanges: NotificationType.LISTING_CHANGES_REQUESTED,
} as const;

/**
 * Listing commands and queries. Each command: authorise, validate against the submodel
 * templates, then one transaction that writes the row (optimistic locking on `version`), its
 * workflow event and a `listing.changed` outbox event.
 */
@Injectable()
export class ListingsService {
  constructor(
    private readonly repository: ListingsRepository,
    private readonly access: ListingAccessPolicy,
    private readonly memberships: MembershipPolicy,
    private readonly identity: IdentityService,
    private readonly identityLoaders: IdentityLoaders,
    private readonly vocabulary: VocabularyCache,
    private readonly transactions: TransactionService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
  ) {}

  // --- commands ---------------------------------------------------------------------------

  async create(viewer: Viewer, organizationId: string, content: ListingContent): Promise<ListingEntity> {
    await this.memberships.assertMember(viewer, organizationId);
    const org = await this.identity.organization(organizationId);
    if (!org) throw AppError.forbidden();
    if (!CREATORS[content.kind].includes(org.kind)) throw AppError.forbidden('wrong-organization-kind', { kind: org.kind });
    await this.validate(content, false);
    return this.transactions.run(async (tx) => {
      const listing = await this.repository.insert(tx, {
        kind: content.kind,
        organizationId,
        status: 'DRAFT',
        version: 1,
        createdById: viewer.userId,
        ...this.columns(content),
      });
      await this.changed(tx, listing, 'create', null, viewer.userId, {});
      return listing;
    });
  }

  /** Replaces the content. Editing a published listing materially sends it back to review. */
  async update(rc: RequestContext, id: string, version: number, content: ListingContent): Promise<ListingEntity> {
    const current = await this.visibleOrThrow(rc, id);
    if ((await this.access.actor(rc, current)) !== 'owner') throw AppError.forbidden();
    if (current.kind !== content.kind) throw AppError.field('kind', 'enum', { allowed: current.kind });
    if (!EDITABLE_STATUSES.includes(current.status))
      throw AppError.conflict('invalid-transition', { current: current.status, action: 'update', reason: 'invalid-transition' });
    const live = current.status === 'PUBLISHED' || current.status === 'PAUSED';
    await this.validate(content, live);
    const material = materialChanges(current.content as never, content as never);
    const backToReview = live && material.length > 0;
    const now = this.clock.now();
    return this.transactions.run(async (tx) => {
      const updated = await this.repository.updateAtVersion(tx, id, version, {
        ...this.columns(content),
        ...(backToReview ? { status: 'SUBMITTED', submittedAt: now } : {}),
      });
      if (!updated) throw await this.stale(id);
      await this.changed(tx, updated, backToReview ? 'update-resubmitted' : 'update', current.status, rc.viewer!.userId, { material });
      if (backToReview) await this.notifyStaffOfSubmission(tx, updated, rc.viewer!.userId);
      return updated;
    });
  }

  async transition(
    rc: RequestContext,
    id: string,
    version: number,
    action: ListingAction,
    decision?: { reason?: string | null; comments?: FieldCommentInput[] },
  ): Promise<ListingEntity> {
    const current = await this.visibleOrThrow(rc, id);
    const actor = await this.access.actor(rc, current);
    if (!actor) throw AppError.forbidden();
    const check = checkTransition(current.kind, current.status, action, actor);
    if (!check.ok) {
      if (check.reason === 'wrong-actor') throw AppError.forbidden();
      throw AppError.conflict('invalid-transition', { current: current.status, action, reason: 'invalid-transition' });
    }
    // Submitting for review or publishing needs a proven e-mail address (staff decisions do not).
    if (actor === 'owner' && (check.to === 'SUBMITTED' || check.to === 'PUBLISHED'))
      await this.identity.assertEmailVerified(rc.viewer!.userId);
    if (action === 'submit') await this.validate(current.content, true);
    const reason = decision?.reason?.trim() || null;
    if (REASON_REQUIRED_ACTIONS.includes(action) && !reason) throw AppError.field('reason', 'required');
    if ((reason?.length ?? 0) > 2000) throw AppError.field('reason', 'max-length', { max: 2000 });
    const comments = (decision?.comments ?? []).map((c) => ({ path: c.path.trim().slice(0, 200), comment: c.comment.trim() }));
    if (comments.length > 50) throw AppError.field('comments', 'max-items', { max: 50 });
    const badComment = comments.findIndex((c) => !c.comment || c.comment.length > 2000);
    if (badComment >= 0)
      throw AppError.field(`comments.${badComment}.comment`, comments[badComment].comment ? 'max-length' : 'required', { max: 2000 });
    if (action === 'requestChanges' && !reason && comments.length === 0) throw AppError.field('comments', 'required');

    const now = this.clock.now();
    const patch: Partial<ListingEntity> = { status: check.to };
    if (action === 'submit') patch.submittedAt = now;
    if (action === 'approve' && !current.publishedAt) patch.publishedAt = now;
    if (actor === 'staff') {
      const review: ListingReview = {
        decision: action === 'approve' ? 'APPROVED' : action === 'reject' ? 'REJECTED' : 'CHANGES_REQUESTED',
        reason,
        comments,
        decidedAt: now.toISOString(),
        decidedById: rc.viewer!.userId,
      };
      patch.review = review;
    }
    return this.transactions.run(async (tx) => {
      const updated = await this.repository.updateAtVersion(tx, id, version, patch);
      if (!updated) throw await this.stale(id);
      await this.changed(tx, updated, action, current.status, rc.viewer!.userId, reason || comments.length ? { reason, comments } : {});
      if (actor === 'staff') {
        // Staff decisions (approve, reject, request changes, and any other staff transition) are audited with the listing's event.
        await this.audit.record(tx, {
          actorUserId: rc.viewer!.userId,
          action: `listing.${action}`,
          subjectType: 'listing',
          subjectId: updated.id,
          details: {
            before: { status: current.status, version: current.version },
            after: { status: updated.status, version: updated.version },
            reason,
            commentCount: comments.length,
            organizationId: updated.organizationId,
            title: updated.content.title,
          },
          requestId: rc.requestId,
        });
      }
      if (action === 'approve' || action === 'reject' || action === 'requestChanges') {
        await this.notifications.notifyOrganization(
          tx,
          updated.organizationId,
          DECISION_NOTIFICATIONS[action],
          {
            listingId: updated.id,
            kind: updated.kind,
            title: updated.content.title,
            reason,
            ...(action === 'requestChanges' ? { commentCount: comments.length } : {}),
          },
          { link: { type: 'LISTING', id: updated.id }, sourceKey: `listing-${action}:${updated.id}:${updated.version}` },
        );
      }
      if (action === 'submit') await this.notifyStaffOfSubmission(tx, updated, rc.viewer!.userId);
      return updated;
    });
  }

  /**
   * A workflow transition inside the caller's transaction (bids: award, complete, cancel), on a
   * listing row the caller has read (and locked) in that transaction: checks the workflow,
   * writes at the row's version, records the event and the `listing.changed` outbox event.
   */
  async transitionInTransaction(
    tx: EntityManager,
    current: ListingEntity,
    action: ListingAction,
    actor: 'owner' | 'staff',
    actorUserId: string,
    details: Record<string, unknown> = {},
  ): Promise<ListingEntity> {
    const check = checkTransition(current.kind, current.status, action, actor);
    if (!check.ok) {
      if (check.reason === 'wrong-actor') throw AppError.forbidden();
      throw AppError.conflict('invalid-transition', { current: current.status, action, reason: 'invalid-transition' });
    }
    const updated = await this.repository.updateAtVersion(tx, current.id, current.version, { status: check.to });
    if (!updated) throw await this.stale(current.id);
    await this.changed(tx, updated, action, current.status, actorUserId, details);
    return updated;
  }

  async importSupplyFromAas(viewer: Viewer, organizationId: string, json: string): Promise<ListingEntity> {
    await this.memberships.assertMember(viewer, organizationId);
    if (json.length > MAX_AAS_JSON_CHARS) throw AppError.field('json', 'max-length', { max: MAX_AAS_JSON_CHARS });
    // The one import path (#17): the same reading as previewAasImport / importListingFromAas, supply only.
    return this.importListingFromAas(viewer, organizationId, { json }, null, 'SUPPLY');
  }

  // --- queries ----------------------------------------------------------------------------

  async get(rc: RequestContext, id: string): Promise<ListingEntity> {
    return this.visibleOrThrow(rc, id);
  }

  async published(rc: RequestContext, kind: ListingKind, first?: number, after?: string): Promise<Connection<ListingEntity>> {
    const restricted = kind === 'DEMAND' && !(await this.access.isVerifiedSupplier(rc)) && !this.access.isStaff(rc.viewer);
    return this.page(
      {
        where: `l.status = 'PUBLISHED' AND l.kind = :kind${restricted ? " AND l.visibility = 'PUBLIC'" : ''}`,
        params: { kind },
        order: 'published',
      },
      first,
      after,
    );
  }

  async mine(rc: RequestContext, args: MyListingsArgs): Promise<Connection<ListingEntity>> {
    const orgIds = await this.access.organizationIds(rc);
    if (args.organizationId && !orgIds.includes(args.organizationId)) throw AppError.forbidden();
    const where = ['l.organization_id = ANY(:orgs)'];
    if (args.kind) where.push('l.kind = :kind');
    if (args.status) where.push('l.status = :status');
    else where.push("l.status <> 'ARCHIVED'");
    return this.page(
      {
        where: where.join(' AND '),
        params: { orgs: args.organizationId ? [args.organizationId] : orgIds, kind: args.kind, status: args.status },
        order: 'updated',
      },
      args.first,
      args.after,
    );
  }

  reviewQueue(args: ReviewQueueArgs): Promise<Connection<ListingEntity>> {
    return this.page(
      { where: `l.status = 'SUBMITTED'${args.kind ? ' AND l.kind = :kind' : ''}`, params: { kind: args.kind }, order: 'submitted' },
      args.first,
      args.after,
    );
  }

  async aas(rc: RequestContext, id: string): Promise<string> {
    const listing = await this.visibleOrThrow(rc, id);
    return JSON.stringify(exportListingToAas(await this.aasExportInput(rc, listing), await this.vocabulary.get()));
  }

  /** Deprecated concepts and other accepted-but-worth-fixing findings, for the owner and staff. */
  async warnings(listing: ListingEntity): Promise<ListingIssue[]> {
    return validateListingContent(listing.content, await this.vocabulary.get(), { now: this.clock.now(), forSubmission: false }).warnings;
  }

  // --- helpers ----------------------------------------------------------------------------

  private async visibleOrThrow(rc: RequestContext, id: string): Promise<ListingEntity> {
    const listing = /^[0-9a-f-]{36}$/i.test(id) ? await this.repository.findById(id) : null;
    if (!listing || !(await this.access.canSee(rc, listing))) throw AppError.notFound();
    return listing;
  }

  private async validate(content: ListingContent, forSubmission: boolean): Promise<void> {
    const { errors } = validateListingContent(content, await this.vocabulary.get(), { now: this.clock.now(), forSubmission });
    const blocking = forSubmission ? errors : errors.filter((e) => !COMPLETENESS_RULES.has(e.rule));
    if (blocking.length) throw AppError.badInput(blocking.map(({ path, rule, params }) => ({ path, rule, params })));
  }

  private columns(content: ListingContent): Partial<ListingEntity> {
    return {
      title: content.title,
      content,
      visibility: content.kind === 'DEMAND' ? content.visibility : 'PUBLIC',
      bidDeadline: content.kind === 'DEMAND' && content.bidDeadline ? new Date(content.bidDeadline) : null,
      regionId: content.kind === 'DEMAND' ? content.regionId : null,
    };
  }

  private async stale(id: string): Promise<AppError> {
    const now = await this.repository.findById(id);
    return AppError.conflict('stale-version', { current: now?.version ?? 0, reason: 'stale-version' });
  }

  private async changed(
    tx: EntityManager,
    listing: ListingEntity,
    action: string,
    from: ListingStatus | null,
    actorUserId: string,
    details: Record<string, unknown>,
  ) {
    await this.repository.recordEvent(tx, {
      listingId: listing.id,
      version: listing.version,
      action,
      fromStatus: from,
      toStatus: listing.status,
      actorUserId,
      details,
    });
    await this.outbox.enqueue(tx, {
      aggregateType: 'listing',
      aggregateId: listing.id,
      eventType: 'listing.changed',
      payload: { id: listing.id, kind: listing.kind, version: listing.version, status: listing.status },
    });
    // The content the public sees from now on: kept per version for `changesSincePublished`.
    if (listing.status === 'PUBLISHED') await this.repository.recordPublished(tx, listing, this.clock.now());
  }

  private async page(
    q: Omit<ListingPageQuery, 'limit' | 'after'>,
    first?: number,
    after?: string | null,
  ): Promise<Connection<ListingEntity>> {
    const { limit, after: key } = pageArgs(first, after);
    const { rows, total } = await this.repository.page({ ...q, limit, after: key });
    return toConnection(rows, limit, total, (l) => ListingsRepository.cursorKey(q.order, l));
  }

  // --- reads for other modules (chat, reviews, the demo seeder) -------------------------------

  /** Per-request batched listing look-ups by id, no access checks (e.g. a conversation's context title). */
  get listingLoader(): LoaderFactory<string, ListingEntity | null> {
    return this.repository;
  }

  /**
   * The identifying columns of a listing, inside the caller's transaction when given; `lock` takes
   * the row FOR UPDATE (commands of other modules that must serialise on the listing, e.g. the two
   * reviews of a demand).
   */
  summary(id: string, options: { tx?: EntityManager; lock?: boolean } = {}): Promise<ListingSummary | null> {
    return this.repository.summary(id, options.tx, options.lock ?? false);
  }

  /** How many listings the organization has, in any status. */
  countByOrganization(organizationId: string): Promise<number> {
    return this.repository.countByOrganization(organizationId);
  }

  /**
   * Demo seeding: a PUBLISHED listing written directly (no workflow, no review), with its
   * `listing.changed` event so that search indexes it. The content is validated by the caller.
   */
  async seedPublished(organizationId: string, content: ListingContent, now: Date): Promise<void> {
    await this.transactions.run(async (tx) => {
      const listing = await this.repository.insert(tx, {
        kind: content.kind,
        organizationId,
        status: 'PUBLISHED',
        version: 1,
        title: content.title,
        content,
        visibility: 'PUBLIC',
        bidDeadline: content.kind === 'DEMAND' && content.bidDeadline ? new Date(content.bidDeadline) : null,
        regionId: content.kind === 'DEMAND' ? content.regionId : null,
        submittedAt: now,
        publishedAt: now,
      });
      await this.repository.recordPublished(tx, listing, now);
      await this.outbox.enqueue(tx, {
        aggregateType: 'listing',
        aggregateId: listing.id,
        eventType: 'listing.changed',
        payload: { id: listing.id, kind: listing.kind, version: listing.version, status: listing.status },
      });
    });
  }

  // --- reads and locks for other modules (bids, matching, search) ------------------------------
  // No access checks here: the calling module authorised its actor (or works for the system).

  /** One listing by id, or null; inside `tx` when given. */
  findListing(id: string, tx?: EntityManager): Promise<ListingRecord | null> {
    return this.repository.findById(id, tx);
  }

  /** Listings by id (any order; missing ids are left out). */
  findByIds(ids: string[]): Promise<ListingRecord[]> {
    return this.repository.findByIds(ids);
  }

  /**
   * Locks the demand row in the caller's transaction and reads it as locked: FOR UPDATE to decide
   * on it (the award, completion, cancellation: a second decision waits, then sees the first),
   * FOR SHARE to act under it (bids are created, submitted and decided while it cannot change).
   */
  async lockDemand(tx: EntityManager, id: string, lock: 'FOR UPDATE' | 'FOR SHARE'): Promise<ListingRecord> {
    const listing = await this.repository.lock(tx, id, lock);
    if (!listing) throw AppError.notFound();
    return listing;
  }

  /** Id, kind, owner, status and version of these listings (cheap: tells whether a cached analysis is current). */
  versionsOf(ids: string[]): Promise<ListingVersion[]> {
    return this.repository.versionsOf(ids);
  }

  /** Ids of published listings in id order (the search index's and the matcher's source of truth), batched by `afterId` and `limit`. */
  publishedIds(q: { kind?: ListingKind; organizationId?: string; afterId?: string; limit?: number } = {}): Promise<string[]> {
    return this.repository.publishedIds(q);
  }

  /** The published supply listings of these organizations (e.g. to score their bids). */
  publishedSupplyOf(organizationIds: string[]): Promise<Array<{ id: string; organizationId: string }>> {
    return this.repository.publishedSupplyOf(organizationIds);
  }

  /** Status and bid deadline of these demands (bids' decision window), inside `tx` when given. */
  demandStates(ids: string[], tx?: EntityManager): Promise<DemandState[]> {
    return this.repository.demandStates(ids, tx);
  }

  /** Every staff user learns of a new (or re-)submission, in the submitting transaction. */
  private async notifyStaffOfSubmission(tx: EntityManager, listing: ListingEntity, actorUserId: string): Promise<void> {
    const [organization] = await this.identity.organizations([listing.organizationId], tx);
    await this.notifications.notifyUsers(
      tx,
      await this.identity.staffUserIds(tx),
      NotificationType.LISTING_SUBMITTED,
      {
        listingId: listing.id,
        kind: listing.kind,
        title: listing.content.title,
        organizationId: listing.organizationId,
        organizationName: organization?.nameKo ?? null,
      },
      {
        link: { type: NotificationLinkType.LISTING, id: listing.id },
        sourceKey: `listing-submitted:${listing.id}:${listing.version}`,
        exceptUserIds: [actorUserId],
      },
    );
  }

  /** The latest published version of listings, batched per request. */
  private readonly publishedLoader: LoaderFactory<string, PublishedSnapshot | null> = {
    create: () =>
      new DataLoader<string, PublishedSnapshot | null>(async (ids) => {
        const map = new Map((await this.repository.latestPublished(ids)).map((r) => [r.listingId, r]));
        return ids.map((id) => map.get(id) ?? null);
      }),
  };

  /**
   * What changed in a listing since its last published version (owner and staff only; null for
   * others and for a listing that was never published).
   */
  async changesSincePublished(
    rc: RequestContext,
    listing: ListingEntity,
  ): Promise<{ publishedVersion: number; publishedAt: Date; changes: ListingContentChange[] } | null> {
    if (!(await this.access.actor(rc, listing))) return null;
    const published = await rc.loaders.get(this.publishedLoader).load(listing.id);
    if (!published) return null;
    return {
      publishedVersion: published.version,
      publishedAt: published.publishedAt,
      changes: published.version === listing.version ? [] : diffListingContent(published.content, listing.content),
    };
  }

  /** Contact details and texts of every listing that is not archived, for the trust & safety scan (no access checks). */
  trustFacts(): Promise<ListingTrustFacts[]> {
    return this.repository.trustFacts();
  }

  /** The listings the user created, as references (ids, title, status, dates), newest first, at most `limit` (the personal data download). */
  listingsCreatedBy(userId: string, limit: number): Promise<ListingReference[]> {
    return this.repository.createdBy(userId, limit);
  }

  /** An organization's published listings, newest first (its profile); demands the viewer may not see are left out like in `published`. */
  async publishedOf(
    rc: RequestContext,
    organizationId: string,
    kind: ListingKind | undefined,
    first?: number,
    after?: string | null,
  ): Promise<Connection<ListingEntity>> {
    const restricted =
      kind !== 'SUPPLY' &&
      !this.access.isStaff(rc.viewer) &&
      !(await this.access.organizationIds(rc)).includes(organizationId) &&
      !(await this.access.isVerifiedSupplier(rc));
    const where = ["l.status = 'PUBLISHED'", 'l.organization_id = :org'];
    if (kind) where.push('l.kind = :kind');
    if (restricted) where.push("(l.kind = 'SUPPLY' OR l.visibility = 'PUBLIC')");
    return this.page({ where: where.join(' AND '), params: { org: organizationId, kind }, order: 'published' }, first, after);
  }

  // --- decisions on inferred concepts (#14 item 8; matching reads them) ---------------------

  /** The owners' decisions on inferred concepts of these demands, without access checks. */
  conceptDecisions(listingIds: string[]): Promise<ConceptDecisionRow[]> {
    return this.repository.conceptDecisions(listingIds);
  }

  /**
   * The demand's organization confirms, removes or (decision null) undoes one inferred concept.
   * NOT_FOUND for a demand one may not see, FORBIDDEN for anyone but its organization (staff
   * included: the need is the owner's to state). Confirming is for task, industry, data and systems.
   */
  async decideConcept(
    rc: RequestContext,
    listingId: string,
    input: { conceptId: string; scheme: ConceptDecisionRow['scheme']; decision: ConceptDecisionRow['decision'] | null },
  ): Promise<ListingRecord> {
    const listing = /^[0-9a-f-]{36}$/i.test(listingId) ? await this.repository.findById(listingId) : null;
    if (!listing || listing.kind !== 'DEMAND' || !(await this.access.canSee(rc, listing))) throw AppError.notFound();
    if ((await this.access.actor(rc, listing)) !== 'owner') throw AppError.forbidden();
    if (input.decision === 'CONFIRMED' && !['task', 'industry', 'modality', 'integration'].includes(input.scheme)) {
      throw AppError.field('scheme', 'not-allowed');
    }
    if (!input.conceptId || input.conceptId.length > 200) throw AppError.field('conceptId', 'max-length', { max: 200 });
    await this.transactions.run((tx) => this.repository.setConceptDecision(tx, { listingId, ...input, userId: rc.viewer!.userId }));
    return listing;
  }

  /** Listings whose content uses any of these concepts (vocabulary governance: re-indexing and the in-use check). */
  idsUsingConcepts(conceptIds: string[], publishedOnly: boolean): Promise<string[]> {
    return this.repository.idsUsingConcepts(conceptIds, publishedOnly);
  }

  // --- market numbers (#15 item 4; read-only aggregates for modules/stats) ---------------------

  /** Listings created in [from, to) counted by kind and status, region, industry, task and period. */
  marketCounts(from: Date, to: Date, unit: 'day' | 'week' | 'month') {
    return this.repository.marketCounts(from, to, unit);
  }

  // --- the read-only AAS API (#17, helper X; modules/aas) -------------------------------------

  /**
   * Published listings of both kinds that the viewer may see, newest first: a VERIFIED_SUPPLIERS
   * demand only for verified suppliers and staff (the rule of `published`).
   */
  async publishedForAas(rc: RequestContext, first: number, after: string | null): Promise<Connection<ListingEntity>> {
    const restricted = !(await this.access.isVerifiedSupplier(rc)) && !this.access.isStaff(rc.viewer);
    return this.page(
      {
        where: `l.status = 'PUBLISHED'${restricted ? " AND (l.kind = 'SUPPLY' OR l.visibility = 'PUBLIC')" : ''}`,
        params: {},
        order: 'published',
      },
      first,
      after,
    );
  }

  /** A published listing the viewer may see; NOT_FOUND for anything else (drafts too, even for their owner). */
  async publishedForAasOne(rc: RequestContext, id: string): Promise<ListingEntity> {
    const listing = await this.visibleOrThrow(rc, id);
    if (listing.status !== 'PUBLISHED') throw AppError.notFound();
    return listing;
  }

  /** The export input of a listing under the viewer's rules (contact details and the BRN only for signed-in users). */
  async aasExportInput(rc: RequestContext, listing: ListingEntity): Promise<AasExportInput> {
    const org = await rc.loaders.get(this.identityLoaders.organization).load(listing.organizationId);
    return {
      listingId: listing.id,
      version: listing.version,
      content: listing.content,
      company: org
        ? {
            nameKo: org.nameKo,
            nameEn: org.nameEn,
            businessRegistrationNumber: org.businessRegistrationNumber,
            regionId: org.regionId,
            industryId: org.industryId,
            website: org.website,
            foundedYear: org.foundedYear,
          }
        : null,
      baseIri: this.config.PUBLIC_URL ?? 'https://aimatch.or.kr',
      // The same viewer rule as Listing.contact: contact details and the BRN only for signed-in users.
      withhold: { contact: !rc.viewer, businessRegistrationNumber: !rc.viewer },
    };
  }

  // --- AAS import with preview and shell choice (#17, helper I) ------------------------------

  /** What importing `source` would give (shells to choose from, mapping report, warnings); writes nothing. */
  async previewAasImport(
    viewer: Viewer,
    organizationId: string,
    source: AasImportSource,
    shellId: string | null,
  ): Promise<AasImportPreview & { ok: true }> {
    await this.memberships.assertMember(viewer, organizationId);
    const preview = previewAasImport(aasSourceInput(source), await this.vocabulary.get(), { shellId });
    if (!preview.ok) throw AppError.badInput(preview.issues.map(({ path, rule, params }) => ({ path: `source.${path}`, rule, params })));
    return preview;
  }

  /** Creates a DRAFT listing of the chosen shell in one transaction (nothing is written when anything fails). */
  async importListingFromAas(
    viewer: Viewer,
    organizationId: string,
    source: AasImportSource,
    shellId: string | null,
    onlyKind: ListingKind | null = null,
  ): Promise<ListingEntity> {
    const preview = await this.previewAasImport(viewer, organizationId, source, shellId);
    if (preview.needsChoice) throw AppError.field('shellId', 'required');
    if (!preview.draft) throw AppError.field('source', 'aas-shell-unknown', { id: shellId ?? '' });
    if (onlyKind && preview.draft.content.kind !== onlyKind) throw AppError.field('json', 'enum', { allowed: onlyKind });
    return this.create(viewer, organizationId, preview.draft.content);
  }
}

function aasSourceInput(source: AasImportSource): string | Uint8Array {
  const json = source.json ?? null;
  const base64 = source.base64 ?? null;
  if ((json === null) === (base64 === null)) throw AppError.field('source', 'required');
  if (json !== null) {
    if (Buffer.byteLength(json, 'utf8') > MAX_AAS_FILE_BYTES)
      throw AppError.field('source.json', 'max-bytes', { maxMiB: MAX_AAS_FILE_MIB });
    return json;
  }
  if (base64!.length > Math.ceil(MAX_AAS_FILE_BYTES / 3) * 4 + 4) {
    throw AppError.field('source.base64', 'max-bytes', { maxMiB: MAX_AAS_FILE_MIB });
  }
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64!)) throw AppError.field('source.base64', 'format');
  const bytes = Buffer.from(base64!, 'base64');
  if (bytes.length > MAX_AAS_FILE_BYTES) {
    throw AppError.field('source.base64', 'max-bytes', { maxMiB: MAX_AAS_FILE_MIB });
  }
  return new Uint8Array(bytes);
}
