import { describe, expect, it } from '@jest/globals';
import { emptyRule, fromRule, opFor, toRuleInputs } from '../model/rules';

const FACTS = [
  { name: 'organization.kind', type: 'enum' },
  { name: 'organization.region', type: 'concept', scheme: 'region' },
  { name: 'organization.employees', type: 'number' },
  { name: 'organization.verified', type: 'boolean' },
];

describe('rule editor state → EligibilityRuleInput', () => {
  it('sends only what the fact type takes', () => {
    const drafts = [
      { ...emptyRule('organization.kind'), values: ['SME', 'SME'], min: '3' },
      { ...emptyRule('organization.region'), values: ['urn:aimatch:region:gyeongnam'] },
      { ...emptyRule('organization.employees'), min: '50', max: '1,000', values: ['x'] },
      { ...emptyRule('organization.verified'), value: false },
      emptyRule(),
    ];
    expect(toRuleInputs(drafts, FACTS)).toEqual([
      { fact: 'organization.kind', op: 'in', values: ['SME'] },
      { fact: 'organization.region', op: 'in', values: ['urn:aimatch:region:gyeongnam'] },
      { fact: 'organization.employees', op: 'between', min: 50, max: 1000 },
      { fact: 'organization.verified', op: 'is', value: false },
    ]);
  });

  it('leaves an open end of a range null, and a number it cannot read to the server', () => {
    expect(toRuleInputs([{ ...emptyRule('organization.employees'), min: '', max: 'abc' }], FACTS)).toEqual([
      { fact: 'organization.employees', op: 'between', min: null, max: null },
    ]);
  });

  it('maps fact types to operators and stored rules back into drafts', () => {
    expect([opFor('enum'), opFor('concept'), opFor('number'), opFor('boolean')]).toEqual(['in', 'in', 'between', 'is']);
    expect(fromRule({ fact: 'organization.employees', min: 50, max: null })).toEqual({
      fact: 'organization.employees',
      values: [],
      min: '50',
      max: '',
      value: true,
    });
  });
});

describe('the calculator’s tax years', () => {
  it('offers the investment year and the next electionYears (the 3 allowed years)', async () => {
    const { taxYearsFor } = await import('../components/VentureDeductionPage');
    expect(taxYearsFor(2025, 2)).toEqual([2025, 2026, 2027]);
  });
});
