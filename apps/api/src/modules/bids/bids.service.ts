import type { DemandContent } from '@aimatch/capability-model';
import { ConversationContextType, OrganizationKind, VerificationStatus } from '@aimatch/contracts';
import {
  type BidAction,
  type BidContent,
  type BidMilestone,
  type BidStatus,
  BID_LIMITS,
  checkBidTransition,
  EDITABLE_BID_STATUSES,
  validateBidContent,
} from '@aimatch/marketplace';
import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { AppError } from '../../common/errors/app-error';
import { RateLimiter } from '../../common/rate-limit/rate-limit.service';
import { uniqueViolation } from '../../common/errors/pg-errors';
import { TransactionService } from '../../database/transaction.service';
import { type Connection, pageArgs, toConnection } from '../../graphql/pagination';
import type { RequestContext } from '../../graphql/request-context';
import { IdentityService } from '../identity/identity.service';
import { MembershipPolicy } from '../identity/membership.policy';
import { ChatService } from '../chat/chat.service';
import type { ListingRecord } from '../listings/dto/listing-record';
import { ListingAccessPolicy } from '../listings/listing-access.policy';
import { ListingsService } from '../listings/listings.service';
import { NotificationsService } from '../notifications/notifications.service';
import { BidAccessPolicy } from './bid-access.policy';
import { BidMatchLoader } from './bid-match.loader';
import { type BidPartnerRow, type BidRow, BidsRepository, type BidTrustText, type ExpiredBid, type BidReference } from './bids.repository';
import { PlatformSettingsService } from './platform-settings.service';

export type { BidReference } from './bids.repository';

const BIDDER_KINDS: OrganizationKind[] = [OrganizationKind.AI_SUPPLIER, OrganizationKind.SI_INTEGRATOR];
const AWARDED_ELSEWHERE = 'awarded-to-another-bid';

/** Notification types written by bids (the notification store delivers them in-app, live and by e-mail). */
export const BID_NOTIFICATIONS = {
  NEW_BID: 'BID_RECEIVED',
  REVISED: 'BID_REVISED',
  WITHDRAWN: 'BID_WITHDRAWN',
  SHORTLISTED: 'BID_SHORTLISTED',
  ACCEPTED: 'BID_ACCEPTED',
  DECLINED: 'BID_DECLINED',
  EXPIRED: 'BID_EXPIRED',
  INVITATION: 'CONSORTIUM_INVITATION',
  INVITATION_ANSWERED: 'CONSORTIUM_INVITATION_ANSWERED',
  /** To a supplier's members: a demand's owner asks it to bid. */
  INVITED_TO_BID: 'BID_INVITATION',
  COMPLETED: 'DEMAND_COMPLETED',
  CANCELLED: 'DEMAND_CANCELLED',
} as const;

/** System messages bids post into the demand's conversation between the owner and the bidder (`systemEvent`). */
export const BID_CHAT_EVENTS = {
  SUBMITTED: 'BID_SUBMITTED',
  ACCEPTED: 'BID_ACCEPTED',
} as const;

/** What an award hands to the project plan (projects sits above bids and registers the port). */
export interface AwardedBid {
  demandId: string;
  bidId: string;
  clientOrganizationId: string;
  supplierOrganizationId: string;
  amountKrw: number;
  durationWeeks: number;
  milestones: BidMilestone[];
}
/** Projects' side of the award: turns the accepted bid into the project plan inside the award's transaction. */
export interface ProjectPlanPort {
  startProject(tx: EntityManager, award: AwardedBid): Promise<void>;
}

/** The concept ids of a demand's requirement a bid can say it covers. */
export function requiredConceptIds(demand: ListingRecord): string[] {
  const r = (demand.content as DemandContent).requirement;
  return r ? [...new Set([...r.tasks, ...r.modalities, ...r.industries, ...r.deployments, ...r.integrations])] : [];
}

/**
 * Bid commands and queries. Each command: authorise, validate, then one transaction that
 * locks the demand row (FOR SHARE for bidders, FOR UPDATE to award), writes the bid at its
 * version, its history event and the notifications. Undecided bids expire lazily (before every
 * command and query that reads them) and in a scheduled sweep (BidsJobs); see BID_DECISION_WINDOW_DAYS.
 */
/** A partner whose invitation is still open hears about changed terms at most this often (each draft edit re-invites). */
const PARTNER_REINVITE_QUIET_SECONDS = 10 * 60;

@Injectable()
export class BidsService {
  private readonly logger = new Logger('Bids');

  constructor(
    private readonly repository: BidsRepository,
    private readonly access: BidAccessPolicy,
    private readonly listingAccess: ListingAccessPolicy,
    private readonly listings: ListingsService,
    private readonly memberships: MembershipPolicy,
    private readonly identity: IdentityService,
    private readonly notifications: NotificationsService,
    private readonly chat: ChatService,
    private readonly settings: PlatformSettingsService,
    private readonly transactions: TransactionService,
    private readonly clock: Clock,
    private readonly rateLimit: RateLimiter,
    private readonly bidMatch: BidMatchLoader,
  ) {}

