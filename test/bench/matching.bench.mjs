// `npm run bench:matching [-- --suppliers 10000 --demands 1000]`
// Generates supplier listings and demands from the vocabulary (Korean text of 50–300 words naming
// each listing's own concepts, structured fields partly empty as in real listings), loads them into
// a fresh embedded PostgreSQL and the default embedded search engine through the app's indexer, and
// measures `matchesForDemand`'s work end to end in-process for every demand: candidate retrieval
// (top K from the engine), re-ranking and explanation (MatchEngine) and loading the first page of
// listings. Last line: `p50_ms=… p95_ms=…`.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { randomUUID } from 'node:crypto';
import { api, dist, require, withThrowawayApp } from './boot.mjs';

const { values } = parseArgs({
  options: { suppliers: { type: 'string', default: '10000' }, demands: { type: 'string', default: '1000' } },
});
const SUPPLIERS = Number(values.suppliers);
const DEMANDS = Number(values.demands);
const { SearchIndexer } = api('modules/search/search-indexer.js');
const { SEARCH_INDEX } = api('modules/search/search-index.provider.js');
const { MatchEngine } = api('modules/matching/match-engine.js');
const { ListingsRepository } = api('modules/listings/listings.repository.js');
const { ListingEntity } = api('modules/listings/entities/listing.entity.js');
const { Vocabulary } = dist('libs/capability-model/src/index.js');
const { businessRegistrationCheckDigit } = dist('libs/validation/src/index.js');
const { DataSource, In } = require('typeorm');

let seed = 7;
const rand = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const some = (xs, max) => [...new Set(Array.from({ length: Math.floor(rand() * (max + 1)) }, () => pick(xs).id))];
const vocabulary = Vocabulary.fromJson(JSON.parse(readFileSync('libs/capability-model/src/data/concepts.json', 'utf8')));
const scheme = (s) => vocabulary.concepts.filter((c) => c.scheme === s);
const [tasks, industries, regions, deployments, integrations, modalities, certifications] = [
  'task',
  'industry',
  'region',
  'deployment',
  'integration',
  'modality',
  'certification',
].map(scheme);
const FILLER = [
  '공장',
  '데이터',
  '자동화',
  '개선',
  '생산',
  '품질',
  '고객',
  '시스템',
  '구축',
  '분석',
  '현장',
  '운영',
  '관리',
  '효율',
  '비용',
  '설비',
  '라인',
  '작업자',
  '모델',
  '학습',
  '정확도',
  '도입',
  '솔루션',
  '경험',
  '프로젝트',
  '납품',
  '유지보수',
  '서버',
  '보안',
  '매장',
  '직원',
  '문서',
  '상담',
  '예약',
  '재고',
  '주문',
  '사진',
  '영상',
  '센서',
  '기록',
];
const PARTICLES = ['', '', '을', '를', '의', '에서', '으로', '와', '는', '이', '가'];
const words = (n, own) =>
  Array.from({ length: n }, () => {
    const r = rand();
    if (r < 0.1 && own.length) {
      const c = vocabulary.get(pick(own));
      return pick([c.labels.ko, ...c.synonyms.ko]) + pick(PARTICLES);
    }
    return pick(FILLER) + pick(PARTICLES);
  }).join(' ');
const contact = { name: '담당자', role: null, email: 'bench@example.kr', phone: null };
const money = () => Math.round(rand() * 300) * 1_000_000;

function supply(orgId) {
  const capability = {
    tasks: some(tasks, 3),
    modalities: some(modalities, 2),
    industries: some(industries, 3),
    deployments: some(deployments, 2),
    integrations: some(integrations, 3),
    languages: ['ko'],
  };
  const own = [...capability.tasks, ...capability.industries];
  const min = money();
  return {
    kind: 'SUPPLY',
    orgId,
    content: {
      kind: 'SUPPLY',
      title: words(6, own),
      titleEn: null,
      summary: words(15, own),
      summaryEn: null,
      description: words(50 + Math.floor(rand() * 250), own),
      descriptionEn: null,
      capability,
      commercialTerms: {
        currency: 'KRW',
        minAmountKrw: min,
        maxAmountKrw: min + money(),
        leadTimeWeeks: 8,
        desiredStartDate: null,
        durationWeeks: null,
      },
      trustProfile: { certifications: some(certifications, 2), checklist: [] },
      contact,
      referenceCases: [],
    },
  };
}

