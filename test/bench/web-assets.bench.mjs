// `npm run bench:web`: what the first visit of the home page costs. Builds the api and the web client
// (skip with `--no-build` to measure the dist as it is), boots the app on a throw-away embedded
// PostgreSQL (no demo seed), opens `/` in a cold chromium (fresh context, empty cache) as an
// anonymous visitor and counts the JavaScript bytes on the wire (encoded body sizes, i.e. after
// brotli/gzip when the server compresses) and the load time. Runs `--runs n` cold loads (default 5)
// and reports the median. The last line is machine-readable:
//   first_load_js_br_bytes=<median encoded JS bytes> first_load_ms=<median ms from navigation to the last response>
import { spawnSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { withThrowawayApp } from './boot.mjs';

const args = process.argv.slice(2);
const runsArg = args.indexOf('--runs');
const runs = runsArg >= 0 ? Number(args[runsArg + 1]) : 5;

if (!args.includes('--no-build')) {
  for (const script of ['build:api', 'build:web']) {
    const r = spawnSync('npm', ['run', '-s', script], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`npm run ${script} failed`);
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function coldLoad(browser, url) {
  const context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  const scripts = [];
  page.on('requestfinished', (request) => {
    if (request.resourceType() !== 'script') return;
    scripts.push(
      (async () => {
        const [sizes, response] = await Promise.all([request.sizes(), request.response()]);
        const headers = response ? await response.allHeaders() : {};
        return { url: request.url(), bytes: sizes.responseBodySize, encoding: headers['content-encoding'] ?? 'identity' };
      })(),
    );
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.getByTestId('nav-brand').waitFor();
  // From the page's own timeline: the load event or the last response (a lazy chunk, a GraphQL answer), whichever is later.
  const ms = await page.evaluate(() =>
    Math.max(
      ...performance.getEntriesByType('navigation').map((e) => e.loadEventEnd),
      ...performance.getEntriesByType('resource').map((e) => e.responseEnd),
    ),
  );
  const files = await Promise.all(scripts);
  await context.close();
  return { ms, files, bytes: files.reduce((sum, f) => sum + f.bytes, 0) };
}

await withThrowawayApp({ SEED_DEMO: 'false' }, async (app) => {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  const url = `http://127.0.0.1:${address.port}/`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage', '--no-first-run'],
  });
  try {
    await coldLoad(browser, url); // warms the server (first sendFile, JIT), not the browser: every run is a new context
    const results = [];
    for (let i = 0; i < runs; i++) results.push(await coldLoad(browser, url));
    const last = results.at(-1);
    console.log('JavaScript on the first load of / (last run):');
    for (const f of last.files) console.log(`  ${String(f.bytes).padStart(9)} B  ${f.encoding.padEnd(8)}  ${new URL(f.url).pathname}`);
    console.log(`runs: ${results.map((r) => `${Math.round(r.ms)} ms / ${r.bytes} B`).join(', ')}`);
    console.log(
      `first_load_js_br_bytes=${median(results.map((r) => r.bytes))} first_load_ms=${Math.round(median(results.map((r) => r.ms)))}`,
    );
  } finally {
    await browser.close();
  }
});
