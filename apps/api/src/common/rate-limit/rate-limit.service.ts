import { Inject, Injectable, Logger } from '@nestjs/common';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/config.schema';
import { Clock } from '../clock';
import { AppError } from '../errors/app-error';
import {
  type BackoffPolicy,
  type BackoffRule,
  backoffDelayMs,
  backoffRules,
  type RateLimitPolicy,
  rateLimitRules,
} from './rate-limit.policies';
import { RateLimitRepository } from './rate-limit.repository';

export type { BackoffPolicy, RateLimitPolicy } from './rate-limit.policies';

const STORE_WARNING_INTERVAL_MS = 60_000;

/**
 * The API's one rate limiter: named policies (rate-limit.policies.ts) counted in fixed windows by
 * rate-limiter-flexible's PostgreSQL store in `rate_limits`, so every instance spends the same
 * budget. Past the limit a key is refused until its window ends, and that instance then refuses
 * it from memory without asking the database again (a flood costs no more queries than the limit).
 * The table comes from a migration (the store never creates it) and the store's own clean-up
 * timer is off: expired rows go through `deleteExpired`, a scheduled job. When the database does
 * not answer, each instance counts in its own memory until it does (logged, at most once a minute).
 */
@Injectable()
export class RateLimiter {
  private readonly log = new Logger('RateLimit');
  private readonly shared: Record<RateLimitPolicy, RateLimiterPostgres>;
  private readonly local: Record<RateLimitPolicy, RateLimiterMemory>;
  private lastStoreWarning = 0;
  private readonly backoffs: Record<BackoffPolicy, BackoffRule>;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    dataSource: DataSource,
    private readonly repository: RateLimitRepository,
    private readonly clock: Clock,
  ) {
    this.backoffs = backoffRules(config);
    const rules = Object.entries(rateLimitRules(config)) as Array<[RateLimitPolicy, { points: number; windowSeconds: number }]>;
    this.shared = Object.fromEntries(
      rules.map(([policy, { points, windowSeconds }]) => [
        policy,
        new RateLimiterPostgres({
          storeClient: dataSource,
          storeType: 'typeorm',
          tableName: 'rate_limits',
          tableCreated: true,
          clearExpiredByTimeout: false,
          keyPrefix: policy,
          points,
          duration: windowSeconds,
          inMemoryBlockOnConsumed: points + 1,
        }),
      ]),
    ) as Record<RateLimitPolicy, RateLimiterPostgres>;
    this.local = Object.fromEntries(
      rules.map(([policy, { points, windowSeconds }]) => [
        policy,
        new RateLimiterMemory({ keyPrefix: policy, points, duration: windowSeconds }),
      ]),
    ) as Record<RateLimitPolicy, RateLimiterMemory>;
  }

  /** Counts one call of `key` under `policy`; throws RATE_LIMITED (with retryAfter in seconds) past the limit. */
  async consume(policy: RateLimitPolicy, key: string): Promise<void> {
    const id = key.toLowerCase();
    try {
      await this.shared[policy].consume(id);
    } catch (err) {
      if (err instanceof RateLimiterRes) throw refusal(err);
      this.warnStoreDown(policy, err);
      await this.local[policy].consume(id).catch((res: unknown) => {
        throw res instanceof RateLimiterRes ? refusal(res) : res;
      });
    }
  }

  /**
   * Refuses (RATE_LIMITED) when `key` has already spent its points under `policy` in this window,
   * without counting this call: for limits that count only failures (`consume` after the failure).
   */
  async assertAvailable(policy: RateLimitPolicy, key: string): Promise<void> {
    const id = key.toLowerCase();
    const limiter = this.shared[policy];
    let res: RateLimiterRes | null;
    try {
      res = await limiter.get(id);
    } catch (err) {
      this.warnStoreDown(policy, err);
      res = await this.local[policy].get(id);
    }
    if (res && res.consumedPoints >= limiter.points) throw refusal(res);
  }

  /** Deletes the counters whose window has ended and the forgotten back-offs (the scheduler's clean-up job); returns how many. */
  async deleteExpired(): Promise<number> {
    const now = this.clock.now();
    return (await this.repository.deleteExpired(now.getTime())) + (await this.repository.deleteExpiredBackoffs(now));
  }

  // --- progressive back-off (#13 M4): failures slow the next attempt down instead of blocking it ---

  /**
   * Lets an attempt of `key` under a back-off policy through, or refuses it (RATE_LIMITED with
   * retryAfter) while the wait after its last failure runs. Past the free failures, an attempt that
   * gets through takes the next slot itself (compare-and-set), so parallel attempts cannot all slip
   * through one opening. Call `recordFailure` when the attempt fails and `clearFailures` when it succeeds.
   * Times come from the Clock; the rows live in `rate_backoffs` (sign-in needs the database anyway).
   */
  async claimAttempt(policy: BackoffPolicy, key: string): Promise<void> {
    const rule = this.backoffs[policy];
    const id = `${policy}:${key.toLowerCase()}`;
    const now = this.clock.now();
    const state = await this.repository.backoff(id, now);
    if (!state || state.failures < rule.freeFailures) return;
    const waitMs = state.nextAt.getTime() - now.getTime();
    if (waitMs > 0) throw AppError.rateLimited(Math.max(1, Math.ceil(waitMs / 1000)));
    const delayMs = backoffDelayMs(rule, state.failures);
    if (!(await this.repository.claimBackoff(id, state.failures, state.nextAt, new Date(now.getTime() + delayMs)))) {
      throw AppError.rateLimited(Math.max(1, Math.ceil(delayMs / 1000)));
    }
  }

  /** Counts a failed attempt of `key`; past the free failures the next one waits (1 s, 2 s, 4 s … up to the cap). */
  async recordFailure(policy: BackoffPolicy, key: string): Promise<void> {
    const rule = this.backoffs[policy];
    const id = `${policy}:${key.toLowerCase()}`;
    const now = this.clock.now();
    const failures = await this.repository.addFailure(id, now, new Date(now.getTime() + rule.forgetAfterSeconds * 1000));
    const delayMs = backoffDelayMs(rule, failures);
    await this.repository.setBackoffUntil(id, failures, new Date(now.getTime() + delayMs));
  }

  /** Forgets the failures of `key` (after a success). */
  async clearFailures(policy: BackoffPolicy, key: string): Promise<void> {
    await this.repository.clearBackoff(`${policy}:${key.toLowerCase()}`);
  }

  private warnStoreDown(policy: RateLimitPolicy, err: unknown): void {
    const now = Date.now();
    if (now - this.lastStoreWarning < STORE_WARNING_INTERVAL_MS) return;
    this.lastStoreWarning = now;
    this.log.warn(
      `rate-limit store unavailable (${policy}), counting in this process: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
}

function refusal(res: RateLimiterRes): AppError {
  return AppError.rateLimited(Math.max(1, Math.ceil(res.msBeforeNext / 1000)));
}
