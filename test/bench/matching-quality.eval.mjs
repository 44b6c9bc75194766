// `npm run eval:matching [-- --suppliers <file> --demands <file> --verbose]`
// Loads a matching benchmark in the association's format (default: ../shared/benchmarks/matching)
// into a fresh embedded PostgreSQL and search index through the app's own services (demo seeder →
// listings → outbox indexer), ranks suppliers for every demand with the matcher (MatchEngine, as
// `matchesForDemand` does) and with a text-only baseline (the search engine's ranking for the
// demand's title and description, nothing structured), and prints nDCG@10, MRR and Recall@10 as
// the benchmark README defines them, overall and for demands with and without structured tasks.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { api, dist, require, withThrowawayApp } from './boot.mjs';

const { values } = parseArgs({
  options: {
    suppliers: { type: 'string', default: '../shared/benchmarks/matching/suppliers.json' },
    demands: { type: 'string', default: '../shared/benchmarks/matching/demands.json' },
    verbose: { type: 'boolean', default: false },
  },
});
const { DemoSeeder } = api('seed/demo.seeder.js');
const { demoBrn } = api('seed/demo/demo-marketplace.js');
const { SearchIndexer } = api('modules/search/search-indexer.js');
const { SEARCH_INDEX } = api('modules/search/search-index.provider.js');
const { MatchEngine } = api('modules/matching/match-engine.js');
const { ListingEntity } = api('modules/listings/entities/listing.entity.js');
const { evaluateRankings, ndcgAt, MATCHING_WEIGHTS, FIT_TIERS } = dist('libs/matching/src/index.js');
const { analyzeQuery } = dist('libs/korean-text/src/index.js');
const { DataSource, In } = require('typeorm');

const suppliers = JSON.parse(readFileSync(values.suppliers, 'utf8')).suppliers;
const demands = JSON.parse(readFileSync(values.demands, 'utf8')).demands;

