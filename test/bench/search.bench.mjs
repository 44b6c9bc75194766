// `npm run bench:search [-- --n 10000,100000 --queries 1000 --minisearch]`
// Generates N synthetic listings (Korean and English text drawn from the vocabulary, 50–400 words),
// writes them to the `search_documents` table (the durable store both embedded engines share) and
// measures, on the same data and the same mixed queries: the in-process engine (MemorySearchIndex,
// the default; loaded from PostgreSQL in a child process, so its memory is measured alone, as an
// API process would hold it) and the PostgreSQL full-text engine (the runner-up); MiniSearch with
// the korean-text tokenizer as a third column with --minisearch. Prints build/load time, memory,
// p50/p95/p99 per query class and the ratio; the last line is machine-readable.
// Runs on the build (`npm run build:api` first; the npm script does it). EXPLAIN=<class> prints the
// PostgreSQL plan of that class's first query.
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';

const require = createRequire(resolve('package.json'));
const dist = (p) => require(resolve('dist/apps/api', p));
const { startEmbeddedPostgres, ensureDatabase } = dist('apps/api/src/database/embedded-postgres.js');
const { dataSourceOptions } = dist('apps/api/src/database/data-source-options.js');
const { buildSearchDocument, planQuery, PostgresSearchIndex, MemorySearchIndex } = dist('libs/search/src/index.js');
const { choseong } = dist('libs/korean-text/src/index.js');
const { DataSource } = require('typeorm');
const MiniSearch = require('minisearch');
const { syntheticListing: listing, vocabulary, reseed, rand, pick, tasks, FILLER_KO, PARTICLES } = await import('./synthetic-listings.mjs');

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '10000,100000' },
    queries: { type: 'string', default: '1000' },
    minisearch: { type: 'boolean', default: false },
    child: { type: 'string' },
  },
});
const sizes = values.n.split(',').map(Number);
const queryCount = Number(values.queries);

// --- query classes --------------------------------------------------------------------------
const leafTasks = tasks.filter((t) => t.parent);
const parentTasks = tasks.filter((t) => !t.parent);
const CLASSES = {
  selective: () => ({ q: pick(leafTasks.flatMap((t) => (t.synonyms.ko.length ? t.synonyms.ko : [t.labels.ko]))) + pick(PARTICLES) }),
  broad: () => ({ q: pick(['AI', '데이터 분석', '공장 자동화', '품질', '시스템 구축', 'data', '컴퓨터 비전', '솔루션']) }),
  filtered: () => ({ q: pick(FILLER_KO), concepts: { task: [pick(parentTasks).id] }, kind: pick(['DEMAND', 'SUPPLY']) }),
  budget: () => {
    const a = Math.round(rand() * 200) * 1_000_000;
    return { kind: pick(['DEMAND', 'SUPPLY']), amountMin: a, amountMax: a + 50_000_000 };
  },
  facets: () => ({ q: pick(FILLER_KO), facets: ['task', 'industry', 'region', 'deployment', 'certification', 'verified'] }),
  choseong: () => ({ q: choseong(pick(leafTasks).labels.ko).slice(0, 3) }),
};
const queries = Array.from({ length: queryCount }, (_, i) => {
  const cls = Object.keys(CLASSES)[i % 6];
  return { cls, ...CLASSES[cls]() };
});

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const fmt = (x) => x.toFixed(2);

async function measure(name, run) {
  const byClass = {};
  for (const q of queries.slice(0, 20)) await run(q); // warm-up
  for (const q of queries) {
    const t0 = performance.now();
    await run(q);
    (byClass[q.cls] ??= []).push(performance.now() - t0);
  }
  const rows = Object.entries(byClass).map(([cls, xs]) => ({ cls, p50: pct(xs, 50), p95: pct(xs, 95), p99: pct(xs, 99) }));
  for (const r of rows)
    console.log(
      `  ${name.padEnd(10)} ${r.cls.padEnd(10)} p50 ${fmt(r.p50).padStart(8)} ms  p95 ${fmt(r.p95).padStart(8)} ms  p99 ${fmt(r.p99).padStart(8)} ms`,
    );
  const all = Object.values(byClass).flat();
  const worst = rows.reduce((a, b) => (b.p95 > a.p95 ? b : a));
  return { p50: pct(all, 50), p95: pct(all, 95), p99: pct(all, 99), worst };
}