  // --- the demand's owner invites suppliers -----------------------------------------------

  /**
   * A member of the demand's organization asks the organization of a published supply listing to
   * bid: its members are notified once (asking again answers `alreadyInvited` and tells nobody).
   * The demand must be open for bids, and the supplier able to bid on it: an AI supplier or SI
   * integrator other than the demand's own organization, never suspended, and verified when the
   * demand is for verified suppliers only or the association requires it for every bid.
   */
  async inviteToBid(
    rc: RequestContext,
    demandId: string,
    supplyListingId: string,
  ): Promise<{ alreadyInvited: boolean; organizationId: string }> {
    const viewer = rc.viewer!;
    const demand = await this.visibleDemand(rc, demandId);
    await this.memberships.assertMember(viewer, demand.organizationId);
    this.assertOpen(demand);
    const supply = /^[0-9a-f-]{36}$/i.test(supplyListingId) ? await this.listings.findListing(supplyListingId) : null;
    if (!supply || supply.kind !== 'SUPPLY' || supply.status !== 'PUBLISHED') throw AppError.field('supplyListingId', 'not-allowed');
    const supplier = await this.identity.organization(supply.organizationId);
    if (!supplier || supplier.id === demand.organizationId) throw AppError.field('supplyListingId', 'not-allowed');
    if (!BIDDER_KINDS.includes(supplier.kind)) throw AppError.field('supplyListingId', 'wrong-organization-kind', { kind: supplier.kind });
    if (supplier.verificationStatus === VerificationStatus.SUSPENDED) throw AppError.field('supplyListingId', 'organization-suspended');
    const verifiedOnly = demand.visibility === 'VERIFIED_SUPPLIERS' || (await this.settings.get()).bidsVerifiedOrganizationsOnly;
    if (verifiedOnly && supplier.verificationStatus !== VerificationStatus.VERIFIED) {
      throw AppError.field('supplyListingId', 'verification-required');
    }
    await this.rateLimit.consume('bid-invitation', viewer.userId);
    const owner = await this.identity.organization(demand.organizationId);
    const created = await this.transactions.run((tx) =>
      this.notifications.notifyOrganization(
        tx,
        supplier.id,
        BID_NOTIFICATIONS.INVITED_TO_BID,
        {
          demandId: demand.id,
          title: demand.title,
          supplyListingId: supply.id,
          organizationName: owner?.nameKo ?? null,
          organizationNameEn: owner?.nameEn ?? null,
        },
        { link: { type: 'LISTING', id: demand.id }, sourceKey: `bid-invitation:${demand.id}:${supplier.id}` },
      ),
    );
    return { alreadyInvited: created === 0, organizationId: supplier.id };
  }

  // --- bidder commands --------------------------------------------------------------------

  async create(rc: RequestContext, demandId: string, organizationId: string, content: BidContent): Promise<BidRow> {
    const viewer = rc.viewer!;
    await this.memberships.assertMember(viewer, organizationId);
    const org = await this.identity.organization(organizationId);
    if (!org) throw AppError.forbidden();
    if (!BIDDER_KINDS.includes(org.kind)) throw AppError.forbidden('wrong-organization-kind', { kind: org.kind });
    const demand = await this.visibleDemand(rc, demandId);
    this.assertOpen(demand);
    await this.assertVerified(org, 'organizationId');
    await this.validate(demand, organizationId, content);
    try {
      return await this.transactions.run(async (tx) => {
        this.assertOpen(await this.lockDemand(tx, demand.id, 'FOR SHARE'));
        // The partial unique index is the guarantee; this look-up only spares the common case a failed statement.
        if (await this.repository.hasLiveBid(tx, demand.id, organizationId))
          throw AppError.conflict('live-bid-exists', { reason: 'live-bid-exists' });
        const bid = await this.repository.insert(tx, { demandId: demand.id, organizationId, ...content, createdById: viewer.userId });
        await this.syncPartners(tx, bid, [], content);
        await this.repository.recordEvent(tx, {
          bidId: bid.id,
          version: bid.version,
          action: 'create',
          fromStatus: null,
          toStatus: bid.status,
          actorUserId: viewer.userId,
        });
        return bid;
      });
    } catch (err) {
      if (uniqueViolation(err) === 'bids_one_live_per_organization')
        throw AppError.conflict('live-bid-exists', { reason: 'live-bid-exists' });
      throw err;
    }
  }

