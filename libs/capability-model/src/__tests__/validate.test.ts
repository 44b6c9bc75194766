import { describe, expect, it } from '@jest/globals';
import { hasMessage, localizeViolation } from '@aimatch/validation';
import type { ListingContent } from '../submodels';
import { TRUST_CHECKLIST } from '../templates';
import { CAPABILITY_MODEL_RULES, validateCompanyData, validateListingContent, type ListingIssue } from '../validate';
import { Vocabulary } from '../vocabulary';
import { COMPANY, demand, NOW, richDemand, richSupply, supply, U, vocabulary } from './factory';

const check = (c: unknown, forSubmission = false, v: Vocabulary = vocabulary) =>
  validateListingContent(c as ListingContent, v, { now: NOW, forSubmission });
const errors = (c: unknown, forSubmission = false) => check(c, forSubmission).errors.map((e) => [e.path, e.rule]);
/** The single error, with its params. */
const only = (c: unknown, forSubmission = false): ListingIssue => {
  const { errors: e } = check(c, forSubmission);
  expect(e).toHaveLength(1);
  return e[0];
};
const tasks = vocabulary.inScheme('task').map((c) => c.id);
const x = (n: number, ch = '가') => ch.repeat(n);

describe('valid content', () => {
  it('has no issues, drafts and submissions alike', () => {
    for (const c of [demand(), supply(), richDemand(), richSupply()]) {
      expect(check(c, false)).toEqual({ errors: [], warnings: [] });
      expect(check(c, true)).toEqual({ errors: [], warnings: [] });
    }
  });

  it('counts characters, not bytes or UTF-16 units', () => {
    expect(errors(demand({ title: x(120) }))).toEqual([]);
    expect(errors(demand({ title: '🤖'.repeat(120) }))).toEqual([]);
    expect(errors(demand({ description: x(10_000) }))).toEqual([]);
  });
});

