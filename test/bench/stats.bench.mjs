// `npm run bench:stats [-- --listings 1000000 --organizations 100000 --runs 20 --programs 3000]`
// Market numbers at scale (#15 "Numbers"): on a throw-away embedded PostgreSQL, synthetic
// organizations, listings, bids, verification requests and conversations are inserted with SQL
// (generate_series; minutes, not hours), spread over five years; then every `marketStats` group is
// asked over GraphQL as staff `runs` times over a one-year range (groupBy MONTH), a 90-day range by
// WEEK and a five-year range by MONTH, and its p95 printed, with EXPLAIN (ANALYZE) of every group's SQL
// (over five years) and the plan of the slowest group.
// Then `programs` published programs are added and `eligiblePrograms(organizationId)` of one
// organization is timed. Targets: every group p95 ≤ 200 ms; eligibility p95 ≤ 20 ms.
// Last line: `stats_p95_ms_max=… eligibility_p95_ms=… listings=… organizations=…`.
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { api, gqlClient, require, staffToken, withThrowawayApp } from './boot.mjs';

const { values } = parseArgs({
  options: {
    listings: { type: 'string', default: '1000000' },
    organizations: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '20' },
    programs: { type: 'string', default: '3000' },
  },
});
const LISTINGS = Number(values.listings);
const ORGS = Number(values.organizations);
const RUNS = Number(values.runs);
const PROGRAMS = Number(values.programs);
const { DataSource } = require('typeorm');

const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];
const COUNT = 'key count';
const GROUPS = {
  listingsByStatus: `listingsByStatus { ${COUNT} }`,
  listingsByIndustry: `listingsByIndustry { ${COUNT} }`,
  listingsByRegion: `listingsByRegion { ${COUNT} }`,
  listingsByTask: `listingsByTask { ${COUNT} }`,
  newListings: 'newListings { period series count }',
  newOrganizations: 'newOrganizations { period series count }',
  verification: 'verification { backlog decided medianHoursToDecision }',
  bids: 'bids { bids demandsWithBids bidsPerDemand medianHoursToFirstBid shortlistRate awardRate }',
  chat: 'chat { conversations answered medianMinutesToFirstResponse }',
  awardedMatchScores: 'awardedMatchScores { lower count }',
  programEligibility: 'programEligibility { programId eligible possible }',
  all: null,
};
GROUPS.all = Object.values(GROUPS).filter(Boolean).join(' ');