  /** Replaces the content: freely as a draft; once submitted (until shortlisted) as a new numbered revision. */
  async update(rc: RequestContext, id: string, version: number, content: BidContent): Promise<BidRow> {
    const bid = await this.visibleBid(rc, id);
    if ((await this.access.actor(rc, bid)) !== 'bidder') throw AppError.forbidden();
    if (!EDITABLE_BID_STATUSES.includes(bid.status)) throw this.invalid(bid.status, 'update');
    const demand = await this.access.demandOf(rc, bid);
    this.assertOpen(demand);
    await this.validate(demand, bid.organizationId, content);
    const partners = await this.repository.partnersOf([bid.id]);
    if (bid.status === 'SUBMITTED' && !samePartners(partners, content)) throw AppError.field('partners', 'locked-after-submit');
    const userId = rc.viewer!.userId;
    return this.transactions.run(async (tx) => {
      this.assertOpen(await this.lockDemand(tx, demand.id, 'FOR SHARE'));
      const submitted = bid.status === 'SUBMITTED';
      const updated = await this.repository.updateAtVersion(tx, id, version, [bid.status], {
        ...contentColumns(content),
        ...(submitted ? { revision: bid.revision + 1 } : {}),
      });
      if (!updated) throw await this.stale(id);
      if (submitted) {
        await this.repository.insertRevision(tx, updated, partners, userId);
        await this.notify(
          tx,
          demand.organizationId,
          BID_NOTIFICATIONS.REVISED,
          updated,
          await this.ownerPayload(updated, demand, { revision: updated.revision }),
        );
      } else {
        await this.syncPartners(tx, updated, partners, content);
      }
      await this.repository.recordEvent(tx, {
        bidId: id,
        version: updated.version,
        action: submitted ? 'revise' : 'update',
        fromStatus: bid.status,
        toStatus: updated.status,
        actorUserId: userId,
        details: submitted ? { revision: updated.revision } : {},
      });
      return updated;
    });
  }

  async submit(rc: RequestContext, id: string, version: number): Promise<BidRow> {
    const bid = await this.visibleBid(rc, id);
    const to = await this.checkAction(rc, bid, 'submit');
    await this.identity.assertEmailVerified(rc.viewer!.userId);
    const demand = await this.access.demandOf(rc, bid);
    this.assertOpen(demand);
    const org = (await this.identity.organization(bid.organizationId))!;
    await this.assertVerified(org, 'organizationId');
    const partners = await this.repository.partnersOf([bid.id]);
    await this.validate(demand, bid.organizationId, { ...bid, partners });
    const userId = rc.viewer!.userId;
    return this.transactions.run(async (tx) => {
      this.assertOpen(await this.lockDemand(tx, demand.id, 'FOR SHARE'));
      const updated = await this.repository.updateAtVersion(tx, id, version, ['DRAFT'], {
        status: to,
        submittedAt: this.clock.now(),
        revision: 1,
      });
      if (!updated) throw await this.stale(id);
      // The bid row is locked now; a partner answering concurrently waits for it, then sees SUBMITTED.
      const current = await this.repository.partnersOf([id], tx);
      const pending = current.filter((p) => p.status !== 'ACCEPTED').length;
      if (pending > 0) throw AppError.conflict('consortium-pending', { pending, reason: 'consortium-pending' });
      await this.repository.insertRevision(tx, updated, current, userId);
      await this.repository.recordEvent(tx, {
        bidId: id,
        version: updated.version,
        action: 'submit',
        fromStatus: bid.status,
        toStatus: to,
        actorUserId: userId,
        details: { revision: 1 },
      });
      await this.notify(tx, demand.organizationId, BID_NOTIFICATIONS.NEW_BID, updated, await this.ownerPayload(updated, demand));
      // Into the pre-bid conversation between the two parties, if they have one (a submission opens none).
      const conversation = await this.chat.findConversationIn(tx, {
        contextType: ConversationContextType.DEMAND,
        contextId: demand.id,
        organizations: [demand.organizationId, updated.organizationId],
      });
      // Its live push is an outbox event of the same transaction (the chat module sends it after commit).
      if (conversation)
        await this.chat.postSystemMessage(tx, conversation.id, BID_CHAT_EVENTS.SUBMITTED, this.chatPayload(updated, demand));
      return updated;
    });
  }

  async withdraw(rc: RequestContext, id: string, version: number): Promise<BidRow> {
    const bid = await this.visibleBid(rc, id);
    const to = await this.checkAction(rc, bid, 'withdraw');
    const demand = await this.access.demandOf(rc, bid);
    return this.transactions.run(async (tx) => {
      const updated = await this.repository.updateAtVersion(tx, id, version, ['SUBMITTED', 'SHORTLISTED'], { status: to });
      if (!updated) throw await this.stale(id);
      await this.repository.recordEvent(tx, {
        bidId: id,
        version: updated.version,
        action: 'withdraw',
        fromStatus: bid.status,
        toStatus: to,
        actorUserId: rc.viewer!.userId,
      });
      await this.notify(tx, demand.organizationId, BID_NOTIFICATIONS.WITHDRAWN, updated, await this.ownerPayload(updated, demand));
      return updated;
    });
  }

