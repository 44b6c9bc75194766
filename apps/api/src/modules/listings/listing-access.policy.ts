import { OrganizationKind, VerificationStatus } from '@aimatch/contracts';
import { type ListingActor, PUBLIC_STATUSES } from '@aimatch/marketplace';
import { Injectable } from '@nestjs/common';
import type { RequestContext, Viewer } from '../../graphql/request-context';
import { IdentityLoaders } from '../identity/identity.loaders';
import { MembershipPolicy } from '../identity/membership.policy';
import type { ListingEntity } from './entities/listing.entity';

const SUPPLIER_KINDS = [OrganizationKind.AI_SUPPLIER, OrganizationKind.SI_INTEGRATOR];

/**
 * Who may see and act on a listing. Drafts and review states: the owning organization and
 * staff. Published ones: everyone, except `VERIFIED_SUPPLIERS` demands, which only verified
 * supplier organizations (and the owner and staff) see. Anything else reads as NOT_FOUND.
 */
@Injectable()
export class ListingAccessPolicy {
  constructor(
    private readonly identity: IdentityLoaders,
    private readonly memberships: MembershipPolicy,
  ) {}

  /** The viewer's organization ids, loaded once per request. */
  async organizationIds(rc: RequestContext): Promise<string[]> {
    if (!rc.viewer) return [];
    return (await rc.loaders.get(this.identity.membershipsByUser).load(rc.viewer.userId)).map((m) => m.organizationId);
  }

  async isVerifiedSupplier(rc: RequestContext): Promise<boolean> {
    const orgIds = await this.organizationIds(rc);
    const orgs = await rc.loaders.get(this.identity.organization).loadMany(orgIds);
    return orgs.some(
      (o) => o && !(o instanceof Error) && SUPPLIER_KINDS.includes(o.kind) && o.verificationStatus === VerificationStatus.VERIFIED,
    );
  }

  isStaff(viewer: Viewer | null): boolean {
    return !!viewer && this.memberships.isStaff(viewer);
  }

  /** `owner` when the viewer belongs to the listing's organization, `staff` for staff, else null. */
  async actor(rc: RequestContext, listing: ListingEntity): Promise<ListingActor | null> {
    if ((await this.organizationIds(rc)).includes(listing.organizationId)) return 'owner';
    return this.isStaff(rc.viewer) ? 'staff' : null;
  }

  async canSee(rc: RequestContext, listing: ListingEntity): Promise<boolean> {
    if (await this.actor(rc, listing)) return true;
    if (!PUBLIC_STATUSES.includes(listing.status)) return false;
    if (listing.kind === 'DEMAND' && listing.visibility === 'VERIFIED_SUPPLIERS') return this.isVerifiedSupplier(rc);
    return true;
  }
}
