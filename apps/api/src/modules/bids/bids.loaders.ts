import { Injectable } from '@nestjs/common';
import type { LoaderFactory } from '../../graphql/loader-registry';
import { BidsRepository } from './bids.repository';

/** The bids module's DataLoader factories for other modules' resolvers and policies (the very factories bids uses). */
@Injectable()
export class BidsLoaders {
  constructor(private readonly repository: BidsRepository) {}

  /** By demand id: the consortium partners (organization ids) that accepted their place in the demand's accepted bid. */
  get acceptedPartners(): LoaderFactory<string, string[]> {
    return this.repository.acceptedPartnersLoader;
  }
}
