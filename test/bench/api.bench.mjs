// `npm run bench:api` (#18 item 5): the production build (`node dist/.../main.js`, what `npm start`
// runs) on embedded defaults in a throw-away DATA_DIR with the demo marketplace plus 10k synthetic
// listings (test/bench/synthetic-listings.mjs, written with SQL in batches: listings, their
// published versions and search_documents, as the indexer would), loaded over loopback at
// increasing rates with the web client's own GraphQL documents: search 50 %, listing detail 25 %,
// matches 10 % (the user's own published demand), mutations 15 % (saving the user's draft demand
// 10 % with the version it last read, marking notifications read 5 %), all signed in, spread over
// many users who reach the API through a trusted proxy (TRUST_PROXY=loopback, one X-Forwarded-For
// address per user), so the per-client API rate limit stays on at its default.
// The load generator is open-loop (requests start on a fixed schedule, not when the previous one
// ends) and runs in this process; the API and the ceiling server are child processes. All of them
// share the machine's 2 cores, so the generator's own CPU is in every figure.
// The ceiling: a plain node:http server (child process) that parses each request's JSON and answers
// with the same JSON the API gave for that operation, from memory, loaded by autocannon unthrottled.
// Options: --no-build, --n=10000, --rates=50,100,250,500,1000,2000,3000,4000, --seconds=10,
// --profile [--profile-rate=100] (API under --cpu-prof during one step; prints the top self-time functions).
// Last line: max_rps=… p99_ms_at_500=… ceiling_rps=… ratio=… PASS/FAIL (≥ 3000 req/s within p99 ≤ 50 ms, ratio ≥ 20 %).
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const arg = (name, dflt) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? dflt;

// --- ceiling server mode (child process) ------------------------------------------------------
if (process.argv[2] === '--ceiling-server') {
  const canned = JSON.parse(readFileSync(process.argv[3], 'utf8'));
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const { operationName } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      const body = canned[operationName] ?? '{"data":null}';
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    });
  });
  server.listen(0, '127.0.0.1', () => process.send?.(server.address().port));
} else {
  await main();
}

