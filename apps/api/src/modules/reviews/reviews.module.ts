import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { ListingsModule } from '../listings/listings.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ReviewsJobs } from './reviews.jobs';
import { ModeratedReviewResolver, OrganizationReputationResolver, ReviewsResolver } from './reviews.resolver';
import { ReviewsRepository } from './reviews.repository';
import { ReviewsService } from './reviews.service';

/** Double-blind reviews after completed projects, reputations, the REVIEWS track record for matching. */
@Module({
  imports: [IdentityModule, ListingsModule, NotificationsModule],
  providers: [ReviewsRepository, ReviewsService, ReviewsResolver, OrganizationReputationResolver, ReviewsJobs, ModeratedReviewResolver],
  exports: [ReviewsService],
})
export class ReviewsModule {}
