import type { RuleViolation } from '@aimatch/validation';

/**
 * The income deduction for investing in venture companies (조세특례제한법 제16조, 벤처투자조합 출자 등에 대한
 * 소득공제) as versioned data and a pure calculator. Guidance for investors, not tax advice: the rule sets
 * below are the association's reading of the public guidance, each with the investment years it applies to.
 */

/** How the money reached the venture company. */
export enum InvestmentChannel {
  /** 벤처투자조합 출자 */
  VENTURE_FUND = 'VENTURE_FUND',
  /** 신기술사업투자조합 출자 */
  NEW_TECHNOLOGY_FUND = 'NEW_TECHNOLOGY_FUND',
  /** 전문투자조합 출자 */
  SPECIALISED_FUND = 'SPECIALISED_FUND',
  /** 벤처기업 등에 투자하는 사모집합투자기구(PEF) */
  PRIVATE_EQUITY_FUND = 'PRIVATE_EQUITY_FUND',
  /** 벤처기업투자신탁 수익증권 */
  VENTURE_TRUST = 'VENTURE_TRUST',
  /** 벤처기업 등에 직접 투자 */
  DIRECT = 'DIRECT',
  /** 개인투자조합을 통해 벤처기업 등에 투자 */
  ANGEL_FUND = 'ANGEL_FUND',
  /** 온라인소액투자중개(크라우드펀딩)를 통한 투자 */
  CROWDFUNDING = 'CROWDFUNDING',
}

/** Why a stake left the investor within the holding period. */
export enum StakeEventKind {
  /** 출자지분·수익증권의 양도·이전 */
  TRANSFER = 'TRANSFER',
  /** 출자지분의 회수·환매 */
  WITHDRAWAL = 'WITHDRAWAL',
}

/** A reason the law lists under which an early transfer or withdrawal is not clawed back. */
export interface ClawbackException {
  code: string;
  ko: string;
  en: string;
  /** The first day the exception applies (ISO date); absent: since the rule set's start. */
  effectiveFrom?: string;
}

/** One marginal bracket of the direct-investment rate: amounts up to `upToKrw` (null: no ceiling). */
export interface DeductionBracket {
  upToKrw: number | null;
  /** Percent of the amount inside this bracket. */
  percent: number;
}

export interface VentureDeductionRuleSet {
  id: string;
  /** The first investment year these rules apply to. */
  fromYear: number;
  /** The last investment year (null: until a newer rule set). */
  toYear: number | null;
  source: { ko: string; en: string };
  /** Channels deducted at `indirectPercent` of the amount. */
  indirectChannels: InvestmentChannel[];
  indirectPercent: number;
  /** Channels summed and deducted by `directBrackets`. */
  directChannels: InvestmentChannel[];
  directBrackets: DeductionBracket[];
  /** The venture-trust deduction's own ceiling. */
  ventureTrustCapKrw: number;
  /** The whole deduction's ceiling as a percent of the tax year's comprehensive income (종합소득금액). */
  incomeCapPercent: number;
  /** The deduction is taken in one tax year among the investment year and this many following. */
  electionYears: number;
  /** Transferring or withdrawing within this many years claws the deduction back. */
  holdingYears: number;
  clawbackExceptions: ClawbackException[];
}

