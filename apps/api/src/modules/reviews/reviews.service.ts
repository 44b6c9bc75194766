import {
  NotificationType,
  REVIEW_BLIND_DAYS,
  REVIEW_CRITERIA,
  REVIEW_MAX_BODY,
  REVIEW_MAX_RATING,
  REVIEW_MIN_RATING,
  ReputationTrend,
  type ReviewCriterion,
  ReviewSide,
} from '@aimatch/contracts';
import { hasControlCharacters, neutralizeFreeText, type RuleViolation } from '@aimatch/validation';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../../common/audit/audit.service';
import { Clock } from '../../common/clock';
import { AppError } from '../../common/errors/app-error';
import { uniqueViolation } from '../../common/errors/pg-errors';
import { OutboxDispatcher } from '../../database/outbox/outbox.dispatcher';
import type { OutboxEventEntity } from '../../database/outbox/outbox-event.entity';
import { OutboxService } from '../../database/outbox/outbox.service';
import { TransactionService } from '../../database/transaction.service';
import { type Connection, pageArgs, toConnection } from '../../graphql/pagination';
import type { RequestContext, Viewer } from '../../graphql/request-context';
import { IdentityService } from '../identity/identity.service';
import { MembershipPolicy } from '../identity/membership.policy';
import { ListingsService } from '../listings/listings.service';
import { NotificationsService } from '../notifications/notifications.service';
import {
  type OrganizationReportCount,
  type ReputationRow,
  type ReviewReportGroupRow,
  type ReviewRow,
  ReviewsRepository,
  type TrackRecordRow,
  type WrittenReview,
} from './reviews.repository';

export type { WrittenReview } from './reviews.repository';

/** Who took part in a demand's project: the demand's organization and the accepted bid's side. */
export interface DemandParties {
  demandId: string;
  kind: string;
  status: string;
  title: string;
  clientOrganizationId: string;
  /** The accepted bid's lead organization (null while no bid was accepted). */
  supplierLeadOrganizationId: string | null;
  /** The lead and every consortium partner that accepted its invitation. */
  supplierOrganizationIds: string[];
}

/** Statuses of a demand after a bid was accepted: only then can anyone but its owner be a party. */
export const AWARDED_STATUSES = ['AWARDED', 'COMPLETED', 'CANCELLED'];

/**
 * What reviews needs from bids, which sits above it (bids completes demands): the organizations
 * of a demand's ACCEPTED bid. Reviews declares the port; the bids module registers its
 * implementation with `useAcceptedBids` when it starts, so reviews never imports bids.
 */
export interface AcceptedBidParties {
  /** The accepted bid's lead and its ACCEPTED consortium partners (in the caller's transaction when given); null when none was accepted. */
  acceptedBidParties(
    demandId: string,
    tx?: EntityManager,
  ): Promise<{ leadOrganizationId: string; partnerOrganizationIds: string[] } | null>;
}

export interface SubmitReview {
  demandId: string;
  ratings: Array<{ criterion: string; score: number }>;
  body?: string | null;
}

/**
 * A review as staff see it when moderating: its text and ratings only once it is revealed
 * (both sides reviewed, or the blind period is over). During the blind period `withheld` is true,
 * `body`/`ratings`/`rating` are null and `blindUntil` says when it becomes readable at the latest.
 */
export interface ModeratedReview extends Omit<ReviewRow, 'body' | 'ratings' | 'rating'> {
  body: string | null;
  ratings: ReviewRow['ratings'] | null;
  rating: number | null;
  withheld: boolean;
  blindUntil: Date | null;
}

export interface ReviewReportGroup extends Omit<ReviewReportGroupRow, 'review'> {
  review: ModeratedReview;
}

export interface Reputation extends ReputationRow {
  trend: ReputationTrend | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_REASON = 1000;
/** A difference of recent and earlier means at least this large is a trend. */
const TREND_THRESHOLD = 0.25;

/**
 * Reviews after a completed project. Each side reviews the other once (the demand's organization
 * the accepted bid's lead; the supplier side, lead or accepted partner, the demand's
 * organization), double-blind: a review is public once both are in or REVIEW_BLIND_DAYS after it
 * was submitted (the scheduled sweep, ReviewsJobs, reveals those on the Clock), unless staff hid it. Public reviews
 * make the organization's reputation and its REVIEWS track record for the matcher.
 */
@Injectable()
export class ReviewsService implements OnModuleInit {
  private readonly logger = new Logger('Reviews');
  private acceptedBids?: AcceptedBidParties;

