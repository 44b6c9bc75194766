import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/config.schema';
import { JobScheduler } from '../scheduling/job-scheduler.service';
import { RateLimiter } from './rate-limit.service';

export const RATE_LIMIT_CLEANUP_JOB = 'rate-limit.cleanup';

/** Expired counters of the PostgreSQL-backed limiter are deleted by one instance every RATE_LIMIT_CLEANUP_MS. */
export function registerRateLimitCleanup(scheduler: JobScheduler, config: AppConfig, deleteExpired: () => Promise<unknown>): void {
  scheduler.register({ name: RATE_LIMIT_CLEANUP_JOB, everyMs: config.RATE_LIMIT_CLEANUP_MS, run: deleteExpired });
}

/** Registers the limiter's cleanup with the one scheduler (the store's own timer is off). */
@Injectable()
export class RateLimitJobs implements OnModuleInit {
  constructor(
    private readonly scheduler: JobScheduler,
    private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    registerRateLimitCleanup(this.scheduler, this.config, () => this.limiter.deleteExpired());
  }
}
