import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ReviewsJobs } from './reviews.jobs';
import { OrganizationReputationResolver, ReviewsResolver } from './reviews.resolver';
import { ReviewsRepository } from './reviews.repository';
import { ReviewsService } from './reviews.service';

/** Double-blind reviews after completed projects, reputations, the REVIEWS track record for matching. */
@Module({
  imports: [IdentityModule, NotificationsModule],
  providers: [ReviewsRepository, ReviewsService, ReviewsResolver, OrganizationReputationResolver, ReviewsJobs],
  exports: [ReviewsService, ReviewsRepository],
})
export class ReviewsModule {}
