/**
 * JobScheduler on the real database: two schedulers on two connection pools stand for two API
 * instances. An exclusive job runs on one of them at a time (the advisory lock), a skipped run
 * is not an error, a failure is reported and releases the lock, timers run jobs only when enabled.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, testConfig } from '@aimatch/api-testing';
import { SchedulerRegistry } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import { Clock } from '../../clock';
import { JOB_LOCK_CLASS, jobLockKey, type JobOutcome, JobScheduler, type ScheduledJob } from '../job-scheduler.service';
import { RATE_LIMIT_CLEANUP_JOB, registerRateLimitCleanup } from '../../rate-limit/rate-limit.jobs';

const gates: Array<() => void> = [];
/** A promise the test opens when it wants the job to finish (a failed test's gates open after it). */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  gates.push(open);
  return { opened, open };
}

/** The first of the runs to settle, or a failure when none does in time (both would be inside the job without the lock). */
function firstSettled<T>(runs: Array<Promise<T>>, what: string, timeoutMs = 5000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: none settled`)), timeoutMs)));
  return Promise.race([...runs, deadline]).finally(() => clearTimeout(timer));
}

async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('JobScheduler', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let one: DataSource;
  let two: DataSource;
  const schedulers: JobScheduler[] = [];

  const scheduler = (ds: DataSource, enabled = false) => {
    const s = new JobScheduler(ds, new SchedulerRegistry(), new Clock(), {
      ...testConfig(db.url),
      SCHEDULER_ENABLED: enabled,
    });
    schedulers.push(s);
    return s;
  };
  /** The same job (same name, same work) registered on both instances. */
  const onBoth = (job: ScheduledJob, a = scheduler(one), b = scheduler(two)) => {
    a.register(job);
    b.register(job);
    return [a, b] as const;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    one = await new DataSource({ type: 'postgres', url: db.url }).initialize();
    two = await new DataSource({ type: 'postgres', url: db.url }).initialize();
  });
  afterEach(async () => {
    gates.splice(0).forEach((open) => open());
    await Promise.all(schedulers.splice(0).map((s) => s.beforeApplicationShutdown()));
  });
  afterAll(async () => {
    await one?.destroy();
    await two?.destroy();
    await db?.drop();
  });

  it('runs an exclusive job once when two instances trigger it at the same moment', async () => {
    const g = gate();
    let runs = 0;
    const [a, b] = onBoth({
      name: 'test.sweep',
      everyMs: 60_000,
      run: async () => {
        runs++;
        await g.opened;
        return 'swept';
      },
    });
    const first = a.runNow('test.sweep');
    const second = b.runNow('test.sweep');
    // Whichever got the lock waits at the gate; the other one has been skipped meanwhile.
    const settled = await firstSettled([first, second], 'a skipped instance');
    expect(settled).toEqual({ name: 'test.sweep', status: 'skipped', reason: 'locked' });
    g.open();
    const outcomes = await Promise.all([first, second]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['ran', 'skipped']);
    expect(outcomes.find((o) => o.status === 'ran')).toMatchObject({ result: 'swept' });
    expect(runs).toBe(1);
    expect(a.stats('test.sweep').ran + b.stats('test.sweep').ran).toBe(1);
    expect(a.stats('test.sweep').skipped + b.stats('test.sweep').skipped).toBe(1);

    // The lock ended with the run: the next trigger runs again.
    expect((await b.runNow('test.sweep')).status).toBe('ran');
    expect(runs).toBe(2);
  });

  it('holds the lock in PostgreSQL on a stable key per job name, and only for that job', async () => {
    const g = gate();
    const [a] = onBoth({ name: 'test.held', everyMs: 60_000, run: () => g.opened });
    const [c, d] = onBoth({ name: 'test.other', everyMs: 60_000, run: async () => 'other' });
    const held = a.runNow('test.held');
    const key = jobLockKey('test.held');
    await until(
      async () =>
        (
          await two.query(
            `SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted AND classid = $1::int::oid AND objid = ($2::int::bigint & 4294967295)::oid AND objsubid = 2`,
            [JOB_LOCK_CLASS, key],
          )
        ).length === 1,
      'the advisory lock',
    );
    expect(jobLockKey('test.held')).toBe(key);
    // Another job is not held up.
    expect((await c.runNow('test.other')).status).toBe('ran');
    expect((await d.runNow('test.other')).status).toBe('ran');
    g.open();
    expect((await held).status).toBe('ran');
  });

  it('skips a second run on the same instance while one is under way', async () => {
    const g = gate();
    const s = scheduler(one);
    s.register({ name: 'test.slow', everyMs: 60_000, run: () => g.opened });
    const first = s.runNow('test.slow');
    expect(await s.runNow('test.slow')).toEqual({ name: 'test.slow', status: 'skipped', reason: 'running' });
    g.open();
    expect((await first).status).toBe('ran');
  });

  it('reports a failure to the caller, counts it and releases the lock', async () => {
    let fail = true;
    const [a, b] = onBoth({
      name: 'test.flaky',
      everyMs: 60_000,
      run: async () => {
        if (fail) throw new Error('sweep broke');
        return 'fine';
      },
    });
    await expect(a.runNow('test.flaky')).rejects.toThrow('sweep broke');
    expect(a.stats('test.flaky')).toMatchObject({ ran: 0, failed: 1, lastError: 'sweep broke' });
    fail = false;
    expect(await b.runNow('test.flaky')).toMatchObject({ status: 'ran', result: 'fine' });
  });

  it('runs a non-exclusive job on every instance at once', async () => {
    const g = gate();
    let inside = 0;
    const [a, b] = onBoth({
      name: 'test.wakeup',
      everyMs: 60_000,
      exclusive: false,
      run: async () => {
        inside++;
        await g.opened;
      },
    });
    const runs = [a.runNow('test.wakeup'), b.runNow('test.wakeup')];
    await until(() => inside === 2, 'both instances inside the job');
    g.open();
    expect((await Promise.all(runs)).map((o: JobOutcome) => o.status)).toEqual(['ran', 'ran']);
  });

  it('offers the rate-limit cleanup as an exclusive job around the limiter’s callback', async () => {
    const g = gate();
    let deletions = 0;
    const deleteExpired = async () => {
      deletions++;
      await g.opened;
      return 3;
    };
    const [a, b] = [scheduler(one), scheduler(two)];
    for (const s of [a, b]) registerRateLimitCleanup(s, testConfig(db.url), deleteExpired);
    const runs = [a.runNow(RATE_LIMIT_CLEANUP_JOB), b.runNow(RATE_LIMIT_CLEANUP_JOB)];
    expect(await firstSettled(runs, 'a skipped instance')).toMatchObject({ status: 'skipped', reason: 'locked' });
    g.open();
    expect((await Promise.all(runs)).find((o) => o.status === 'ran')).toMatchObject({ result: 3 });
    expect(deletions).toBe(1);
  });

  it('rejects an unknown job and a name registered twice', async () => {
    const s = scheduler(one);
    s.register({ name: 'test.once', everyMs: 60_000, run: async () => undefined });
    expect(() => s.register({ name: 'test.once', everyMs: 60_000, run: async () => undefined })).toThrow('registered twice');
    await expect(s.runNow('test.nope')).rejects.toThrow('no scheduled job named test.nope');
  });

  it('runs jobs on timers only when enabled, survives a failing tick and stops on shutdown', async () => {
    let ticks = 0;
    let failures = 0;
    const off = scheduler(one, false);
    off.register({ name: 'test.timer', everyMs: 5, run: async () => void ticks++ });
    off.onApplicationBootstrap();
    const on = scheduler(two, true);
    on.register({ name: 'test.timer', everyMs: 5, run: async () => void ticks++ });
    on.register({
      name: 'test.timer-fails',
      everyMs: 5,
      run: async () => {
        failures++;
        throw new Error('tick broke');
      },
    });
    on.onApplicationBootstrap();
    await until(() => ticks >= 3 && failures >= 3, 'three ticks of each job');
    expect(off.stats('test.timer').ran).toBe(0);
    expect(on.stats('test.timer-fails').failed).toBeGreaterThanOrEqual(3);

    await on.beforeApplicationShutdown();
    const after = on.stats('test.timer').ran + on.stats('test.timer').skipped;
    expect(await on.runNow('test.timer')).toEqual({ name: 'test.timer', status: 'skipped', reason: 'stopped' });
    // No timer left: a later manual run on the stopped scheduler is the only thing that counted.
    expect(on.stats('test.timer').ran + on.stats('test.timer').skipped).toBe(after + 1);
  });
});
