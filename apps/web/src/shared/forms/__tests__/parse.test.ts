import { describe, expect, it } from '@jest/globals';
import { optionalText, parseAmount, parseYear } from '../parse';

describe('form text → API values', () => {
  it('reads amounts with or without thousands separators; empty is no value', () => {
    expect(parseAmount('150,000,000')).toBe(150_000_000);
    expect(parseAmount(' 1 234 ')).toBe(1234);
    expect(parseAmount('')).toBeNull();
    expect(parseAmount('  ')).toBeNull();
  });

  it('refuses what is not a whole amount of at most 16 digits', () => {
    expect(parseAmount('12.5')).toBe('invalid');
    expect(parseAmount('-3')).toBe('invalid');
    expect(parseAmount('1억')).toBe('invalid');
    expect(parseAmount('1'.repeat(17))).toBe('invalid');
    expect(parseAmount('1234567890123456')).toBe(1_234_567_890_123_456);
  });

  it('reads a year of up to four digits', () => {
    expect(parseYear('2024')).toBe(2024);
    expect(parseYear(' 99 ')).toBe(99);
    expect(parseYear('')).toBeUndefined();
    expect(parseYear('20245')).toBe('invalid');
    expect(parseYear('2o24')).toBe('invalid');
  });

  it('omits empty optional text and trims the rest', () => {
    expect(optionalText('   ')).toBeUndefined();
    expect(optionalText('  (주)한빛 ')).toBe('(주)한빛');
  });
});
