import type { z } from 'zod';
import type { RuleViolation } from './violation';

export type ParseResult<T> = { ok: true; value: T } | { ok: false; violations: RuleViolation[] };

/**
 * Runs a zod schema and turns its issues into rule violations with stable rule ids, so that
 * every input error names its field and rule. Custom refinements pass `params: { rule }`.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): ParseResult<z.output<S>> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, violations: result.error.issues.map(toViolation) };
}

type Issue = z.core.$ZodIssue;

function toViolation(issue: Issue): RuleViolation {
  const path = issue.path.map(String).join('.');
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null
        ? { path, rule: 'required' }
        : { path, rule: 'type', params: { expected: String(issue.expected) } };
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1
          ? { path, rule: 'required' }
          : { path, rule: 'min-length', params: { min: Number(issue.minimum) } };
      }
      return { path, rule: 'min-value', params: { min: Number(issue.minimum) } };
    case 'too_big':
      if (issue.origin === 'string') return { path, rule: 'max-length', params: { max: Number(issue.maximum) } };
      if (issue.origin === 'array') return { path, rule: 'max-items', params: { max: Number(issue.maximum) } };
      return { path, rule: 'max-value', params: { max: Number(issue.maximum) } };
    case 'invalid_format':
      if (issue.format === 'email') return { path, rule: 'email' };
      if (issue.format === 'url') return { path, rule: 'url' };
      return { path, rule: 'format', params: { format: issue.format } };
    case 'invalid_value':
      return { path, rule: 'enum', params: { allowed: issue.values.map(String).join(', ') } };
    case 'custom': {
      const params = (issue.params ?? {}) as Record<string, string | number>;
      const { rule, ...rest } = params;
      return { path, rule: String(rule ?? 'invalid'), params: rest };
    }
    default:
      return { path, rule: 'invalid' };
  }
}