const toRequest = (q) => ({
  query: planQuery(q.q ?? null, vocabulary),
  filters: { visibility: ['PUBLIC'], kind: q.kind, concepts: q.concepts, amountMin: q.amountMin, amountMax: q.amountMax },
  facets: q.facets ?? [],
  sort: 'relevance',
  limit: 20,
  offset: 0,
});
const mib = (bytes) => bytes / 2 ** 20;

// Child process: an API process's view of the default engine — load the table, answer the queries.
if (values.child) {
  const ds = new DataSource({ ...dataSourceOptions(values.child, { poolSize: 2 }), logging: false });
  await ds.initialize();
  global.gc();
  const before = process.memoryUsage();
  const t0 = performance.now();
  const index = new MemorySearchIndex((sql, params) => ds.query(sql, params));
  await index.ensureIndex({ synonyms: [] });
  const loadS = (performance.now() - t0) / 1000;
  const { documents } = await index.stats();
  global.gc();
  const loaded = process.memoryUsage();
  const stats = await measure('memory', (q) => index.search(toRequest(q)));
  const rssMb = mib(Math.max(loaded.rss, process.memoryUsage().rss) - before.rss);
  await index.close();
  await ds.destroy();
  console.log(
    JSON.stringify({
      loadS,
      documents,
      rssMb,
      heapMb: mib(loaded.heapUsed - before.heapUsed),
      arrayBuffersMb: mib(loaded.arrayBuffers - before.arrayBuffers),
      stats,
    }),
  );
  process.exit(0);
}

