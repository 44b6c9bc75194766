import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bootTestApp, type TestApp } from '@aimatch/api-testing';

const DEDUCTION = `query($i: VentureDeductionInput!) { ventureDeduction(input: $i) {
  ruleSetId source taxYearFrom taxYearTo directDeductionKrw directBrackets { fromKrw toKrw percent amountKrw deductionKrw }
  ventureTrustDeductionKrw ventureTrustCapApplied incomeCapKrw incomeCapApplied deductionKrw holdingYears notice } }`;

/** The calculator over GraphQL, as its page calls it: public, localised, bad input as typed field errors. */
describe('venture-investment deduction over GraphQL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp();
  });
  afterAll(() => t.close());

  it('estimates a direct investment with its brackets, in Korean and English', async () => {
    const i = {
      investmentYear: 2025,
      taxYear: 2026,
      comprehensiveIncomeKrw: 200_000_000,
      investments: [{ channel: 'DIRECT', amountKrw: 100_000_000 }],
    };
    const ko = await t.gql(DEDUCTION, { i });
    expect(ko.data!.ventureDeduction).toMatchObject({
      ruleSetId: 'stl-16-2018',
      taxYearFrom: 2025,
      taxYearTo: 2027,
      directDeductionKrw: 59_000_000,
      incomeCapKrw: 100_000_000,
      incomeCapApplied: false,
      deductionKrw: 59_000_000,
      holdingYears: 3,
    });
    expect(ko.data!.ventureDeduction.directBrackets.map((b: any) => b.deductionKrw)).toEqual([30_000_000, 14_000_000, 15_000_000]);
    expect(ko.data!.ventureDeduction.notice).toContain('세무 자문이 아닙니다');
    const en = await t.gql(DEDUCTION, { i }, { headers: { 'accept-language': 'en' } });
    expect(en.data!.ventureDeduction.notice).toContain('not tax advice');
  });

  it('answers bad input with the field and the rule, not a number', async () => {
    const res = await t.gql(DEDUCTION, {
      i: { investmentYear: 2024, taxYear: 2027, comprehensiveIncomeKrw: -5, investments: [{ channel: 'ANGEL_FUND', amountKrw: 1.5 }] },
    });
    expect(res.data).toBeNull();
    expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect((res.errors?.[0].extensions.fields as any[]).map((f) => `${f.path}:${f.rule}`)).toEqual([
      'taxYear:range',
      'comprehensiveIncomeKrw:range',
      'investments.0.amountKrw:range',
    ]);
    expect((res.errors?.[0].extensions.fields as any[])[0].message).toBe('2024 이상 2026 이하의 값이어야 합니다.');
  });

  it('tells whether an early transfer is clawed back, and lists the rules as data', async () => {
    const res =
      await t.gql(`{ ventureClawback(input: { kind: TRANSFER, investedOn: "2024-03-10", occurredOn: "2026-01-05", exceptionCode: "EMIGRATION" }) {
      clawedBack holdingEndsOn exception { code label } reason } }`);
    expect(res.data!.ventureClawback).toMatchObject({
      clawedBack: false,
      holdingEndsOn: '2027-03-10',
      exception: { code: 'EMIGRATION', label: '세대 전원의 해외이주' },
    });
    const rules = await t.gql(
      `{ ventureDeductionRules { id fromYear toYear directBrackets { fromKrw toKrw percent } exceptions { code } } }`,
    );
    expect(rules.data!.ventureDeductionRules.map((r: any) => [r.id, r.fromYear, r.toYear])).toEqual([
      ['stl-16-2014', 2014, 2017],
      ['stl-16-2018', 2018, null],
    ]);
    expect(rules.data!.ventureDeductionRules[1].directBrackets).toEqual([
      { fromKrw: 0, toKrw: 30_000_000, percent: 100 },
      { fromKrw: 30_000_000, toKrw: 50_000_000, percent: 70 },
      { fromKrw: 50_000_000, toKrw: null, percent: 30 },
    ]);
  });
});