const INDIRECT = [
  InvestmentChannel.VENTURE_FUND,
  InvestmentChannel.NEW_TECHNOLOGY_FUND,
  InvestmentChannel.SPECIALISED_FUND,
  InvestmentChannel.PRIVATE_EQUITY_FUND,
  InvestmentChannel.VENTURE_TRUST,
];
const DIRECT = [InvestmentChannel.DIRECT, InvestmentChannel.ANGEL_FUND, InvestmentChannel.CROWDFUNDING];
const EXCEPTIONS: ClawbackException[] = [
  { code: 'DEATH', ko: '출자자·투자자의 사망', en: "The investor's death" },
  { code: 'EMIGRATION', ko: '세대 전원의 해외이주', en: 'Emigration of the whole household' },
  { code: 'DISASTER', ko: '천재지변으로 인한 재산상 손실', en: 'Loss of property through a natural disaster' },
  { code: 'FUND_DISSOLUTION', ko: '투자조합의 해산(법령에 따른 해산)', en: 'Dissolution of the fund under the law' },
  {
    code: 'LISTING_AFTER_ONE_YEAR',
    ko: '최초 투자일부터 1년이 지나고 투자기업이 상장된 뒤의 지분 이전·회수 또는 조합 해산',
    en: 'Transfer, withdrawal or fund dissolution after the investee listed, one year or more after the first investment',
    effectiveFrom: '2025-02-28',
  },
];

/**
 * The rule sets, oldest first. 2018 onwards: 3,000만원까지 100 %, 5,000만원까지 70 %, 그 초과 30 %
 * (2014–2017: 1,500만원까지 100 %, 5,000만원까지 50 %, 그 초과 30 %).
 */
export const VENTURE_DEDUCTION_RULE_SETS: readonly VentureDeductionRuleSet[] = [
  {
    id: 'stl-16-2014',
    fromYear: 2014,
    toYear: 2017,
    source: {
      ko: '조세특례제한법 제16조 (2014–2017년 투자분)',
      en: 'Restriction of Special Taxation Act, art. 16 (investments 2014–2017)',
    },
    indirectChannels: INDIRECT,
    indirectPercent: 10,
    directChannels: DIRECT,
    directBrackets: [
      { upToKrw: 15_000_000, percent: 100 },
      { upToKrw: 50_000_000, percent: 50 },
      { upToKrw: null, percent: 30 },
    ],
    ventureTrustCapKrw: 3_000_000,
    incomeCapPercent: 50,
    electionYears: 2,
    holdingYears: 3,
    clawbackExceptions: EXCEPTIONS,
  },
  {
    id: 'stl-16-2018',
    fromYear: 2018,
    toYear: null,
    source: {
      ko: '조세특례제한법 제16조, 같은 법 시행령 제14조 (2018년 이후 투자분)',
      en: 'Restriction of Special Taxation Act, art. 16 and its decree, art. 14 (investments from 2018)',
    },
    indirectChannels: INDIRECT,
    indirectPercent: 10,
    directChannels: DIRECT,
    directBrackets: [
      { upToKrw: 30_000_000, percent: 100 },
      { upToKrw: 50_000_000, percent: 70 },
      { upToKrw: null, percent: 30 },
    ],
    ventureTrustCapKrw: 3_000_000,
    incomeCapPercent: 50,
    electionYears: 2,
    holdingYears: 3,
    clawbackExceptions: EXCEPTIONS,
  },
];

export const VENTURE_DEDUCTION_NOTICE = {
  ko: '이 계산은 공개된 안내에 따른 참고용 추정치이며 세무 자문이 아닙니다. 실제 공제액은 투자확인서, 다른 공제와의 관계, 최신 법령에 따라 달라질 수 있으니 세무사나 국세청(126)에 확인하세요.',
  en: 'This is an estimate from the public guidance, for reference only, and not tax advice. The actual deduction depends on the investment certificate, other deductions and the law in force: check with a tax accountant or the National Tax Service (126).',
} as const;

/** The largest amount the calculator accepts (KRW 1조): beyond it the input is a typo. */
export const MAX_DEDUCTION_AMOUNT_KRW = 1_000_000_000_000;
export const MAX_INVESTMENT_LINES = 50;

export interface InvestmentLine {
  channel: InvestmentChannel;
  amountKrw: number;
}

export interface VentureDeductionInput {
  /** The calendar year the investments were made (one calculation per investment year). */
  investmentYear: number;
  /** The tax year the deduction is taken in: the investment year or one of the next `electionYears`. */
  taxYear: number;
  /** 종합소득금액 of the tax year. */
  comprehensiveIncomeKrw: number;
  investments: InvestmentLine[];
}

