// `npm run bench:start`: how long `npm start` takes to serve the web client and GraphQL,
// cold (fresh data directory: initdb, migrations, vocabulary and demo seed) and warm (second start);
// then the in-process search engine at scale (#18 item 3): 100k synthetic listings in
// `search_documents`, time to `/ready` (search serving) on a cold load from the table and on a
// start from the DATA_DIR snapshot, and the process's memory per 100k listings.
// Needs a build (`npm run build`); the build time is measured separately and printed too.
// Options: --no-build, --n=100000. Last line: machine-readable figures and PASS/FAIL (snapshot start ≤ 5 s).
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const port = 3900 + Math.floor(Math.random() * 90);
const dataDir = mkdtempSync(join(tmpdir(), 'aimatch-bench-'));
chmodSync(dataDir, 0o755);
const n = Number(process.argv.find((a) => a.startsWith('--n='))?.slice(4) ?? 100_000);

function build() {
  const t0 = performance.now();
  const r = spawnSync('npm', ['run', 'build'], { stdio: 'ignore' });
  if (r.status !== 0) throw new Error('build failed');
  return (performance.now() - t0) / 1000;
}

const rssMib = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

/** Starts the built app; resolves when `ready()` says so: seconds, and the process's RSS then. */
async function startOnce(env = {}, ready = webAndGraphql) {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['dist/apps/api/apps/api/src/main.js'], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, EMBEDDED_PG_PORT: '0', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise((r) => child.on('exit', r));
  const deadline = Date.now() + 600_000;
  for (;;) {
    if (Date.now() > deadline) throw new Error('no answer within 600 s');
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode}`);
    if (await ready().catch(() => false)) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const seconds = (performance.now() - t0) / 1000;
  const rss = rssMib(child.pid);
  child.kill('SIGINT');
  await exited;
  return { seconds, rss };
}

async function webAndGraphql() {
  const [web, gql] = await Promise.all([
    fetch(`http://127.0.0.1:${port}/`),
    fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":"{ vocabularyVersion }"}',
    }),
  ]);
  return web.ok && gql.ok;
}
const readyProbe = async () => (await fetch(`http://127.0.0.1:${port}/ready`)).ok;

/** Writes `count` synthetic listings into the data directory's search_documents table (what the indexer would). */
async function fillSearchTable(url, count) {
  const { dist, require } = await import('./boot.mjs');
  const { syntheticListing, vocabulary, reseed } = await import('./synthetic-listings.mjs');
  const { buildSearchDocument, PostgresSearchIndex } = dist('libs/search/src/index.js');
  const { dataSourceOptions } = dist('apps/api/src/database/data-source-options.js');
  const { DataSource } = require('typeorm');
  const ds = new DataSource({ ...dataSourceOptions(url, { poolSize: 2 }), logging: false });
  await ds.initialize();
  const store = new PostgresSearchIndex((sql, params) => ds.query(sql, params));
  reseed(4242);
  const t0 = performance.now();
  for (let i = 0; i < count; i += 1000) {
    const docs = [];
    for (let j = i; j < Math.min(count, i + 1000); j++) docs.push(buildSearchDocument(syntheticListing(j), vocabulary));
    await store.upsert(docs);
  }
  await ds.query('VACUUM ANALYZE search_documents');
  const [{ total }] = await ds.query('SELECT count(*)::int AS total FROM search_documents');
  await ds.destroy();
  return { total, seconds: (performance.now() - t0) / 1000 };
}

const buildSeconds = process.argv.includes('--no-build') ? null : build();
const cold = await startOnce();
const warm = await startOnce();
if (buildSeconds !== null) console.log(`build (api + web):          ${buildSeconds.toFixed(1)} s`);
console.log(`cold start to web+GraphQL:  ${cold.seconds.toFixed(2)} s (fresh data dir: initdb, migrations, seeds)`);
console.log(`warm start to web+GraphQL:  ${warm.seconds.toFixed(2)} s (data reused)`);

// --- at scale: the same data directory's PostgreSQL, kept running by this process ---------------
const { api } = await import('./boot.mjs');
const { resolveDatabase } = api('database/embedded-postgres.js');
const db = await resolveDatabase({ DATA_DIR: dataDir, EMBEDDED_PG_PORT: 0 });
const snapshot = join(dataDir, 'search', 'memory-index.snap');
const env = { DATABASE_URL: db.url, SEED_DEMO: 'false' };
let line;
try {
  const base = await startOnce(env, readyProbe);
  console.log(`\nwarm start to /ready, demo data only: ${base.seconds.toFixed(2)} s, RSS ${base.rss.toFixed(0)} MiB`);
  const filled = await fillSearchTable(db.url, n);
  console.log(`search_documents: ${filled.total} rows (${n} synthetic listings written in ${filled.seconds.toFixed(0)} s)`);
  rmSync(snapshot, { force: true });
  const coldLoad = await startOnce(env, readyProbe); // loads the table, writes the snapshot at shutdown
  const snapBytes = existsSync(snapshot) ? statSync(snapshot).size : 0;
  const fromSnapshot = await startOnce(env, readyProbe);
  const perN = ((coldLoad.rss - base.rss) * 100_000) / n;
  const perNSnap = ((fromSnapshot.rss - base.rss) * 100_000) / n;
  console.log(`time to /ready, ${n} listings, cold (no snapshot):   ${coldLoad.seconds.toFixed(2)} s, RSS ${coldLoad.rss.toFixed(0)} MiB`);
  console.log(
    `time to /ready, ${n} listings, from the snapshot:   ${fromSnapshot.seconds.toFixed(2)} s, RSS ${fromSnapshot.rss.toFixed(0)} MiB (snapshot ${(snapBytes / 2 ** 20).toFixed(0)} MiB)`,
  );
  console.log(`memory per 100k listings: +${perN.toFixed(0)} MiB RSS after a cold load, +${perNSnap.toFixed(0)} MiB from the snapshot`);
  const pass = snapBytes > 0 && fromSnapshot.seconds <= 5;
  line = `cold_ready_s=${coldLoad.seconds.toFixed(2)} snapshot_ready_s=${fromSnapshot.seconds.toFixed(2)} listings=${filled.total} mib_per_100k=${perN.toFixed(0)} mib_per_100k_snapshot=${perNSnap.toFixed(0)} snapshot_mib=${(snapBytes / 2 ** 20).toFixed(0)} ${pass ? 'PASS' : 'FAIL'}`;
} finally {
  await db.embedded?.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
console.log(line);
