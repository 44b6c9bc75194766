import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rate-limit counters shared by every API instance (rate-limiter-flexible's PostgreSQL store,
 * which is told the table exists and never creates it): one row per policy and key
 * (`<policy>:<key>`), the points consumed in the current fixed window and when that window ends
 * (epoch milliseconds). The column order is the store's (it inserts without a column list). A
 * scheduled job deletes rows whose window ended (`RateLimiter.deleteExpired`), by `expire`.
 * `key` is text rather than the store's varchar(255): an e-mail key with its prefix can be longer.
 */
export class RateLimits1763900800000 implements MigrationInterface {
  name = 'RateLimits1763900800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rate_limits (
        key text PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      );
      CREATE INDEX rate_limits_expire_idx ON rate_limits (expire);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE rate_limits;');
  }
}
