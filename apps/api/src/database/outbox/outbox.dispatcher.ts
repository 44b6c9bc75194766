import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { JobScheduler } from '../../common/scheduling/job-scheduler.service';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/config.schema';
import { TransactionService } from '../transaction.service';
import type { OutboxEventEntity } from './outbox-event.entity';

export type OutboxHandler = (event: OutboxEventEntity) => Promise<void>;

/** Advisory-lock key: one active dispatcher across all API instances. */
const DISPATCHER_LOCK = 7_301_001;
const BATCH = 50;
export const MAX_ATTEMPTS = 8;
/** The poll that picks up events whose back-off ended (commits wake the dispatcher themselves). */
export const OUTBOX_POLL_JOB = 'outbox.poll';

/**
 * Drains the outbox after commits and on a timer: at least once (handlers must be idempotent),
 * in order per aggregate (an event waits while an earlier one of its aggregate is pending),
 * with exponential back-off, parking an event after MAX_ATTEMPTS failures.
 *
 * The timer is the scheduler's OUTBOX_POLL_JOB, registered non-exclusive: it is a wake-up, not a
 * sweep. Every instance may poll; `drain` itself takes the one-dispatcher advisory lock and an
 * instance that does not get it simply returns.
 */
@Injectable()
export class OutboxDispatcher implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Outbox');
  private readonly handlers = new Map<string, OutboxHandler[]>();
  private draining?: Promise<number>;
  private again = false;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    transactions: TransactionService,
    private readonly scheduler: JobScheduler,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    transactions.onCommitted(() => this.wake());
  }

  register(eventType: string, handler: OutboxHandler): void {
    this.handlers.set(eventType, [...(this.handlers.get(eventType) ?? []), handler]);
  }

  onModuleInit(): void {
    this.scheduler.register({
      name: OUTBOX_POLL_JOB,
      everyMs: this.config.OUTBOX_POLL_MS,
      exclusive: false,
      run: async () => this.wake(),
    });
  }

  onApplicationBootstrap(): void {
    this.wake();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.draining?.catch(() => undefined);
  }

  /** Asks for a drain soon; coalesces calls made while one is running. */
  wake(): void {
    if (this.stopped) return;
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = this.drain()
      .catch((err) => {
        this.logger.error(`outbox drain failed: ${(err as Error).message}`);
        return 0;
      })
      .finally(() => {
        this.draining = undefined;
        if (this.again) {
          this.again = false;
          setImmediate(() => this.wake());
        }
      });
  }

  /** Handles every ready event; returns how many were processed. Exposed for tests and the CLI. */
  async drain(): Promise<number> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = await runner.query('SELECT pg_try_advisory_lock($1) AS locked', [DISPATCHER_LOCK]);
      if (!locked) return 0;
      try {
        let processed = 0;
        for (;;) {
          const batch: OutboxEventEntity[] = await this.dataSource.query(
            `SELECT o.id, o.aggregate_type AS "aggregateType", o.aggregate_id AS "aggregateId",
                    o.event_type AS "eventType", o.payload, o.attempts, o.created_at AS "createdAt"
               FROM outbox o
              WHERE o.processed_at IS NULL AND o.parked_at IS NULL AND o.available_at <= now()
                AND NOT EXISTS (SELECT 1 FROM outbox p
                                 WHERE p.aggregate_type = o.aggregate_type AND p.aggregate_id = o.aggregate_id
                                   AND p.id < o.id AND p.processed_at IS NULL AND p.parked_at IS NULL
                                   AND p.available_at > now())
              ORDER BY o.id LIMIT $1`,
            [BATCH],
          );
          if (batch.length === 0 || this.stopped) return processed;
          // Several events of one aggregate may share a batch (its earlier pending events are all ready,
          // hence earlier in this id-ordered batch): handle them in order and stop that aggregate at its
          // first failure, so a backlog drains in one pass instead of one event per poll.
          const failed = new Set<string>();
          for (const event of batch) {
            const aggregate = `${event.aggregateType}\u0000${event.aggregateId}`;
            if (failed.has(aggregate)) continue;
            if (await this.handle(event)) processed++;
            else failed.add(aggregate);
          }
          if (batch.length < BATCH) return processed;
        }
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1)', [DISPATCHER_LOCK]);
      }
    } finally {
      await runner.release();
    }
  }

  private async handle(event: OutboxEventEntity): Promise<boolean> {
    try {
      for (const handler of this.handlers.get(event.eventType) ?? []) await handler(event);
      await this.dataSource.query('UPDATE outbox SET processed_at = now(), attempts = attempts + 1 WHERE id = $1', [event.id]);
      return true;
    } catch (err) {
      const attempts = event.attempts + 1;
      const park = attempts >= MAX_ATTEMPTS;
      const delayMs = Math.min(2 ** attempts * 250, 5 * 60_000);
      await this.dataSource.query(
        `UPDATE outbox SET attempts = $2, last_error = $3,
                available_at = now() + ($4 || ' milliseconds')::interval,
                parked_at = CASE WHEN $5 THEN now() ELSE NULL END
          WHERE id = $1`,
        [event.id, attempts, String((err as Error)?.stack ?? err).slice(0, 4000), String(delayMs), park],
      );
      this.logger[park ? 'error' : 'warn'](
        `${park ? 'parked' : 'retrying'} outbox event ${event.id} ${event.eventType}: ${(err as Error)?.message}`,
      );
      return false;
    }
  }

  /**
   * Runs `work` while no instance dispatches: holds the one-dispatcher advisory lock (waiting for a
   * drain in progress to finish). Events committed meanwhile wait in the outbox and are handled
   * after it (the search reindex into Meilisearch uses it so that no change goes to the old index).
   */
  async whilePaused<T>(work: () => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SELECT pg_advisory_lock($1)', [DISPATCHER_LOCK]);
      try {
        return await work();
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1)', [DISPATCHER_LOCK]);
      }
    } finally {
      await runner.release();
    }
  }
}
