import { FileKind } from '@aimatch/contracts';
import { EDITABLE_BID_STATUSES } from '@aimatch/marketplace';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { AppError } from '../../common/errors/app-error';
import { TransactionService } from '../../database/transaction.service';
import { RequestContext, type Viewer } from '../../graphql/request-context';
import type { StoredFileRecord } from '../files/dto/file.records';
import { FilesService } from '../files/files.service';
import { ListingsService } from '../listings/listings.service';
import { BidAccessPolicy } from './bid-access.policy';
import { type BidRow, BidsRepository } from './bids.repository';

/** Proposal (제안서) and quote (견적서) files of a bid are stored under this owner type. */
export const BID_FILES_OWNER_TYPE = 'bid';
/** At most this many files on one bid. */
export const BID_FILES_MAX = 10;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Files of a bid. They belong to the bid, not to one of its revisions: a revision records the
 * content (amount, weeks, approach, milestones) as it was, while the files are the bid's current
 * set, changed by its lead organization while the bid is editable (DRAFT, or SUBMITTED before
 * shortlisting) and the demand takes bids; each change is one transaction with a bid event
 * (`files-changed`) and bumps nothing else. Who may download them is exactly who may see the bid
 * (BidAccessPolicy.canSee): the bidder and its consortium partners, the demand's organization once
 * the bid is submitted, staff; a competing bidder or anyone else may not.
 */
@Injectable()
export class BidFilesService implements OnModuleInit {
  constructor(
    private readonly repository: BidsRepository,
    private readonly access: BidAccessPolicy,
    private readonly listings: ListingsService,
    private readonly files: FilesService,
    private readonly transactions: TransactionService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.files.registerOwnerAccess(
      BID_FILES_OWNER_TYPE,
      (viewer, bidId, rc) => this.mayView(rc ?? RequestContext.forViewer(viewer), bidId),
      {
        kinds: [FileKind.DOCUMENT],
        maxPerOwner: BID_FILES_MAX,
      },
    );
  }

  async attach(rc: RequestContext, bidId: string, fileIds: readonly string[]): Promise<StoredFileRecord[]> {
    const viewer = this.signedIn(rc);
    await this.transactions.run(async (tx) => {
      const bid = await this.editableByBidder(rc, tx, bidId);
      await this.files.attach(tx, fileIds, { ownerType: BID_FILES_OWNER_TYPE, ownerId: bid.id }, viewer.userId);
      await this.recordChange(tx, bid, viewer.userId, { attached: [...new Set(fileIds)] });
    });
    return (await this.files.filesOf(BID_FILES_OWNER_TYPE, [bidId])).get(bidId) ?? [];
  }

  async detach(rc: RequestContext, bidId: string, fileId: string): Promise<boolean> {
    const viewer = this.signedIn(rc);
    await this.transactions.run(async (tx) => {
      const bid = await this.editableByBidder(rc, tx, bidId);
      await this.files.detach(tx, [fileId], { ownerType: BID_FILES_OWNER_TYPE, ownerId: bid.id });
      await this.recordChange(tx, bid, viewer.userId, { detached: [fileId] });
    });
    return true;
  }

  private signedIn(rc: RequestContext): Viewer {
    if (!rc.viewer) throw AppError.unauthenticated();
    return rc.viewer;
  }

  /** The bid locked FOR UPDATE, its demand FOR SHARE; NOT_FOUND / FORBIDDEN / CONFLICT as the bid's own commands answer. */
  private async editableByBidder(rc: RequestContext, tx: EntityManager, bidId: string): Promise<BidRow> {
    const bid = UUID.test(bidId) ? await this.repository.findById(bidId, tx, 'FOR UPDATE') : null;
    if (!bid || !(await this.access.canSee(rc, bid))) throw AppError.notFound();
    if ((await this.access.actor(rc, bid)) !== 'bidder') throw AppError.forbidden();
    if (!EDITABLE_BID_STATUSES.includes(bid.status)) throw AppError.conflict('files-not-editable', { status: bid.status });
    const demand = await this.listings.lockDemand(tx, bid.demandId, 'FOR SHARE');
    if (demand.status !== 'PUBLISHED') throw AppError.conflict('demand-not-open', { current: demand.status, reason: 'demand-not-open' });
    if (demand.bidDeadline && demand.bidDeadline.getTime() <= this.clock.now().getTime()) {
      throw AppError.conflict('bidding-closed', { deadline: demand.bidDeadline.toISOString(), reason: 'bid-deadline-passed' });
    }
    return bid;
  }

  private recordChange(tx: EntityManager, bid: BidRow, actorUserId: string, details: Record<string, unknown>): Promise<void> {
    return this.repository.recordEvent(tx, {
      bidId: bid.id,
      version: bid.version,
      action: 'files-changed',
      fromStatus: bid.status,
      toStatus: bid.status,
      actorUserId,
      details,
    });
  }

  /** The bid access policy itself, with the request's loaders (bids, partners, demands, memberships batched). */
  private async mayView(rc: RequestContext, bidId: string): Promise<boolean> {
    const bid = UUID.test(bidId) ? await rc.loaders.get(this.repository.bidLoader).load(bidId) : null;
    return !!bid && this.access.canSee(rc, bid);
  }
}