const fmt = (m) => `nDCG@10 ${m.ndcg10.toFixed(3)}  MRR ${m.mrr.toFixed(3)}  Recall@10 ${m.recall10.toFixed(3)}  (${m.count} demands)`;
await withThrowawayApp({ NODE_ENV: 'test', SEED_DEMO: 'false' }, async (app) => {
  await app.get(DemoSeeder).seedSamples(suppliers, demands);
  await app.get(SearchIndexer).reindexAll();
  const dataSource = app.get(DataSource);
  const rows = await dataSource.query(
    `SELECT l.id, l.kind, o.business_registration_number AS brn FROM listings l JOIN organizations o ON o.id = l.organization_id`,
  );
  const sampleOfListing = new Map();
  const listingOfSample = new Map();
  const byBrn = new Map(rows.map((r) => [r.brn, r.id]));
  for (const s of [...suppliers, ...demands]) {
    const id = byBrn.get(demoBrn(s.id));
    sampleOfListing.set(id, s.id);
    listingOfSample.set(s.id, id);
  }
  const engine = app.get(MatchEngine);
  const index = app.get(SEARCH_INDEX);
  const entities = new Map(
    (await dataSource.manager.findBy(ListingEntity, { id: In(demands.map((d) => listingOfSample.get(d.id))) })).map((l) => [l.id, l]),
  );
  const ours = [];
  const baseline = [];
  const timings = [];
  /** Every ranked (demand, supplier) pair's score with its grade: the evidence for the fit tiers' cut-offs. */
  const scored = [];
  for (const d of demands) {
    const listing = entities.get(listingOfSample.get(d.id));
    const started = performance.now();
    const ranked = await engine.suppliersFor(listing);
    timings.push(performance.now() - started);
    const ranking = ranked.map((r) => sampleOfListing.get(r.listingId));
    const terms = analyzeQuery(`${d.title} ${d.description}`).terms;
    const text = await index.search({
      query: terms.length ? { text: d.title, terms, boostTerms: [], choseong: null } : null,
      filters: { kind: 'SUPPLY', visibility: ['PUBLIC'] },
      facets: [],
      sort: 'relevance',
      limit: suppliers.length,
      offset: 0,
    });
    const baseRanking = text.hits.map((h) => sampleOfListing.get(h.id));
    const hasTasks = d.tasks.length > 0;
    ours.push({ id: d.id, ranking, judgments: d.judgments, hasTasks, top: ranked.slice(0, 3) });
    for (const r of ranked) scored.push({ score: r.explanation.score, grade: d.judgments[sampleOfListing.get(r.listingId)] ?? 0 });
    baseline.push({ ranking: baseRanking, judgments: d.judgments, hasTasks });
  }
  if (values.verbose) {
    console.log('demand  nDCG@10  base   top 3 (grade:score)                      title');
    for (const [i, r] of ours.entries()) {
      const top = r.top
        .map((t) => `${sampleOfListing.get(t.listingId)}(${r.judgments[sampleOfListing.get(t.listingId)] ?? 0}:${t.explanation.score})`)
        .join(' ');
      console.log(
        `${r.id}    ${ndcgAt(10, r.ranking, r.judgments).toFixed(3)}   ${ndcgAt(10, baseline[i].ranking, r.judgments).toFixed(3)}  ${top.padEnd(40)} ${demands[i].title}`,
      );
    }
    console.log('');
  }
  const m = evaluateRankings(ours);
  const b = evaluateRankings(baseline);
  console.log(
    `benchmark: ${values.demands} (${demands.length} demands, ${suppliers.length} suppliers); weights ${MATCHING_WEIGHTS.version}; engine ${index.engine}`,
  );
  console.log(`matcher             ${fmt(m)}`);
  console.log(`  with tasks        ${fmt(evaluateRankings(ours.filter((r) => r.hasTasks)))}`);
  console.log(`  without tasks     ${fmt(evaluateRankings(ours.filter((r) => !r.hasTasks)))}`);
  console.log(`text-only baseline  ${fmt(b)}`);
  console.log(`  with tasks        ${fmt(evaluateRankings(baseline.filter((r) => r.hasTasks)))}`);
  console.log(`  without tasks     ${fmt(evaluateRankings(baseline.filter((r) => !r.hasTasks)))}`);
  printTierEvidence(scored);
  timings.sort((x, y) => x - y);
  console.log(`ranking time per demand: p50 ${timings[Math.floor(timings.length / 2)].toFixed(1)} ms, max ${timings.at(-1).toFixed(1)} ms`);
  console.log(
    `ndcg10=${m.ndcg10.toFixed(3)} mrr=${m.mrr.toFixed(3)} recall10=${m.recall10.toFixed(3)} baseline_ndcg10=${b.ndcg10.toFixed(3)}`,
  );
});

/**
 * The score distribution of relevant and non-relevant pairs, and how the fit tiers (libs/matching
 * `FIT_TIERS`) split them: the numbers behind the cut-offs' comment.
 */
function printTierEvidence(scored) {
  const q = (xs, p) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? NaN;
  console.log('score by grade       n    p10  p25  p50  p75  p90');
  for (const grade of [3, 2, 1, 0]) {
    const xs = scored
      .filter((s) => s.grade === grade)
      .map((s) => s.score)
      .sort((a, b) => a - b);
    console.log(
      `  grade ${grade}      ${String(xs.length).padStart(5)}  ${[0.1, 0.25, 0.5, 0.75, 0.9].map((p) => String(q(xs, p)).padStart(4)).join(' ')}`,
    );
  }
  const { good, review } = FIT_TIERS;
  console.log(`fit tiers ${FIT_TIERS.version}: GOOD ≥ ${good}, REVIEW ≥ ${review}, LOW below`);
  for (const [tier, inTier] of [
    ['GOOD', (s) => s >= good],
    ['REVIEW', (s) => s >= review && s < good],
    ['LOW', (s) => s < review],
  ]) {
    const xs = scored.filter((s) => inTier(s.score));
    const by = (g) => xs.filter((s) => s.grade === g).length;
    console.log(`  ${tier.padEnd(7)} ${String(xs.length).padStart(5)} pairs: grade 3 ${by(3)}, 2 ${by(2)}, 1 ${by(1)}, 0 ${by(0)}`);
  }
  for (const g of [3, 2, 1]) {
    const all = scored.filter((s) => s.grade === g).length;
    const low = scored.filter((s) => s.grade === g && s.score < review).length;
    console.log(`  grade ${g} folded as LOW: ${low} of ${all}`);
  }
}