export interface BracketPart {
  fromKrw: number;
  toKrw: number | null;
  percent: number;
  amountKrw: number;
  deductionKrw: number;
}

export interface VentureDeductionResult {
  ruleSetId: string;
  source: { ko: string; en: string };
  /** Tax years the deduction may be taken in. */
  taxYearWindow: { from: number; to: number };
  indirectAmountKrw: number;
  /** 10 % of the fund investments other than venture trusts. */
  fundDeductionKrw: number;
  ventureTrustAmountKrw: number;
  ventureTrustDeductionKrw: number;
  ventureTrustCapApplied: boolean;
  directAmountKrw: number;
  directBrackets: BracketPart[];
  directDeductionKrw: number;
  /** The sum before the income ceiling. */
  totalBeforeCapKrw: number;
  incomeCapKrw: number;
  incomeCapApplied: boolean;
  /** What the calculator estimates is deducted from the tax year's comprehensive income. */
  deductionKrw: number;
  /** Transferring or withdrawing the stake within this many years of the investment day claws the deduction back. */
  holdingYears: number;
  notice: { ko: string; en: string };
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; violations: RuleViolation[] };

/** The rule set that governs investments made in `year`, or null before the first one. */
export function ventureDeductionRuleSetFor(
  year: number,
  sets: readonly VentureDeductionRuleSet[] = VENTURE_DEDUCTION_RULE_SETS,
): VentureDeductionRuleSet | null {
  return sets.find((s) => s.fromYear <= year && (s.toYear === null || year <= s.toYear)) ?? null;
}

function isAmount(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0 && value <= MAX_DEDUCTION_AMOUNT_KRW;
}

/** `percent` of `amount`, rounded down to the won, without floating-point drift. */
function percentOf(amount: number, percent: number): number {
  return Math.floor((amount * percent) / 100);
}

/**
 * Estimates the deduction for one investment year. Bad input (amounts negative, fractional or above
 * KRW 1조, a tax year outside the election window, a year no rule set covers) comes back as violations
 * naming the field and the rule, never as a number.
 */
