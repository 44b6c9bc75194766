import { FileKind } from '@aimatch/contracts';
import { EDITABLE_STATUSES } from '@aimatch/marketplace';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../common/errors/app-error';
import { TransactionService } from '../../database/transaction.service';
import { RequestContext, type Viewer } from '../../graphql/request-context';
import type { StoredFileRecord } from '../files/dto/file.records';
import { FilesService } from '../files/files.service';
import { ListingAccessPolicy } from './listing-access.policy';
import { ListingsRepository } from './listings.repository';

/** Files of a demand listing (RFP / 과업지시서, sample images) are stored under this owner type. */
export const LISTING_FILES_OWNER_TYPE = 'listing';
/** At most this many files on one listing. */
export const LISTING_FILES_MAX = 10;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Files attached to a demand listing. Whoever may read the listing may download them — the
 * listing read policy itself (ListingAccessPolicy.canSee), so a draft's files stay with its
 * organization and staff, and a VERIFIED_SUPPLIERS demand's with verified suppliers. Attaching
 * and detaching are the owner's, in an editable status, each one transaction that locks the
 * listing row and changes nothing else of it (no version bump, no review).
 */
@Injectable()
export class ListingFilesService implements OnModuleInit {
  constructor(
    private readonly repository: ListingsRepository,
    private readonly access: ListingAccessPolicy,
    private readonly files: FilesService,
    private readonly transactions: TransactionService,
  ) {}

  onModuleInit(): void {
    this.files.registerOwnerAccess(
      LISTING_FILES_OWNER_TYPE,
      (viewer, listingId, rc) => this.mayView(rc ?? RequestContext.forViewer(viewer), listingId),
      {
        kinds: [FileKind.DOCUMENT],
        maxPerOwner: LISTING_FILES_MAX,
        canViewAnonymously: (listingId, rc) => this.mayView(rc ?? RequestContext.forViewer(null), listingId),
      },
    );
  }

  /** Attaches the viewer's staged uploads to the listing; the listing's files after. */
  async attach(rc: RequestContext, listingId: string, fileIds: readonly string[]): Promise<StoredFileRecord[]> {
    const viewer = this.signedIn(rc);
    await this.transactions.run(async (tx) => {
      await this.ownedEditable(rc, tx, listingId);
      await this.files.attach(tx, fileIds, { ownerType: LISTING_FILES_OWNER_TYPE, ownerId: listingId }, viewer.userId);
    });
    return (await this.files.filesOf(LISTING_FILES_OWNER_TYPE, [listingId])).get(listingId) ?? [];
  }

  /** Removes one file from the listing (any member of the owning organization may). */
  async detach(rc: RequestContext, listingId: string, fileId: string): Promise<boolean> {
    this.signedIn(rc);
    await this.transactions.run(async (tx) => {
      await this.ownedEditable(rc, tx, listingId);
      await this.files.detach(tx, [fileId], { ownerType: LISTING_FILES_OWNER_TYPE, ownerId: listingId });
    });
    return true;
  }

  private signedIn(rc: RequestContext): Viewer {
    if (!rc.viewer) throw AppError.unauthenticated();
    return rc.viewer;
  }

  /** Locks the listing FOR UPDATE (a file change waits for a content change and the reverse); NOT_FOUND / FORBIDDEN / CONFLICT. */
  private async ownedEditable(rc: RequestContext, tx: EntityManager, listingId: string): Promise<void> {
    const listing = UUID.test(listingId) ? await this.repository.lock(tx, listingId, 'FOR UPDATE') : null;
    if (!listing || !(await this.access.canSee(rc, listing))) throw AppError.notFound();
    if ((await this.access.actor(rc, listing)) !== 'owner' || listing.kind !== 'DEMAND') throw AppError.forbidden();
    if (!EDITABLE_STATUSES.includes(listing.status)) throw AppError.conflict('files-not-editable', { status: listing.status });
  }

  /** The listing read policy itself, with the request's loaders (the listing and the viewer's memberships batched). */
  private async mayView(rc: RequestContext, listingId: string): Promise<boolean> {
    const listing = UUID.test(listingId) ? await rc.loaders.get(this.repository).load(listingId) : null;
    return !!listing && this.access.canSee(rc, listing);
  }
}