const dataDir = mkdtempSync(join(tmpdir(), 'aimatch-bench-search-'));
chmodSync(dataDir, 0o755);
const pg = await startEmbeddedPostgres({ dataDir, port: 0, settings: { shared_buffers: '256MB', work_mem: '32MB' } });
let last;
try {
  for (const n of sizes) {
    console.log(`\n== N = ${n} listings ==`);
    reseed(42 + n);
    const t0 = performance.now();
    let docs = Array.from({ length: n }, (_, i) => buildSearchDocument(listing(i), vocabulary));
    console.log(`  documents built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    // The durable store: both engines read the same search_documents table.
    const url = pg.url(`bench_${n}`);
    await ensureDatabase(url);
    const ds = new DataSource({ ...dataSourceOptions(url, { poolSize: 4 }), logging: false });
    await ds.initialize();
    await ds.runMigrations();
    const index = new PostgresSearchIndex((sql, params) => ds.query(sql, params));
    const b0 = performance.now();
    await index.upsert(docs);
    await ds.query('VACUUM ANALYZE search_documents');
    const pgBuild = (performance.now() - b0) / 1000;
    const [{ bytes }] = await ds.query(`SELECT pg_total_relation_size('search_documents')::bigint AS bytes`);
    console.log(
      `  postgres   write ${pgBuild.toFixed(1)} s (the table both engines use), table+indexes ${mib(Number(bytes)).toFixed(0)} MiB (in the database, not the API process)`,
    );

    // PostgreSQL full-text (runner-up)
    const pgRun = (q) => index.search(toRequest(q));
    if (process.env.EXPLAIN) {
      const sel = queries.find((q) => q.cls === process.env.EXPLAIN);
      const plan = planQuery(sel.q ?? null, vocabulary);
      console.log('  query', JSON.stringify(sel), JSON.stringify(plan));
      const orig = index.sql;
      index.sql = async (sql, params) => {
        const rows = await ds.query('EXPLAIN (ANALYZE, BUFFERS) ' + sql, params);
        console.log(rows.map((r) => r['QUERY PLAN']).join('\n'));
        return orig(sql, params);
      };
      await pgRun(sel);
      index.sql = orig;
    }
    const pgStats = await measure('postgres', pgRun);

    if (values.minisearch) {
      global.gc?.();
      const heap0 = process.memoryUsage().heapUsed;
      const m0 = performance.now();
      const mini = new MiniSearch({
        fields: ['a', 'b', 'c'],
        storeFields: ['kind', 'visibility', 'concepts_x', 'amountMin', 'amountMax', 'concepts', 'verified'],
        tokenize: (text) => text.split(' '),
        processTerm: (t) => t,
        searchOptions: { boost: { a: 3, b: 2, c: 1 }, combineWith: 'OR' },
      });
      mini.addAll(
        docs.map((d) => ({
          id: d.id,
          a: d.terms.a.join(' '),
          b: d.terms.b.join(' '),
          c: d.terms.c.join(' '),
          kind: d.kind,
          visibility: d.visibility,
          concepts_x: Object.values(d.conceptsExpanded).flat(),
          concepts: Object.values(d.concepts).flat(),
          amountMin: d.amountMin,
          amountMax: d.amountMax,
          verified: d.verified,
        })),
      );
      const miniBuild = (performance.now() - m0) / 1000;
      global.gc?.();
      console.log(
        `  minisearch build ${miniBuild.toFixed(1)} s, heap +${mib(process.memoryUsage().heapUsed - heap0).toFixed(0)} MiB (in the API process)`,
      );
      await measure('minisearch', async (q) => {
        const plan = planQuery(q.q ?? null, vocabulary);
        const filter = (r) =>
          r.visibility === 'PUBLIC' &&
          (!q.kind || r.kind === q.kind) &&
          (!q.concepts || r.concepts_x.some((c) => q.concepts.task.includes(c))) &&
          (q.amountMin === undefined || r.amountMax === null || r.amountMax >= q.amountMin) &&
          (q.amountMax === undefined || r.amountMin === null || r.amountMin <= q.amountMax);
        const hits = plan?.terms?.length
          ? mini.search(plan.terms.join(' '), { filter })
          : plan?.choseong
            ? []
            : mini.search(MiniSearch.wildcard, { filter });
        if (q.facets) {
          const f = {};
          for (const h of hits) for (const c of h.concepts) f[c] = (f[c] ?? 0) + 1;
        }
        return hits.slice(0, 20);
      });
    }
    docs = null;

    // In-process engine (default), in a child process that loads the table as an API process does.
    const out = execFileSync(
      process.execPath,
      ['--expose-gc', fileURLToPath(import.meta.url), '--child', url, '--queries', String(queryCount)],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
        maxBuffer: 64 * 2 ** 20,
        encoding: 'utf8',
      },
    )
      .trimEnd()
      .split('\n');
    const mem = JSON.parse(out.pop());
    for (const line of out) console.log(line);
    const memStats = mem.stats;
    console.log(
      `  memory     load ${mem.loadS.toFixed(1)} s from PostgreSQL (${mem.documents} documents), rss +${mem.rssMb.toFixed(0)} MiB (heap +${mem.heapMb.toFixed(0)}, typed arrays +${mem.arrayBuffersMb.toFixed(0)}) in the API process`,
    );
    console.log(
      `  ratio postgres/memory p95: ${(pgStats.p95 / memStats.p95).toFixed(1)}x overall, ${(pgStats.worst.p95 / memStats.worst.p95).toFixed(1)}x worst class; worst class p95: memory ${memStats.worst.cls} ${fmt(memStats.worst.p95)} ms, postgres ${pgStats.worst.cls} ${fmt(pgStats.worst.p95)} ms`,
    );
    last = `engine=memory n=${n} p50_ms=${fmt(memStats.p50)} p95_ms=${fmt(memStats.p95)} p99_ms=${fmt(memStats.p99)} rss_mb=${mem.rssMb.toFixed(0)} worst_class=${memStats.worst.cls} worst_p95_ms=${fmt(memStats.worst.p95)} other_p95_ms=${fmt(pgStats.worst.p95)}`;
    await ds.destroy();
  }
} finally {
  await pg.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
console.log(last);
