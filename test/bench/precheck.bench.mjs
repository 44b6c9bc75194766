// `npm run bench:precheck [-- --sizes 10000,100000 --probes 300]`
// Pre-checks of one listing against N existing listings, near-duplicate search included, on a
// throw-away embedded PostgreSQL through the product's own code: listings are written to the
// `listings` table, fingerprinted and indexed with CurationRepository.putFingerprints (the backfill
// path), and each probe is checked with CurationService.check (fingerprint, LSH band look-up in
// PostgreSQL, similarity of the candidates, keyword list, text rules, completeness).
// Listings are generated from the association's benchmark texts (../shared/benchmarks): each one
// mixes 3–6 sentences of different source listings, each with about a third of its words replaced by
// other words of the corpus, plus its own numbers and names; 2 % are
// reworded copies of earlier ones (particles and spacing changed, a sentence dropped), as brokers do.
// Probes: half fresh listings, half reworded copies (which must be found).
// Also prints the threshold's calibration on the benchmark texts: the highest similarity between
// two different source listings, and the similarity of reworded copies.
// Last line: `p95_ms_10000=… p95_ms_100000=… recall_copies=… max_distinct=…`.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { api, dist, require, signUpVerified, withThrowawayApp } from './boot.mjs';

const { values } = parseArgs({
  options: { sizes: { type: 'string', default: '10000,100000' }, probes: { type: 'string', default: '300' } },
});
const SIZES = values.sizes.split(',').map(Number);
const PROBES = Number(values.probes);

const { listingFingerprint, exactSimilarity, NEAR_DUPLICATE_THRESHOLD, comparableText } = dist('libs/marketplace/src/index.js');
const { businessRegistrationCheckDigit } = dist('libs/validation/src/index.js');
const { CurationService } = api('modules/curation/curation.service.js');
const { CurationRepository } = api('modules/curation/curation.repository.js');
const { DataSource } = require('typeorm');

// --- text generation -----------------------------------------------------------------------
const suppliers = JSON.parse(readFileSync('../shared/benchmarks/matching/suppliers.json', 'utf8')).suppliers;
const demands = JSON.parse(readFileSync('../shared/benchmarks/matching/demands.json', 'utf8')).demands;
const sources = [...suppliers, ...demands].map((s) => `${s.title}. ${s.description}`);
const sentences = sources.flatMap((t) => t.split(/(?<=[.다요])\s+/).filter((s) => s.length > 12));
let seed = 42;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = (a) => a[Math.floor(rand() * a.length)];
const NAMES = ['가온', '한빛', '누리', '다온', '해솔', '미르', '온새', '라온', '보람', '새롬'];

const words = [...new Set(sources.flatMap((t) => t.split(/\s+/)).filter((w) => w.length > 1))];
/** A source sentence rewritten the way another company would say it: about a third of its words replaced. */
const vary = (sentence) =>
  sentence
    .split(/\s+/)
    .map((w) => (rand() < 0.35 ? pick(words) : w))
    .join(' ');
function freshText() {
  const n = 3 + Math.floor(rand() * 4);
  const parts = [];
  for (let i = 0; i < n; i++) parts.push(vary(pick(sentences)));
  parts.push(
    `${pick(NAMES)}${Math.floor(rand() * 900 + 100)} 프로젝트, 기간 ${Math.floor(rand() * 20 + 4)}주, 예산 ${Math.floor(rand() * 90 + 10)}백만원.`,
  );
  return parts.join(' ');
}
const SWAPS = [
  [/을 /g, '를 '],
  [/에서 /g, '에 '],
  [/하여 /g, '해 '],
  [/합니다/g, '해 드립니다'],
  [/ 및 /g, '와 '],
  [/라인/g, ' 라인'],
];
/** A broker's copy: particles and endings changed, spacing changed, one sentence dropped, one added. */
function reword(text) {
  let out = text;
  for (const [re, to] of SWAPS) if (rand() < 0.7) out = out.replace(re, to);
  const parts = out.split(/(?<=[.다요])\s+/);
  if (parts.length > 3) parts.splice(Math.floor(rand() * parts.length), 1);
  parts.push('상세 조건은 협의 가능합니다.');
  return parts.join(' ');
}
function content(description, title) {
  return {
    kind: 'SUPPLY',
    title,
    titleEn: null,
    summary: description.slice(0, 60),
    summaryEn: null,
    description,
    descriptionEn: null,
    capability: {
      tasks: ['urn:aimatch:task:visual-inspection'],
      modalities: [],
      industries: [],
      deployments: [],
      integrations: [],
      languages: ['ko'],
    },
    commercialTerms: {
      currency: 'KRW',
      minAmountKrw: null,
      maxAmountKrw: null,
      leadTimeWeeks: null,
      desiredStartDate: null,
      durationWeeks: null,
    },
    trustProfile: { certifications: [], checklist: [] },
    contact: { name: '담당', role: null, email: 'a@example.kr', phone: null },
    referenceCases: [],
  };
}

// --- calibration on the benchmark texts ----------------------------------------------------
let maxDistinct = 0;
for (let i = 0; i < sources.length; i++)
  for (let j = i + 1; j < sources.length; j++) maxDistinct = Math.max(maxDistinct, exactSimilarity(sources[i], sources[j]));
