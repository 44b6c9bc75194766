import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { AppError } from '../../common/errors/app-error';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/config.schema';

/**
 * Per-user send limit (CHAT_RATE_LIMIT_MESSAGES per CHAT_RATE_LIMIT_WINDOW_SECONDS) as a sliding
 * log in process memory: exact within one instance; behind N instances a user spread over them
 * could send up to N times the limit (sockets of one user usually share an instance).
 */
@Injectable()
export class ChatRateLimiter implements OnApplicationShutdown {
  private readonly limit: number;
  private readonly windowMs: number;
  private readonly log = new Map<string, number[]>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.limit = config.CHAT_RATE_LIMIT_MESSAGES;
    this.windowMs = config.CHAT_RATE_LIMIT_WINDOW_SECONDS * 1000;
    this.sweeper = setInterval(() => this.sweep(), 60_000);
    this.sweeper.unref();
  }

  /** Counts one send; throws RATE_LIMITED (retryAfter in seconds) when the window is full. */
  consume(userId: string): void {
    const now = this.clock.now().getTime();
    let times = this.log.get(userId);
    if (!times) {
      times = [];
      this.log.set(userId, times);
    }
    while (times.length && now - times[0] >= this.windowMs) times.shift();
    if (times.length >= this.limit) {
      throw AppError.rateLimited(Math.max(1, Math.ceil((times[0] + this.windowMs - now) / 1000)));
    }
    times.push(now);
  }

  onApplicationShutdown(): void {
    clearInterval(this.sweeper);
  }

  private sweep(): void {
    const now = this.clock.now().getTime();
    for (const [id, times] of this.log) if (!times.length || now - times[times.length - 1] >= this.windowMs) this.log.delete(id);
  }
}
