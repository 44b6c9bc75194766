import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { JobScheduler } from '../../common/scheduling/job-scheduler.service';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/config.schema';
import { BidsService } from './bids.service';

/** The bids sweep: undecided bids past their decision window expire even when nobody reads them. */
export const BID_EXPIRY_JOB = 'bids.expiry';

/** Registers the bids module's scheduled jobs; the scheduler runs each on one instance at a time. */
@Injectable()
export class BidsJobs implements OnModuleInit {
  constructor(
    private readonly scheduler: JobScheduler,
    private readonly bids: BidsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({ name: BID_EXPIRY_JOB, everyMs: this.config.BID_EXPIRY_SWEEP_MS, run: () => this.bids.expireDue() });
  }
}