describe('rules, each at its path', () => {
  it('required', () => {
    expect(errors(demand({ title: '', summary: '   ', description: '' }))).toEqual([
      ['title', 'required'],
      ['summary', 'required'],
      ['description', 'required'],
    ]);
    expect(errors(demand({ requirement: { tasks: [] } }))).toEqual([]); // a demand may be prose only

    expect(errors(supply({ capability: { tasks: [] } }))).toEqual([['AICapability.tasks', 'required']]);
    expect(errors(demand({ contact: { name: '', email: '' } }))).toEqual([
      ['ContactInformation.name', 'required'],
      ['ContactInformation.email', 'required'],
    ]);
    expect(errors(demand({ requirement: { tasks: [tasks[0], ' '] } }))).toEqual([['AIRequirement.tasks[1]', 'required']]);
    expect(errors(supply({ trustProfile: { checklist: [{ itemId: 'privacy', answer: '' as 'YES', note: null }] } }))).toEqual([
      ['TrustProfile.checklist[0].answer', 'required'],
    ]);
    expect(errors({ ...demand(), dataProfile: null })).toEqual([['DataProfile', 'required']]);
  });

  it('required for submission: the bid deadline of a demand', () => {
    expect(errors(demand({ bidDeadline: null }), false)).toEqual([]);
    expect(only(demand({ bidDeadline: null }), true)).toEqual({ path: 'bidDeadline', rule: 'required', severity: 'error' });
    expect(errors(supply(), true)).toEqual([]);
  });

  it('unknown-concept', () => {
    expect(only(demand({ requirement: { tasks: [tasks[0], U('task', 'telepathy')] } }))).toEqual({
      path: 'AIRequirement.tasks[1]',
      rule: 'unknown-concept',
      params: { id: U('task', 'telepathy') },
      severity: 'error',
    });
    expect(only(demand({ regionId: 'seoul' })).path).toBe('regionId');
    expect(only(supply({ referenceCases: [{ title: '사례', industryId: U('industry', 'mining'), year: null, summary: null }] })).path).toBe(
      'referenceCases[0].industryId',
    );
  });

  it('wrong-scheme', () => {
    expect(only(demand({ requirement: { modalities: [U('task', 'chatbot')] } }))).toEqual({
      path: 'AIRequirement.modalities[0]',
      rule: 'wrong-scheme',
      params: { expected: 'modality', actual: 'task' },
      severity: 'error',
    });
    expect(only(demand({ regionId: U('industry', 'retail') }))).toMatchObject({
      path: 'regionId',
      rule: 'wrong-scheme',
      params: { expected: 'region' },
    });
    expect(only(supply({ trustProfile: { certifications: [U('region', 'seoul')] } })).path).toBe('TrustProfile.certifications[0]');
    expect(only(demand({ dataProfile: { systems: [U('modality', 'image')] } })).path).toBe('DataProfile.systems[0]');
  });

  it('duplicate', () => {
    expect(only(demand({ requirement: { tasks: [tasks[0], tasks[1], tasks[0]] } }))).toEqual({
      path: 'AIRequirement.tasks[2]',
      rule: 'duplicate',
      params: { value: tasks[0] },
      severity: 'error',
    });
    expect(only(supply({ capability: { languages: ['ko', 'ko'] } })).path).toBe('AICapability.languages[1]');
    const checklist = [
      { itemId: 'privacy', answer: 'YES' as const, note: null },
      { itemId: 'privacy', answer: 'NO' as const, note: null },
    ];
    expect(only(supply({ trustProfile: { checklist } })).path).toBe('TrustProfile.checklist[1].itemId');
  });

  it('max-length', () => {
    expect(only(demand({ title: x(121) }))).toEqual({ path: 'title', rule: 'max-length', params: { max: 120 }, severity: 'error' });
    expect(only(demand({ titleEn: x(121, 'a') })).path).toBe('titleEn');
    expect(only(demand({ summaryEn: x(301, 'a') }))).toMatchObject({ path: 'summaryEn', params: { max: 300 } });
    expect(only(demand({ description: x(10_001) }))).toMatchObject({ path: 'description', params: { max: 10_000 } });
    expect(only(demand({ contact: { role: x(101) } }))).toMatchObject({ path: 'ContactInformation.role', params: { max: 100 } });
    expect(only(demand({ dataProfile: { volumeDescription: x(201) } }))).toMatchObject({
      path: 'DataProfile.volumeDescription',
      params: { max: 200 },
    });
    expect(only(supply({ trustProfile: { checklist: [{ itemId: 'security', answer: 'YES', note: x(501) }] } }))).toMatchObject({
      path: 'TrustProfile.checklist[0].note',
      params: { max: 500 },
    });
    expect(only(supply({ referenceCases: [{ title: x(121), industryId: null, year: null, summary: null }] })).path).toBe(
      'referenceCases[0].title',
    );
  });

  it('max-items (20)', () => {
    expect(only(demand({ requirement: { tasks: tasks.slice(0, 21) } }))).toEqual({
      path: 'AIRequirement.tasks',
      rule: 'max-items',
      params: { max: 20 },
      severity: 'error',
    });
    expect(errors(demand({ requirement: { tasks: tasks.slice(0, 20) } }))).toEqual([]);
    const cases = Array.from({ length: 21 }, (_, i) => ({ title: `사례 ${i}`, industryId: null, year: null, summary: null }));
    expect(only(supply({ referenceCases: cases })).path).toBe('referenceCases');
  });

  it('range, min-value, max-value and type for numbers', () => {
    expect(only(demand({ commercialTerms: { durationWeeks: 0 } }))).toEqual({
      path: 'CommercialTerms.durationWeeks',
      rule: 'range',
      params: { min: 1, max: 260 },
      severity: 'error',
    });
    expect(only(supply({ commercialTerms: { leadTimeWeeks: 261 } })).path).toBe('CommercialTerms.leadTimeWeeks');
    expect(only(supply({ referenceCases: [{ title: '사례', industryId: null, year: 1900, summary: null }] }))).toMatchObject({
      path: 'referenceCases[0].year',
      rule: 'range',
    });
    expect(only(demand({ commercialTerms: { minAmountKrw: -1 } }))).toEqual({
      path: 'CommercialTerms.minAmountKrw',
      rule: 'min-value',
      params: { min: 0 },
      severity: 'error',
    });
    expect(only(demand({ dataProfile: { approximateRecords: -5 } }))).toMatchObject({
      path: 'DataProfile.approximateRecords',
      rule: 'min-value',
    });
    expect(only(demand({ commercialTerms: { maxAmountKrw: 2 ** 53 } }))).toEqual({
      path: 'CommercialTerms.maxAmountKrw',
      rule: 'max-value',
      params: { max: Number.MAX_SAFE_INTEGER },
      severity: 'error',
    });
    expect(only(demand({ commercialTerms: { minAmountKrw: 1.5 } }))).toEqual({
      path: 'CommercialTerms.minAmountKrw',
      rule: 'type',
      params: { expected: 'integer' },
      severity: 'error',
    });
    expect(only(demand({ commercialTerms: { maxAmountKrw: Number.NaN } })).rule).toBe('type');
    expect(only(demand({ commercialTerms: { maxAmountKrw: '5000' as unknown as number } })).rule).toBe('type');
  });

  it('min-greater-than-max, at the minimum', () => {
    expect(only(demand({ commercialTerms: { minAmountKrw: 100_000_000, maxAmountKrw: 50_000_000 } }))).toEqual({
      path: 'CommercialTerms.minAmountKrw',
      rule: 'min-greater-than-max',
      params: { min: 100_000_000, max: 50_000_000 },
      severity: 'error',
    });
    expect(errors(supply({ commercialTerms: { minAmountKrw: 7, maxAmountKrw: 7 } }))).toEqual([]);
    expect(errors(supply({ commercialTerms: { minAmountKrw: 7, maxAmountKrw: null } }))).toEqual([]);
  });

  it('past-deadline, only when submitting', () => {
    const at = (bidDeadline: string) => demand({ bidDeadline });
    expect(only(at(NOW.toISOString()), true)).toEqual({ path: 'bidDeadline', rule: 'past-deadline', severity: 'error' });
    expect(errors(at(NOW.toISOString()), false)).toEqual([]);
    expect(errors(at('2026-11-20T00:00:00.001Z'), true)).toEqual([]);
    // 08:59:59 in Korea is the previous day 23:59:59 UTC
    expect(only(at('2026-11-20T08:59:59+09:00'), true).rule).toBe('past-deadline');
    expect(errors(at('2026-11-20T09:00:01+09:00'), true)).toEqual([]);
  });

  it('email', () => {
    for (const email of ['kim@', 'kim@example', 'kim example@x.kr', '@x.kr', 'kim@@x.kr']) {
      expect(only(demand({ contact: { email } }))).toEqual({ path: 'ContactInformation.email', rule: 'email', severity: 'error' });
    }
    expect(errors(demand({ contact: { email: 'first.last+tag@sub.example.co.kr' } }))).toEqual([]);
  });

  it('format: dates, date-times, languages, phones', () => {
    expect(only(demand({ commercialTerms: { desiredStartDate: '2027-02-30' } }))).toEqual({
      path: 'CommercialTerms.desiredStartDate',
      rule: 'format',
      params: { format: 'yyyy-mm-dd' },
      severity: 'error',
    });
    expect(only(demand({ commercialTerms: { desiredStartDate: '2027/02/01' } })).rule).toBe('format');
    expect(errors(demand({ commercialTerms: { desiredStartDate: '2028-02-29' } }))).toEqual([]);
    for (const bidDeadline of ['2026-12-31', '2026-12-31 09:00:00Z', '2026-12-31T09:00Z', '2026-12-31T09:00:00', '2026-12-31T25:00:00Z']) {
      expect(only(demand({ bidDeadline }))).toEqual({
        path: 'bidDeadline',
        rule: 'format',
        params: { format: 'ISO 8601 date-time' },
        severity: 'error',
      });
    }
    expect(only(demand({ requirement: { languages: ['ko', 'kor'] } }))).toEqual({
      path: 'AIRequirement.languages[1]',
      rule: 'format',
      params: { format: 'ISO 639-1' },
      severity: 'error',
    });
    expect(only(demand({ requirement: { languages: ['KO'] } })).rule).toBe('format');
    expect(only(demand({ requirement: { languages: ['xx'] } })).rule).toBe('format');
    expect(only(demand({ contact: { phone: '전화 주세요' } }))).toMatchObject({
      path: 'ContactInformation.phone',
      rule: 'format',
      params: { format: 'phone' },
    });
    expect(errors(demand({ contact: { phone: '010-1234-5678' } }))).toEqual([]);
  });

  it('enum', () => {
    expect(only(demand({ dataProfile: { labelling: 'SOME' as 'UNKNOWN' } }))).toEqual({
      path: 'DataProfile.labelling',
      rule: 'enum',
      params: { allowed: 'LABELLED, PARTIALLY_LABELLED, UNLABELLED, UNKNOWN' },
      severity: 'error',
    });
    expect(only(demand({ visibility: 'SECRET' as 'PUBLIC' })).path).toBe('visibility');
    expect(only(demand({ commercialTerms: { currency: 'USD' as 'KRW' } })).path).toBe('CommercialTerms.currency');
    expect(only(supply({ trustProfile: { checklist: [{ itemId: 'privacy', answer: 'MAYBE' as 'YES', note: null }] } }))).toMatchObject({
      path: 'TrustProfile.checklist[0].answer',
      rule: 'enum',
      params: { allowed: 'YES, NO, NA' },
    });
    expect(only({ ...demand(), kind: 'OFFER' })).toEqual({
      path: 'kind',
      rule: 'enum',
      params: { allowed: 'DEMAND, SUPPLY' },
      severity: 'error',
    });
  });

  it('unknown-checklist-item', () => {
    expect(
      only(
        supply({
          trustProfile: {
            checklist: [
              { itemId: 'privacy', answer: 'YES', note: null },
              { itemId: 'vibes', answer: 'YES', note: null },
            ],
          },
        }),
      ),
    ).toEqual({
      path: 'TrustProfile.checklist[1].itemId',
      rule: 'unknown-checklist-item',
      params: { id: 'vibes' },
      severity: 'error',
    });
    const all = TRUST_CHECKLIST.map((i) => ({ itemId: i.id, answer: 'YES' as const, note: null }));
    expect(errors(supply({ trustProfile: { checklist: all } }))).toEqual([]);
  });

  it('invalid-characters (AAS cannot carry control characters)', () => {
    expect(only(demand({ title: '불량\u0000검출' }))).toEqual({ path: 'title', rule: 'invalid-characters', severity: 'error' });
    expect(only(demand({ description: 'ok\ud800' })).path).toBe('description');
    expect(errors(demand({ description: '줄\n바꿈\t탭' }))).toEqual([]);
  });

  it('invalid-characters: bidi overrides and isolates that would reorder a title ("\u202Etxt.exe")', () => {
    expect(only(demand({ title: '견적서\u202Efdp.exe' }))).toEqual({ path: 'title', rule: 'invalid-characters', severity: 'error' });
    expect(only(demand({ title: '불량 \u2067검출\u2069' }))).toEqual({ path: 'title', rule: 'invalid-characters', severity: 'error' });
  });

  it('type, for values of the wrong shape', () => {
    expect(errors({ ...demand(), onSiteRequired: 'yes', title: 5, requirement: { ...demand().requirement, tasks: 'x' } })).toEqual([
      ['title', 'type'],
      ['onSiteRequired', 'type'],
      ['AIRequirement.tasks', 'type'],
    ]);
    expect(errors({ ...supply(), contact: 'kim' })).toEqual([['ContactInformation', 'type']]);
  });
});

