import type { PostgresSearchIndex } from '@aimatch/search';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { JobScheduler } from '../../common/scheduling/job-scheduler.service';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/config.schema';
import { SEARCH_DOCUMENT_STORE } from './search-index.provider';

/** The search sweep: change-feed tombstones older than a week are deleted (readers still see recent ones). */
export const SEARCH_TOMBSTONE_PRUNE_JOB = 'search.tombstones.prune';

/** Registers the search module's scheduled jobs; the scheduler runs each on one instance at a time. */
@Injectable()
export class SearchJobs implements OnModuleInit {
  constructor(
    private readonly scheduler: JobScheduler,
    @Inject(SEARCH_DOCUMENT_STORE) private readonly store: PostgresSearchIndex,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({
      name: SEARCH_TOMBSTONE_PRUNE_JOB,
      everyMs: this.config.SEARCH_TOMBSTONE_PRUNE_MS,
      run: () => this.store.pruneTombstones(this.clock.now()),
    });
  }
}
