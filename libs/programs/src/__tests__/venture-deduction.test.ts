import { describe, expect, it } from '@jest/globals';
import {
  assessClawback,
  calculateVentureDeduction,
  InvestmentChannel as C,
  StakeEventKind,
  type VentureDeductionInput,
  type VentureDeductionResult,
} from '../venture-deduction';

const M = 1_000_000;

function deduct(input: Partial<VentureDeductionInput> & Pick<VentureDeductionInput, 'investments'>): VentureDeductionResult {
  const outcome = calculateVentureDeduction({ investmentYear: 2025, taxYear: 2025, comprehensiveIncomeKrw: 1_000 * M, ...input });
  if (!outcome.ok) throw new Error(`unexpected violations ${JSON.stringify(outcome.violations)}`);
  return outcome.value;
}

describe('venture-investment deduction (worked examples, 2018 onwards rules)', () => {
  it.each([
    // [label, investments, income, expected deduction]
    ['direct 30M: all of it (the 100 % bracket edge)', [{ channel: C.DIRECT, amountKrw: 30 * M }], 1_000 * M, 30 * M],
    ['direct 30M + 1 won: the won above the edge at 70 % rounds down', [{ channel: C.DIRECT, amountKrw: 30 * M + 1 }], 1_000 * M, 30 * M],
    ['direct 30M + 10 won: 7 won more', [{ channel: C.DIRECT, amountKrw: 30 * M + 10 }], 1_000 * M, 30 * M + 7],
    ['direct 50M: 30M + 70 % of 20M (the 70 % bracket edge)', [{ channel: C.DIRECT, amountKrw: 50 * M }], 1_000 * M, 44 * M],
    ['direct 100M: 30M + 14M + 30 % of 50M', [{ channel: C.DIRECT, amountKrw: 100 * M }], 1_000 * M, 59 * M],
    ['direct 100M with 100M income: capped at 50 % of income', [{ channel: C.DIRECT, amountKrw: 100 * M }], 100 * M, 50 * M],
    ['venture fund 100M: 10 %', [{ channel: C.VENTURE_FUND, amountKrw: 100 * M }], 1_000 * M, 10 * M],
    [
      'new-technology fund + PEF + specialised fund 10M each: 10 % each',
      [
        { channel: C.NEW_TECHNOLOGY_FUND, amountKrw: 10 * M },
        { channel: C.PRIVATE_EQUITY_FUND, amountKrw: 10 * M },
        { channel: C.SPECIALISED_FUND, amountKrw: 10 * M },
      ],
      1_000 * M,
      3 * M,
    ],
    ['venture trust 50M: 10 % is 5M, capped at 3M', [{ channel: C.VENTURE_TRUST, amountKrw: 50 * M }], 1_000 * M, 3 * M],
    ['venture trust 30M: exactly the 3M cap', [{ channel: C.VENTURE_TRUST, amountKrw: 30 * M }], 1_000 * M, 3 * M],
    [
      'angel fund 20M + crowdfunding 15M share the brackets (35M: 30M + 3.5M) plus fund 40M at 10 %',
      [
        { channel: C.ANGEL_FUND, amountKrw: 20 * M },
        { channel: C.CROWDFUNDING, amountKrw: 15 * M },
        { channel: C.VENTURE_FUND, amountKrw: 40 * M },
      ],
      1_000 * M,
      37.5 * M,
    ],
    [
      'the same mix with 60M income: capped at 30M',
      [
        { channel: C.ANGEL_FUND, amountKrw: 20 * M },
        { channel: C.CROWDFUNDING, amountKrw: 15 * M },
        { channel: C.VENTURE_FUND, amountKrw: 40 * M },
      ],
      60 * M,
      30 * M,
    ],
    ['no income: nothing to deduct from', [{ channel: C.DIRECT, amountKrw: 10 * M }], 0, 0],
  ])('%s', (_label, investments, income, expected) => {
    expect(deduct({ investments, comprehensiveIncomeKrw: income }).deductionKrw).toBe(expected);
  });

  it('explains the figure: brackets, the trust cap and the income cap', () => {
    const result = deduct({
      investments: [
        { channel: C.DIRECT, amountKrw: 60 * M },
        { channel: C.VENTURE_TRUST, amountKrw: 40 * M },
      ],
      comprehensiveIncomeKrw: 100 * M,
    });
    expect(result.directBrackets).toEqual([
      { fromKrw: 0, toKrw: 30 * M, percent: 100, amountKrw: 30 * M, deductionKrw: 30 * M },
      { fromKrw: 30 * M, toKrw: 50 * M, percent: 70, amountKrw: 20 * M, deductionKrw: 14 * M },
      { fromKrw: 50 * M, toKrw: null, percent: 30, amountKrw: 10 * M, deductionKrw: 3 * M },
    ]);
    expect(result).toMatchObject({
      ruleSetId: 'stl-16-2018',
      directDeductionKrw: 47 * M,
      ventureTrustDeductionKrw: 3 * M,
      ventureTrustCapApplied: true,
      totalBeforeCapKrw: 50 * M,
      incomeCapKrw: 50 * M,
      incomeCapApplied: false,
      deductionKrw: 50 * M,
      taxYearWindow: { from: 2025, to: 2027 },
    });
    expect(result.notice.ko).toContain('세무 자문이 아닙니다');
  });

  it('applies the rule set of the investment year: 2016 investments had a 15M / 50 % bracket', () => {
    const result = deduct({ investmentYear: 2016, taxYear: 2018, investments: [{ channel: C.DIRECT, amountKrw: 20 * M }] });
    expect(result.ruleSetId).toBe('stl-16-2014');
    expect(result.deductionKrw).toBe(17.5 * M);
  });

  it('takes the deduction in the investment year or one of the next two, never a third', () => {
    expect(deduct({ investmentYear: 2024, taxYear: 2026, investments: [{ channel: C.DIRECT, amountKrw: M }] }).deductionKrw).toBe(M);
    for (const taxYear of [2023, 2027]) {
      const outcome = calculateVentureDeduction({
        investmentYear: 2024,
        taxYear,
        comprehensiveIncomeKrw: 100 * M,
        investments: [{ channel: C.DIRECT, amountKrw: M }],
      });
      expect(outcome).toEqual({ ok: false, violations: [{ path: 'taxYear', rule: 'range', params: { min: 2024, max: 2026 } }] });
    }
  });

  it('refuses negative, fractional, zero and absurd amounts, unknown channels and years before the rules, naming each field', () => {
    const outcome = calculateVentureDeduction({
      investmentYear: 2010,
      taxYear: 2010,
      comprehensiveIncomeKrw: -1,
      investments: [
        { channel: C.DIRECT, amountKrw: -5 },
        { channel: C.DIRECT, amountKrw: 1.5 },
        { channel: C.DIRECT, amountKrw: 0 },
        { channel: C.DIRECT, amountKrw: 2_000_000_000_000 },
        { channel: 'LOTTERY' as C, amountKrw: M },
      ],
    });
    expect(outcome.ok).toBe(false);
    const paths = outcome.ok ? [] : outcome.violations.map((v) => `${v.path}:${v.rule}`);
    expect(paths).toEqual([
      'investmentYear:min-value',
      'comprehensiveIncomeKrw:range',
      'investments.0.amountKrw:range',
      'investments.1.amountKrw:range',
      'investments.2.amountKrw:range',
      'investments.3.amountKrw:range',
      'investments.4.channel:enum',
    ]);
    const empty = calculateVentureDeduction({ investmentYear: 2025, taxYear: 2025, comprehensiveIncomeKrw: M, investments: [] });
    expect(empty).toEqual({ ok: false, violations: [{ path: 'investments', rule: 'required' }] });
  });
});

