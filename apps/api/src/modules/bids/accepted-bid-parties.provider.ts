import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type AcceptedBidParties, ReviewsService } from '../reviews/reviews.service';
import { BidsRepository } from './bids.repository';

/** Bids' side of reviews' AcceptedBidParties port: who delivered a demand's project (reviews sits below bids and cannot import it). */
@Injectable()
export class AcceptedBidPartiesProvider implements AcceptedBidParties, OnModuleInit {
  constructor(
    private readonly reviews: ReviewsService,
    private readonly repository: BidsRepository,
  ) {}

  onModuleInit(): void {
    this.reviews.useAcceptedBids(this);
  }

  acceptedBidParties(
    demandId: string,
    tx?: EntityManager,
  ): Promise<{ leadOrganizationId: string; partnerOrganizationIds: string[] } | null> {
    return this.repository.acceptedBidParties(demandId, tx);
  }
}
