/**
 * The bid form's values ↔ the API: a bid as form rows, and form rows as `BidContentInput`, or the
 * problems that keep it from being sent (the form shows them as messages). Pure, no React.
 */
import type { BidContentInput, BidFieldsFragment, ConsortiumRole } from '@/generated/graphql';
import { BID_LIMITS } from '@aimatch/contracts';
import { parseKrwInput } from '@/shared/forms/parse';

export interface MilestoneRow {
  key: number;
  title: string;
  weeks: string;
  amount: string;
}

export interface PartnerOrganization {
  id: string;
  nameKo: string;
  nameEn?: string | null;
}

/** One consortium partner as the form edits it. */
export interface PartnerRow {
  organization: PartnerOrganization;
  role: ConsortiumRole;
  share: string;
}

export interface BidFormValues {
  amount: string;
  weeks: string;
  approach: string;
  milestones: readonly MilestoneRow[];
  /** Requirement concept ids the bid covers. */
  covered: ReadonlySet<string>;
  partners: readonly PartnerRow[];
}

/** Why a field cannot be sent as it is. */
export interface BidFormProblems {
  amountKrw?: 'invalid';
  durationWeeks?: 'invalid';
  milestones?: 'invalid' | { sum: number; total: number };
  partners?: 'shareInvalid' | 'shareTooHigh';
}

/** A bid's milestones as rows (one empty row for a new bid). */
export function milestoneRowsOf(bid: BidFieldsFragment | null): MilestoneRow[] {
  if (!bid || bid.milestones.length === 0) return [{ key: 1, title: '', weeks: '', amount: '' }];
  return bid.milestones.map((m, i) => ({ key: i + 1, title: m.title, weeks: String(m.weeks), amount: String(m.amountKrw) }));
}

export function partnerRowsOf(bid: BidFieldsFragment | null): PartnerRow[] {
  return (bid?.partners ?? []).map((p) => ({
    organization: p.organization ?? { id: p.organizationId, nameKo: p.organizationId },
    role: p.role,
    share: String(p.sharePercent),
  }));
}

/** The milestone amounts added up (empty ones count 0; null when one is not an amount). */
export function milestoneSum(rows: readonly MilestoneRow[]): number | null {
  return rows.reduce<number | null>((acc, row) => {
    const value = parseKrwInput(row.amount);
    if (acc === null || value === 'invalid') return null;
    return acc + (value ?? 0);
  }, 0);
}

/** The share each partner takes, summed (null when one is not a whole number). */
export function partnerShareSum(rows: readonly PartnerRow[]): number | null {
  let sum = 0;
  for (const row of rows) {
    if (!/^\d+$/.test(row.share.trim())) return null;
    sum += Number(row.share);
  }
  return sum;
}

/**
 * The form as the API's bid content; `problems` instead when a value cannot be sent (amount,
 * weeks within the limits, milestones that are whole weeks and amounts adding up to the total,
 * partner shares of 1–99 % leaving the lead at least 1 %). Covered concepts keep the requirement's order.
 */
export function toBidContent(
  values: BidFormValues,
  requirement: readonly { id: string }[],
): { input: BidContentInput; problems: null } | { input: null; problems: BidFormProblems } {
  const problems: BidFormProblems = {};
  const total = parseKrwInput(values.amount, BID_LIMITS.maxAmountKrw);
  if (typeof total !== 'number' || total < BID_LIMITS.minAmountKrw) problems.amountKrw = 'invalid';
  const weeks = Number(values.weeks);
  if (!/^\d+$/.test(values.weeks.trim()) || weeks < BID_LIMITS.minWeeks || weeks > BID_LIMITS.maxWeeks) problems.durationWeeks = 'invalid';
  const milestones = values.milestones.map((row) => ({
    title: row.title.trim(),
    weeks: Number(row.weeks),
    amountKrw: parseKrwInput(row.amount, BID_LIMITS.maxAmountKrw),
  }));
  const sum = milestoneSum(values.milestones);
  if (milestones.some((m) => !Number.isInteger(m.weeks) || m.weeks < 1 || typeof m.amountKrw !== 'number')) {
    problems.milestones = 'invalid';
  } else if (typeof total === 'number' && sum !== total) {
    problems.milestones = { sum: sum ?? 0, total };
  }
  const shares = partnerShareSum(values.partners);
  if (values.partners.some((p) => !/^\d+$/.test(p.share.trim()) || Number(p.share) < 1 || Number(p.share) > 99)) {
    problems.partners = 'shareInvalid';
  } else if (shares !== null && shares > 99) {
    problems.partners = 'shareTooHigh';
  }
  if (Object.keys(problems).length > 0) return { input: null, problems };
  return {
    input: {
      amountKrw: total as number,
      durationWeeks: weeks,
      approach: values.approach,
      milestones: milestones.map((m) => ({ title: m.title, weeks: m.weeks, amountKrw: m.amountKrw as number })),
      coveredConceptIds: requirement.filter((c) => values.covered.has(c.id)).map((c) => c.id),
      partners: values.partners.map((p) => ({ organizationId: p.organization.id, role: p.role, sharePercent: Number(p.share) })),
    },
    problems: null,
  };
}