async function seed(ds) {
  const t0 = performance.now();
  const ids = async (scheme) =>
    (await ds.query(`SELECT id FROM concepts WHERE id LIKE $1 ORDER BY id`, [`urn:aimatch:${scheme}:%`])).map((r) => r.id);
  const [regions, industries, tasks] = [await ids('region'), await ids('industry'), await ids('task')];
  await ds.query(`CREATE TEMP TABLE bench_concepts AS SELECT $1::text[] AS regions, $2::text[] AS industries, $3::text[] AS tasks`, [
    regions,
    industries,
    tasks,
  ]);
  const at = (expr) => `timestamptz '2022-01-01 00:00+09' + (${expr}) * interval '5 years'`;
  await ds.query(`
    INSERT INTO organizations (kind, name_ko, business_registration_number, region_id, industry_id, employee_band, founded_year, verification_status, created_at)
    SELECT (ARRAY['SME','SME','SME','AI_SUPPLIER','SI_INTEGRATOR','PUBLIC_AGENCY'])[1 + i % 6], '벤치 기업 ' || i, lpad(i::text, 10, '0'),
           c.regions[1 + (i * 7) % cardinality(c.regions)], c.industries[1 + (i * 11) % cardinality(c.industries)],
           (ARRAY['SIZE_1_9','SIZE_10_49','SIZE_50_299','SIZE_300_999','SIZE_1000_PLUS'])[1 + i % 5], 1980 + i % 45,
           (ARRAY['UNVERIFIED','PENDING','VERIFIED','VERIFIED','REJECTED'])[1 + i % 5], ${at('i::float8 / ' + ORGS)}
      FROM generate_series(1, ${ORGS}) i, bench_concepts c`);
  await ds.query(
    `CREATE TEMP TABLE bench_orgs AS SELECT row_number() OVER (ORDER BY id) AS n, id FROM organizations WHERE kind <> 'ASSOCIATION'`,
  );
  await ds.query('CREATE INDEX ON bench_orgs (n)');
  await ds.query(`
    INSERT INTO listings (kind, organization_id, status, title, content, region_id, created_at, published_at)
    SELECT CASE WHEN i % 3 = 0 THEN 'SUPPLY' ELSE 'DEMAND' END, o.id,
           (ARRAY['DRAFT','SUBMITTED','PUBLISHED','PUBLISHED','PUBLISHED','AWARDED','COMPLETED','ARCHIVED','PAUSED','CHANGES_REQUESTED'])[1 + i % 10],
           '벤치 공고 ' || i,
           CASE WHEN i % 3 = 0
             THEN jsonb_build_object('kind', 'SUPPLY', 'capability', jsonb_build_object(
                    'tasks', jsonb_build_array(c.tasks[1 + i % cardinality(c.tasks)], c.tasks[1 + (i * 3) % cardinality(c.tasks)]),
                    'industries', jsonb_build_array(c.industries[1 + i % cardinality(c.industries)])))
             ELSE jsonb_build_object('kind', 'DEMAND', 'requirement', jsonb_build_object(
                    'tasks', jsonb_build_array(c.tasks[1 + i % cardinality(c.tasks)]),
                    'industries', jsonb_build_array(c.industries[1 + (i * 5) % cardinality(c.industries)]))) END,
           CASE WHEN i % 3 = 0 THEN NULL ELSE c.regions[1 + (i * 13) % cardinality(c.regions)] END,
           ${at('i::float8 / ' + LISTINGS)}, ${at('i::float8 / ' + LISTINGS)} + interval '1 day'
      FROM generate_series(1, ${LISTINGS}) i
      JOIN bench_orgs o ON o.n = 1 + (i * 31) % ${ORGS - 1}
      CROSS JOIN bench_concepts c`);
  // Bids: on a third of the demands, 1–3 each, 6–200 hours after publication; the first of every tenth demand accepted.
  await ds.query(`
    INSERT INTO bids (demand_id, organization_id, status, amount_krw, duration_weeks, approach, submitted_at, match_score_at_award)
    SELECT l.id, o.id, CASE WHEN k = 1 AND d.n % 10 = 0 THEN 'ACCEPTED' WHEN k = 2 AND d.n % 4 = 0 THEN 'SHORTLISTED' ELSE 'SUBMITTED' END,
           50000000, 10, '벤치 제안', l.published_at + ((6 + (d.n * k * 17) % 194) * interval '1 hour'),
           CASE WHEN k = 1 AND d.n % 10 = 0 THEN (d.n * 7) % 101 END
      FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM listings WHERE kind = 'DEMAND') d
      JOIN listings l ON l.id = d.id
      CROSS JOIN LATERAL generate_series(1, 1 + (d.n % 3)::int) k
      JOIN bench_orgs o ON o.n = 1 + (d.n * 7 + k * 101) % ${ORGS - 1}
     WHERE d.n % 3 = 0`);
  await ds.query(`
    INSERT INTO verification_requests (organization_id, status, previous_status, decision_reason, decided_at, created_at)
    SELECT o.id, CASE WHEN o.n % 10 = 0 THEN 'OPEN' WHEN o.n % 4 = 0 THEN 'REJECTED' ELSE 'VERIFIED' END, 'UNVERIFIED',
           CASE WHEN o.n % 10 <> 0 AND o.n % 4 = 0 THEN '서류 불일치' END,
           CASE WHEN o.n % 10 <> 0 THEN ${at('o.n::float8 / ' + ORGS)} + ((o.n % 96) * interval '1 hour') END, ${at('o.n::float8 / ' + ORGS)}
      FROM bench_orgs o WHERE o.n % 2 = 0`);
  // Conversations: 50k pairs, a first message and (for 4 in 5) the other side's answer.
  const CONV = Math.min(50_000, Math.floor(ORGS / 2));
  await ds.query(`
    INSERT INTO conversations (context_type, context_id, organization_low, organization_high, last_seq, last_message_at, created_at)
    SELECT 'DEMAND', gen_random_uuid(), least(a.id, b.id), greatest(a.id, b.id), 2, ${at(`i::float8 / ${CONV}`)} + interval '2 hours', ${at(`i::float8 / ${CONV}`)}
      FROM generate_series(1, ${CONV}) i JOIN bench_orgs a ON a.n = i JOIN bench_orgs b ON b.n = i + ${CONV}`);
  await ds.query(`
    INSERT INTO chat_messages (conversation_id, seq, sender_organization_id, client_message_id, body, created_at)
    SELECT c.id, s, CASE WHEN s = 1 THEN c.organization_low ELSE c.organization_high END, 'bench-' || s, '안녕하세요',
           c.created_at + ((s - 1) * (5 + abs(hashtext(c.id::text)) % 600)) * interval '1 minute'
      FROM conversations c CROSS JOIN generate_series(1, 2) s
     WHERE s = 1 OR abs(hashtext(c.id::text)) % 5 <> 0`);
  await ds.query(`
    INSERT INTO support_programs (status, name_ko, agency_ko, benefit_ko, rules)
    VALUES ('PUBLISHED', '벤치 SME 사업', '협회', '지원', '[{"fact":"organization.kind","op":"in","values":["SME"]}]'),
           ('PUBLISHED', '벤치 공급기업 사업', '협회', '지원', '[{"fact":"organization.kind","op":"in","values":["AI_SUPPLIER","SI_INTEGRATOR"]},{"fact":"organization.verified","op":"is","value":true}]'),
           ('PUBLISHED', '벤치 소기업 사업', '협회', '지원', '[{"fact":"organization.employeeBand","op":"in","values":["SIZE_1_9","SIZE_10_49"]}]'),
           ('PUBLISHED', '벤치 업력 사업', '협회', '지원', '[{"fact":"organization.foundedYear","op":"between","min":2015,"max":2025}]')`);
  await ds.query('ANALYZE');
  const counts = (
    await ds.query(`SELECT (SELECT count(*)::int FROM listings) AS listings, (SELECT count(*)::int FROM organizations) AS organizations,
      (SELECT count(*)::int FROM bids) AS bids, (SELECT count(*)::int FROM verification_requests) AS verifications,
      (SELECT count(*)::int FROM chat_messages) AS messages`)
  )[0];
  console.log(`seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s:`, JSON.stringify(counts));
}

