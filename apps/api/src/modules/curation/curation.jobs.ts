import { Injectable, type OnModuleInit } from '@nestjs/common';
import { JobScheduler } from '../../common/scheduling/job-scheduler.service';
import { CurationService } from './curation.service';

export const CURATION_BACKFILL_JOB = 'curation.fingerprints.backfill';

/** Fingerprints published listings that have none (listings from before the index existed), hourly. */
@Injectable()
export class CurationJobs implements OnModuleInit {
  constructor(
    private readonly scheduler: JobScheduler,
    private readonly curation: CurationService,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({ name: CURATION_BACKFILL_JOB, everyMs: 60 * 60_000, run: () => this.curation.backfill() });
  }
}
