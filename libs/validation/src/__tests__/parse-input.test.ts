import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { localizeViolation } from '../messages';
import { parseInput } from '../parse-input';

const schema = z.object({
  name: z.string().trim().min(1).max(5),
  email: z.string().pipe(z.email()),
  age: z.number().int().min(18).max(120).optional(),
  kind: z.enum(['SME', 'AI_SUPPLIER']),
  nested: z.object({ code: z.string().refine((v) => v === 'ok', { params: { rule: 'checksum' } }) }),
});

describe('parseInput', () => {
  it('maps every issue to a path and a stable rule id', () => {
    const r = parseInput(schema, { name: 'toolong', email: 'x', age: 7, kind: 'BANK', nested: { code: 'bad' } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.violations.map((v) => [v.path, v.rule])).toEqual([
      ['name', 'max-length'],
      ['email', 'email'],
      ['age', 'min-value'],
      ['kind', 'enum'],
      ['nested.code', 'checksum'],
    ]);
  });

  it('reports missing and empty values as required', () => {
    const r = parseInput(schema, { name: '  ', kind: 'SME', nested: { code: 'ok' } });
    expect(r.ok ? [] : r.violations.map((v) => [v.path, v.rule])).toEqual([
      ['name', 'required'],
      ['email', 'required'],
    ]);
  });

  it('renders every rule in Korean and English', () => {
    const v = { path: 'name', rule: 'max-length', params: { max: 5 } };
    expect(localizeViolation(v, 'ko')).toBe('5자 이하로 입력하세요.');
    expect(localizeViolation(v, 'en')).toBe('Must be at most 5 characters.');
    expect(localizeViolation({ path: 'x', rule: 'no-such-rule' }, 'en')).toBe('The value is invalid.');
  });
});