  /** The owner of a partner organization accepts or declines the consortium invitation (drafts only). */
  async respondToInvitation(rc: RequestContext, bidId: string, accept: boolean): Promise<BidRow> {
    const bid = await this.visibleBid(rc, bidId);
    const partners = await this.repository.partnersOf([bid.id]);
    const orgIds = await this.access.organizationIds(rc);
    const mine = partners.filter((p) => orgIds.includes(p.organizationId));
    if (mine.length === 0) throw AppError.forbidden();
    const owned = await this.access.ownedPartnerOrgs(rc, bid);
    const partner =
      mine.find((p) => owned.includes(p.organizationId) && p.status === 'INVITED') ?? mine.find((p) => owned.includes(p.organizationId));
    if (!partner) throw AppError.forbidden();
    if (partner.status !== 'INVITED')
      throw AppError.conflict('invitation-not-pending', { current: partner.status, reason: 'invitation-not-pending' });
    if (bid.status !== 'DRAFT') throw this.invalid(bid.status, accept ? 'acceptInvitation' : 'declineInvitation');
    const demand = await this.access.demandOf(rc, bid);
    const userId = rc.viewer!.userId;
    return this.transactions.run(async (tx) => {
      // Bumping the bid's version serialises answers with the lead's submit and edits.
      const updated = await this.repository.updateAtVersion(tx, bid.id, bid.version, ['DRAFT'], {});
      if (!updated) throw await this.stale(bid.id);
      if (!(await this.repository.respondPartner(tx, bid.id, partner.organizationId, accept ? 'ACCEPTED' : 'DECLINED', userId))) {
        throw AppError.conflict('invitation-not-pending', { current: 'ANSWERED', reason: 'invitation-not-pending' });
      }
      await this.repository.recordEvent(tx, {
        bidId: bid.id,
        version: updated.version,
        action: accept ? 'partner-accept' : 'partner-decline',
        fromStatus: 'DRAFT',
        toStatus: 'DRAFT',
        actorUserId: userId,
        details: { organizationId: partner.organizationId },
      });
      await this.notify(
        tx,
        bid.organizationId,
        BID_NOTIFICATIONS.INVITATION_ANSWERED,
        updated,
        this.payload(updated, demand, { partnerOrganizationId: partner.organizationId, accepted: accept }),
      );
      return updated;
    });
  }

  // --- demand owner commands --------------------------------------------------------------

  async shortlist(rc: RequestContext, id: string, version: number): Promise<BidRow> {
    return this.decide(rc, id, version, 'shortlist', null);
  }

  async decline(rc: RequestContext, id: string, version: number, reason: string): Promise<BidRow> {
    const text = (reason ?? '').trim();
    if (!text) throw AppError.field('reason', 'required');
    if (text.length > BID_LIMITS.maxReasonChars) throw AppError.field('reason', 'max-length', { max: BID_LIMITS.maxReasonChars });
    return this.decide(rc, id, version, 'decline', text);
  }

  private async decide(
    rc: RequestContext,
    id: string,
    version: number,
    action: 'shortlist' | 'decline',
    reason: string | null,
  ): Promise<BidRow> {
    const bid = await this.visibleBid(rc, id);
    const to = await this.checkAction(rc, bid, action);
    const demand = await this.access.demandOf(rc, bid);
    return this.transactions.run(async (tx) => {
      const locked = await this.lockDemand(tx, demand.id, 'FOR SHARE');
      if (locked.status !== 'PUBLISHED' && locked.status !== 'PAUSED')
        throw AppError.conflict('demand-not-open', { current: locked.status, reason: 'demand-not-open' });
      const updated = await this.repository.updateAtVersion(tx, id, version, [bid.status], {
        status: to,
        ...(action === 'decline' ? { decisionReason: reason, decidedAt: this.clock.now() } : {}),
      });
      if (!updated) throw await this.stale(id);
      await this.repository.recordEvent(tx, {
        bidId: id,
        version: updated.version,
        action,
        fromStatus: bid.status,
        toStatus: to,
        actorUserId: rc.viewer!.userId,
        details: reason ? { reason } : {},
      });
      await this.notifyBidders(
        tx,
        updated,
        action === 'decline' ? BID_NOTIFICATIONS.DECLINED : BID_NOTIFICATIONS.SHORTLISTED,
        this.payload(updated, demand, reason ? { reason } : {}),
      );
      return updated;
    });
  }

