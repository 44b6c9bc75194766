// `npm run eval:search`: searchListings against the demo marketplace with the developers' query set
// (test/bench/search-queries.json): share of queries with a relevant supplier in the top 5, overall and
// per kind. Boots the built app on a throw-away embedded PostgreSQL and seeds the demo marketplace.
import { readFileSync } from 'node:fs';
import { api, require, withThrowawayApp } from './boot.mjs';

const { DemoSeeder } = api('seed/demo.seeder.js');
const { SearchIndexer } = api('modules/search/search-indexer.js');
const { DataSource } = require('typeorm');

await withThrowawayApp({ NODE_ENV: 'test', RATE_LIMIT_API_PER_MINUTE: '100000' }, async (app) => {
  await app.get(DemoSeeder).seed();
  await app.get(SearchIndexer).reindexAll();
  const rows = await app
    .get(DataSource)
    .query(
      `SELECT l.id, o.business_registration_number AS brn, o.name_ko FROM listings l JOIN organizations o ON o.id = l.organization_id WHERE l.kind = 'SUPPLY'`,
    );
  const { DEMO_SUPPLIERS } = api('seed/demo/demo-marketplace.js');
  const bySupplierName = new Map(DEMO_SUPPLIERS.map((s) => [s.name, s.id]));
  const sampleOf = new Map(rows.map((r) => [r.id, r.name_ko === '(주)가온비전테크' ? 's001' : bySupplierName.get(r.name_ko)]));
  const { queries } = JSON.parse(readFileSync('test/bench/search-queries.json', 'utf8'));
  const perKind = {};
  const misses = [];
  for (const q of queries) {
    const res = await app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({
        query: 'query($q: String) { searchListings(kind: SUPPLY, q: $q, first: 5) { edges { node { id title } } } }',
        variables: { q: q.q },
      }),
    });
    const edges = res.json().data?.searchListings.edges ?? [];
    const top = edges.map((e) => sampleOf.get(e.node.id));
    const hit = top.some((id) => q.relevant.includes(id));
    (perKind[q.kind] ??= []).push(hit);
    if (!hit) misses.push(`${q.kind}: "${q.q}" → ${edges.map((e) => e.node.title.slice(0, 18)).join(' | ') || '(nothing)'}`);
  }
  const share = (xs) => xs.filter(Boolean).length / xs.length;
  console.log('Misses:');
  for (const m of misses) console.log(`  ${m}`);
  console.log('\nTop-5 success by kind:');
  for (const [k, xs] of Object.entries(perKind))
    console.log(`  ${k.padEnd(9)} ${(share(xs) * 100).toFixed(0).padStart(3)}%  (${xs.filter(Boolean).length}/${xs.length})`);
  const all = Object.values(perKind).flat();
  const worst = Object.entries(perKind).reduce((a, b) => (share(b[1]) < share(a[1]) ? b : a));
  console.log(
    `top5=${(share(all) * 100).toFixed(1)}% queries=${all.length} worst_kind=${worst[0]} worst_top5=${(share(worst[1]) * 100).toFixed(0)}%`,
  );
});
