import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Progressive back-off counters (common/rate-limit, `RateLimiter.claimAttempt` / `recordFailure` /
 * `clearFailures`; #13 M4): one row per policy and key (`<policy>:<key>`) with the failures counted
 * so far, the earliest time the next attempt is allowed (`next_at`) and when the row is forgotten
 * (`expire_at`, pushed on by every failure; the scheduled clean-up deletes rows past it). Unlike
 * `rate_limits` (fixed windows of rate-limiter-flexible) these times come from the API's Clock.
 */
export class RateBackoffs1763902200000 implements MigrationInterface {
  name = 'RateBackoffs1763902200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rate_backoffs (
        key text PRIMARY KEY,
        failures integer NOT NULL CHECK (failures >= 0),
        next_at timestamptz NOT NULL,
        expire_at timestamptz NOT NULL
      );
      CREATE INDEX rate_backoffs_expire_idx ON rate_backoffs (expire_at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE rate_backoffs;');
  }
}