  /**
   * Exactly one per demand: locks the demand row FOR UPDATE, so a second accept waits and then
   * finds the demand AWARDED (CONFLICT). The bid becomes ACCEPTED, the demand AWARDED (listing
   * workflow, `listing.changed` on the outbox), every other open bid DECLINED with a
   * notification, other drafts EXPIRED, and the demand's conversation with the winning lead
   * organization opened (or reused) with a BID_ACCEPTED system message — all in this one
   * transaction; the message is pushed live after the commit (an outbox event of this transaction).
   */
  async accept(rc: RequestContext, id: string, version: number): Promise<BidRow> {
    const bid = await this.visibleBid(rc, id);
    await this.checkAction(rc, bid, 'accept');
    const userId = rc.viewer!.userId;
    // The score at award is kept for the market numbers (the ranking changes as listings do).
    const score = (await rc.loaders.get(this.bidMatch).load(bid.demandId)).get(bid.organizationId)?.explanation.score ?? null;
    return this.transactions
      .run(async (tx) => {
        const accepted = await this.acceptIn(tx, bid, id, version, userId);
        await this.repository.setMatchScoreAtAward(tx, id, score);
        return accepted;
      })
      .catch((err) => {
        // The lock makes this unreachable; the partial unique index is the last word if it were not.
        if (uniqueViolation(err) === 'bids_one_accepted_per_demand')
          throw AppError.conflict('demand-already-awarded', { reason: 'demand-already-awarded' });
        throw err;
      });
  }

  private async acceptIn(tx: EntityManager, bid: BidRow, id: string, version: number, userId: string): Promise<BidRow> {
    const demand = await this.lockDemand(tx, bid.demandId, 'FOR UPDATE');
    if (demand.status === 'AWARDED' || demand.status === 'COMPLETED')
      throw AppError.conflict('demand-already-awarded', { current: demand.status, reason: 'demand-already-awarded' });
    if (demand.status !== 'PUBLISHED') throw AppError.conflict('demand-not-open', { current: demand.status, reason: 'demand-not-open' });
    const current = await this.repository.findById(id, tx, 'FOR UPDATE');
    if (!current || current.version !== version)
      throw AppError.conflict('stale-version', { current: current?.version ?? 0, reason: 'stale-version' });
    const check = checkBidTransition(current.status, 'accept', 'demandOwner');
    if (!check.ok) throw this.invalid(current.status, 'accept');
    const accepted = (await this.repository.updateAtVersion(tx, id, version, [current.status], {
      status: 'ACCEPTED',
      decidedAt: this.clock.now(),
    }))!;
    await this.repository.recordEvent(tx, {
      bidId: id,
      version: accepted.version,
      action: 'accept',
      fromStatus: current.status,
      toStatus: 'ACCEPTED',
      actorUserId: userId,
    });
    const awarded = await this.listings.transitionInTransaction(tx, demand, 'award', 'owner', userId, { bidId: id });
    if (!this.projectPlan) throw new Error('BidsService: no ProjectPlanPort registered (the projects module registers it)');
    await this.projectPlan.startProject(tx, {
      demandId: demand.id,
      bidId: id,
      clientOrganizationId: demand.organizationId,
      supplierOrganizationId: accepted.organizationId,
      amountKrw: accepted.amountKrw,
      durationWeeks: accepted.durationWeeks,
      milestones: accepted.milestones,
    });
    await this.notifyBidders(tx, accepted, BID_NOTIFICATIONS.ACCEPTED, this.payload(accepted, awarded));
    // The award opens the demand's conversation with the winning lead organization unless it exists.
    const { conversation } = await this.chat.openConversationIn(tx, {
      contextType: ConversationContextType.DEMAND,
      contextId: demand.id,
      organizations: [demand.organizationId, accepted.organizationId],
      createdById: userId,
    });
    await this.chat.postSystemMessage(tx, conversation.id, BID_CHAT_EVENTS.ACCEPTED, this.chatPayload(accepted, awarded));
    for (const other of await this.repository.declineOthers(tx, demand.id, id, AWARDED_ELSEWHERE)) {
      await this.repository.recordEvent(tx, {
        bidId: other.id,
        version: other.version,
        action: 'decline',
        fromStatus: null,
        toStatus: 'DECLINED',
        actorUserId: userId,
        details: { reason: AWARDED_ELSEWHERE, acceptedBidId: id },
      });
      await this.notifyBidders(
        tx,
        other,
        BID_NOTIFICATIONS.DECLINED,
        this.payload(other, awarded, { reason: null, awardedToAnother: true }),
      );
    }
    for (const draft of await this.repository.expireDrafts(tx, demand.id)) {
      await this.repository.recordEvent(tx, {
        bidId: draft.id,
        version: draft.version,
        action: 'expire',
        fromStatus: 'DRAFT',
        toStatus: 'EXPIRED',
        actorUserId: userId,
        details: { reason: AWARDED_ELSEWHERE },
      });
    }
    return accepted;
  }