const copySims = sources.map((s) => exactSimilarity(s, reword(s))).sort((a, b) => a - b);
console.log(
  `calibration on ${sources.length} benchmark texts: max similarity of two different listings ${maxDistinct.toFixed(3)}; ` +
    `reworded copies min ${copySims[0].toFixed(3)}, median ${copySims[Math.floor(copySims.length / 2)].toFixed(3)}; threshold ${NEAR_DUPLICATE_THRESHOLD}`,
);

const brn = () => {
  const first9 = String(100_000_000 + Math.floor(Math.random() * 899_999_999));
  return first9 + businessRegistrationCheckDigit(first9);
};
const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)];

const results = {};
let recall = { found: 0, total: 0 };
await withThrowawayApp(
  { RATE_LIMIT_API_PER_MINUTE: '1000000', RATE_LIMIT_AUTH_PER_IP_PER_MINUTE: '100000', SEED_DEMO: 'false', SCHEDULER_ENABLED: 'false' },
  async (app) => {
    const orgs = [];
    for (let i = 0; i < 20; i++) {
      const { organizationId: id } = await signUpVerified(app, {
        email: `bench-${i}-${Date.now()}@example.kr`,
        password: 'correct-horse-battery-9',
        displayName: '벤치',
        organization: {
          kind: 'AI_SUPPLIER',
          nameKo: `벤치 공급기업 ${i}`,
          businessRegistrationNumber: brn(),
          regionId: 'urn:aimatch:region:seoul',
        },
      });
      orgs.push(id);
    }
    const ds = app.get(DataSource);
    const repository = app.get(CurationRepository);
    const service = app.get(CurationService);
    const texts = [];

    async function grow(to) {
      const started = performance.now();
      while (texts.length < to) {
        const batch = [];
        const n = Math.min(5000, to - texts.length);
        for (let i = 0; i < n; i++) {
          const description = texts.length > 100 && rand() < 0.02 ? vary(reword(pick(texts).description)) : freshText();
          const row = { id: randomUUID(), organization_id: pick(orgs), description };
          texts.push(row);
          batch.push(row);
        }
        await ds.query(
          `INSERT INTO listings (id, kind, organization_id, status, title, content, published_at)
           SELECT r.id, 'SUPPLY', r.organization_id, 'PUBLISHED', r.content->>'title', r.content, now()
             FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, organization_id uuid, content jsonb)`,
          [
            JSON.stringify(
              batch.map((r) => ({
                id: r.id,
                organization_id: r.organization_id,
                content: content(r.description, r.description.slice(0, 30)),
              })),
            ),
          ],
        );
        const prints = batch.flatMap((r) => {
          const f = listingFingerprint(content(r.description, r.description.slice(0, 30)));
          return f ? [{ listingId: r.id, organizationId: r.organization_id, version: 1, signature: f.signature, bands: f.bands }] : [];
        });
        await ds.transaction((tx) => repository.putFingerprints(tx, prints));
      }
      await ds.query('ANALYZE listing_fingerprints; ANALYZE listing_fingerprint_bands');
      console.log(`  indexed ${to} listings in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }

    for (const size of SIZES) {
      await grow(size);
      const times = [];
      const byId = new Map(texts.map((r) => [r.id, r]));
      let candidates = 0;
      const sizeRecall = { found: 0, total: 0 };
      for (let p = 0; p < PROBES + 20; p++) {
        const copyOf = p % 2 === 1 ? pick(texts) : null;
        const description = copyOf ? reword(copyOf.description) : freshText();
        const listing = {
          id: randomUUID(),
          organizationId: pick(orgs),
          version: 1,
          status: 'SUBMITTED',
          content: content(description, '신규 목록 점검'),
        };
        const started = performance.now();
        const report = await service.check(listing);
        const ms = performance.now() - started;
        if (p < 20) continue; // warm-up
        times.push(ms);
        const dups = report.flags.filter((f) => f.kind === 'NEAR_DUPLICATE');
        candidates += dups.length;
        if (
          copyOf &&
          exactSimilarity(comparableText(listing.content), comparableText(content(copyOf.description, copyOf.description.slice(0, 30)))) >=
            NEAR_DUPLICATE_THRESHOLD + 0.05
        ) {
          sizeRecall.total++;
          // Found: the source is flagged, or (the report lists the 5 closest) listings at least as close as the source are.
          const sourceSimilarity = exactSimilarity(description, copyOf.description);
          if (
            dups.some(
              (f) =>
                f.relatedListingId === copyOf.id ||
                exactSimilarity(description, byId.get(f.relatedListingId)?.description ?? '') >= sourceSimilarity - 0.02,
            )
          )
            sizeRecall.found++;
        }
      }
      times.sort((a, b) => a - b);
      results[size] = { p50: pct(times, 0.5), p95: pct(times, 0.95), p99: pct(times, 0.99) };
      recall = { found: recall.found + sizeRecall.found, total: recall.total + sizeRecall.total };
      console.log(
        `  ${size} listings: pre-check p50 ${results[size].p50.toFixed(1)} ms, p95 ${results[size].p95.toFixed(1)} ms, p99 ${results[size].p99.toFixed(1)} ms ` +
          `(${PROBES} probes; copies found ${sizeRecall.found}/${sizeRecall.total}; ${(candidates / PROBES).toFixed(2)} near-duplicate flags per probe)`,
      );
    }
  },
);
console.log(
  `${SIZES.map((s) => `p95_ms_${s}=${results[s].p95.toFixed(1)}`).join(' ')} recall_copies=${(recall.found / Math.max(1, recall.total)).toFixed(3)} max_distinct=${maxDistinct.toFixed(3)}`,
);
