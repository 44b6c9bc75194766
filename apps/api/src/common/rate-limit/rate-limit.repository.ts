import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** The `rate_limits` table's housekeeping; the counters themselves are written by rate-limiter-flexible's PostgreSQL store. */
@Injectable()
export class RateLimitRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Deletes the counters whose window ended before `beforeMs` (epoch ms); returns how many. */
  async deleteExpired(beforeMs: number): Promise<number> {
    const result: unknown = await this.dataSource.query('DELETE FROM rate_limits WHERE expire < $1', [beforeMs]);
    return Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
  }
}