// Far more requests a minute than a person makes: the API's per-user limit would refuse the runs.
await withThrowawayApp({ RATE_LIMIT_API_PER_MINUTE: '1000000' }, async (app) => {
  const ds = app.get(DataSource);
  const gql = gqlClient(app);
  await seed(ds);
  const staff = await staffToken(app, 'bench-stats@aimatch.or.kr');
  let worst = 0;
  const results = [];
  for (const [label, from, to, groupBy] of [
    ['1 year by month', '2025-01-01', '2025-12-31', 'MONTH'],
    ['90 days by week', '2025-06-01', '2025-08-29', 'WEEK'],
    ['5 years by month', '2022-01-01', '2026-12-31', 'MONTH'],
  ]) {
    for (const [group, fields] of Object.entries(GROUPS)) {
      const query = `query($f: String!, $t: String!, $g: StatsGroupBy) { marketStats(from: $f, to: $t, groupBy: $g) { ${fields} } }`;
      const times = [];
      for (let i = 0; i < RUNS + 1; i++) {
        const s = performance.now();
        await gql(query, { f: from, t: to, g: groupBy }, staff);
        if (i > 0) times.push(performance.now() - s); // the first run warms the JIT, plans and caches
      }
      const ms = p95(times);
      results.push({ label, group, ms });
      if (group !== 'all') worst = Math.max(worst, ms);
      console.log(`${label.padEnd(17)} ${group.padEnd(20)} p95 ${ms.toFixed(1).padStart(7)} ms  (max ${Math.max(...times).toFixed(1)})`);
    }
  }
  // The cold program-eligibility count (the cache is per process, five minutes): measured once, reported apart.
  {
    const { StatsService } = api('modules/stats/stats.service.js');
    const svc = app.get(StatsService);
    svc.eligibilityCache = null;
    const s = performance.now();
    await svc.programEligibility('ko');
    console.log(`programEligibility cold (100k organizations x 4 programs, then cached 5 min): ${(performance.now() - s).toFixed(0)} ms`);
  }
  // EXPLAIN (ANALYZE) of the SQL each group runs (as the repositories write it), over the five-year range,
  // with the plan of the slowest group. Ranges are Korean days; a range of whole months reads only the monthly rollup.
  const from = '2022-01-01T00:00:00+09:00';
  const to = '2027-01-01T00:00:00+09:00';
  const spans = `SELECT day, kind, dimension, key, count FROM listing_daily_counts WHERE day >= $1::date AND day < $2::date AND count <> 0
    UNION ALL SELECT day, kind, dimension, key, count FROM listing_daily_counts WHERE day >= $3::date AND day < $4::date AND count <> 0
    UNION ALL SELECT month, kind, dimension, key, count FROM listing_monthly_counts WHERE month >= $5::date AND month < $6::date AND count <> 0`;
  const listingSpans = ['2022-01-01', '2022-01-01', '2027-01-01', '2027-01-01', '2022-01-01', '2027-01-01'];
  const listingSql = [
    `WITH d AS (${spans}) SELECT dimension, kind, nullif(key, '') AS key, sum(count)::int FROM d GROUP BY 1, 2, 3 HAVING sum(count) <> 0`,
    listingSpans,
  ];
  const bidSql = [
    `SELECT metric, key, sum(n)::int AS n FROM bid_daily_stats WHERE day >= $1::date AND day < $2::date AND n <> 0
       AND (metric IN ('bids', 'shortlisted', 'score') OR key < $1::text) GROUP BY 1, 2`,
    ['2022-01-01', '2027-01-01'],
  ];
  const SQL = {
    listingsByStatus: [listingSql],
    listingsByIndustry: [listingSql],
    listingsByRegion: [listingSql],
    listingsByTask: [listingSql],
    newListings: [
      [
        `WITH d AS (${spans}) SELECT kind, to_char(date_trunc('month', day), 'YYYY-MM-DD'), sum(count)::int FROM d WHERE dimension = 'status' GROUP BY 1, 2`,
        listingSpans,
      ],
    ],
    newOrganizations: [
      [
        `SELECT to_char(date_trunc('month', day), 'YYYY-MM-DD'), kind, sum(count)::int FROM organization_daily_counts
          WHERE day >= $1::date AND day < $2::date AND count <> 0 GROUP BY 1, 2 ORDER BY 1, 2`,
        ['2022-01-01', '2027-01-01'],
      ],
    ],
    verification: [
      [
        `SELECT (SELECT count(*)::int FROM verification_requests WHERE status = 'OPEN'), count(*)::int,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM decided_at - created_at) / 3600)
           FROM verification_requests WHERE decided_at >= $1 AND decided_at < $2`,
        [from, to],
      ],
    ],
    bids: [
      bidSql,
      [
        `WITH h AS (SELECT hours, count(*) AS n FROM bid_stats_demands WHERE first_at >= $1 AND first_at < $2 AND hours IS NOT NULL GROUP BY hours),
         c AS (SELECT hours, sum(n) OVER (ORDER BY hours) AS cum FROM h),
         p AS (SELECT total, floor(0.5::float8 * (total - 1)) AS lo, ceil(0.5::float8 * (total - 1)) AS hi FROM (SELECT coalesce(sum(n), 0) AS total FROM h) t)
         SELECT (SELECT min(hours) FROM c WHERE cum > p.lo), (SELECT min(hours) FROM c WHERE cum > p.hi) FROM p`,
        [from, to],
      ],
    ],
    chat: [
      [
        `SELECT count(*)::int, count(answer_at)::int, percentile_cont(0.5) WITHIN GROUP (ORDER BY minutes)
           FROM chat_first_responses WHERE first_at >= $1 AND first_at < $2`,
        [from, to],
      ],
    ],
    awardedMatchScores: [bidSql],
  };
  const plans = {};
  console.log("\nEXPLAIN (ANALYZE) of each group's SQL, five-year range:");
  for (const [group, queries] of Object.entries(SQL)) {
    plans[group] = [];
    const times = [];
    for (const [sql, params] of queries) {
      const lines = (await ds.query(`EXPLAIN (ANALYZE, BUFFERS OFF) ${sql}`, params)).map((r) => r['QUERY PLAN']);
      plans[group].push(...lines);
      times.push(...lines.filter((l) => /Execution Time|Planning Time/.test(l)).map((l) => l.trim()));
    }
    console.log(`  ${group.padEnd(20)} ${times.join('; ')}`);
  }
  const slowest = results.filter((r) => r.group !== 'all').sort((a, b) => b.ms - a.ms)[0];
  console.log(`\nslowest group: ${slowest.group} (${slowest.label}, p95 ${slowest.ms.toFixed(1)} ms); its plan:`);
  console.log(
    (plans[slowest.group] ?? ['  (answered in memory: no SQL)'])
      .filter((l) => /Scan|Aggregate|Sort|Execution|Planning/.test(l))
      .map((l) => `      ${l.trim()}`)
      .join('\n'),
  );

  // Eligibility of one organization against PROGRAMS published programs.
  await ds.query(`
    INSERT INTO support_programs (status, name_ko, agency_ko, benefit_ko, closes_on, rules)
    SELECT 'PUBLISHED', '벤치 지원사업 ' || i, '기관 ' || (i % 40), '지원', date '2030-12-31',
           jsonb_build_array(
             jsonb_build_object('fact', 'organization.kind', 'op', 'in', 'values', jsonb_build_array((ARRAY['SME','AI_SUPPLIER','SI_INTEGRATOR'])[1 + i % 3])),
             jsonb_build_object('fact', 'organization.employeeBand', 'op', 'in', 'values', jsonb_build_array('SIZE_10_49', 'SIZE_50_299')),
             jsonb_build_object('fact', 'organization.foundedYear', 'op', 'between', 'min', 1990 + i % 20, 'max', 2026))
      FROM generate_series(1, ${PROGRAMS}) i`);
  const [org] = await ds.query(`SELECT id FROM organizations WHERE kind = 'SME' ORDER BY created_at DESC LIMIT 1`);
  const eligibility = [];
  const q = 'query($o: ID) { eligiblePrograms(organizationId: $o, first: 20) { totalCount edges { node { verdict program { id } } } } }';
  let total = 0;
  for (let i = 0; i < RUNS * 5 + 1; i++) {
    const s = performance.now();
    total = (await gql(q, { o: org.id }, staff)).eligiblePrograms.totalCount;
    if (i > 0) eligibility.push(performance.now() - s);
  }
  const eligibilityP95 = p95(eligibility);
  // The floor under both: a GraphQL request that reads nothing (auth, parsing, the HTTP inject) on this machine now.
  const floor = [];
  for (let i = 0; i < RUNS * 5 + 1; i++) {
    const s = performance.now();
    await gql('query { __typename }', {}, staff);
    if (i > 0) floor.push(performance.now() - s);
  }
  console.log(`GraphQL request floor ({ __typename } as staff): p95 ${p95(floor).toFixed(1)} ms`);
  console.log(
    `\neligiblePrograms(one organization) against ${PROGRAMS + 4} published programs (${total} eligible or possible): p95 ${eligibilityP95.toFixed(1)} ms`,
  );
  console.log(
    `stats_p95_ms_max=${worst.toFixed(1)} eligibility_p95_ms=${eligibilityP95.toFixed(1)} listings=${LISTINGS} organizations=${ORGS}`,
  );
});
