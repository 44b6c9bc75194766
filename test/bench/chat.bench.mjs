// `npm run bench:chat [-- --clients 1000 --rate 300 --seconds 60 --instances 1|2 --kill-one]`:
// real socket.io clients on loopback, two per conversation, sending at a total rate for a duration
// against 1 or 2 built API processes (CHAT_ADAPTER=postgres with 2) on a throw-away embedded
// PostgreSQL. With --kill-one (implies 2 instances) one instance is killed with SIGKILL half-way:
// its clients reconnect to the survivor, resend unacknowledged messages (same clientMessageId)
// and sync from their last contiguous seq. Reports send→receive latency of live deliveries,
// acknowledged messages each recipient lacks at the end (lost), messages a recipient holds twice
// or the database stores twice (dup), and server CPU and RSS.
// Last line: `instances=<n> p50_ms=… p99_ms=… lost=… dup=…`.
import { spawn } from 'node:child_process';
import { createHmac, randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

const require = createRequire(resolve('package.json'));
const dist = (p) => require(resolve('dist/apps/api/apps/api/src', p));
const SECRET = 'bench-access-secret-0123456789abcdef0123456789';

function flag(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = process.argv[i + 1];
  return v === undefined || v.startsWith('--') ? true : v;
}

// ---- one API instance (child process) --------------------------------------------------------
if (process.argv.includes('--serve')) {
  const { createApp } = dist('app.factory.js');
  const { loadConfig } = dist('config/load-config.js');
  const config = loadConfig(process.env);
  const app = await createApp(config);
  await app.listen({ port: 0, host: '127.0.0.1' });
  process.send?.({ ready: app.getHttpServer().address().port });
  process.on('SIGTERM', () => app.close().finally(() => process.exit(0)));
} else {
  await main();
}

async function main() {
  const CLIENTS = Number(flag('clients', 1000));
  const RATE = Number(flag('rate', 300));
  const SECONDS = Number(flag('seconds', 60));
  const KILL = flag('kill-one', false) === true;
  const INSTANCES = KILL ? 2 : Number(flag('instances', 1));
  if (CLIENTS < 2 || CLIENTS % 2 || ![1, 2].includes(INSTANCES)) throw new Error('--clients must be even and ≥ 2, --instances 1 or 2');
  const { io } = require('socket.io-client');
  const pg = require('pg');
  const { resolveDatabase } = dist('database/embedded-postgres.js');

  const dataDir = mkdtempSync(join(tmpdir(), 'aimatch-chat-bench-'));
  chmodSync(dataDir, 0o755);
  const db = await resolveDatabase({ DATA_DIR: dataDir, EMBEDDED_PG_PORT: 0 });
  const children = [];
  const cleanup = async () => {
    for (const c of children) if (c.exitCode === null && !c.killed) c.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    await db.embedded?.stop().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const env = {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: db.url,
      JWT_ACCESS_SECRET: SECRET,
      JWT_REFRESH_SECRET: 'bench-refresh-secret-0123456789abcdef012345678',
      LOG_LEVEL: 'error',
      SEED_DEMO: 'false',
      CHAT_ADAPTER: INSTANCES > 1 ? 'postgres' : 'memory',
      DATA_DIR: dataDir,
      WEB_DIST_DIR: join(dataDir, 'no-web'),
    };
    const start = () =>
      new Promise((res, rej) => {
        const child = spawn(process.execPath, [process.argv[1], '--serve'], { env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
        children.push(child);
        child.once('message', (m) => res({ child, url: `http://127.0.0.1:${m.ready}` }));
        child.once('exit', (code) => rej(new Error(`instance exited with ${code}`)));
      });
    const instances = [];
    for (let i = 0; i < INSTANCES; i++) instances.push(await start()); // one at a time: the first runs the migrations
    const urls = instances.map((i) => i.url);

    // ---- data: one SME and one supplier organization and user per conversation ---------------
    const pool = new pg.Pool({ connectionString: db.url, max: 4 });
    const conversations = CLIENTS / 2;
    const users = (
      await pool.query(
        `INSERT INTO users (email, password_hash, display_name) SELECT 'bench' || g || '@example.kr', 'x', 'bench ' || g FROM generate_series(1, $1) g RETURNING id`,
        [CLIENTS],
      )
    ).rows.map((r) => r.id);
    const orgs = (
      await pool.query(
        `INSERT INTO organizations (kind, name_ko, business_registration_number)
       SELECT CASE WHEN g % 2 = 0 THEN 'SME' ELSE 'AI_SUPPLIER' END, '벤치 ' || g, lpad(g::text, 10, '0') FROM generate_series(1, $1) g RETURNING id`,
        [CLIENTS],
      )
    ).rows.map((r) => r.id);
    await pool.query(
      `INSERT INTO memberships (user_id, organization_id, role) SELECT u, o, 'OWNER' FROM unnest($1::uuid[], $2::uuid[]) AS x(u, o)`,
      [users, orgs],
    );
    const convIds = [];
    for (let c = 0; c < conversations; c++) {
      const [a, b] = [orgs[2 * c], orgs[2 * c + 1]].sort();
      const { rows } = await pool.query(
        `WITH c AS (INSERT INTO conversations (context_type, context_id, organization_low, organization_high) VALUES ('DEMAND', gen_random_uuid(), $1, $2) RETURNING id)
         INSERT INTO conversation_participants (conversation_id, organization_id) SELECT id, $1 FROM c UNION ALL SELECT id, $2 FROM c RETURNING conversation_id`,
        [a, b],
      );
      convIds.push(rows[0].conversation_id);
    }
    const b64 = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const token = (sub) => {
      const head = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub, sid: randomUUID(), iss: 'aimatch', iat: now, exp: now + 3600 })}`;
      return `${head}.${createHmac('sha256', SECRET).update(head).digest('base64url')}`;
    };

    // ---- clients ---------------------------------------------------------------------------
    const sentAt = new Map(); // clientMessageId -> first send time
    const acked = new Map(); // clientMessageId -> { conv, seq, id, sender }
    const latencies = [];
    let wireDuplicates = 0;
    let liveDelivered = 0;
    let rateLimited = 0;
    let otherErrors = 0;
    let retries = 0;
    let reconnects = 0;
    const alive = new Set(urls);

    const clients = users.map((userId, i) => ({
      i,
      userId,
      token: token(userId),
      conv: convIds[Math.floor(i / 2)],
      url: urls[i % urls.length],
      socket: null,
      have: new Map(), // seq -> id (the recipient's timeline)
      contiguous: 0,
      pending: new Map(), // clientMessageId -> payload, until acked
      syncing: false,
      counter: 0,
    }));

    const record = (cl, m, live) => {
      const prev = cl.have.get(m.seq);
      if (prev !== undefined) {
        if (live) wireDuplicates++;
        return;
      }
      cl.have.set(m.seq, m.id);
      if (live && m.senderUserId !== cl.userId) {
        liveDelivered++;
        const t0 = sentAt.get(m.clientMessageId);
        if (t0 !== undefined) latencies.push(performance.now() - t0);
      }
      while (cl.have.has(cl.contiguous + 1)) cl.contiguous++;
    };
    const sync = async (cl) => {
      if (cl.syncing || !cl.socket?.connected) return;
      cl.syncing = true;
      try {
        for (;;) {
          const r = await cl.socket.timeout(10_000).emitWithAck('sync', { conversationId: cl.conv, afterSeq: cl.contiguous });
          if (r.error) break;
          for (const m of r.messages) record(cl, m, false);
          if (!r.hasMore) break;
        }
      } catch {
        /* disconnected mid-sync: the next connect syncs again */
      } finally {
        cl.syncing = false;
      }
    };
    const emitSend = (cl, payload) => {
      cl.socket.timeout(10_000).emit('send', payload, (err, r) => {
        if (err) return; // no ack (instance died): resent on the next connect
        if (r.error) {
          if (r.error.code === 'RATE_LIMITED') rateLimited++;
          else otherErrors++;
          cl.pending.delete(payload.clientMessageId);
          return;
        }
        cl.pending.delete(payload.clientMessageId);
        acked.set(payload.clientMessageId, { conv: cl.conv, seq: r.seq, id: r.id, sender: cl.i });
        record(cl, { seq: r.seq, id: r.id, senderUserId: cl.userId }, false);
      });
    };
    const connect = (cl) =>
      new Promise((res) => {
        const s = io(`${cl.url}/chat`, { auth: { token: cl.token }, transports: ['websocket'], reconnection: false, forceNew: true });
        cl.socket = s;
        s.on('message', (m) => {
          record(cl, m, true);
          if (m.seq > cl.contiguous + 1) void sync(cl); // a gap: fetch what is missing
        });
        s.on('connect', async () => {
          try {
            await s.timeout(10_000).emitWithAck('join', { conversationId: cl.conv });
            await sync(cl);
            for (const payload of cl.pending.values()) {
              retries++;
              emitSend(cl, payload);
            }
          } catch {
            /* handled by disconnect */
          }
          res();
        });
        const retry = () => {
          s.removeAllListeners();
          s.close();
          if (stopping) return res();
          reconnects++;
          const others = urls.filter((u) => alive.has(u));
          cl.url = others.length ? (others[(urls.indexOf(cl.url) + 1) % others.length] ?? others[0]) : cl.url;
          setTimeout(() => connect(cl).then(res), 200 + Math.random() * 800);
        };
        s.on('disconnect', retry);
        s.on('connect_error', retry);
      });
    let stopping = false;

    const t0c = performance.now();
    for (let k = 0; k < clients.length; k += 50) await Promise.all(clients.slice(k, k + 50).map(connect));
    console.log(
      `${CLIENTS} clients connected to ${INSTANCES} instance(s) in ${((performance.now() - t0c) / 1000).toFixed(1)} s; ${conversations} conversations`,
    );

    // ---- server resource sampling ------------------------------------------------------------
    const ticks = 100; // USER_HZ on Linux
    const cpuOf = (pid) => {
      try {
        const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
        return (Number(f[11]) + Number(f[12])) / ticks;
      } catch {
        return null;
      }
    };
    const rssOf = (pid) => {
      try {
        return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
      } catch {
        return null;
      }
    };
    const maxRss = new Map();
    const cpuStart = new Map(instances.map(({ child }) => [child.pid, cpuOf(child.pid)]));
    const sampler = setInterval(() => {
      for (const { child } of instances) {
        const r = rssOf(child.pid);
        if (r !== null) maxRss.set(child.pid, Math.max(maxRss.get(child.pid) ?? 0, r));
      }
    }, 500);

    // ---- load --------------------------------------------------------------------------------
    let sent = 0;
    let cursor = 0;
    const started = performance.now();
    const cpuEnd = new Map();
    let killed = null;
    await new Promise((done) => {
      const timer = setInterval(() => {
        const elapsed = (performance.now() - started) / 1000;
        if (KILL && !killed && elapsed >= SECONDS / 2) {
          killed = instances[1];
          cpuEnd.set(killed.child.pid, cpuOf(killed.child.pid));
          alive.delete(killed.url);
          killed.child.kill('SIGKILL');
          console.log(`killed instance 2 (pid ${killed.child.pid}) at ${elapsed.toFixed(1)} s`);
        }
        if (elapsed >= SECONDS) {
          clearInterval(timer);
          return done();
        }
        const due = Math.floor(elapsed * RATE) - sent;
        for (let k = 0; k < due; k++) {
          const cl = clients[cursor++ % clients.length];
          sent++;
          const clientMessageId = `${cl.i}-${++cl.counter}`;
          const payload = { conversationId: cl.conv, clientMessageId, body: `bench ${clientMessageId}` };
          cl.pending.set(clientMessageId, payload);
          sentAt.set(clientMessageId, performance.now());
          if (cl.socket?.connected) emitSend(cl, payload);
        }
      }, 5);
    });
    for (const { child } of instances) if (!cpuEnd.has(child.pid)) cpuEnd.set(child.pid, cpuOf(child.pid));
    const loadSeconds = (performance.now() - started) / 1000;

    // ---- drain: wait for acks and deliveries, then every client syncs as on a reconnect ------
    const until = performance.now() + 20_000;
    while (clients.some((c) => c.pending.size) && performance.now() < until) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 1000));
    const liveOnly = new Map(clients.map((c) => [c.i, new Map(c.have)]));
    await Promise.all(clients.map(sync));
    stopping = true;
    clearInterval(sampler);

    // ---- verdict -----------------------------------------------------------------------------
    let lost = 0;
    let liveMissed = 0;
    let timelineDup = 0;
    for (const [, a] of acked) {
      const recipient = clients[a.sender ^ 1];
      if (recipient.have.get(a.seq) !== a.id) lost++;
      if (liveOnly.get(recipient.i).get(a.seq) !== a.id) liveMissed++;
    }
    for (const c of clients) timelineDup += c.have.size - new Set(c.have.values()).size;
    const {
      rows: [dbStats],
    } = await pool.query(
      `SELECT count(*)::int AS stored, (count(*) - count(DISTINCT (conversation_id, body)))::int AS dup_bodies,
              (SELECT count(*)::int FROM conversations c WHERE c.last_seq <> (SELECT count(*) FROM chat_messages m WHERE m.conversation_id = c.id)) AS gapped
         FROM chat_messages`,
    );
    await pool.end();
    const dup = timelineDup + dbStats.dup_bodies;

    latencies.sort((a, b) => a - b);
    const pct = (q) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] : NaN);
    const unacked = clients.reduce((n, c) => n + c.pending.size, 0);
    console.log(
      `sent ${sent} (${(sent / loadSeconds).toFixed(0)}/s over ${loadSeconds.toFixed(1)} s), acked ${acked.size}, rate-limited ${rateLimited}, other errors ${otherErrors}, never acked ${unacked}`,
    );
    console.log(`stored ${dbStats.stored}, conversations with a seq gap ${dbStats.gapped}, resends ${retries}, reconnects ${reconnects}`);
    console.log(
      `live deliveries ${liveDelivered}, acked but missing before the closing sync ${liveMissed}, wire duplicates dropped by clients ${wireDuplicates}`,
    );
    console.log(
      `send→receive latency (live): p50 ${pct(0.5).toFixed(1)} ms, p95 ${pct(0.95).toFixed(1)} ms, p99 ${pct(0.99).toFixed(1)} ms, max ${latencies.at(-1)?.toFixed(1)} ms`,
    );
    for (const [n, { child }] of instances.entries()) {
      const cpu =
        cpuStart.get(child.pid) !== null && cpuEnd.get(child.pid) !== null
          ? ((cpuEnd.get(child.pid) - cpuStart.get(child.pid)) / loadSeconds) * 100
          : NaN;
      console.log(
        `instance ${n + 1}: max RSS ${(maxRss.get(child.pid) ?? NaN).toFixed(0)} MiB, CPU ${cpu.toFixed(0)}% of one core${killed?.child === child ? ' (until killed)' : ''}`,
      );
    }
    console.log(`lost ${lost}, duplicated ${dup} (recipient timelines ${timelineDup}, database ${dbStats.dup_bodies})`);
    for (const c of clients) c.socket?.close();
    console.log(
      `instances=${INSTANCES} p50_ms=${pct(0.5).toFixed(1)} p95_ms=${pct(0.95).toFixed(1)} p99_ms=${pct(0.99).toFixed(1)} lost=${lost} dup=${dup}`,
    );
  } finally {
    await cleanup();
  }
}
