import { Injectable } from '@nestjs/common';
import { IdentityRepository } from './identity.repository';

/**
 * Identity's read API for other modules: organizations and who belongs to them. No access
 * checks: callers authorise their actor (MembershipPolicy) or work for the system.
 */
@Injectable()
export class IdentityService {
  constructor(private readonly repository: IdentityRepository) {}

  findOrganization(id: string) {
    return this.repository.findOrganization(id);
  }

  /** Organizations by id (any order; missing ids are left out). */
  organizationsByIds(ids: string[]) {
    return this.repository.findOrganizations([...new Set(ids)]);
  }

  /** The organizations the user is a member of, oldest membership first. */
  async organizationIdsOfUser(userId: string): Promise<string[]> {
    return (await this.repository.membershipsOfUser(userId)).map((m) => m.organizationId);
  }
}