describe('clawback within the 3-year holding period', () => {
  const assess = (investedOn: string, occurredOn: string, exceptionCode?: string) => {
    const outcome = assessClawback({ kind: StakeEventKind.TRANSFER, investedOn, occurredOn, exceptionCode });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.violations));
    return outcome.value;
  };

  it('claws back a transfer on the last day of the period and not on the day after', () => {
    expect(assess('2024-03-10', '2027-03-10')).toMatchObject({ clawedBack: true, holdingEndsOn: '2027-03-10' });
    expect(assess('2024-03-10', '2027-03-11').clawedBack).toBe(false);
    expect(assess('2024-03-10', '2024-12-01').reason.ko).toContain('추징');
  });

  it('ends a 29 February investment on 28 February three years later', () => {
    expect(assess('2024-02-29', '2027-03-01')).toMatchObject({ clawedBack: false, holdingEndsOn: '2027-02-28' });
  });

  it('does not claw back for a listed exception, and applies the listing exception only from its effective day', () => {
    expect(assess('2024-03-10', '2025-01-15', 'DEATH')).toMatchObject({ clawedBack: false, exception: { code: 'DEATH' } });
    expect(assess('2023-06-01', '2025-01-15', 'LISTING_AFTER_ONE_YEAR')).toMatchObject({ clawedBack: true });
    expect(assess('2023-06-01', '2025-03-01', 'LISTING_AFTER_ONE_YEAR')).toMatchObject({
      clawedBack: false,
      exception: { code: 'LISTING_AFTER_ONE_YEAR' },
    });
  });

  it('refuses impossible dates, an event before the investment and unknown exceptions', () => {
    const outcome = assessClawback({ kind: StakeEventKind.WITHDRAWAL, investedOn: '2024-02-30', occurredOn: '2024-01-01' });
    expect(outcome).toEqual({ ok: false, violations: [{ path: 'investedOn', rule: 'format', params: { format: 'YYYY-MM-DD' } }] });
    const before = assessClawback({
      kind: StakeEventKind.WITHDRAWAL,
      investedOn: '2024-02-01',
      occurredOn: '2024-01-01',
      exceptionCode: 'LUCK',
    });
    expect(before.ok ? [] : before.violations.map((v) => `${v.path}:${v.rule}`)).toEqual(['occurredOn:min-value', 'exceptionCode:enum']);
  });
});
