import { describe, expect, it } from '@jest/globals';
import {
  eligibilityVerdict,
  evaluateEligibility,
  validateEligibilityRules,
  type EligibilityRule,
  type OrganizationFacts,
  type VocabularyView,
} from '../eligibility';

/** A tiny vocabulary: 충청북도 > 음성군, 제조업 > 식품 제조, a task and a certification. */
const PARENT: Record<string, string | undefined> = {
  'region:chungbuk': undefined,
  'region:eumseong': 'region:chungbuk',
  'region:seoul': undefined,
  'industry:manufacturing': undefined,
  'industry:food': 'industry:manufacturing',
  'task:vision-inspection': undefined,
  'certification:venture': undefined,
};
const LABELS: Record<string, string> = {
  'region:chungbuk': '충청북도',
  'region:eumseong': '음성군',
  'region:seoul': '서울특별시',
  'industry:manufacturing': '제조업',
  'industry:food': '식품 제조업',
  'task:vision-inspection': '비전 검사',
  'certification:venture': '벤처기업',
};
const vocabulary: VocabularyView = {
  exists: (scheme, id) => id in PARENT && id.startsWith(`${scheme}:`),
  isSameOrDescendantOf: (id, ancestor) => {
    for (let at: string | undefined = id; at; at = PARENT[at]) if (at === ancestor) return true;
    return false;
  },
  label: (id) => LABELS[id] ?? id,
};

const foodFactory: OrganizationFacts = {
  kind: 'SME',
  employeeBand: 'SIZE_10_49',
  regionId: 'region:eumseong',
  industryId: 'industry:food',
  verifiedCertificationIds: [],
  verified: true,
  foundedYear: 2015,
};

const aiVoucher: EligibilityRule[] = [
  { fact: 'organization.kind', op: 'in', values: ['SME'] },
  { fact: 'organization.employeeBand', op: 'in', values: ['SIZE_1_9', 'SIZE_10_49', 'SIZE_50_299'] },
  { fact: 'organization.industry', op: 'in', values: ['industry:manufacturing'] },
  { fact: 'demand.budgetKrw', op: 'between', min: 10_000_000, max: 300_000_000 },
];

