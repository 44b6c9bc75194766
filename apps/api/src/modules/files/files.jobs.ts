import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { JobScheduler } from '../../common/scheduling/job-scheduler.service';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/config.schema';
import { FilesService } from './files.service';

export const FILES_SWEEP_JOB = 'files.sweep';

/** Registers the files sweep (stale staged uploads, detached files) with the one scheduler. */
@Injectable()
export class FilesJobs implements OnModuleInit {
  constructor(
    private readonly scheduler: JobScheduler,
    private readonly files: FilesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({ name: FILES_SWEEP_JOB, everyMs: this.config.FILES_SWEEP_MS, run: () => this.files.sweep() });
  }
}