export function calculateVentureDeduction(
  input: VentureDeductionInput,
  sets: readonly VentureDeductionRuleSet[] = VENTURE_DEDUCTION_RULE_SETS,
): Outcome<VentureDeductionResult> {
  const violations: RuleViolation[] = [];
  const first = sets[0]?.fromYear ?? 0;
  const rules = Number.isInteger(input.investmentYear) ? ventureDeductionRuleSetFor(input.investmentYear, sets) : null;
  if (!rules) violations.push({ path: 'investmentYear', rule: 'min-value', params: { min: first } });
  if (rules) {
    const to = input.investmentYear + rules.electionYears;
    if (!Number.isInteger(input.taxYear) || input.taxYear < input.investmentYear || input.taxYear > to) {
      violations.push({ path: 'taxYear', rule: 'range', params: { min: input.investmentYear, max: to } });
    }
  }
  if (!isAmount(input.comprehensiveIncomeKrw)) {
    violations.push({ path: 'comprehensiveIncomeKrw', rule: 'range', params: { min: 0, max: MAX_DEDUCTION_AMOUNT_KRW } });
  }
  if (input.investments.length === 0) violations.push({ path: 'investments', rule: 'required' });
  if (input.investments.length > MAX_INVESTMENT_LINES) {
    violations.push({ path: 'investments', rule: 'max-items', params: { max: MAX_INVESTMENT_LINES } });
  }
  input.investments.slice(0, MAX_INVESTMENT_LINES).forEach((line, i) => {
    if (!Object.values(InvestmentChannel).includes(line.channel)) {
      violations.push({ path: `investments.${i}.channel`, rule: 'enum', params: { allowed: Object.values(InvestmentChannel).join(', ') } });
    }
    if (!isAmount(line.amountKrw) || line.amountKrw === 0) {
      violations.push({ path: `investments.${i}.amountKrw`, rule: 'range', params: { min: 1, max: MAX_DEDUCTION_AMOUNT_KRW } });
    }
  });
  if (violations.length > 0 || !rules) return { ok: false, violations };

  const sum = (channels: (c: InvestmentChannel) => boolean) =>
    input.investments.filter((l) => channels(l.channel)).reduce((acc, l) => acc + l.amountKrw, 0);
  const ventureTrustAmountKrw = sum((c) => c === InvestmentChannel.VENTURE_TRUST);
  const indirectAmountKrw = sum((c) => rules.indirectChannels.includes(c) && c !== InvestmentChannel.VENTURE_TRUST);
  const directAmountKrw = sum((c) => rules.directChannels.includes(c));

  const fundDeductionKrw = percentOf(indirectAmountKrw, rules.indirectPercent);
  const trustUncapped = percentOf(ventureTrustAmountKrw, rules.indirectPercent);
  const ventureTrustDeductionKrw = Math.min(trustUncapped, rules.ventureTrustCapKrw);

  const directBrackets: BracketPart[] = [];
  let lower = 0;
  for (const bracket of rules.directBrackets) {
    const upper = bracket.upToKrw ?? Number.POSITIVE_INFINITY;
    const amountKrw = Math.max(0, Math.min(directAmountKrw, upper) - lower);
    directBrackets.push({
      fromKrw: lower,
      toKrw: bracket.upToKrw,
      percent: bracket.percent,
      amountKrw,
      deductionKrw: percentOf(amountKrw, bracket.percent),
    });
    if (bracket.upToKrw === null) break;
    lower = bracket.upToKrw;
  }
  const directDeductionKrw = directBrackets.reduce((acc, b) => acc + b.deductionKrw, 0);

  const totalBeforeCapKrw = fundDeductionKrw + ventureTrustDeductionKrw + directDeductionKrw;
  const incomeCapKrw = percentOf(input.comprehensiveIncomeKrw, rules.incomeCapPercent);
  return {
    ok: true,
    value: {
      ruleSetId: rules.id,
      source: rules.source,
      taxYearWindow: { from: input.investmentYear, to: input.investmentYear + rules.electionYears },
      indirectAmountKrw,
      fundDeductionKrw,
      ventureTrustAmountKrw,
      ventureTrustDeductionKrw,
      ventureTrustCapApplied: trustUncapped > rules.ventureTrustCapKrw,
      directAmountKrw,
      directBrackets,
      directDeductionKrw,
      totalBeforeCapKrw,
      incomeCapKrw,
      incomeCapApplied: totalBeforeCapKrw > incomeCapKrw,
      deductionKrw: Math.min(totalBeforeCapKrw, incomeCapKrw),
      holdingYears: rules.holdingYears,
      notice: VENTURE_DEDUCTION_NOTICE,
    },
  };
}

export interface StakeEvent {
  kind: StakeEventKind;
  /** ISO dates (YYYY-MM-DD). */
  investedOn: string;
  occurredOn: string;
  /** A listed exception's code, when one applies. */
  exceptionCode?: string | null;
}

export interface ClawbackAssessment {
  clawedBack: boolean;
  /** The last day on which a transfer or withdrawal still counts as early. */
  holdingEndsOn: string;
  exception: ClawbackException | null;
  reason: { ko: string; en: string };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseIsoDate(value: string): { y: number; m: number; d: number } | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? { y, m, d } : null;
}

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * Whether transferring or withdrawing a stake claws the deduction back: it does within the holding
 * period (3 years from the investment day) unless a listed exception applies on that day.
 */
