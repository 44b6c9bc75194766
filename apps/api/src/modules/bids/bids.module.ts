import { Module } from '@nestjs/common';
import { ChatModule } from '../chat/chat.module';
import { FilesModule } from '../files/files.module';
import { IdentityModule } from '../identity/identity.module';
import { ListingsModule } from '../listings/listings.module';
import { MatchingModule } from '../matching/matching.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ReviewsModule } from '../reviews/reviews.module';
import { VocabularyModule } from '../vocabulary/vocabulary.module';
import { AcceptedBidPartiesProvider } from './accepted-bid-parties.provider';
import { BidAccessPolicy } from './bid-access.policy';
import { BidFilesResolver } from './bid-files.resolver';
import { BidFilesService } from './bid-files.service';
import { BidMatchLoader } from './bid-match.loader';
import { BidsLoaders } from './bids.loaders';
import { BidsJobs } from './bids.jobs';
import { BidsRepository } from './bids.repository';
import { BidFieldsResolver, BidPartnerResolver, BidsResolver, DemandBidCountResolver } from './bids.resolver';
import { BidsService } from './bids.service';
import { PlatformSettingsRepository } from './platform-settings.repository';
import { PlatformSettingsService } from './platform-settings.service';

/** Bids on demands: proposals with milestones and consortia, revisions, shortlisting, the award (which starts the project plan through ProjectPlanPort; modules/projects completes it) and cancellation. */
@Module({
  imports: [ChatModule, IdentityModule, ListingsModule, VocabularyModule, MatchingModule, NotificationsModule, ReviewsModule, FilesModule],
  providers: [
    BidsRepository,
    BidAccessPolicy,
    BidMatchLoader,
    PlatformSettingsRepository,
    PlatformSettingsService,
    BidsService,
    BidsResolver,
    BidFieldsResolver,
    BidPartnerResolver,
    DemandBidCountResolver,
    BidsJobs,
    AcceptedBidPartiesProvider,
    BidFilesService,
    BidFilesResolver,
    BidsLoaders,
  ],
  exports: [BidsService, BidsLoaders],
})
export class BidsModule {}