  constructor(
    private readonly repository: ReviewsRepository,
    private readonly listings: ListingsService,
    private readonly identity: IdentityService,
    private readonly memberships: MembershipPolicy,
    private readonly transactions: TransactionService,
    private readonly outbox: OutboxService,
    private readonly dispatcher: OutboxDispatcher,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.dispatcher.register('review.submitted', (e) => this.onSubmitted(e));
  }

  /** The bids module registers how to read a demand's accepted bid (see AcceptedBidParties). */
  useAcceptedBids(port: AcceptedBidParties): void {
    this.acceptedBids = port;
  }

  async submit(viewer: Viewer, input: SubmitReview): Promise<ReviewRow> {
    // Input that is wrong whoever sends it, all at once.
    const violations: RuleViolation[] = [];
    if (!UUID.test(input.demandId)) violations.push({ path: 'demandId', rule: 'format', params: { format: 'uuid' } });
    input.ratings.forEach((r, i) => {
      if (!Number.isInteger(r.score) || r.score < REVIEW_MIN_RATING || r.score > REVIEW_MAX_RATING) {
        violations.push({ path: `ratings.${i}.score`, rule: 'range', params: { min: REVIEW_MIN_RATING, max: REVIEW_MAX_RATING } });
      }
    });
    // Bidi controls and zero-width characters removed: a review cannot reorder what readers see.
    const body = neutralizeFreeText(input.body ?? '', 'body').trim();
    if (body.length > REVIEW_MAX_BODY) violations.push({ path: 'body', rule: 'max-length', params: { max: REVIEW_MAX_BODY } });
    else if (hasControlCharacters(body)) violations.push({ path: 'body', rule: 'invalid-characters' });
    if (violations.length) throw AppError.badInput(violations);

    const parties = await this.partiesOf(input.demandId);
    if (!parties || parties.kind !== 'DEMAND') throw AppError.notFound();
    const mine = new Set(await this.identity.organizationIdsOfUser(viewer.userId));
    const side = mine.has(parties.clientOrganizationId)
      ? ReviewSide.CLIENT
      : parties.supplierOrganizationIds.some((id) => mine.has(id))
        ? ReviewSide.SUPPLIER
        : null;
    if (!side) throw AppError.forbidden();
    if (parties.status !== 'COMPLETED') throw AppError.field('demandId', 'not-completed', { current: parties.status });

    // Every criterion of the side, once each.
    const allowed = REVIEW_CRITERIA[side];
    const seen = new Set<string>();
    input.ratings.forEach((r, i) => {
      if (!allowed.includes(r.criterion as ReviewCriterion))
        violations.push({ path: `ratings.${i}.criterion`, rule: 'enum', params: { allowed: allowed.join(', ') } });
      else if (seen.has(r.criterion)) violations.push({ path: `ratings.${i}.criterion`, rule: 'duplicate' });
      seen.add(r.criterion);
    });
    const missing = allowed.filter((c) => !seen.has(c));
    if (missing.length) violations.push({ path: 'ratings', rule: 'missing-criteria', params: { missing: missing.join(', ') } });
    if (violations.length) throw AppError.badInput(violations);

    const authorOrganizationId =
      side === ReviewSide.CLIENT ? parties.clientOrganizationId : parties.supplierOrganizationIds.find((id) => mine.has(id))!;
    const subjectOrganizationId = side === ReviewSide.CLIENT ? parties.supplierLeadOrganizationId : parties.clientOrganizationId;
    if (!subjectOrganizationId) throw AppError.field('demandId', 'no-counterpart');
    const ratings = Object.fromEntries(input.ratings.map((r) => [r.criterion, r.score]));
    const rating = Math.round((input.ratings.reduce((s, r) => s + r.score, 0) / input.ratings.length) * 100) / 100;
    const now = this.clock.now();

    try {
      const id = await this.transactions.run(async (tx) => {
        // The demand row serialises the two sides' submissions, so exactly one of them reveals both.
        const locked = await this.partiesOf(parties.demandId, { tx, lock: true });
        if (locked?.status !== 'COMPLETED') throw AppError.field('demandId', 'not-completed', { current: locked?.status ?? '' });
        if (await this.repository.findForSide(tx, parties.demandId, side)) throw AppError.field('demandId', 'already-reviewed');
        const reviewId = await this.repository.insert(tx, {
          demandId: parties.demandId,
          side,
          authorOrganizationId,
          authorUserId: viewer.userId,
          subjectOrganizationId,
          ratings,
          rating,
          body,
          submittedAt: now,
        });
        if (!reviewId) throw AppError.field('demandId', 'already-reviewed');
        const other = await this.repository.findForSide(
          tx,
          parties.demandId,
          side === ReviewSide.CLIENT ? ReviewSide.SUPPLIER : ReviewSide.CLIENT,
        );
        if (other) {
          await this.repository.revealDemand(tx, parties.demandId, now);
          await this.repository.refreshTrackRecord(tx, subjectOrganizationId, now);
          await this.repository.refreshTrackRecord(tx, other.subjectOrganizationId, now);
        }
        await this.outbox.enqueue(tx, {
          aggregateType: 'listing',
          aggregateId: parties.demandId,
          eventType: 'review.submitted',
          payload: { reviewId, demandId: parties.demandId, otherReviewId: other?.id ?? null },
        });
        return reviewId;
      });
      return (await this.repository.findById(id))!;
    } catch (err) {
      if (uniqueViolation(err) === 'reviews_once_per_side') throw AppError.field('demandId', 'already-reviewed');
      throw err;
    }
  }

