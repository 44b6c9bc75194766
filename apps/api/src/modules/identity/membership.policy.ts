import { MembershipRole, PlatformRole } from '@aimatch/contracts';
import { Injectable } from '@nestjs/common';
import { AppError } from '../../common/errors/app-error';
import type { Viewer } from '../../graphql/request-context';
import type { MembershipEntity } from './entities/membership.entity';
import { IdentityRepository } from './identity.repository';

/**
 * Who may act for an organization. Non-members get FORBIDDEN whether or not the organization
 * exists, so ids cannot be probed.
 */
@Injectable()
export class MembershipPolicy {
  constructor(private readonly repository: IdentityRepository) {}

  isStaff(viewer: Viewer): boolean {
    return viewer.roles.includes(PlatformRole.STAFF) || viewer.roles.includes(PlatformRole.ADMIN);
  }

  async membership(viewer: Viewer, organizationId: string): Promise<MembershipEntity | null> {
    const rows = await this.repository.membershipsOfUser(viewer.userId);
    return rows.find((m) => m.organizationId === organizationId) ?? null;
  }

  async assertMember(viewer: Viewer, organizationId: string): Promise<MembershipEntity> {
    const m = await this.membership(viewer, organizationId);
    if (!m) throw AppError.forbidden();
    return m;
  }

  async assertOwner(viewer: Viewer, organizationId: string): Promise<MembershipEntity> {
    const m = await this.assertMember(viewer, organizationId);
    if (m.role !== MembershipRole.OWNER) throw AppError.forbidden();
    return m;
  }

  async assertMemberOrStaff(viewer: Viewer, organizationId: string): Promise<void> {
    if (!this.isStaff(viewer)) await this.assertMember(viewer, organizationId);
  }
}