describe('support-program eligibility', () => {
  it('meets a region rule through a narrower region and an industry rule through a narrower industry', () => {
    const result = evaluateEligibility(
      [...aiVoucher, { fact: 'organization.region', op: 'in', values: ['region:chungbuk'] }],
      { organization: foodFactory, demand: { taskIds: ['task:vision-inspection'], budgetKrw: 80_000_000 } },
      vocabulary,
      2026,
    );
    expect(result.verdict).toBe('ELIGIBLE');
    expect(result.rules.map((r) => r.status)).toEqual(['MET', 'MET', 'MET', 'MET', 'MET']);
    expect(result.rules[4].reason.ko).toBe('소재지: 음성군 — 조건(충청북도)에 맞습니다.');
    expect(result.rules[3].reason.en).toBe('budget: KRW 80,000,000 meets the condition (KRW 10,000,000–KRW 300,000,000).');
  });

  it('says which rule is missed and why, and what cannot be checked without a demand', () => {
    const result = evaluateEligibility(
      [...aiVoucher, { fact: 'organization.region', op: 'in', values: ['region:seoul'] }],
      { organization: foodFactory },
      vocabulary,
      2026,
    );
    expect(result.verdict).toBe('INELIGIBLE');
    expect(result).toMatchObject({ met: 3, missed: 1, unknown: 1 });
    expect(result.rules[4]).toMatchObject({ status: 'MISSED', reason: { ko: '소재지: 음성군 — 조건(서울특별시)에 맞지 않습니다.' } });
    expect(result.rules[3]).toMatchObject({ status: 'UNKNOWN' });
    expect(result.rules[3].reason.ko).toContain('수요에 예산이 없습니다');
  });

  it('is POSSIBLE when nothing is missed but a fact is not on file', () => {
    const result = evaluateEligibility(aiVoucher, { organization: { ...foodFactory, employeeBand: null } }, vocabulary, 2026);
    expect(result.verdict).toBe('POSSIBLE'); // the size band is not on file and there is no demand for the budget rule
    expect(result.missed).toBe(0);
    expect(result.unknown).toBe(2);
  });

  it('counts years since founding in the given year and checks verified certifications', () => {
    const rules: EligibilityRule[] = [
      { fact: 'organization.yearsSinceFounding', op: 'between', max: 7 },
      { fact: 'organization.certification', op: 'in', values: ['certification:venture'] },
    ];
    const young = evaluateEligibility(
      rules,
      { organization: { ...foodFactory, foundedYear: 2020, verifiedCertificationIds: ['certification:venture'] } },
      vocabulary,
      2026,
    );
    expect(young.verdict).toBe('ELIGIBLE');
    const old = evaluateEligibility(rules, { organization: foodFactory }, vocabulary, 2026);
    expect(old.rules.map((r) => r.status)).toEqual(['MISSED', 'MISSED']);
    expect(old.rules[0].reason.ko).toBe('업력: 11년 — 조건(7년 이하)에 맞지 않습니다.');
    expect(old.rules[1].reason.ko).toBe('검증된 인증: 없음 — 조건(벤처기업)에 맞지 않습니다.');
  });

  it('refuses rules over unknown facts, wrong operators, unknown values and reversed ranges when saved', () => {
    const violations = validateEligibilityRules(
      [
        { fact: 'organization.revenue', op: 'between', min: 1 },
        { fact: 'organization.kind', op: 'between', min: 1 },
        { fact: 'organization.kind', op: 'in', values: ['SME', 'ROBOT'] },
        { fact: 'organization.region', op: 'in', values: ['region:atlantis'] },
        { fact: 'demand.budgetKrw', op: 'between', min: 500, max: 100 },
        { fact: 'demand.budgetKrw', op: 'between' },
        { fact: 'organization.verified', op: 'is' },
        { fact: 'organization.industry', op: 'in', values: [] },
      ],
      vocabulary,
    );
    expect(violations.map((v) => `${v.path}:${v.rule}`)).toEqual([
      'rules.0.fact:enum',
      'rules.1.op:enum',
      'rules.2.values.1:enum',
      'rules.3.values.0:unknown-concept',
      'rules.4.max:min-value',
      'rules.5.min:required',
      'rules.6.value:required',
      'rules.7.values:required',
    ]);
    expect(validateEligibilityRules(aiVoucher, vocabulary)).toEqual([]);
  });

  it('evaluates one organization against 3,000 programs quickly enough to do on every page view', () => {
    const programs = Array.from({ length: 3_000 }, (_, i) => [
      ...aiVoucher,
      { fact: 'organization.region', op: 'in' as const, values: [i % 2 ? 'region:chungbuk' : 'region:seoul'] },
    ]);
    const results = programs.map((rules) => evaluateEligibility(rules, { organization: foodFactory }, vocabulary, 2026));
    expect(results.filter((r) => r.rules[4].status === 'MET')).toHaveLength(1_500);
  });

  it('gives the same verdict without reasons as with them, over every fact, value and missing fact', () => {
    let seed = 11;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
    const ids = Object.keys(PARENT);
    const ruleOf = (): EligibilityRule => {
      const fact = pick([
        'organization.kind',
        'organization.employeeBand',
        'organization.region',
        'organization.industry',
        'organization.certification',
        'organization.verified',
        'organization.foundedYear',
        'organization.yearsSinceFounding',
        'demand.task',
        'demand.budgetKrw',
        'organization.unknownFact',
      ] as const);
      if (fact === 'organization.verified') return { fact, op: 'is', value: rand() < 0.5 };
      if (fact === 'organization.foundedYear' || fact === 'organization.yearsSinceFounding' || fact === 'demand.budgetKrw') {
        const min = rand() < 0.3 ? null : Math.floor(rand() * 3000);
        return { fact, op: 'between', min, max: rand() < 0.3 ? null : (min ?? 0) + Math.floor(rand() * 3000) };
      }
      if (fact === 'organization.kind') return { fact, op: 'in', values: [pick(['SME', 'AI_SUPPLIER'] as const)] };
      if (fact === 'organization.employeeBand') return { fact, op: 'in', values: [pick(['SIZE_1_9', 'SIZE_10_49'] as const)] };
      return { fact, op: 'in', values: [pick(ids), pick(ids)] };
    };
    const subjectOf = () => ({
      organization:
        rand() < 0.1
          ? null
          : {
              ...foodFactory,
              kind: pick(['SME', 'AI_SUPPLIER'] as const),
              regionId: rand() < 0.2 ? null : pick(ids),
              industryId: rand() < 0.2 ? null : pick(ids),
              verifiedCertificationIds: rand() < 0.5 ? [] : [pick(ids)],
              verified: rand() < 0.5,
              foundedYear: rand() < 0.2 ? null : 1990 + Math.floor(rand() * 36),
            },
      demand:
        rand() < 0.3 ? null : { taskIds: rand() < 0.3 ? [] : [pick(ids)], budgetKrw: rand() < 0.3 ? null : Math.floor(rand() * 5000) },
    });
    const verdicts = new Set<string>();
    for (let i = 0; i < 3_000; i++) {
      const rules = Array.from({ length: 1 + Math.floor(rand() * 4) }, ruleOf);
      const subject = subjectOf();
      const full = evaluateEligibility(rules, subject, vocabulary, 2026).verdict;
      expect([rules, subject, eligibilityVerdict(rules, subject, vocabulary, 2026)]).toEqual([rules, subject, full]);
      verdicts.add(full);
    }
    expect([...verdicts].sort()).toEqual(['ELIGIBLE', 'INELIGIBLE', 'POSSIBLE']);
  });
});
