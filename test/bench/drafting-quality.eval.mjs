// `npm run eval:drafting [-- --cases <file> --verbose --latency]`
// Sends every case of a drafting benchmark (default: ../shared/benchmarks/drafting/dev.json, format in
// its README) to `suggestDemandFields` of the real app (GraphQL, signed in, on a throw-away embedded
// PostgreSQL with the app's own vocabulary) and prints what the README's metric defines: micro
// precision, recall and F1 over (case, concept) proposals, the trap rate, per-field recall, and a
// lenient precision that forgives an ancestor of an expected concept. Last line machine-readable.
// `--latency` also times `MatchingService.suggestDemandFields` itself (in process, no GraphQL) on
// 1,000-character texts made of the cases' sentences, and adds `p95_ms=…` to the last line (target ≤ 30).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { api, gqlClient, signUpVerified, withThrowawayApp } from './boot.mjs';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '../shared/benchmarks/drafting/dev.json' },
    verbose: { type: 'boolean', default: false },
    latency: { type: 'boolean', default: false },
  },
});
const FIELDS = ['tasks', 'modalities', 'industries', 'integrations', 'deployments', 'certifications'];
const { cases } = JSON.parse(readFileSync(values.cases, 'utf8'));
const { VocabularyCache } = api('modules/vocabulary/vocabulary-cache.service.js');
const { MatchingService } = api('modules/matching/matching.service.js');

/** 1,000-character texts cut from the cases' texts run together, starting at each case in turn. */
function thousandCharacterTexts() {
  const all = cases.map((c) => c.text);
  return all.map((_, i) => {
    let text = '';
    for (let j = i; text.length < 1000; j = (j + 1) % all.length) text += `${all[j]} `;
    return text.slice(0, 1000);
  });
}

async function latency(app) {
  const matching = app.get(MatchingService);
  const texts = thousandCharacterTexts();
  for (const t of texts.slice(0, 5)) await matching.suggestDemandFields(t); // warm-up (vocabulary cache, JIT)
  const times = [];
  for (let round = 0; round < 5; round++) {
    for (const t of texts) {
      const started = performance.now();
      await matching.suggestDemandFields(t);
      times.push(performance.now() - started);
    }
  }
  times.sort((a, b) => a - b);
  const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  console.log(
    `suggestDemandFields on 1,000-character texts (${times.length} calls, in process): p50 ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${times[times.length - 1].toFixed(1)} ms`,
  );
  return at(0.95);
}

await withThrowawayApp({ NODE_ENV: 'test', SEED_DEMO: 'false' }, async (app) => {
  const gql = gqlClient(app);
  const { accessToken } = await signUpVerified(app, {
    email: 'drafting-eval@example.kr',
    password: 'quiet-harbour-lantern-47!',
    displayName: '평가',
    organization: { kind: 'SME', nameKo: '평가 기업', businessRegistrationNumber: '220-88-12340' },
  });
  const vocabulary = await app.get(VocabularyCache).get();
  let proposals = 0;
  let correct = 0;
  let lenientFalse = 0;
  let expectedPairs = 0;
  let found = 0;
  let trapCases = 0;
  let trapped = 0;
  const perField = Object.fromEntries(FIELDS.map((f) => [f, { expected: 0, found: 0 }]));
  const started = performance.now();
  for (const c of cases) {
    const data = await gql(
      'query($t: String!) { suggestDemandFields(text: $t) { field conceptId evidence partial } }',
      { t: c.text },
      accessToken,
    );
    const proposed = [...new Set(data.suggestDemandFields.map((s) => s.conceptId))];
    const expected = new Set(FIELDS.flatMap((f) => c.expected[f] ?? []));
    proposals += proposed.length;
    const wrong = proposed.filter((id) => !expected.has(id));
    correct += proposed.length - wrong.length;
    lenientFalse += wrong.filter((id) => ![...expected].some((e) => e !== id && vocabulary.isSameOrDescendantOf(e, id))).length;
    const missed = [];
    for (const f of FIELDS) {
      for (const id of c.expected[f] ?? []) {
        expectedPairs++;
        perField[f].expected++;
        if (proposed.includes(id)) {
          found++;
          perField[f].found++;
        } else missed.push(id);
      }
    }
    const traps = (c.traps ?? []).filter((id) => proposed.includes(id));
    if ((c.traps ?? []).length > 0) {
      trapCases++;
      if (traps.length > 0) trapped++;
    }
    if (values.verbose && (wrong.length || missed.length)) {
      console.log(
        `${c.id}: wrong ${wrong.join(' ') || '-'} | missed ${missed.join(' ') || '-'}${traps.length ? ` | TRAPS ${traps.join(' ')}` : ''}`,
      );
    }
  }
  const precision = proposals ? correct / proposals : 0;
  const recall = expectedPairs ? found / expectedPairs : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  const lenient = proposals ? (proposals - lenientFalse) / proposals : 0;
  const trapRate = trapCases ? trapped / trapCases : 0;
  const ms = (performance.now() - started) / cases.length;
  const p95 = values.latency ? await latency(app) : null;
  console.log(`drafting benchmark ${values.cases}: ${cases.length} cases, ${expectedPairs} expected concepts, ${proposals} proposals`);
  console.log(`precision ${precision.toFixed(3)} (lenient ${lenient.toFixed(3)})  recall ${recall.toFixed(3)}  F1 ${f1.toFixed(3)}`);
  console.log(`trap rate ${trapRate.toFixed(3)} (${trapped} of ${trapCases} cases with traps proposed one)`);
  console.log(
    `recall by field: ${FIELDS.map((f) => `${f} ${perField[f].expected ? (perField[f].found / perField[f].expected).toFixed(2) : '-'} (${perField[f].found}/${perField[f].expected})`).join(', ')}`,
  );
  console.log(`time per case (GraphQL round trip): ${ms.toFixed(1)} ms`);
  console.log(
    `precision=${precision.toFixed(3)} recall=${recall.toFixed(3)} f1=${f1.toFixed(3)} trap_rate=${trapRate.toFixed(3)} cases=${cases.length}${p95 === null ? '' : ` p95_ms=${p95.toFixed(1)}`}`,
  );
});