function demand(orgId) {
  const textOnly = rand() < 0.3;
  const requirement = textOnly
    ? { tasks: [], modalities: [], industries: [], deployments: [], integrations: [], languages: ['ko'] }
    : {
        tasks: some(tasks, 2),
        modalities: some(modalities, 1),
        industries: some(industries, 1),
        deployments: rand() < 0.5 ? [pick(deployments).id] : [],
        integrations: some(integrations, 2),
        languages: ['ko'],
      };
  const own = textOnly ? [pick(tasks).id, pick(industries).id] : [...requirement.tasks, ...requirement.industries];
  const min = money();
  return {
    kind: 'DEMAND',
    orgId,
    content: {
      kind: 'DEMAND',
      title: words(6, own),
      titleEn: null,
      summary: words(15, own),
      summaryEn: null,
      description: words(50 + Math.floor(rand() * 150), own),
      descriptionEn: null,
      requirement,
      dataProfile: {
        dataKinds: [],
        systems: [],
        volumeDescription: null,
        approximateRecords: null,
        labelling: 'UNKNOWN',
        sampleAvailable: false,
        containsPersonalData: false,
      },
      commercialTerms: {
        currency: 'KRW',
        minAmountKrw: rand() < 0.3 ? null : min,
        maxAmountKrw: rand() < 0.3 ? null : min + money(),
        leadTimeWeeks: null,
        desiredStartDate: null,
        durationWeeks: null,
      },
      contact,
      bidDeadline: null,
      onSiteRequired: rand() < 0.1,
      regionId: pick(regions).id,
      visibility: 'PUBLIC',
    },
  };
}

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
await withThrowawayApp({ NODE_ENV: 'test', SEED_DEMO: 'false' }, async (app) => {
  const ds = app.get(DataSource);
  const t0 = performance.now();
  const orgs = Array.from({ length: 400 }, (_, i) => {
    const first9 = `5${String(i).padStart(4, '0')}8${String(i % 1000).padStart(3, '0')}`;
    return {
      id: randomUUID(),
      kind: i < 300 ? 'AI_SUPPLIER' : 'SME',
      name_ko: `벤치기업${i}`,
      brn: first9 + businessRegistrationCheckDigit(first9),
      region_id: pick(regions).id,
      verified: rand() < 0.7,
    };
  });
  await ds.query(
    `INSERT INTO organizations (id, kind, name_ko, business_registration_number, region_id, verification_status)
     SELECT id, kind, name_ko, brn, region_id, CASE WHEN verified THEN 'VERIFIED' ELSE 'UNVERIFIED' END
       FROM json_to_recordset($1) AS x(id uuid, kind text, name_ko text, brn text, region_id text, verified boolean)`,
    [JSON.stringify(orgs)],
  );
  await ds.query(
    `INSERT INTO organization_track_records (organization_id, completed_projects, rating_average, rating_count)
     SELECT id, (random() * 40)::int, round((3 + random() * 2)::numeric, 2), 5 FROM organizations WHERE kind = 'AI_SUPPLIER'`,
  );
  const listings = [
    ...Array.from({ length: SUPPLIERS }, (_, i) => supply(orgs[i % 300].id)),
    ...Array.from({ length: DEMANDS }, (_, i) => demand(orgs[300 + (i % 100)].id)),
  ];
  for (let i = 0; i < listings.length; i += 1000) {
    const chunk = listings.slice(i, i + 1000).map((l) => ({
      id: randomUUID(),
      kind: l.kind,
      org: l.orgId,
      title: l.content.title,
      content: l.content,
      region: l.kind === 'DEMAND' ? l.content.regionId : null,
    }));
    await ds.query(
      `INSERT INTO listings (id, kind, organization_id, status, version, title, content, visibility, region_id, submitted_at, published_at)
       SELECT id, kind, org, 'PUBLISHED', 1, title, content, 'PUBLIC', region, now(), now()
         FROM json_to_recordset($1) AS x(id uuid, kind text, org uuid, title text, content jsonb, region text)`,
      [JSON.stringify(chunk)],
    );
  }
  console.log(
    `generated and stored ${SUPPLIERS} supplier listings and ${DEMANDS} demands in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  const t1 = performance.now();
  await app.get(SearchIndexer).reindexAll();
  console.log(`indexed in ${((performance.now() - t1) / 1000).toFixed(1)} s (engine ${app.get(SEARCH_INDEX).engine})`);

  const engine = app.get(MatchEngine);
  const repo = app.get(ListingsRepository);
  const demandIds = (await ds.query(`SELECT id FROM listings WHERE kind = 'DEMAND' ORDER BY id`)).map((r) => r.id);
  const demandsById = new Map((await ds.manager.findBy(ListingEntity, { id: In(demandIds) })).map((l) => [l.id, l]));
  const t2 = performance.now();
  const analysed = await engine.warm();
  for (const id of demandIds.slice(0, 20)) await engine.suppliersFor(demandsById.get(id)); // JIT warm-up
  console.log(
    `warm-up: ${analysed} supplier listings analysed (cached as in a running server) in ${((performance.now() - t2) / 1000).toFixed(1)} s`,
  );
  const times = [];
  const candidates = [];
  for (const id of demandIds) {
    const started = performance.now();
    const ranked = await engine.suppliersFor(demandsById.get(id));
    await repo.findByIds(ranked.slice(0, 20).map((r) => r.listingId));
    times.push(performance.now() - started);
    candidates.push(ranked.length);
  }
  console.log(`K=${engine.candidateLimit}; candidates re-ranked per demand: p50 ${pct(candidates, 50)}`);
  console.log(
    `matchesForDemand in-process (retrieval + re-rank + explanation + first page): p50 ${pct(times, 50).toFixed(1)} ms  p95 ${pct(times, 95).toFixed(1)} ms  p99 ${pct(times, 99).toFixed(1)} ms  max ${Math.max(...times).toFixed(1)} ms`,
  );
  console.log(`rss_mb=${Math.round(process.memoryUsage().rss / 1048576)}`);
  console.log(`p50_ms=${pct(times, 50).toFixed(1)} p95_ms=${pct(times, 95).toFixed(1)}`);
});
