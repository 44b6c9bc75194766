/**
 * What a non-expert reads on a match card: a fit tier (적합 / 검토 / 낮음) and a one-line plain summary
 * ("산업·과업이 맞고 온프레미스 가능, 예산보다 20% 높음"), both from an explanation's facts.
 */
import type { Vocabulary } from '@aimatch/capability-model';
import type { ConceptMatch, MatchExplanation } from './matcher';
import type { FeatureName } from './weights';

/**
 * The tiers' cut-offs on the 0..100 score. How they were chosen: `npm run eval:matching` prints the
 * score distribution of the benchmark's (../shared/benchmarks/matching) ranked pairs per grade and
 * how these cut-offs split them. With weights 1.2.0 (30 demands × 80 suppliers, 2,400 pairs):
 *   score by grade   n     p10 p25 p50 p75 p90
 *   grade 3          31    79  87  96  99  100
 *   grade 2          45    47  57  66  75  82
 *   grade 1         132    25  26  31  52  60
 *   grade 0        2192     9  13  19  25  35
 * - GOOD (적합) from 55: every grade 3 pair and 35 of 45 grade 2 pairs (what a matchmaker would
 *   shortlist), 29 of 2,192 non-relevant pairs;
 * - REVIEW (검토) from 35: the grade 1–2 band (a gap, a stretch, a backup); 35 is the p90 of the
 *   non-relevant pairs and also `constraintCap`, the ceiling of a supplier that breaks a hard constraint;
 * - LOW (낮음) below 35: 1,963 of the 2,192 non-relevant pairs, only 1 of the 76 grade 2–3 pairs;
 *   folded under "더 보기".
 * A capped match (a broken hard constraint) is never GOOD, whatever its score.
 * Change `version` with any change here, like the weights.
 */
export const FIT_TIERS = {
  version: '1.0.0',
  good: 55,
  review: 35,
} as const;

export type FitTier = 'GOOD' | 'REVIEW' | 'LOW';

export function fitTier(e: Pick<MatchExplanation, 'score' | 'capped'>, tiers: typeof FIT_TIERS = FIT_TIERS): FitTier {
  if (e.score >= tiers.good && !e.capped) return 'GOOD';
  if (e.score >= tiers.review) return 'REVIEW';
  return 'LOW';
}

/** The criterion (and so the weight) a reason speaks about, by its code. */
export function featureOfReason(code: string): FeatureName {
  if (code.startsWith('TASK_')) return 'task';
  if (code.startsWith('INDUSTRY_')) return 'industry';
  if (code === 'DATA_FIT') return 'modality';
  if (code.startsWith('INTEGRATION_')) return 'integration';
  if (code.startsWith('DEPLOYMENT_')) return 'deployment';
  if (code.startsWith('ONSITE_')) return 'region';
  if (code.startsWith('BUDGET_')) return 'budget';
  if (code.startsWith('TEXT_')) return 'text';
  return 'trust';
}

export interface FitSummary {
  ko: string;
  en: string;
}

/** Korean subject particle after a word: 이 after a final consonant (과업이), 가 after a vowel (데이터가). */
function subjectParticle(word: string): string {
  const last = word.charCodeAt(word.length - 1);
  if (last >= 0xac00 && last <= 0xd7a3) return (last - 0xac00) % 28 === 0 ? '가' : '이';
  return '이';
}

const SCHEME_WORDS: Array<[ConceptMatch['scheme'], string, string]> = [
  ['industry', '산업', 'industry'],
  ['task', '과업', 'task'],
  ['modality', '데이터', 'data'],
  ['integration', '시스템 연동', 'systems'],
];

/** Clauses a summary shows at most, so that it stays one line. */
const MAX_CLAUSES = 4;

/**
 * One line in Korean and English: what fits (by criterion, in the rubric's order), then the
 * constraints and the budget. Deterministic: the same facts read the same.
 */
export function fitSummary(e: Omit<MatchExplanation, 'reasons' | 'tier' | 'summary'>, vocabulary: Vocabulary): FitSummary {
  const ko = (id: string) => vocabulary.label(id, 'ko') ?? id;
  const en = (id: string) => vocabulary.label(id, 'en') ?? id;
  const fits: Array<[string, string]> = [];
  const ko2: string[] = [];
  const en2: string[] = [];
  const clause = (k: string, e2: string) => {
    ko2.push(k);
    en2.push(e2);
  };

  for (const [scheme, k, e2] of SCHEME_WORDS) {
    const matched = e.matched.some((m) => m.scheme === scheme);
    const missing = e.missing.some((m) => m.scheme === scheme);
    if (matched) fits.push([k, e2]);
    else if (missing && scheme === 'task') clause('과업이 맞지 않음', 'task not covered');
    else if (missing && scheme === 'industry') clause('산업 경험 없음', 'no industry experience');
  }
  for (const c of e.constraints) {
    if (c.code === 'DEPLOYMENT') {
      const req = String(c.params.required).split(',');
      if (c.satisfied) clause(`${req.map(ko).join('/')} 가능`, `${req.map(en).join('/')} available`);
      else clause(`${req.map(ko).join('/')} 불가`, `no ${req.map(en).join('/')}`);
    } else if (c.code === 'ONSITE_ZONE') {
      if (c.satisfied) clause('현장 상주 가능', 'can work on site');
      else clause('현장 상주 어려움', 'cannot work on site');
    } else if (c.code === 'RATING' && !c.satisfied) clause('평점 낮음', 'low rating');
  }
  const budget = e.constraints.find((c) => c.code === 'BUDGET');
  if (e.budgetFit === 'FITS') clause('예산 범위 안', 'within budget');
  else if ((e.budgetFit === 'STRETCH' || e.budgetFit === 'FAR_OVER') && budget && Number(budget.params.budgetMax) > 0) {
    const over = Math.round((Number(budget.params.priceMin) / Number(budget.params.budgetMax) - 1) * 100);
    clause(`예산보다 ${over.toLocaleString('en-US')}% 높음`, `${over.toLocaleString('en-US')}% over budget`);
  }
  if (e.textOnly) clause('설명 내용이 비슷함', 'similar description');

  const rest = (xs: string[], room: number) => xs.slice(0, Math.max(0, room));
  let koLine: string;
  let enLine: string;
  if (fits.length) {
    const names = fits.map(([k]) => k);
    const lastName = names[names.length - 1];
    const head = `${names.join('·')}${subjectParticle(lastName)} 맞`;
    const enNames = fits.map(([, x]) => x);
    const enHead = `${enNames.length > 1 ? `${enNames.slice(0, -1).join(', ')} and ${enNames[enNames.length - 1]}` : enNames[0]} fit`;
    const more = rest(ko2, MAX_CLAUSES - 1);
    koLine = more.length ? `${head}고 ${more.join(', ')}` : `${head}음`;
    enLine = [enHead, ...rest(en2, MAX_CLAUSES - 1)].join(', ');
  } else if (ko2.length) {
    koLine = rest(ko2, MAX_CLAUSES).join(', ');
    enLine = rest(en2, MAX_CLAUSES).join(', ');
  } else {
    koLine = '뚜렷하게 맞는 점이 없음';
    enLine = 'nothing in particular fits';
  }
  return { ko: koLine, en: enLine.charAt(0).toUpperCase() + enLine.slice(1) };
}
