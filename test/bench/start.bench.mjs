// `npm run bench:start`: how long `npm start` takes to serve the web client and GraphQL,
// cold (fresh data directory: initdb, migrations, vocabulary and demo seed) and warm (second start).
// Needs a build (`npm run build`); the build time is measured separately and printed too.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const port = 3900 + Math.floor(Math.random() * 90);
const dataDir = mkdtempSync(join(tmpdir(), 'aimatch-bench-'));
chmodSync(dataDir, 0o755);

function build() {
  const t0 = performance.now();
  const r = spawnSync('npm', ['run', 'build'], { stdio: 'ignore' });
  if (r.status !== 0) throw new Error('build failed');
  return (performance.now() - t0) / 1000;
}

async function startOnce() {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['dist/apps/api/apps/api/src/main.js'], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, EMBEDDED_PG_PORT: '0', LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (Date.now() > deadline) throw new Error('no answer within 120 s');
    try {
      const [web, gql] = await Promise.all([
        fetch(`http://127.0.0.1:${port}/`),
        fetch(`http://127.0.0.1:${port}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"query":"{ vocabularyVersion }"}',
        }),
      ]);
      if (web.ok && gql.ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const seconds = (performance.now() - t0) / 1000;
  const exited = new Promise((r) => child.on('exit', r));
  child.kill('SIGINT');
  await exited;
  return seconds;
}

const buildSeconds = process.argv.includes('--no-build') ? null : build();
const cold = await startOnce();
const warm = await startOnce();
rmSync(dataDir, { recursive: true, force: true });
if (buildSeconds !== null) console.log(`build (api + web):          ${buildSeconds.toFixed(1)} s`);
console.log(`cold start to web+GraphQL:  ${cold.toFixed(2)} s (fresh data dir: initdb, migrations, seeds)`);
console.log(`warm start to web+GraphQL:  ${warm.toFixed(2)} s (data reused)`);
