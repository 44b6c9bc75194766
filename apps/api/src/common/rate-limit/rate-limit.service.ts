import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/config.schema';
import { Clock } from '../clock';
import { AppError } from '../errors/app-error';

export type RateLimitPolicy = 'api' | 'auth-ip' | 'signin-account';

interface Window {
  startedAt: number;
  hits: number;
}

/**
 * Fixed-window limits kept in process memory; past the limit a key stays blocked until its
 * window ends. Behind several instances each applies its own count (a shared store in
 * PostgreSQL is the upgrade path). @nestjs/throttler was the first choice, but its CommonJS
 * build cannot load ESM-only Nest 12 under the test runner.
 */
@Injectable()
export class RateLimitService implements OnApplicationShutdown {
  private readonly policies: Record<RateLimitPolicy, { limit: number; windowMs: number }>;
  private readonly windows = new Map<string, Window>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.policies = {
      api: { limit: config.RATE_LIMIT_API_PER_MINUTE, windowMs: 60_000 },
      'auth-ip': { limit: config.RATE_LIMIT_AUTH_PER_IP_PER_MINUTE, windowMs: 60_000 },
      'signin-account': { limit: config.RATE_LIMIT_SIGNIN_PER_ACCOUNT_PER_15_MINUTES, windowMs: 15 * 60_000 },
    };
    this.sweeper = setInterval(() => this.sweep(), 60_000);
    this.sweeper.unref();
  }

  /** Counts one hit; throws RATE_LIMITED (with retryAfter in seconds) past the policy's limit. */
  async consume(policy: RateLimitPolicy, key: string): Promise<void> {
    const { limit, windowMs } = this.policies[policy];
    const now = this.clock.now().getTime();
    const id = `${policy}:${key.toLowerCase()}`;
    let w = this.windows.get(id);
    if (!w || now - w.startedAt >= windowMs) {
      w = { startedAt: now, hits: 0 };
      this.windows.set(id, w);
    }
    w.hits++;
    if (w.hits > limit) throw AppError.rateLimited(Math.max(1, Math.ceil((w.startedAt + windowMs - now) / 1000)));
  }

  onApplicationShutdown(): void {
    clearInterval(this.sweeper);
  }

  private sweep(): void {
    const now = this.clock.now().getTime();
    const longest = 15 * 60_000;
    for (const [id, w] of this.windows) if (now - w.startedAt >= longest) this.windows.delete(id);
  }
}