describe('deprecated concepts', () => {
  const small = Vocabulary.fromConcepts(
    '0.2.0',
    [
      { id: 'task', labels: { ko: '과제', en: 'Task' } },
      { id: 'region', labels: { ko: '지역', en: 'Region' } },
    ],
    [
      { id: U('task', 'visual-inspection'), scheme: 'task', labels: { ko: '비전 검사', en: 'Visual inspection' } },
      {
        id: U('task', 'machine-vision'),
        scheme: 'task',
        labels: { ko: '머신비전', en: 'Machine vision' },
        deprecated: true,
        replacedBy: U('task', 'visual-inspection'),
      },
      { id: U('region', 'old'), scheme: 'region', labels: { ko: '옛 지역', en: 'Old region' }, deprecated: true },
    ],
  );

  it('are accepted with a warning naming the replacement', () => {
    const r = check(demand({ requirement: { tasks: [U('task', 'machine-vision')] }, regionId: U('region', 'old') }), true, small);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([
      { path: 'regionId', rule: 'deprecated-concept', params: { id: U('region', 'old') }, severity: 'warning' },
      {
        path: 'AIRequirement.tasks[0]',
        rule: 'deprecated-concept',
        params: { id: U('task', 'machine-vision'), replacement: U('task', 'visual-inspection') },
        replacement: U('task', 'visual-inspection'),
        severity: 'warning',
      },
    ]);
    expect(localizeViolation(r.warnings[1], 'ko')).toContain(U('task', 'visual-inspection'));
  });
});