  /**
   * The parties of a demand's project (null when there is no such demand): the demand's
   * organization from listings and, once a bid was accepted (AWARDED_STATUSES), the accepted
   * bid's lead and partners from bids. `lock` takes the demand row FOR UPDATE in `tx`.
   */
  private async partiesOf(demandId: string, options: { tx?: EntityManager; lock?: boolean } = {}): Promise<DemandParties | null> {
    const listing = await this.listings.summary(demandId, options);
    if (!listing) return null;
    const parties: DemandParties = {
      demandId: listing.id,
      kind: listing.kind,
      status: listing.status,
      title: listing.title,
      clientOrganizationId: listing.organizationId,
      supplierLeadOrganizationId: null,
      supplierOrganizationIds: [],
    };
    if (listing.kind !== 'DEMAND' || !AWARDED_STATUSES.includes(listing.status)) return parties;
    if (!this.acceptedBids) throw new Error('ReviewsService: no AcceptedBidParties registered (the bids module registers it)');
    const accepted = await this.acceptedBids.acceptedBidParties(demandId, options.tx);
    if (!accepted) return parties;
    return {
      ...parties,
      supplierLeadOrganizationId: accepted.leadOrganizationId,
      supplierOrganizationIds: [accepted.leadOrganizationId, ...accepted.partnerOrganizationIds],
    };
  }

  /** `review.submitted`: the reviewed organization hears of it; when it completed the pair, the other side hears its review is public. */
  async onSubmitted(event: OutboxEventEntity): Promise<void> {
    const review = await this.repository.findById(String(event.payload.reviewId));
    if (!review) return;
    const otherId = event.payload.otherReviewId ? String(event.payload.otherReviewId) : null;
    const other = otherId ? await this.repository.findById(otherId) : null;
    const demand = await this.listings.summary(review.demandId);
    await this.transactions.run(async (tx) => {
      await this.notifyReceived(tx, review, demand?.title ?? '', review.visible);
      if (other) await this.notifyReceived(tx, other, demand?.title ?? '', true);
    });
  }

  private async notifyReceived(tx: EntityManager, review: ReviewRow, demandTitle: string, visible: boolean): Promise<void> {
    await this.notifications.notifyOrganization(
      tx,
      review.subjectOrganizationId,
      NotificationType.REVIEW_RECEIVED,
      {
        reviewId: review.id,
        demandId: review.demandId,
        demandTitle,
        visible,
        ...(visible ? {} : { revealsAt: this.revealsAt(review)?.toISOString() }),
      },
      // Once when received blind, once more when it becomes public.
      {
        link: { type: 'ORGANIZATION', id: review.subjectOrganizationId },
        sourceKey: `review-received:${review.id}:${visible ? 'public' : 'blind'}`,
      },
    );
  }

