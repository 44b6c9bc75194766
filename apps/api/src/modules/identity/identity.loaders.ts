import { Injectable } from '@nestjs/common';
import { IdentityRepository } from './identity.repository';

/**
 * Identity's DataLoader factories for other modules' resolvers and policies. Each is the very
 * factory identity uses itself, so one request shares one loader per kind.
 */
@Injectable()
export class IdentityLoaders {
  constructor(private readonly repository: IdentityRepository) {}

  /** Organizations by id, null when there is none. */
  get organization() {
    return this.repository.organizationLoader;
  }

  /** Users by id, null when there is none. */
  get user() {
    return this.repository.userLoader;
  }

  /** Every membership of a user (oldest first), keyed by user id. */
  get membershipsByUser() {
    return this.repository.membershipsByUserLoader;
  }
}