  /** Owner: AWARDED → CANCELLED with a reason; the winning bidders are told. */
  cancelDemand(rc: RequestContext, demandId: string, version: number, reason: string): Promise<ListingRecord> {
    const text = (reason ?? '').trim();
    if (!text) throw AppError.field('reason', 'required');
    if (text.length > BID_LIMITS.maxReasonChars) throw AppError.field('reason', 'max-length', { max: BID_LIMITS.maxReasonChars });
    return this.closeDemand(rc, demandId, version, text);
  }

  /** Completion is the project's (modules/projects: every milestone accepted, or both sides agree), never one click here. */
  private async closeDemand(rc: RequestContext, demandId: string, version: number, reason: string): Promise<ListingRecord> {
    const demand = await this.visibleDemand(rc, demandId);
    const actor = await this.listingAccess.actor(rc, demand);
    if (actor !== 'owner') throw AppError.forbidden();
    const userId = rc.viewer!.userId;
    return this.transactions.run(async (tx) => {
      const locked = await this.lockDemand(tx, demand.id, 'FOR UPDATE');
      if (locked.version !== version) throw AppError.conflict('stale-version', { current: locked.version, reason: 'stale-version' });
      const updated = await this.listings.transitionInTransaction(tx, locked, 'cancel', 'owner', userId, { reason });
      const bid = await this.repository.acceptedBidOf(tx, demand.id);
      if (bid) await this.notifyBidders(tx, bid, BID_NOTIFICATIONS.CANCELLED, this.payload(bid, updated, { reason }));
      return updated;
    });
  }

  // --- queries ----------------------------------------------------------------------------

  async get(rc: RequestContext, id: string): Promise<BidRow> {
    return this.visibleBid(rc, id);
  }

  /** The demand owner's and staff's view: every submitted bid, oldest submission first. */
  async forDemand(
    rc: RequestContext,
    demandId: string,
    status: BidStatus | undefined,
    first?: number,
    after?: string | null,
  ): Promise<Connection<BidRow>> {
    const demand = await this.visibleDemand(rc, demandId);
    if (!(await this.listingAccess.actor(rc, demand))) throw AppError.forbidden();
    const { limit, after: key } = pageArgs(first, after);
    await this.expireDue({ demandIds: [demand.id] });
    const params: unknown[] = [demand.id];
    let where = `b.demand_id = $1 AND b.submitted_at IS NOT NULL`;
    if (status) {
      params.push(status);
      where += ` AND b.status = $${params.length}`;
    }
    const { rows, total } = await this.repository.page({ where, params, order: 'submitted', limit, after: key });
    return toConnection(rows, limit, total, (b) => BidsRepository.cursorKey('submitted', b));
  }

  /** Bids of the viewer's organizations, as lead or as (invited or accepted) consortium partner, last changed first. */
  async mine(
    rc: RequestContext,
    status: BidStatus | undefined,
    first?: number,
    after?: string | null,
    filter: { statuses?: BidStatus[]; awaitingOurAnswer?: boolean } = {},
  ): Promise<Connection<BidRow>> {
    const { limit, after: key } = pageArgs(first, after);
    const orgIds = await this.access.organizationIds(rc);
    await this.expireDue({ organizationIds: orgIds });
    const params: unknown[] = [orgIds];
    let where = `(b.organization_id = ANY($1) OR EXISTS (SELECT 1 FROM bid_partners p WHERE p.bid_id = b.id AND p.organization_id = ANY($1) AND p.status <> 'DECLINED'))`;
    if (status) {
      params.push(status);
      where += ` AND b.status = $${params.length}`;
    }
    if (filter.statuses?.length) {
      params.push(filter.statuses);
      where += ` AND b.status = ANY($${params.length})`;
    }
    if (filter.awaitingOurAnswer) {
      where += ` AND b.status = 'DRAFT' AND EXISTS (SELECT 1 FROM bid_partners p WHERE p.bid_id = b.id AND p.organization_id = ANY($1) AND p.status = 'INVITED')`;
    }
    const { rows, total } = await this.repository.page({ where, params, order: 'updated', limit, after: key });
    return toConnection(rows, limit, total, (b) => BidsRepository.cursorKey('updated', b));
  }

  /**
   * Applies the decision window (see BidsRepository.expireDue) in one transaction, with a
   * BID_EXPIRED notification to the bidders of each submitted bid that expired (written once:
   * only the transaction that moved the row reports it).
   */
  async expireDue(scope: { demandIds?: string[]; organizationIds?: string[] } = {}): Promise<ExpiredBid[]> {
    if ((scope.demandIds && scope.demandIds.length === 0) || (scope.organizationIds && scope.organizationIds.length === 0)) return [];
    return this.transactions.run(async (tx) => {
      const demandIds = scope.demandIds ?? (await this.repository.openBidDemands(tx, scope));
      const demands = await this.listings.demandStates(demandIds, tx);
      const expired = await this.repository.expireDue(tx, this.clock.now(), demands, scope);
      for (const e of expired) {
        await this.repository.recordEvent(tx, {
          bidId: e.id,
          version: e.version,
          action: 'expire',
          fromStatus: e.fromStatus,
          toStatus: 'EXPIRED',
          actorUserId: null,
        });
        if (e.fromStatus !== 'DRAFT') {
          const bid = (await this.repository.findById(e.id, tx))!;
          const demand = (await this.listings.findListing(e.demandId, tx))!;
          await this.notifyBidders(tx, bid, BID_NOTIFICATIONS.EXPIRED, this.payload(bid, demand));
        }
      }
      return expired;
    });
  }

