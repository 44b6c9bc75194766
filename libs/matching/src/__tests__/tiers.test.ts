import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { Vocabulary } from '@aimatch/capability-model';
import {
  analyseDemand,
  analyseSupply,
  FIT_TIERS,
  featureOfReason,
  fitTier,
  Matcher,
  type OfferedProfile,
  type RequiredProfile,
} from '@aimatch/matching';

const vocabulary = Vocabulary.fromJson(JSON.parse(readFileSync('libs/capability-model/src/data/concepts.json', 'utf8')));
const T = (slug: string) => `urn:aimatch:task:${slug}`;
const ONPREM = 'urn:aimatch:deployment:on-premise';
const matcher = new Matcher(vocabulary);

const need = (o: Partial<RequiredProfile> = {}): RequiredProfile => ({
  id: 'd',
  title: '',
  body: '',
  tasks: [],
  modalities: [],
  industries: [],
  integrations: [],
  deployments: [],
  regionId: null,
  onSiteRequired: false,
  budget: null,
  ...o,
});
const offer = (id: string, o: Partial<OfferedProfile> = {}): OfferedProfile => ({
  id,
  organizationId: `o-${id}`,
  title: '',
  body: '',
  tasks: [],
  modalities: [],
  industries: [],
  integrations: [],
  deployments: [],
  certifications: [],
  regionId: null,
  price: { min: null, max: null },
  track: { verified: true, completedProjects: 10, rating: 4.5, ratingCount: 5, responseRate: null },
  ...o,
});
const rank = (d: RequiredProfile, offers: OfferedProfile[]) =>
  matcher.rank(
    analyseDemand(d, vocabulary),
    offers.map((o) => analyseSupply(o, vocabulary)),
  );

describe('fit tiers', () => {
  it('cuts at the documented scores: GOOD from good, REVIEW from review, LOW below', () => {
    expect(FIT_TIERS.good).toBeGreaterThan(FIT_TIERS.review);
    expect(fitTier({ score: FIT_TIERS.good, capped: false })).toBe('GOOD');
    expect(fitTier({ score: FIT_TIERS.good - 1, capped: false })).toBe('REVIEW');
    expect(fitTier({ score: FIT_TIERS.review, capped: false })).toBe('REVIEW');
    expect(fitTier({ score: FIT_TIERS.review - 1, capped: false })).toBe('LOW');
  });

  it('never calls a match that breaks a hard constraint GOOD', () => {
    expect(fitTier({ score: 90, capped: true })).toBe('REVIEW');
  });

  it('puts the tier on every explanation: an exact fit is GOOD, an unrelated supplier LOW', () => {
    const [fit, other] = rank(need({ tasks: [T('visual-inspection')] }), [
      offer('a', { tasks: [T('visual-inspection')] }),
      offer('b', { tasks: [T('chatbot')] }),
    ]);
    expect(fit.explanation.tier).toBe('GOOD');
    expect(other.explanation.tier).toBe('LOW');
  });
});

describe('plain summary', () => {
  it('says what fits, the deployment and how far over the budget, in Korean and English', () => {
    const d = need({
      tasks: [T('visual-inspection')],
      industries: ['urn:aimatch:industry:food-manufacturing'],
      deployments: [ONPREM],
      budget: { min: null, max: 100_000_000 },
    });
    const [top] = rank(d, [
      offer('a', {
        tasks: [T('visual-inspection')],
        industries: ['urn:aimatch:industry:food-manufacturing'],
        deployments: [ONPREM],
        price: { min: 120_000_000, max: 200_000_000 },
      }),
    ]);
    expect(top.explanation.summary.ko).toBe('산업·과업이 맞고 구축형(온프레미스) 가능, 예산보다 20% 높음');
    expect(top.explanation.summary.en).toBe('Industry and task fit, On-premise available, 20% over budget');
  });

  it('uses 가 after a vowel and says what is missing', () => {
    const [top] = rank(need({ tasks: [T('visual-inspection')], modalities: ['urn:aimatch:modality:image'] }), [
      offer('a', { tasks: [T('chatbot')], modalities: ['urn:aimatch:modality:image'] }),
    ]);
    expect(top.explanation.summary.ko).toBe('데이터가 맞고 과업이 맞지 않음');
  });

  it('names the criterion of each reason so its weight can be shown next to it', () => {
    expect(featureOfReason('TASK_EXACT')).toBe('task');
    expect(featureOfReason('BUDGET_STRETCH')).toBe('budget');
    const [top] = rank(need({ tasks: [T('visual-inspection')] }), [offer('a', { tasks: [T('visual-inspection')] })]);
    const reason = top.explanation.reasons.find((r) => r.code === 'TASK_EXACT')!;
    expect(reason.feature).toBe('task');
    expect(top.explanation.features.find((f) => f.feature === reason.feature)!.weight).toBeGreaterThan(0);
  });
});

describe('decisions on inferred concepts', () => {
  const prose = need({ title: '공장 라인에서 찍힌 사진으로 불량 검출을 하고 싶다' });
  const offers = [offer('y', { tasks: [T('visual-inspection')] }), offer('x', { tasks: [T('chatbot')] })];

  it('a removed inferred concept stops counting and the score changes', () => {
    const [before] = rank(prose, offers);
    expect(before.explanation.matched.map((m) => m.conceptId)).toContain(T('visual-inspection'));
    const after = rank({ ...prose, dismissedConcepts: [T('visual-inspection')] }, offers).find((m) => m.supplyId === 'y')!;
    expect([...after.explanation.matched, ...after.explanation.missing].map((m) => m.conceptId)).not.toContain(T('visual-inspection'));
    expect(after.explanation.score).toBeLessThan(before.explanation.score);
  });

  it('a confirmed one counts as stated (not inferred) and the score rises', () => {
    const [before] = rank(prose, offers);
    const [after] = rank({ ...prose, tasks: [T('visual-inspection')] }, offers);
    const m = after.explanation.matched.find((c) => c.conceptId === T('visual-inspection'))!;
    expect(m.inferred).toBe(false);
    expect(after.explanation.score).toBeGreaterThan(before.explanation.score);
  });
});