export function assessClawback(
  event: StakeEvent,
  sets: readonly VentureDeductionRuleSet[] = VENTURE_DEDUCTION_RULE_SETS,
): Outcome<ClawbackAssessment> {
  const violations: RuleViolation[] = [];
  const invested = parseIsoDate(event.investedOn);
  const occurred = parseIsoDate(event.occurredOn);
  if (!invested) violations.push({ path: 'investedOn', rule: 'format', params: { format: 'YYYY-MM-DD' } });
  if (!occurred) violations.push({ path: 'occurredOn', rule: 'format', params: { format: 'YYYY-MM-DD' } });
  if (!Object.values(StakeEventKind).includes(event.kind)) {
    violations.push({ path: 'kind', rule: 'enum', params: { allowed: Object.values(StakeEventKind).join(', ') } });
  }
  const rules = invested ? ventureDeductionRuleSetFor(invested.y, sets) : null;
  if (invested && !rules) violations.push({ path: 'investedOn', rule: 'min-value', params: { min: sets[0]?.fromYear ?? 0 } });
  if (invested && occurred && event.occurredOn < event.investedOn) {
    violations.push({ path: 'occurredOn', rule: 'min-value', params: { min: event.investedOn } });
  }
  const exception = event.exceptionCode ? (rules?.clawbackExceptions.find((e) => e.code === event.exceptionCode) ?? null) : null;
  if (rules && event.exceptionCode && !exception) {
    violations.push({ path: 'exceptionCode', rule: 'enum', params: { allowed: rules.clawbackExceptions.map((e) => e.code).join(', ') } });
  }
  if (violations.length > 0 || !invested || !rules) return { ok: false, violations };

  // 민법 제157·160조: the first day is not counted, so the period ends at the end of the same date
  // `holdingYears` later (an investment on 29 Feb: 28 Feb).
  const end = new Date(Date.UTC(invested.y + rules.holdingYears, invested.m - 1, invested.d));
  if (end.getUTCMonth() !== invested.m - 1) end.setUTCDate(0);
  const holdingEndsOn = iso(end.getUTCFullYear(), end.getUTCMonth() + 1, end.getUTCDate());
  const early = event.occurredOn <= holdingEndsOn;
  const applies = exception && (!exception.effectiveFrom || event.occurredOn >= exception.effectiveFrom) ? exception : null;
  if (!early) {
    return {
      ok: true,
      value: {
        clawedBack: false,
        holdingEndsOn,
        exception: null,
        reason: { ko: `보유 기간(${holdingEndsOn}까지)이 지난 뒤입니다.`, en: `After the holding period (until ${holdingEndsOn}).` },
      },
    };
  }
  if (applies) {
    return {
      ok: true,
      value: {
        clawedBack: false,
        holdingEndsOn,
        exception: applies,
        reason: {
          ko: `보유 기간 안이지만 예외 사유입니다: ${applies.ko}`,
          en: `Within the holding period, but an exception applies: ${applies.en}`,
        },
      },
    };
  }
  const lateException = exception && exception.effectiveFrom ? exception : null;
  return {
    ok: true,
    value: {
      clawedBack: true,
      holdingEndsOn,
      exception: null,
      reason: lateException
        ? {
            ko: `예외 사유(${lateException.ko})는 ${lateException.effectiveFrom} 이후 발생분부터 적용됩니다. 보유 기간(${holdingEndsOn}까지) 안의 ${event.kind === StakeEventKind.TRANSFER ? '양도' : '회수'}이므로 공제받은 세액이 추징됩니다.`,
            en: `The exception (${lateException.en}) applies to events from ${lateException.effectiveFrom}. A ${event.kind === StakeEventKind.TRANSFER ? 'transfer' : 'withdrawal'} within the holding period (until ${holdingEndsOn}) claws the deduction back.`,
          }
        : {
            ko: `보유 기간(${holdingEndsOn}까지) 안의 ${event.kind === StakeEventKind.TRANSFER ? '양도' : '회수'}이므로 공제받은 세액이 추징됩니다.`,
            en: `A ${event.kind === StakeEventKind.TRANSFER ? 'transfer' : 'withdrawal'} within the holding period (until ${holdingEndsOn}) claws the deduction back.`,
          },
    },
  };
}