  // --- helpers ----------------------------------------------------------------------------

  private async visibleBid(rc: RequestContext, id: string): Promise<BidRow> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw AppError.notFound();
    let bid = await this.repository.findById(id);
    if (!bid || !(await this.access.canSee(rc, bid))) throw AppError.notFound();
    if (bid.status === 'DRAFT' || bid.status === 'SUBMITTED' || bid.status === 'SHORTLISTED') {
      if ((await this.expireDue({ demandIds: [bid.demandId] })).some((e) => e.id === id)) bid = (await this.repository.findById(id))!;
    }
    return bid;
  }

  private async visibleDemand(rc: RequestContext, id: string): Promise<ListingRecord> {
    const demand = /^[0-9a-f-]{36}$/i.test(id) ? await this.listings.findListing(id) : null;
    if (!demand || demand.kind !== 'DEMAND' || !(await this.listingAccess.canSee(rc, demand))) throw AppError.notFound();
    return demand;
  }

  private async checkAction(rc: RequestContext, bid: BidRow, action: BidAction): Promise<BidStatus> {
    const actor = await this.access.actor(rc, bid);
    if (!actor) throw AppError.forbidden();
    const check = checkBidTransition(bid.status, action, actor);
    if (!check.ok) {
      if (check.reason === 'wrong-actor') throw AppError.forbidden();
      throw this.invalid(bid.status, action);
    }
    return check.to;
  }

  private invalid(current: string, action: string): AppError {
    return AppError.conflict('bid-invalid-transition', { current, action, reason: 'invalid-transition' });
  }

  /** Bids are taken while the demand is PUBLISHED and before its bid deadline. */
  private assertOpen(demand: ListingRecord): void {
    if (demand.status !== 'PUBLISHED') {
      throw AppError.conflict(demand.status === 'AWARDED' ? 'demand-already-awarded' : 'demand-not-open', {
        current: demand.status,
        reason: 'demand-not-open',
      });
    }
    if (demand.bidDeadline && demand.bidDeadline.getTime() <= this.clock.now().getTime()) {
      throw AppError.conflict('bidding-closed', { deadline: demand.bidDeadline.toISOString(), reason: 'bid-deadline-passed' });
    }
  }

  private async assertVerified(org: { verificationStatus: VerificationStatus }, path: string): Promise<void> {
    if (org.verificationStatus === VerificationStatus.VERIFIED) return;
    // Suspended by the association: no bids, whatever the verified-only setting says.
    if (org.verificationStatus === VerificationStatus.SUSPENDED) throw AppError.forbidden('organization-suspended');
    if ((await this.settings.get()).bidsVerifiedOrganizationsOnly) throw AppError.field(path, 'verification-required');
  }

  /** Content rules (libs/marketplace), then the partner organizations: existing, supplier or SI kind, verified when required. */
  private async validate(demand: ListingRecord, leadOrganizationId: string, content: BidContent): Promise<void> {
    const violations = validateBidContent(content, { requiredConceptIds: requiredConceptIds(demand), leadOrganizationId });
    if (violations.length) throw AppError.badInput(violations);
    const verifiedOnly = content.partners.length ? (await this.settings.get()).bidsVerifiedOrganizationsOnly : false;
    for (const [i, p] of content.partners.entries()) {
      const path = `partners.${i}.organizationId`;
      const org = /^[0-9a-f-]{36}$/i.test(p.organizationId) ? await this.identity.organization(p.organizationId) : null;
      if (!org) throw AppError.field(path, 'not-allowed');
      if (!BIDDER_KINDS.includes(org.kind)) throw AppError.field(path, 'wrong-organization-kind', { kind: org.kind });
      if (org.verificationStatus === VerificationStatus.SUSPENDED) throw AppError.field(path, 'organization-suspended');
      if (verifiedOnly && org.verificationStatus !== VerificationStatus.VERIFIED) throw AppError.field(path, 'verification-required');
    }
  }

  /**
   * Draft partners follow the content: removed ones go, new or changed ones are (re)invited and
   * notified, a pending invitation at most once per PARTNER_REINVITE_QUIET_SECONDS.
   */
  private async syncPartners(tx: EntityManager, bid: BidRow, before: BidPartnerRow[], content: BidContent): Promise<void> {
    await this.repository.deletePartners(
      tx,
      bid.id,
      content.partners.map((p) => p.organizationId),
    );
    const demand = (await this.listings.findListing(bid.demandId, tx))!;
    for (const [position, p] of content.partners.entries()) {
      const old = before.find((o) => o.organizationId === p.organizationId);
      const reinvite = !old || old.role !== p.role || old.sharePercent !== p.sharePercent || old.status === 'DECLINED';
      const { notify } = await this.repository.upsertPartner(tx, bid.id, { ...p, position, reinvite }, PARTNER_REINVITE_QUIET_SECONDS);
      if (notify) {
        await this.notify(
          tx,
          p.organizationId,
          BID_NOTIFICATIONS.INVITATION,
          bid,
          this.payload(bid, demand, { leadOrganizationId: bid.organizationId, role: p.role, sharePercent: p.sharePercent }),
        );
      }
    }
  }

  /** The lead organization and the partners that accepted. */
  private async notifyBidders(tx: EntityManager, bid: BidRow, type: string, payload: Record<string, unknown>): Promise<void> {
    const partners = await this.repository.partnersOf([bid.id], tx);
    for (const org of [bid.organizationId, ...partners.filter((p) => p.status === 'ACCEPTED').map((p) => p.organizationId)]) {
      await this.notify(tx, org, type, bid, payload);
    }
  }

  /**
   * One notification per member of the organization, linked to the bid, keyed by the bid's
   * version and the type so that a recipient hears about each change once.
   */
  private async notify(
    tx: EntityManager,
    organizationId: string,
    type: string,
    bid: BidRow,
    payload: Record<string, unknown>,
  ): Promise<void> {
    await this.notifications.notifyOrganization(tx, organizationId, type, payload, {
      link: { type: 'BID', id: bid.id },
      sourceKey: `bid:${bid.id}:${bid.version}:${type}`,
    });
  }

  private payload(bid: BidRow, demand: ListingRecord, extra: Record<string, unknown> = {}): Record<string, unknown> {
    return { bidId: bid.id, demandId: demand.id, title: demand.title, bidStatus: bid.status, ...extra };
  }

  /** The payload of a notice to the demand's owner: it names the bidding organization (both languages). */
  private async ownerPayload(bid: BidRow, demand: ListingRecord, extra: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
    const bidder = await this.identity.organization(bid.organizationId);
    return this.payload(bid, demand, { bidderName: bidder?.nameKo ?? null, bidderNameEn: bidder?.nameEn ?? null, ...extra });
  }

  private chatPayload(bid: BidRow, demand: ListingRecord): Record<string, unknown> {
    return {
      bidId: bid.id,
      demandId: demand.id,
      organizationId: bid.organizationId,
      amountKrw: bid.amountKrw,
      durationWeeks: bid.durationWeeks,
      revision: bid.revision,
    };
  }

  private lockDemand(tx: EntityManager, id: string, lock: 'FOR UPDATE' | 'FOR SHARE'): Promise<ListingRecord> {
    return this.listings.lockDemand(tx, id, lock);
  }

  private async stale(id: string): Promise<AppError> {
    const now = await this.repository.findById(id);
    return AppError.conflict('stale-version', { current: now?.version ?? 0, reason: 'stale-version' });
  }

  /** The approach texts of every submitted (or later) bid, for the trust & safety scan (no access checks). */
  trustTexts(): Promise<BidTrustText[]> {
    return this.repository.trustTexts();
  }

  /** The bids the user created, as references (ids, status, dates), newest first, at most `limit` (the personal data download). */
  bidsCreatedBy(userId: string, limit: number): Promise<BidReference[]> {
    return this.repository.createdBy(userId, limit);
  }

  private projectPlan?: ProjectPlanPort;

  /** The projects module registers its side of the award (from its onModuleInit). */
  useProjectPlan(port: ProjectPlanPort): void {
    this.projectPlan = port;
  }

  // --- market numbers (#15 item 4; read-only aggregates for modules/stats) ---------------------

  /** Bids submitted in [from, to): totals, shortlisted, awarded demands and award scores in ten-point buckets. */
  marketStats(from: Date, to: Date) {
    return this.repository.marketStats(from, to);
  }

  /** The median hours from publication to the first bid, over the demands whose first bid falls in [from, to). */
  medianHoursToFirstBid(from: Date, to: Date) {
    return this.repository.medianHoursToFirstBid(from, to);
  }
}

function contentColumns(c: BidContent) {
  return {
    amountKrw: c.amountKrw,
    durationWeeks: c.durationWeeks,
    approach: c.approach,
    milestones: c.milestones,
    coveredConceptIds: c.coveredConceptIds,
  };
}

function samePartners(current: BidPartnerRow[], content: BidContent): boolean {
  return (
    current.length === content.partners.length &&
    content.partners.every((p) =>
      current.some((c) => c.organizationId === p.organizationId && c.role === p.role && c.sharePercent === p.sharePercent),
    )
  );
}
