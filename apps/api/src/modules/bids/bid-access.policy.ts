import { MembershipRole } from '@aimatch/contracts';
import type { BidActor } from '@aimatch/marketplace';
import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../graphql/request-context';
import { IdentityLoaders } from '../identity/identity.loaders';
import type { ListingRecord } from '../listings/dto/listing-record';
import { ListingAccessPolicy } from '../listings/listing-access.policy';
import { ListingLoaders } from '../listings/listings.loaders';
import { type BidRow, BidsRepository } from './bids.repository';

export interface BidRoles {
  /** Member of the lead (bidding) organization. */
  bidder: boolean;
  /** Partner organizations (invited or accepted) the viewer belongs to. */
  partnerOrgs: string[];
  /** Member of the demand's organization. */
  demandOwner: boolean;
  staff: boolean;
}

/**
 * Who may see and act on a bid: the bidding organizations (the lead and its invited or
 * accepted consortium partners), the demand's organization once the bid is submitted, and
 * staff (read only). Anyone else gets NOT_FOUND, as if the bid did not exist.
 */
@Injectable()
export class BidAccessPolicy {
  constructor(
    private readonly listingAccess: ListingAccessPolicy,
    private readonly listings: ListingLoaders,
    private readonly bids: BidsRepository,
    private readonly identity: IdentityLoaders,
  ) {}

  organizationIds(rc: RequestContext): Promise<string[]> {
    return this.listingAccess.organizationIds(rc);
  }

  async demandOf(rc: RequestContext, bid: BidRow): Promise<ListingRecord> {
    return (await rc.loaders.get(this.listings.byId).load(bid.demandId))!;
  }

  async roles(rc: RequestContext, bid: BidRow): Promise<BidRoles> {
    const orgIds = await this.organizationIds(rc);
    const demand = await this.demandOf(rc, bid);
    const partners = await rc.loaders.get(this.bids.partnersLoader).load(bid.id);
    return {
      bidder: orgIds.includes(bid.organizationId),
      partnerOrgs: partners.filter((p) => p.status !== 'DECLINED' && orgIds.includes(p.organizationId)).map((p) => p.organizationId),
      demandOwner: orgIds.includes(demand.organizationId),
      staff: this.listingAccess.isStaff(rc.viewer),
    };
  }

  async canSee(rc: RequestContext, bid: BidRow): Promise<boolean> {
    if (!rc.viewer) return false;
    const r = await this.roles(rc, bid);
    return r.bidder || r.partnerOrgs.length > 0 || r.staff || (r.demandOwner && bid.status !== 'DRAFT');
  }

  /** The side the viewer acts for in the bid workflow (a bidder that owns the demand cannot happen: SMEs do not bid). */
  async actor(rc: RequestContext, bid: BidRow): Promise<BidActor | null> {
    const r = await this.roles(rc, bid);
    if (r.bidder) return 'bidder';
    if (r.demandOwner && bid.status !== 'DRAFT') return 'demandOwner';
    return null;
  }

  /** The partner organizations of the bid whose OWNER the viewer is. */
  async ownedPartnerOrgs(rc: RequestContext, bid: BidRow): Promise<string[]> {
    if (!rc.viewer) return [];
    const memberships = await rc.loaders.get(this.identity.membershipsByUser).load(rc.viewer.userId);
    const owned = memberships.filter((m) => m.role === MembershipRole.OWNER).map((m) => m.organizationId);
    const partners = await rc.loaders.get(this.bids.partnersLoader).load(bid.id);
    return partners.filter((p) => owned.includes(p.organizationId)).map((p) => p.organizationId);
  }
}