describe('company data', () => {
  const company = (o: Partial<typeof COMPANY>) => ({ ...COMPANY, ...o });
  const paths = (c: typeof COMPANY) => validateCompanyData(c, vocabulary).errors.map((e) => [e.path, e.rule]);

  it('follows the CompanyData template', () => {
    expect(validateCompanyData(COMPANY, vocabulary)).toEqual({ errors: [], warnings: [] });
    expect(paths(company({ nameKo: '', businessRegistrationNumber: '220-81-62518', website: 'ftp://x', foundedYear: 1800 }))).toEqual([
      ['CompanyData.nameKo', 'required'],
      ['CompanyData.businessRegistrationNumber', 'checksum'],
      ['CompanyData.website', 'url'],
      ['CompanyData.foundedYear', 'range'],
    ]);
    expect(paths(company({ businessRegistrationNumber: '12-34', regionId: U('industry', 'retail'), industryId: 'x' }))).toEqual([
      ['CompanyData.businessRegistrationNumber', 'brn-format'],
      ['CompanyData.regionId', 'wrong-scheme'],
      ['CompanyData.industryId', 'unknown-concept'],
    ]);
  });
});

describe('robustness', () => {
  it('never throws, whatever the shape', () => {
    const junk: unknown[] = [null, undefined, 42, 'DEMAND', [], {}, { kind: 'DEMAND' }, { kind: 'SUPPLY' }, { kind: null }, { kind: {} }];
    for (const j of junk) expect(() => check(j, true)).not.toThrow();
    expect(errors(null)).toEqual([['$', 'type']]);
    expect(errors({ kind: 'DEMAND' }).slice(0, 3)).toEqual([
      ['title', 'required'],
      ['summary', 'required'],
      ['description', 'required'],
    ]);
    expect(errors({})).toEqual([
      ['kind', 'required'],
      ['title', 'required'],
      ['summary', 'required'],
      ['description', 'required'],
    ]);
  });

  it('never throws when any field holds any value (seeded fuzz)', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const values: unknown[] = [
      null,
      undefined,
      0,
      -1,
      1.5,
      NaN,
      Infinity,
      '',
      ' ',
      'x',
      '\u0000',
      [],
      [null],
      [{}],
      [1, 'a'],
      {},
      { a: 1 },
      true,
      () => 1,
      Symbol('s'),
    ];
    const mutate = (v: unknown, depth: number): unknown => {
      if (rand() < 0.15) return values[Math.floor(rand() * values.length)];
      if (Array.isArray(v)) return v.map((i) => mutate(i, depth + 1));
      if (v && typeof v === 'object' && depth < 4) return Object.fromEntries(Object.entries(v).map(([k, i]) => [k, mutate(i, depth + 1)]));
      return v;
    };
    for (let i = 0; i < 400; i++) {
      const content = mutate(i % 2 ? richDemand() : richSupply(), 0);
      const a = check(content, i % 3 === 0);
      expect(check(content, i % 3 === 0)).toEqual(a); // deterministic
      for (const issue of [...a.errors, ...a.warnings]) expect(CAPABILITY_MODEL_RULES).toContain(issue.rule);
    }
  });
});

