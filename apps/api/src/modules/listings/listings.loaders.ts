import { Injectable } from '@nestjs/common';
import type { LoaderFactory } from '../../graphql/loader-registry';
import type { ListingRecord } from './dto/listing-record';
import { ListingsRepository } from './listings.repository';

/**
 * The listings module's DataLoader factories for other modules' resolvers and policies. Each is
 * the very factory listings uses itself, so one request shares one loader (and one cache to clear).
 */
@Injectable()
export class ListingLoaders {
  constructor(private readonly repository: ListingsRepository) {}

  /** Listings by id, null when there is none (no access check: callers ask ListingAccessPolicy). */
  get byId(): LoaderFactory<string, ListingRecord | null> {
    return this.repository;
  }
}
