import { Injectable } from '@nestjs/common';
import type { LoaderFactory } from '../../graphql/loader-registry';
import type { Membership, Organization, UserProfile } from './dto/identity.records';
import { IdentityRepository } from './identity.repository';

/**
 * Identity's per-request DataLoader factories for other modules' resolvers and policies. They are
 * the repository's own factories, so a request shares one loader (and its cache) with identity's resolvers.
 */
@Injectable()
export class IdentityLoaders {
  readonly organization: LoaderFactory<string, Organization | null>;
  readonly user: LoaderFactory<string, UserProfile | null>;
  /** All memberships of a user, oldest first, keyed by user id. */
  readonly membershipsByUser: LoaderFactory<string, Membership[]>;

  constructor(repository: IdentityRepository) {
    this.organization = repository.organizationLoader;
    this.user = repository.userLoader;
    this.membershipsByUser = repository.membershipsByUserLoader;
  }
}
