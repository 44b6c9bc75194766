/**
 * Instance safety (#18 item 4): two production-build API processes on one PostgreSQL drain one
 * outbox; the one holding the dispatcher's advisory lock is SIGKILLed mid-batch. The other takes
 * over (the lock dies with the killed connection), nothing is lost, and every notification
 * e-mail reaches the SMTP server once — the mailer's `emailed_at` check stops a second send of
 * an event that was mailed but not yet marked processed when its process died. The one window
 * left is between the SMTP server's acceptance and the `emailed_at` update (a millisecond): a
 * kill exactly there sends that message again under the same Message-ID; the test allows that
 * one and prints it.
 *
 * Needs the API build (`npm run build:api`; `npm test` builds it first); skipped without one.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase } from '@aimatch/api-testing';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';

const MAIN = 'dist/apps/api/apps/api/src/main.js';
const built = existsSync(MAIN);
const maybe = built ? it : it.skip;
const EVENTS = 100;

const poll = async <T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 40_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};

describe('the outbox under two processes and a SIGKILL', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let pool: pg.Pool;
  let smtp: SMTPServer;
  let smtpPort = 0;
  const received: string[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'aimatch-two-'));
  const children = new Map<string, { child: ChildProcess; port: number }>();

  beforeAll(async () => {
    if (!built) return;
    db = await createTestDatabase();
    pool = new pg.Pool({ connectionString: db.url, max: 2 });
    smtp = new SMTPServer({
      disabledCommands: ['STARTTLS', 'AUTH'],
      authOptional: true,
      logger: false,
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          // A little slow, like a real server: the batch is still running when the kill comes.
          setTimeout(() => {
            received.push(/^Message-ID: <([^>]+)>/im.exec(Buffer.concat(chunks).toString('utf8'))?.[1] ?? '?');
            callback();
          }, 10);
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
    smtpPort = (smtp.server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    for (const { child } of children.values()) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    if (!built) return;
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    await pool.end();
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  function start(name: string, port: number): ChildProcess {
    const child = spawn(process.execPath, [MAIN], {
      env: {
        ...process.env,
        NODE_ENV: 'development',
        DATABASE_URL: `${db.url}${db.url.includes('?') ? '&' : '?'}application_name=aimatch-${name}`,
        DATA_DIR: dataDir,
        PORT: String(port),
        HOST: '127.0.0.1',
        SEED_DEMO: 'false',
        LOG_LEVEL: 'error',
        OUTBOX_POLL_MS: '100',
        SCHEDULER_ENABLED: 'true',
        SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
        SEARCH_SNAPSHOT: 'false',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    children.set(name, { child, port });
    return child;
  }

  maybe(
    built
      ? 'hands every event to exactly one process and loses none when the lock holder is killed mid-batch'
      : 'two processes (skipped: no API build)',
    async () => {
      const t0 = Date.now();
      const base = 4300 + Math.floor(Math.random() * 500);
      start('a', base);
      start('b', base + 1);
      for (const { port } of children.values()) await poll('ready', async () => (await fetch(`http://127.0.0.1:${port}/ready`)).ok, 50_000);

      const readyAt = Date.now() - t0;
      // A burst: notification e-mails for a few users, queued in one transaction as the services would.
      const users = (
        await pool.query(
          `INSERT INTO users (email, password_hash, display_name)
         SELECT 'two-' || g || '@example.kr', 'x', '사용자' || g FROM generate_series(1, 4) g RETURNING id`,
        )
      ).rows as Array<{ id: string }>;
      await pool.query(
        `WITH n AS (
           INSERT INTO notifications (user_id, type, payload, in_app, email)
           SELECT ($1::uuid[])[1 + g % 4], 'MATCH_ALERT', jsonb_build_object('demandId', gen_random_uuid(), 'title', '수요 ' || g, 'score', 0.5), false, true
             FROM generate_series(1, $2) g RETURNING id, user_id)
         INSERT INTO outbox (aggregate_type, aggregate_id, event_type, payload)
         SELECT 'user', user_id::text, 'notification.email', jsonb_build_object('notificationId', id, 'userId', user_id, 'type', 'MATCH_ALERT') FROM n`,
        [users.map((u) => u.id), EVENTS],
      );

      // The process holding the dispatcher lock, once it is well into the batch.
      await poll('a quarter mailed', async () => received.length >= EVENTS / 4);
      const holder = await poll('the lock holder', async () => {
        const [row] = (
          await pool.query(
            `SELECT a.application_name AS name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'advisory' AND l.objid = 7301001 AND l.granted`,
          )
        ).rows as Array<{ name: string }>;
        return row?.name.replace('aimatch-', '');
      });
      const victim = children.get(holder)!.child;
      const exited = new Promise((r) => victim.once('exit', r));
      victim.kill('SIGKILL');
      await exited;
      const atKill = received.length;
      expect(atKill).toBeLessThan(EVENTS); // it died mid-batch

      // The survivor takes the lock and finishes; nothing is lost or parked.
      await poll(
        'every event processed',
        async () => Number((await pool.query(`SELECT count(*) FROM outbox WHERE processed_at IS NULL`)).rows[0].count) === 0,
      );
      const [state] = (
        await pool.query(
          `SELECT count(*) FILTER (WHERE parked_at IS NOT NULL)::int AS parked,
                (SELECT count(*) FROM notifications WHERE emailed_at IS NULL)::int AS unmailed FROM outbox`,
        )
      ).rows as Array<{ parked: number; unmailed: number }>;
      expect(state).toEqual({ parked: 0, unmailed: 0 });
      const ids = (await pool.query(`SELECT id FROM notifications`)).rows.map((r: { id: string }) => r.id);
      const unique = new Set(received);
      expect([...unique].sort()).toEqual(ids.map((id) => `${id}@aimatch.local`).sort());
      const duplicates = received.length - unique.size;
      console.log(
        `two processes: ${EVENTS} e-mail events, killed ${holder} after ${atKill} sent; ${unique.size} delivered, ${duplicates} sent twice (ready in ${readyAt} ms, all done in ${Date.now() - t0} ms)`,
      );
      expect(duplicates).toBeLessThanOrEqual(1);
    },
    60_000,
  );
});