async function main() {
  const n = Number(arg('n', 10_000));
  const rates = arg('rates', '50,100,250,500,1000,2000,3000,4000').split(',').map(Number);
  const seconds = Number(arg('seconds', 10));
  const profile = process.argv.includes('--profile');
  const USERS = 300;

  if (!process.argv.includes('--no-build')) {
    const r = spawnSync('npm', ['run', '-s', 'build'], { stdio: 'ignore' });
    if (r.status !== 0) throw new Error('build failed');
  }
  const { api, dist, require } = await import('./boot.mjs');
  const { syntheticListing, vocabulary, reseed } = await import('./synthetic-listings.mjs');
  const { createApp } = api('app.factory.js');
  const { loadConfig } = api('config/load-config.js');
  const { resolveDatabase } = api('database/embedded-postgres.js');
  const { DemoSeeder } = api('seed/demo.seeder.js');
  const { TransactionService } = api('database/transaction.service.js');
  const { IdentityService } = api('modules/identity/identity.service.js');
  const { ConsentService } = api('modules/identity/consent.service.js');
  const { buildSearchDocument, PostgresSearchIndex } = dist('libs/search/src/index.js');
  const { businessRegistrationCheckDigit } = dist('libs/validation/src/index.js');
  const { print } = require('graphql');
  const autocannon = require('autocannon');

  // The web client's documents, exactly as it sends them.
  const generated = readFileSync('apps/web/src/generated/graphql.ts', 'utf8');
  const doc = (name) => print(JSON.parse(new RegExp(`export const ${name}Document = (\\{.*?\\}) as unknown as`).exec(generated)[1]));
  const Q = {
    SearchListings: doc('SearchListings'),
    ListingDetail: doc('ListingDetail'),
    MatchesForDemand: doc('MatchesForDemand'),
    UpdateDemandListing: doc('UpdateDemandListing'),
    MarkNotificationsRead: doc('MarkNotificationsRead'),
  };
  const queries = JSON.parse(readFileSync('test/bench/search-queries.json', 'utf8')).queries.map((q) => q.q);

  const dataDir = mkdtempSync(join(tmpdir(), 'aimatch-apibench-'));
  chmodSync(dataDir, 0o755);
  const port = 5200 + Math.floor(Math.random() * 300);
  const secrets = {
    JWT_ACCESS_SECRET: 'apibench-access-secret-0123456789abcdef012',
    JWT_REFRESH_SECRET: 'apibench-refresh-secret-0123456789abcdef01',
  };
  const db = await resolveDatabase({ DATA_DIR: dataDir, EMBEDDED_PG_PORT: 0 });
  let child = null;
  const children = [];
  let line = 'max_rps=0 p99_ms_at_500=NaN ceiling_rps=0 ratio=0 FAIL (did not finish)';
  try {
    // --- setup in-process: schema, demo marketplace, organizations, users, 10k listings ---------
    const t0 = performance.now();
    const config = loadConfig({
      ...process.env,
      ...secrets,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      SEED_DEMO: 'false',
      DATABASE_URL: db.url,
    });
    const app = await createApp(config);
    await app.init();
    await app.get(DemoSeeder).seed();
    const tx = app.get(TransactionService);
    const identity = app.get(IdentityService);
    const consents = app.get(ConsentService);
    const passwordHash = await identity.hashPassword('apibench-password-2026!');
    const regions = vocabulary.concepts.filter((c) => c.scheme === 'region');
    /** 300 SME organizations (the users under load) and 200 AI suppliers, verified. */
    const orgs = await tx.run(async (m) => {
      const out = [];
      for (let i = 0; i < USERS + 200; i++) {
        const sme = i < USERS;
        const prefix = `7${String(i).padStart(8, '0')}`;
        const nameKo = `${sme ? '부하시험제조' : '부하시험AI'}${i}(주)`;
        const regionId = regions[i % regions.length].id;
        const id = await identity.createAccountWithOrganization(m, {
          email: `load${i}@bench.aimatch.kr`,
          passwordHash,
          displayName: `부하 ${i}`,
          roles: [],
          organization: {
            kind: sme ? 'SME' : 'AI_SUPPLIER',
            nameKo,
            nameEn: null,
            businessRegistrationNumber: prefix + businessRegistrationCheckDigit(prefix),
            regionId,
            verificationStatus: 'VERIFIED',
          },
        });
        const [userId] = await identity.ownerUserIds(id, m);
        await consents.record(m, userId, consents.currentRequired(), null);
        out.push({ id, nameKo, regionId, sme });
      }
      return out;
    });
    const smes = orgs.filter((o) => o.sme);
    const suppliers = orgs.filter((o) => !o.sme);
    const ds = app.get(require('typeorm').DataSource);
    const store = new PostgresSearchIndex((sql, params) => ds.query(sql, params));
    reseed(4242);
    const listingIds = [];
    const demandsOf = new Map();
    for (let i = 0; i < n; i += 500) {
      const rows = [];
      const docs = [];
      for (let j = i; j < Math.min(n, i + 500); j++) {
        const l = syntheticListing(j);
        const org = l.kind === 'DEMAND' ? smes[j % smes.length] : suppliers[j % suppliers.length];
        l.organization = { id: org.id, nameKo: org.nameKo, nameEn: null, verified: true, regionId: org.regionId };
        if (l.kind === 'DEMAND') (demandsOf.get(org.id) ?? demandsOf.set(org.id, []).get(org.id)).push(l.id);
        if (l.visibility === 'PUBLIC') listingIds.push(l.id);
        rows.push({
          id: l.id,
          kind: l.kind,
          organization_id: org.id,
          title: l.content.title,
          content: l.content,
          visibility: l.visibility,
          region_id: l.kind === 'DEMAND' ? l.content.regionId : null,
          published_at: l.publishedAt.toISOString(),
        });
        docs.push(buildSearchDocument(l, vocabulary));
      }
      await ds.query(
        `WITH r AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, kind text, organization_id uuid, title text, content jsonb,
                      visibility text, region_id text, published_at timestamptz)),
              l AS (INSERT INTO listings (id, kind, organization_id, status, version, title, content, visibility, region_id, submitted_at, published_at)
                    SELECT id, kind, organization_id, 'PUBLISHED', 1, title, content, visibility, region_id, published_at, published_at FROM r RETURNING id)
         INSERT INTO listing_published_versions (listing_id, version, content, published_at) SELECT id, 1, content, published_at FROM r`,
        [JSON.stringify(rows)],
      );
      await store.upsert(docs);
    }
    await ds.query('VACUUM ANALYZE listings, listing_published_versions, search_documents');

    // Users: signed in (each from its own address), each with a draft demand to save.
    const gql = async (query, variables, token, remoteAddress) => {
      const res = await app.inject({
        method: 'POST',
        url: '/graphql',
        remoteAddress,
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        payload: JSON.stringify({ query, variables }),
      });
      const body = res.json();
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data;
    };
    const users = [];
    for (let i = 0; i < USERS; i++) {
      const ip = `10.${20 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}`;
      const { accessToken } = (
        await gql(
          'mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }',
          { i: { email: `load${i}@bench.aimatch.kr`, password: 'apibench-password-2026!' } },
          null,
          ip,
        )
      ).signIn;
      const draft = (
        await gql(
          'mutation($o: ID!, $i: DemandListingInput!) { createDemandListing(organizationId: $o, input: $i) { id version } }',
          { o: smes[i].id, i: { title: `부하 시험 초안 ${i}`, summary: '외관 검사 자동화' } },
          accessToken,
          ip,
        )
      ).createDemandListing;
      users.push({
        ip,
        token: accessToken,
        draft: draft.id,
        version: draft.version,
        demands: demandsOf.get(smes[i].id) ?? [],
        busy: false,
      });
    }
    await app.close();
    const setupSeconds = (performance.now() - t0) / 1000;
    console.log(`setup: demo marketplace + ${n} synthetic listings, ${USERS} signed-in users, in ${setupSeconds.toFixed(0)} s`);

    // --- the API, as `npm start` runs it (embedded defaults; behind a trusted loopback proxy) -----
    const profDir = join(dataDir, 'prof');
    child = spawn(
      process.execPath,
      [...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : []), 'dist/apps/api/apps/api/src/main.js'],
      {
        env: {
          ...process.env,
          ...secrets,
          DATABASE_URL: db.url,
          DATA_DIR: dataDir,
          PORT: String(port),
          SEED_DEMO: 'false',
          TRUST_PROXY: 'loopback',
        },
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    child.exited = new Promise((r) => child.once('exit', r));
    for (let i = 0; ; i++) {
      if (
        await fetch(`http://127.0.0.1:${port}/ready`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      if (child.exitCode !== null || i > 2400) throw new Error('the API did not become ready');
      await new Promise((r) => setTimeout(r, 50));
    }

    // --- the mix ------------------------------------------------------------------------------
    const rand = (k) => Math.floor(Math.random() * k);
    const freeUser = (need) => {
      for (let t = 0; t < 20; t++) {
        const u = users[rand(users.length)];
        if (!need || need(u)) return u;
      }
      return null;
    };
    const body = (operationName, variables) => JSON.stringify({ operationName, query: Q[operationName], variables });
    /** One request of the mix: { op, user, body, done(json) }. */
    function nextRequest() {
      const r = Math.random() * 100;
      if (r < 50) {
        const first = Math.random() < 0.5;
        return {
          op: 'SearchListings',
          user: freeUser(),
          body: body('SearchListings', {
            kind: Math.random() < 0.7 ? 'SUPPLY' : 'DEMAND',
            q: queries[rand(queries.length)],
            facets: first ? ['TASK', 'INDUSTRY', 'REGION', 'VERIFIED'] : [],
            first: 20,
            locale: 'KO',
          }),
        };
      }
      if (r < 75)
        return {
          op: 'ListingDetail',
          user: freeUser(),
          body: body('ListingDetail', { id: listingIds[rand(listingIds.length)], locale: 'KO' }),
        };
      if (r < 85) {
        const user = freeUser((u) => u.demands.length > 0);
        return {
          op: 'MatchesForDemand',
          user,
          body: body('MatchesForDemand', { demandId: user.demands[rand(user.demands.length)], first: 20, locale: 'KO' }),
        };
      }
      if (r < 95) {
        const user = freeUser((u) => !u.busy);
        if (user) {
          user.busy = true;
          return {
            op: 'UpdateDemandListing',
            user,
            body: body('UpdateDemandListing', {
              id: user.draft,
              version: user.version,
              input: {
                title: `부하 시험 초안 ${rand(1000)}`,
                summary: '외관 검사 자동화',
                description: '불량 검출을 위한 비전 검사 요구사항 초안',
              },
            }),
            done(json) {
              user.busy = false;
              const v = json?.data?.updateDemandListing?.version;
              if (v) user.version = v;
            },
          };
        }
      }
      return { op: 'MarkNotificationsRead', user: freeUser(), body: body('MarkNotificationsRead', { ids: [] }) };
    }

    const agent = new http.Agent({ keepAlive: true, maxSockets: 2048 });
    /** Drops the generator's sockets and stops the API: SIGINT, SIGKILL after 20 s (an overloaded one drains its backlog first). */
    const stopApi = async () => {
      agent.destroy();
      child.kill('SIGINT');
      const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await child.exited;
      clearTimeout(killer);
      child = null;
    };
    const samples = {};
    function send(target, req, timeout = 10_000) {
      return new Promise((resolve) => {
        const t = performance.now();
        let settled = false;
        const finish = (ok, text, status) => {
          if (settled) return;
          settled = true;
          const ms = performance.now() - t;
          if (req.done) {
            let json = null;
            try {
              json = JSON.parse(text);
            } catch {
              // not JSON: the draft keeps its last version
            }
            req.done(json);
          }
          if (ok && !samples[req.op]) samples[req.op] = text;
          resolve({ ms, ok, op: req.op, status, text: ok ? null : text?.slice(0, 300) });
        };
        const h = http.request(
          {
            agent,
            host: '127.0.0.1',
            port: target,
            path: '/graphql',
            method: 'POST',
            timeout,
            headers: {
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(req.body),
              'accept-language': 'ko',
              authorization: `Bearer ${req.user.token}`,
              'x-forwarded-for': req.user.ip,
            },
          },
          (res) => {
            const chunks = [];
            res.on('data', (c) => chunks.push(c));
            res.on('end', () => {
              const text = Buffer.concat(chunks).toString('utf8');
              finish(res.statusCode >= 200 && res.statusCode < 300 && !text.includes('"errors":['), text, res.statusCode);
            });
            res.on('error', () => finish(false, 'response error', 0));
          },
        );
        h.on('timeout', () => h.destroy(new Error('timeout')));
        h.on('error', (e) => finish(false, String(e), 0));
        h.end(req.body);
      });
    }
    const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
    /** Open loop: `rate` requests a second for `secs` seconds on a fixed schedule. */
    async function step(rate, secs, target = port) {
      const total = Math.round(rate * secs);
      const pending = [];
      const start = performance.now();
      let sent = 0;
      await new Promise((resolve) => {
        const tick = () => {
          const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * rate));
          while (sent < due) {
            pending.push(send(target, nextRequest()));
            sent++;
          }
          if (sent >= total) resolve();
          else setTimeout(tick, 1);
        };
        tick();
      });
      const results = await Promise.all(pending);
      const elapsed = (performance.now() - start) / 1000;
      const lat = results.map((r) => r.ms).sort((a, b) => a - b);
      const errors = results.filter((r) => !r.ok);
      const byOp = {};
      for (const r of results) (byOp[r.op] ??= []).push(r.ms);
      const opP99 = Object.fromEntries(
        Object.entries(byOp).map(([k, v]) => [
          k,
          pct(
            v.sort((a, b) => a - b),
            99,
          ),
        ]),
      );
      return { rate, achieved: total / elapsed, p50: pct(lat, 50), p95: pct(lat, 95), p99: pct(lat, 99), errors, opP99 };
    }
    const fmt = (s) =>
      `${String(s.rate).padStart(5)} req/s: achieved ${s.achieved.toFixed(0).padStart(5)}, p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms, errors ${s.errors.length}` +
      `  [p99 by op: ${Object.entries(s.opP99)
        .map(([k, v]) => `${k} ${v.toFixed(0)}`)
        .join(', ')}]`;
    const passes = (s) => s.errors.length === 0 && s.p99 <= 50 && s.achieved >= 0.95 * s.rate;

    // A process that has run for a while has analysed every supply listing (the matching corpus):
    // one matches request first, alone, loads it, as the first one after a start does.
    const tw = performance.now();
    const firstMatch = await send(
      port,
      {
        op: 'MatchesForDemand',
        user: users[0],
        body: body('MatchesForDemand', { demandId: users[0].demands[0], first: 20, locale: 'KO' }),
      },
      600_000,
    );
    console.log(
      `first matches request (loads the matching corpus): ${((performance.now() - tw) / 1000).toFixed(1)} s, ${firstMatch.ok ? 'ok' : firstMatch.text}`,
    );
    const warmRate = Number(arg('warm', 20));
    console.log(`warm-up: 10 s at ${warmRate} req/s`);
    const warm = await step(warmRate, 10);
    if (warm.errors.length) console.log(`  warm-up errors: ${warm.errors.length}, e.g. ${JSON.stringify(warm.errors[0])}`);

    if (profile) {
      const s = await step(Number(arg('profile-rate', 100)), seconds);
      console.log(fmt(s));
      await stopApi();
      const file = readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'));
      const prof = JSON.parse(readFileSync(join(profDir, file), 'utf8'));
      const dt = prof.timeDeltas.reduce((a, b) => a + b, 0) / prof.timeDeltas.length / 1000;
      const self = new Map();
      let all = 0;
      for (const nd of prof.nodes) {
        const f = nd.callFrame;
        const key = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*node_modules\//, '~/').replace(/^.*\/dist\/apps\/api\//, '')}:${f.lineNumber + 1}`;
        self.set(key, (self.get(key) ?? 0) + nd.hitCount * dt);
        all += nd.hitCount * dt;
      }
      console.log(`top self time (ms of ${all.toFixed(0)} sampled):`);
      for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40))
        console.log(`  ${v.toFixed(0).padStart(6)} ${((100 * v) / all).toFixed(1).padStart(5)} %  ${k}`);
      line = 'profile run (no figures)';
      return;
    }

    /** Waits (up to 60 s) until one listing read answers within 100 ms: an overloaded step's backlog must not spill into the next. */
    const drained = async () => {
      for (let i = 0; i < 120; i++) {
        const r = await send(port, {
          op: 'ListingDetail',
          user: users[0],
          body: body('ListingDetail', { id: listingIds[0], locale: 'KO' }),
        });
        if (r.ok && r.ms < 100) return;
        await new Promise((res) => setTimeout(res, 500));
      }
    };
    await drained();
    console.log(`open-loop steps of ${seconds} s (generator in this process; API in a child; 2 shared cores):`);
    const steps = [];
    for (const rate of rates) {
      const s = await step(rate, seconds);
      steps.push(s);
      console.log(fmt(s));
      if (s.errors.length) console.log(`    e.g. ${JSON.stringify(s.errors[0])}`);
      if (s.p99 > 1000 || s.achieved < 0.7 * rate) break; // overloaded: higher rates only queue
      await drained();
    }
    await stopApi();
    const best = steps.filter(passes).reduce((m, s) => Math.max(m, s.rate), 0);
    const at500 = steps.find((s) => s.rate === 500);

    // --- the ceiling: node:http answering the same JSON from memory ---------------------------
    const cannedFile = join(dataDir, 'canned.json');
    writeFileSync(cannedFile, JSON.stringify(samples));
    const ceiling = spawn(process.execPath, [process.argv[1], '--ceiling-server', cannedFile], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    children.push(ceiling);
    const cport = await new Promise((r) => ceiling.once('message', r));
    const fixed = Array.from({ length: 200 }, () => {
      const q = nextRequest();
      q.done?.(null);
      return {
        method: 'POST',
        path: '/graphql',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${q.user.token}`, 'x-forwarded-for': q.user.ip },
        body: q.body,
      };
    });
    const ac = await autocannon({ url: `http://127.0.0.1:${cport}`, connections: 50, duration: seconds, requests: fixed });
    const ceilingRps = ac.requests.average;
    const ceilingAt500 = await step(500, seconds, cport);
    console.log(
      `ceiling (node:http, same JSON from memory): ${ceilingRps.toFixed(0)} req/s (autocannon, 50 connections, p99 ${ac.latency.p99} ms, non-2xx ${ac.non2xx}); open loop at 500 req/s p99 ${ceilingAt500.p99.toFixed(1)} ms`,
    );
    ceiling.kill();
    const ratio = best / ceilingRps;
    const pass = best >= 3000 && ratio >= 0.2;
    console.log(
      `highest rate with p99 ≤ 50 ms and 0 errors: ${best} req/s; at 500 req/s p50 ${at500?.p50.toFixed(1)} ms, p95 ${at500?.p95.toFixed(1)} ms, p99 ${at500?.p99.toFixed(1)} ms; ratio to the ceiling ${(100 * ratio).toFixed(1)} %`,
    );
    line = `max_rps=${best} p99_ms_at_500=${at500 ? at500.p99.toFixed(1) : 'NaN'} ceiling_rps=${ceilingRps.toFixed(0)} ratio=${ratio.toFixed(3)} ${pass ? 'PASS' : 'FAIL'} (targets: max_rps ≥ 3000, ratio ≥ 0.2)`;
  } finally {
    if (child) {
      child.kill('SIGINT');
      await child.exited;
    }
    for (const c of children) if (c.exitCode === null) c.kill();
    await db.embedded?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    console.log(line);
  }
}
