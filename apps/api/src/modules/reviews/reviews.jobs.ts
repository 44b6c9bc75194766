import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { JobScheduler } from '../../common/scheduling/job-scheduler.service';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/config.schema';
import { ReviewsService } from './reviews.service';

/** The reviews sweep: a lone review becomes public REVIEW_BLIND_DAYS after submission. */
export const REVIEW_REVEAL_JOB = 'reviews.reveal';

/** Registers the reviews module's scheduled jobs; the scheduler runs each on one instance at a time. */
@Injectable()
export class ReviewsJobs implements OnModuleInit {
  constructor(
    private readonly scheduler: JobScheduler,
    private readonly reviews: ReviewsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({ name: REVIEW_REVEAL_JOB, everyMs: this.config.REVIEW_REVEAL_SWEEP_MS, run: () => this.reviews.revealDue() });
  }
}
