import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Organization } from './dto/identity.records';
import { IdentityRepository } from './identity.repository';

/**
 * Identity's read API for other modules: organizations, memberships and users (identity owns
 * their tables; others ask here instead of joining them). Methods that take `tx` read inside the
 * caller's transaction. No access checks: callers authorise their own actor first.
 */
@Injectable()
export class IdentityService {
  constructor(private readonly repository: IdentityRepository) {}

  organization(id: string): Promise<Organization | null> {
    return this.repository.findOrganization(id);
  }

  organizations(ids: string[], tx?: EntityManager): Promise<Organization[]> {
    return this.repository.findOrganizations([...new Set(ids)], tx);
  }

  /** The ids of the organizations the user belongs to, oldest membership first. */
  async organizationIdsOfUser(userId: string, tx?: EntityManager): Promise<string[]> {
    return (await this.repository.membershipsOfUser(userId, tx)).map((m) => m.organizationId);
  }
}