  /** Reveals the reviews whose blind period ended (by the Clock) and updates reputations; returns how many. */
  async revealDue(): Promise<number> {
    const now = this.clock.now();
    const revealed = await this.transactions.run(async (tx) => {
      const rows = await this.repository.revealDue(tx, now);
      for (const org of new Set(rows.map((r) => r.subjectOrganizationId))) await this.repository.refreshTrackRecord(tx, org, now);
      for (const r of rows) {
        const review = { ...r, visible: true } as ReviewRow;
        const demand = await this.listings.summary(r.demandId, { tx });
        await this.notifyReceived(tx, review, demand?.title ?? '', true);
      }
      return rows.length;
    });
    if (revealed) this.logger.log(`revealed ${revealed} review(s) after ${REVIEW_BLIND_DAYS} days`);
    return revealed;
  }

  async reviewsOf(viewer: Viewer, organizationId: string, first?: number, after?: string | null): Promise<Connection<ReviewRow>> {
    const { limit, after: key } = pageArgs(first, after);
    if (key && (typeof key[0] !== 'string' || Number.isNaN(Date.parse(key[0])) || typeof key[1] !== 'string' || !UUID.test(key[1]))) {
      throw AppError.field('after', 'format', { format: 'cursor' });
    }
    if (!UUID.test(organizationId)) throw AppError.notFound();
    const mine = await this.identity.organizationIdsOfUser(viewer.userId);
    const { rows, total } = await this.repository.pageOf(organizationId, mine, this.memberships.isStaff(viewer), limit, key);
    return toConnection(rows, limit, total, (r) => [r.submittedAt.toISOString(), r.id]);
  }

  /** A review the viewer may read, or NOT_FOUND. */
  private async readable(viewer: Viewer, id: string): Promise<ReviewRow> {
    const review = UUID.test(id) ? await this.repository.findById(id) : null;
    if (!review) throw AppError.notFound();
    if (review.visible) return review;
    const mine = await this.identity.organizationIdsOfUser(viewer.userId);
    if (mine.includes(review.authorOrganizationId)) return review;
    if (this.memberships.isStaff(viewer) && review.hiddenAt && (review.revealedAt || this.revealsAt(review)! <= this.clock.now()))
      return review;
    throw AppError.notFound();
  }

  async report(viewer: Viewer, id: string, reason: string): Promise<boolean> {
    const text = reason.trim();
    if (!text) throw AppError.field('reason', 'required');
    if (text.length > MAX_REASON) throw AppError.field('reason', 'max-length', { max: MAX_REASON });
    const review = await this.readable(viewer, id);
    await this.transactions.run((tx) => this.repository.report(tx, review.id, viewer.userId, text));
    return true;
  }

  /**
   * Staff hide a review with a reason (audited); it leaves the reputation and the track record and
   * its open reports are resolved. What comes back is the moderated view: no text during the blind period.
   */
  async hide(rc: RequestContext, viewer: Viewer, id: string, reason: string): Promise<ModeratedReview> {
    if (!this.memberships.isStaff(viewer)) throw AppError.forbidden();
    const text = reason.trim();
    if (!text) throw AppError.field('reason', 'required');
    if (text.length > 2000) throw AppError.field('reason', 'max-length', { max: 2000 });
    const review = UUID.test(id) ? await this.repository.findById(id) : null;
    if (!review) throw AppError.notFound();
    await this.transactions.run(async (tx) => {
      await this.repository.hide(tx, review.id, text, viewer.userId);
      await this.audit.record(tx, {
        actorUserId: viewer.userId,
        action: 'review.hide',
        subjectType: 'review',
        subjectId: review.id,
        details: { reason: text, subjectOrganizationId: review.subjectOrganizationId, demandId: review.demandId },
        requestId: rc.requestId,
      });
      await this.repository.refreshTrackRecord(tx, review.subjectOrganizationId, this.clock.now());
    });
    return this.moderated((await this.repository.findById(review.id))!);
  }

  revealsAt(review: Pick<ReviewRow, 'submittedAt' | 'revealedAt'>): Date | null {
    if (review.revealedAt) return null;
    return new Date(review.submittedAt.getTime() + REVIEW_BLIND_DAYS * 86_400_000);
  }