describe('messages', () => {
  it('every rule the library emits has a Korean and an English message', () => {
    const fallback = {
      ko: localizeViolation({ path: '', rule: 'invalid' }, 'ko'),
      en: localizeViolation({ path: '', rule: 'invalid' }, 'en'),
    };
    const params = {
      id: U('task', 'chatbot'),
      expected: 'task',
      actual: 'region',
      max: 3,
      min: 1,
      allowed: 'A, B',
      format: 'yyyy-mm-dd',
      value: 'x',
      replacement: 'y',
      detail: 'd',
    };
    for (const rule of CAPABILITY_MODEL_RULES) {
      expect([rule, hasMessage(rule)]).toEqual([rule, true]);
      for (const locale of ['ko', 'en'] as const) {
        const message = localizeViolation({ path: 'x', rule, params }, locale);
        expect(message).not.toBe(fallback[locale]);
        expect(message).not.toContain('undefined');
      }
    }
  });

  it('render without optional params', () => {
    expect(localizeViolation({ path: '$', rule: 'json' }, 'ko')).toBe('올바른 JSON이 아닙니다.');
    expect(localizeViolation({ path: 'regionId', rule: 'deprecated-concept', params: { id: 'urn:aimatch:region:old' } }, 'en')).toBe(
      'Deprecated concept: urn:aimatch:region:old',
    );
  });
});
