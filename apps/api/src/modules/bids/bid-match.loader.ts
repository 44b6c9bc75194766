import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { LoaderFactory } from '../../graphql/loader-registry';
import type { ListingRecord } from '../listings/dto/listing-record';
import { ListingsService } from '../listings/listings.service';
import { MatchingService, type Ranked } from '../matching/matching.service';
import { BidsRepository } from './bids.repository';

export interface BidderMatch {
  supplyListingId: string;
  explanation: Ranked['explanation'];
}

/**
 * The bidders' match scores on a demand, batched per demand and request: the demand's supplier
 * ranking (the same one `matchesForDemand` shows), each bidder organization taking its best
 * published supply listing; bidders whose listings retrieval did not bring in are scored on
 * the fly among their own listings. A bidder without a published supply listing has no score.
 */
@Injectable()
export class BidMatchLoader implements LoaderFactory<string, Map<string, BidderMatch>> {
  constructor(
    private readonly matching: MatchingService,
    private readonly listings: ListingsService,
    private readonly bids: BidsRepository,
  ) {}

  create(): DataLoader<string, Map<string, BidderMatch>> {
    return new DataLoader(async (demandIds) => {
      const demands = await this.listings.findByIds([...demandIds]);
      return Promise.all(demandIds.map((id) => this.forDemand(demands.find((d) => d.id === id) ?? null)));
    });
  }

  private async forDemand(demand: ListingRecord | null): Promise<Map<string, BidderMatch>> {
    const result = new Map<string, BidderMatch>();
    if (!demand) return result;
    const orgIds = await this.bids.bidderOrganizationsOf(demand.id);
    if (orgIds.length === 0) return result;
    const supplies = await this.listings.publishedSupplyOf(orgIds);
    if (supplies.length === 0) return result;
    const orgOf = new Map(supplies.map((s) => [s.id, s.organizationId]));
    const take = (ranked: Ranked[]) => {
      for (const r of ranked) {
        const org = orgOf.get(r.listingId);
        if (!org) continue;
        const best = result.get(org);
        if (!best || r.explanation.rawScore > best.explanation.rawScore)
          result.set(org, { supplyListingId: r.listingId, explanation: r.explanation });
      }
    };
    take(await this.matching.rankSuppliers(demand));
    const missing = supplies.filter((s) => !result.has(s.organizationId)).map((s) => s.id);
    if (missing.length) take(await this.matching.rankSuppliersAmong(demand, missing));
    return result;
  }
}