  static withTrend(row: ReputationRow): Reputation {
    let trend: ReputationTrend | null = null;
    if (row.recentMean !== null && row.previousMean !== null) {
      const d = row.recentMean - row.previousMean;
      trend = d >= TREND_THRESHOLD ? ReputationTrend.UP : d <= -TREND_THRESHOLD ? ReputationTrend.DOWN : ReputationTrend.STEADY;
    }
    return { ...row, trend };
  }

  /** Demo seeding: the association's imported record of an organization (completed projects, average rating), unless it has one. */
  async importTrackRecord(organizationId: string, completedProjects: number, rating: number): Promise<void> {
    await this.transactions.run((tx) => this.repository.insertImportedTrackRecord(tx, organizationId, completedProjects, rating));
  }

  /** Track records of these organizations for matching's trust signal (organizations without one are left out). */
  trackRecordsOf(organizationIds: string[]): Promise<TrackRecordRow[]> {
    return this.repository.trackRecordsOf([...new Set(organizationIds)]);
  }

  // --- moderation (M, #12 item 5) ---------------------------------------------------------------

  /** Staff's view of a review: withheld (no text, no ratings) until it is revealed; see ModeratedReview. */
  moderated(review: ReviewRow): ModeratedReview {
    const blindUntil = this.revealsAt(review);
    const withheld = blindUntil !== null && blindUntil > this.clock.now();
    if (!withheld) return { ...review, withheld: false, blindUntil: null };
    return { ...review, body: null, ratings: null, rating: null, withheld: true, blindUntil };
  }

  /** Staff: reviews with open reports, the oldest open report first, with the report count and reasons. */
  async reviewReports(viewer: Viewer, first?: number, after?: string | null): Promise<Connection<ReviewReportGroup>> {
    if (!this.memberships.isStaff(viewer)) throw AppError.forbidden();
    const { limit, after: key } = pageArgs(first, after);
    if (key && (typeof key[0] !== 'string' || Number.isNaN(Date.parse(key[0])) || typeof key[1] !== 'string' || !UUID.test(key[1]))) {
      throw AppError.field('after', 'format', { format: 'cursor' });
    }
    const { rows, total } = await this.repository.openReportsPage(limit, key);
    const groups = rows.map((g) => ({ ...g, review: this.moderated(g.review) }));
    return toConnection(groups, limit, total, (g) => [g.firstReportedAt.toISOString(), g.review.id]);
  }

  /** Staff close a review's open reports without hiding it (audited); CONFLICT when none is open. */
  async dismissReports(rc: RequestContext, viewer: Viewer, reviewId: string, reason: string): Promise<boolean> {
    if (!this.memberships.isStaff(viewer)) throw AppError.forbidden();
    const text = reason.trim();
    if (!text) throw AppError.field('reason', 'required');
    if (text.length > 2000) throw AppError.field('reason', 'max-length', { max: 2000 });
    const review = UUID.test(reviewId) ? await this.repository.findById(reviewId) : null;
    if (!review) throw AppError.notFound();
    await this.transactions.run(async (tx) => {
      const closed = await this.repository.resolveReports(tx, review.id, 'DISMISS', text, viewer.userId);
      if (!closed) throw AppError.conflict('conflict', { reason: 'NO_OPEN_REPORTS' });
      await this.audit.record(tx, {
        actorUserId: viewer.userId,
        action: 'review.reports.dismissed',
        subjectType: 'review',
        subjectId: review.id,
        details: { reason: text, reports: closed, subjectOrganizationId: review.subjectOrganizationId, demandId: review.demandId },
        requestId: rc.requestId,
      });
    });
    return true;
  }

  /** How many reports there are against the visible reviews each organization wrote (trust & safety; no access checks). */
  reportCountsByAuthorOrganization(): Promise<OrganizationReportCount[]> {
    return this.repository.reportCountsByAuthorOrganization();
  }

  /** The reviews the user wrote, newest first, at most `limit` (the personal data download). */
  reviewsWrittenBy(userId: string, limit: number): Promise<WrittenReview[]> {
    return this.repository.writtenBy(userId, limit);
  }
}
