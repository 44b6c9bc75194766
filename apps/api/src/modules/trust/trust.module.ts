import { Module } from '@nestjs/common';
import { BidsModule } from '../bids/bids.module';
import { ChatModule } from '../chat/chat.module';
import { IdentityModule } from '../identity/identity.module';
import { ListingsModule } from '../listings/listings.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ReviewsModule } from '../reviews/reviews.module';
import { VerificationModule } from '../verification/verification.module';
import { TrustRepository } from './trust.repository';
import { TrustCaseDetailResolver, TrustResolver, TrustSignalResolver } from './trust.resolver';
import { TrustService } from './trust.service';

/**
 * Trust & safety signals and the staff cases view. The top of the layering: it reads identity,
 * listings, bids, chat and reviews through their services, suspends through verification and
 * notifies through notifications; it owns `trust_signals`; nothing imports it.
 */
@Module({
  imports: [IdentityModule, ListingsModule, BidsModule, ChatModule, ReviewsModule, VerificationModule, NotificationsModule],
  providers: [TrustRepository, TrustService, TrustResolver, TrustCaseDetailResolver, TrustSignalResolver],
  exports: [TrustService],
})
export class TrustModule {}
