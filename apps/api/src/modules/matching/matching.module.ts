import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { ListingsModule } from '../listings/listings.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ReviewsModule } from '../reviews/reviews.module';
import { SearchModule } from '../search/search.module';
import { VocabularyModule } from '../vocabulary/vocabulary.module';
import { MatchAlertsRepository } from './match-alerts.repository';
import { MatchAlertsService } from './match-alerts.service';
import { MatchEngine } from './match-engine';
import {
  ConceptMatchResolver,
  DemandFieldSuggestionResolver,
  DemandFitResolver,
  InferredConceptResolver,
  MatchingResolver,
} from './matching.resolver';
import { MatchingService } from './matching.service';

/** Explainable matching (libs/matching) over candidates from the search index; alerts on new demands. */
@Module({
  imports: [VocabularyModule, IdentityModule, ListingsModule, SearchModule, NotificationsModule, ReviewsModule],
  providers: [
    MatchEngine,
    MatchingService,
    MatchAlertsRepository,
    MatchAlertsService,
    MatchingResolver,
    DemandFitResolver,
    ConceptMatchResolver,
    DemandFieldSuggestionResolver,
    InferredConceptResolver,
  ],
  exports: [MatchingService],
})
export class MatchingModule {}
