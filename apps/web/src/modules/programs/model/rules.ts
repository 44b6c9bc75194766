import type { EligibilityRuleInput } from '@/generated/graphql';

/** A fact as `eligibilityFacts` describes it. */
export interface FactInfo {
  name: string;
  type: string;
  scheme?: string | null;
}

/** One rule as the editor holds it: every editor's value kept, the fact's type decides which is sent. */
export interface RuleDraft {
  fact: string;
  values: string[];
  min: string;
  max: string;
  value: boolean;
}

export const emptyRule = (fact = ''): RuleDraft => ({ fact, values: [], min: '', max: '', value: true });

/** The operator a fact's type takes: `in` for enum and concept facts, `between` for numbers, `is` for booleans. */
export function opFor(type: string): 'in' | 'between' | 'is' {
  return type === 'number' ? 'between' : type === 'boolean' ? 'is' : 'in';
}

const num = (text: string): number | null => {
  const cleaned = text.replace(/[\s,]/g, '');
  if (cleaned === '') return null;
  const n = Number(cleaned);
  return Number.isFinite(n) ? n : NaN;
};

/** The editor's rules as `EligibilityRuleInput` (the server validates; a bad number is sent as NaN→null so the server names it). */
export function toRuleInputs(drafts: readonly RuleDraft[], facts: readonly FactInfo[]): EligibilityRuleInput[] {
  const byName = new Map(facts.map((f) => [f.name, f]));
  return drafts
    .filter((d) => d.fact !== '')
    .map((d) => {
      const type = byName.get(d.fact)?.type ?? 'enum';
      const op = opFor(type);
      if (op === 'between') {
        const min = num(d.min);
        const max = num(d.max);
        return { fact: d.fact, op, min: Number.isNaN(min) ? null : min, max: Number.isNaN(max) ? null : max };
      }
      if (op === 'is') return { fact: d.fact, op, value: d.value };
      return { fact: d.fact, op, values: [...new Set(d.values)] };
    });
}

/** A stored rule back into the editor. */
export function fromRule(rule: {
  fact: string;
  values?: readonly string[] | null;
  min?: number | null;
  max?: number | null;
  value?: boolean | null;
}): RuleDraft {
  return {
    fact: rule.fact,
    values: [...(rule.values ?? [])],
    min: rule.min === null || rule.min === undefined ? '' : String(rule.min),
    max: rule.max === null || rule.max === undefined ? '' : String(rule.max),
    value: rule.value ?? true,
  };
}
