// `npm run bench:outbox`: how fast the outbox drains one recipient's backlog after an outage (#13:
// with one event per aggregate per pass, a backlog of this kind took 8 minutes). Creates EVENTS/2
// notifications for ONE user while the dispatcher is held off (its advisory lock taken, as when the
// API was down), so each leaves two events of one aggregate (in-app push + e-mail written as .eml);
// then lets the dispatcher go and times until the user's outbox is empty.
// Last line: `{"events":…,"drain_ms":…,"events_per_s":…}`.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { api, dist, require, signUpVerified, withThrowawayApp } from './boot.mjs';

const { DataSource } = require('typeorm');
const { TransactionService } = api('database/transaction.service.js');
const { OutboxDispatcher } = api('database/outbox/outbox.dispatcher.js');
const { NotificationsService } = api('modules/notifications/notifications.service.js');
const { businessRegistrationCheckDigit } = dist('libs/validation/src/index.js');

const EVENTS = Number(process.env.EVENTS ?? 1000);
const DISPATCHER_LOCK = 7_301_001;
const mailDir = mkdtempSync(join(tmpdir(), 'aimatch-bench-mail-'));
const brn = () => {
  const first9 = String(100_000_000 + Math.floor(Math.random() * 899_999_999));
  return first9 + businessRegistrationCheckDigit(first9);
};

try {
  await withThrowawayApp(
    { MAIL_DIR: mailDir, SEED_DEMO: 'false', SCHEDULER_ENABLED: 'false', RATE_LIMIT_AUTH_PER_IP_PER_MINUTE: '1000' },
    async (app) => {
      const email = `outbox-bench-${Date.now()}@example.kr`;
      await signUpVerified(app, {
        email,
        password: 'correct-horse-battery-9',
        displayName: '벤치',
        organization: { kind: 'SME', nameKo: '아웃박스 벤치', businessRegistrationNumber: brn(), regionId: 'urn:aimatch:region:seoul' },
      });
      const ds = app.get(DataSource);
      const dispatcher = app.get(OutboxDispatcher);
      const [{ id: userId }] = await ds.query('SELECT id FROM users WHERE email = $1', [email]);
      const pending = async () =>
        (await ds.query(`SELECT count(*)::int AS n FROM outbox WHERE aggregate_id = $1 AND processed_at IS NULL`, [userId]))[0].n;
      while ((await pending()) > 0) await new Promise((r) => setTimeout(r, 20));

      // "The API is down": the dispatcher's lock is held elsewhere, so commits cannot drain.
      const holder = ds.createQueryRunner();
      await holder.connect();
      await holder.query('SELECT pg_advisory_lock($1)', [DISPATCHER_LOCK]);
      const notifications = app.get(NotificationsService);
      for (let i = 0; i < EVENTS / 2; i += 50) {
        await app.get(TransactionService).run(async (tx) => {
          for (let j = i; j < Math.min(i + 50, EVENTS / 2); j++) {
            await notifications.notifyUsers(tx, [userId], 'LISTING_APPROVED', { listingId: `bench-${j}`, title: `벤치 공고 ${j}` });
          }
        });
      }
      const backlog = await pending();
      await holder.query('SELECT pg_advisory_unlock($1)', [DISPATCHER_LOCK]);
      await holder.release();

      const started = performance.now();
      dispatcher.wake();
      while ((await pending()) > 0) {
        if (performance.now() - started > 600_000) throw new Error('backlog not drained within 10 minutes');
        await new Promise((r) => setTimeout(r, 5));
      }
      const ms = performance.now() - started;
      const mails = readdirSync(mailDir).filter((f) => f.endsWith('.eml')).length;
      console.log(`one user's backlog of ${backlog} outbox events (${mails} e-mails written) drained in ${ms.toFixed(0)} ms`);
      console.log(JSON.stringify({ events: backlog, drain_ms: Math.round(ms), events_per_s: Math.round((backlog / ms) * 1000) }));
    },
  );
} finally {
  rmSync(mailDir, { recursive: true, force: true });
}
