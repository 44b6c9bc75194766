import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/config.schema';
import { Clock } from '../clock';

/** A job the owning module registers (in its `onModuleInit`); the scheduler decides when and where it runs. */
export interface ScheduledJob {
  /** Stable, dotted name (`bids.expiry`): the interval's name, the advisory lock's key and the log prefix. */
  name: string;
  /** How often it runs on a timer (from config; each setting has an embedded default). */
  everyMs: number;
  /** The work. Its result is returned by `runNow`; a rejection is logged and the next tick tries again. */
  run: () => Promise<unknown>;
  /**
   * true (default): a sweep, run by one instance at a time under a PostgreSQL advisory lock; the
   * other instances skip that tick. false: a wake-up for work every instance may do (the work
   * claims its own rows), run on every instance.
   */
  exclusive?: boolean;
}

export type JobOutcome =
  | { name: string; status: 'ran'; result: unknown; startedAt: Date; finishedAt: Date }
  /** Another instance holds the job's lock, a run is already under way here, or the app is stopping. Not an error. */
  | { name: string; status: 'skipped'; reason: 'locked' | 'running' | 'stopped' };

export interface JobStats {
  ran: number;
  skipped: number;
  failed: number;
  lastRunAt: Date | null;
  lastError: string | null;
}

/** First key of every job lock (the two-int advisory key space, apart from the outbox's and search's bigint keys). */
export const JOB_LOCK_CLASS = 7301;

/** A stable int4 per job name (FNV-1a), the same on every instance and release. */
export function jobLockKey(name: string): number {
  let h = 0x811c9dc5;
  for (const byte of Buffer.from(name, 'utf8')) {
    h ^= byte;
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

interface Registered extends ScheduledJob {
  key: number;
  stats: JobStats;
}

/**
 * The one scheduler of the api (@nestjs/schedule's SchedulerRegistry holds the timers). Modules
 * register their jobs; with SCHEDULER_ENABLED (default) each runs every `everyMs`, and an
 * exclusive job runs inside a transaction holding `pg_try_advisory_xact_lock(JOB_LOCK_CLASS,
 * jobLockKey(name))`, so across all instances on one database a given job runs at most once at a
 * time; the lock ends with the transaction, also when the process dies. Failures are logged and
 * counted, never thrown out of a timer. Tests and the CLI turn the timers off
 * (SCHEDULER_ENABLED=false) and trigger a job with `runNow(name)`.
 */
@Injectable()
export class JobScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Scheduler');
  private readonly jobs = new Map<string, Registered>();
  private readonly running = new Map<string, Promise<JobOutcome>>();
  private started = false;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: SchedulerRegistry,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  register(job: ScheduledJob): void {
    if (this.jobs.has(job.name)) throw new Error(`scheduled job ${job.name} is registered twice`);
    const key = jobLockKey(job.name);
    const clash = [...this.jobs.values()].find((j) => j.key === key);
    if (clash) throw new Error(`scheduled jobs ${clash.name} and ${job.name} share a lock key: rename one`);
    this.jobs.set(job.name, { exclusive: true, ...job, key, stats: { ran: 0, skipped: 0, failed: 0, lastRunAt: null, lastError: null } });
    if (this.started) this.startTimer(job.name);
  }

  /** The registered job names. */
  names(): string[] {
    return [...this.jobs.keys()];
  }

  onApplicationBootstrap(): void {
    if (!this.config.SCHEDULER_ENABLED) return;
    this.started = true;
    for (const name of this.jobs.keys()) this.startTimer(name);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    for (const name of this.jobs.keys()) {
      if (this.registry.doesExist('interval', name)) this.registry.deleteInterval(name);
    }
    await Promise.allSettled([...this.running.values()]);
  }

  /**
   * Runs the job now (under its lock when exclusive) and says whether it ran or was skipped.
   * A failure is logged, counted and rethrown to the caller; the timer swallows it.
   */
  async runNow(name: string): Promise<JobOutcome> {
    const job = this.jobs.get(name);
    if (!job) throw new Error(`no scheduled job named ${name} (registered: ${this.names().join(', ') || 'none'})`);
    if (this.stopped) return this.skip(job, 'stopped');
    if (this.running.has(name)) return this.skip(job, 'running');
    const run = job.exclusive ? this.runLocked(job) : this.execute(job);
    this.running.set(name, run);
    try {
      return await run;
    } finally {
      this.running.delete(name);
    }
  }

  /** How often the job ran, was skipped or failed in this process. */
  stats(name: string): JobStats {
    const job = this.jobs.get(name);
    if (!job) throw new Error(`no scheduled job named ${name}`);
    return { ...job.stats };
  }

  private startTimer(name: string): void {
    const job = this.jobs.get(name)!;
    const timer = setInterval(() => {
      // runNow has logged and counted a failure already; a timer must never reject.
      this.runNow(name).catch(() => undefined);
    }, job.everyMs);
    timer.unref();
    this.registry.addInterval(name, timer);
  }

  private async runLocked(job: Registered): Promise<JobOutcome> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      try {
        const [{ locked }] = await runner.query('SELECT pg_try_advisory_xact_lock($1, $2) AS locked', [JOB_LOCK_CLASS, job.key]);
        if (!locked) return this.skip(job, 'locked');
        return await this.execute(job);
      } finally {
        // Ends the transaction and with it the lock; the job's own writes ran in their own transactions.
        await runner.rollbackTransaction();
      }
    } finally {
      await runner.release();
    }
  }

  private async execute(job: Registered): Promise<JobOutcome> {
    const startedAt = this.clock.now();
    try {
      const result = await job.run();
      job.stats.ran++;
      job.stats.lastRunAt = startedAt;
      return { name: job.name, status: 'ran', result, startedAt, finishedAt: this.clock.now() };
    } catch (err) {
      job.stats.failed++;
      job.stats.lastError = (err as Error)?.message ?? String(err);
      this.logger.error(`${job.name} failed: ${(err as Error)?.stack ?? String(err)}`);
      throw err;
    }
  }

  private skip(job: Registered, reason: 'locked' | 'running' | 'stopped'): JobOutcome {
    job.stats.skipped++;
    if (reason !== 'stopped') this.logger.debug(`${job.name} skipped (${reason})`);
    return { name: job.name, status: 'skipped', reason };
  }
}
