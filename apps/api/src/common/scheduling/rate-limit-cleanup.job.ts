import type { AppConfig } from '../../config/config.schema';
import type { JobScheduler } from './job-scheduler.service';

export const RATE_LIMIT_CLEANUP_JOB = 'rate-limit.cleanup';

/**
 * The hook for the PostgreSQL-backed rate limiter's cleanup: its owner (common/rate-limit) calls
 * this from `onModuleInit` with its `deleteExpired()`, and expired counters are deleted by one
 * instance every RATE_LIMIT_CLEANUP_MS. Not called yet: the limiter that has `deleteExpired()`
 * lands in its own branch; the in-memory limiters of today sweep their own maps.
 */
export function registerRateLimitCleanup(scheduler: JobScheduler, config: AppConfig, deleteExpired: () => Promise<unknown>): void {
  scheduler.register({ name: RATE_LIMIT_CLEANUP_JOB, everyMs: config.RATE_LIMIT_CLEANUP_MS, run: deleteExpired });
}
