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

  // --- progressive back-off (rate_backoffs) ------------------------------------------------------

  /** The key's live back-off row (failures not yet forgotten at `now`), or null. */
  async backoff(key: string, now: Date): Promise<{ failures: number; nextAt: Date } | null> {
    const rows: Array<{ failures: number; nextAt: Date }> = await this.dataSource.query(
      'SELECT failures, next_at AS "nextAt" FROM rate_backoffs WHERE key = $1 AND expire_at > $2',
      [key, now],
    );
    return rows[0] ?? null;
  }

  /** Moves `next_at` from `expectedNextAt` to `nextAt` unless another attempt did first (compare-and-set); true when this one did. */
  async claimBackoff(key: string, failures: number, expectedNextAt: Date, nextAt: Date): Promise<boolean> {
    const result: unknown = await this.dataSource.query(
      'UPDATE rate_backoffs SET next_at = $4 WHERE key = $1 AND failures = $2 AND next_at = $3',
      [key, failures, expectedNextAt, nextAt],
    );
    return Array.isArray(result) && result[1] === 1;
  }

  /** Counts one failure (restarting from one when the old ones were forgotten); returns the count. */
  async addFailure(key: string, now: Date, expireAt: Date): Promise<number> {
    const rows: Array<{ failures: number }> = await this.dataSource.query(
      `INSERT INTO rate_backoffs AS b (key, failures, next_at, expire_at) VALUES ($1, 1, $2, $3)
       ON CONFLICT (key) DO UPDATE
         SET failures = CASE WHEN b.expire_at > $2 THEN b.failures + 1 ELSE 1 END, expire_at = $3
       RETURNING failures`,
      [key, now, expireAt],
    );
    return rows[0].failures;
  }

  /** Sets when the next attempt after failure number `failures` is allowed (unless a later failure already moved it). */
  async setBackoffUntil(key: string, failures: number, nextAt: Date): Promise<void> {
    await this.dataSource.query('UPDATE rate_backoffs SET next_at = $3 WHERE key = $1 AND failures = $2', [key, failures, nextAt]);
  }

  async clearBackoff(key: string): Promise<void> {
    await this.dataSource.query('DELETE FROM rate_backoffs WHERE key = $1', [key]);
  }

  /** Deletes the back-off rows forgotten before `before`; returns how many. */
  async deleteExpiredBackoffs(before: Date): Promise<number> {
    const result: unknown = await this.dataSource.query('DELETE FROM rate_backoffs WHERE expire_at < $1', [before]);
    return Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
  }
}
