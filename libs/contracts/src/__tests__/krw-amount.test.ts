import { describe, expect, it } from '@jest/globals';
import { KRW_PARSE_MAX, parseKrw } from '../krw-amount';

describe('parseKrw: KRW amounts as they are typed', () => {
  it.each([
    ['1억5천', 150_000_000],
    ['1억 5천만', 150_000_000],
    ['1억 5천만원', 150_000_000],
    ['8천만', 80_000_000],
    ['1,200만원', 12_000_000],
    ['3.5억', 350_000_000],
    ['150000000', 150_000_000],
    ['150,000,000', 150_000_000],
    ['150,000,000원', 150_000_000],
    ['₩ 150,000,000', 150_000_000],
    [' 1 억  2 천 ', 120_000_000],
    ['1억', 100_000_000],
    ['2억 3,000만', 230_000_000],
    ['5천3백만', 53_000_000],
    ['천만원', 10_000_000],
    ['백만', 1_000_000],
    ['만원', 10_000],
    ['1만5천', 15_000],
    ['1만 5천원', 15_000],
    ['1억 5000', 100_005_000],
    ['1조2천', 1_200_000_000_000],
    ['1조 2천억', 1_200_000_000_000],
    ['2.5천만', 25_000_000],
    ['1.5만', 15_000],
    ['0', 0],
    ['5백', 500],
    ['1억 2백만', 102_000_000],
    ['3십만', 300_000],
  ])('%s → %d', (text, won) => {
    expect(parseKrw(text)).toBe(won);
  });

  it('reads nothing typed as no value', () => {
    expect(parseKrw('')).toBeNull();
    expect(parseKrw('   ')).toBeNull();
  });

  it.each([
    '1억억',
    '1만1억',
    '만억',
    '1억만',
    '천천',
    '백천',
    '원',
    '원원',
    '1억원원',
    'abc',
    '1억a',
    '1,20만',
    '1,2345',
    '1..5억',
    '억1억',
    '1.5.2만',
  ])('refuses %s', (text) => {
    expect(parseKrw(text)).toBe('invalid');
  });

  it('refuses negative amounts', () => {
    expect(parseKrw('-1억')).toBe('negative');
    expect(parseKrw('-150000000')).toBe('negative');
    expect(parseKrw('−5천만')).toBe('negative');
  });

  it('refuses what does not come out in whole won', () => {
    expect(parseKrw('12.5')).toBe('fraction');
    expect(parseKrw('1.23456만')).toBe('fraction');
    expect(parseKrw('1.0000001억')).toBe('fraction');
  });

  it('refuses amounts above the maximum', () => {
    expect(parseKrw('1000억', { max: 100_000_000_000 })).toBe(100_000_000_000);
    expect(parseKrw('1000억 1', { max: 100_000_000_000 })).toBe('too-large');
    expect(parseKrw('9000조')).toBe(9_000_000_000_000_000);
    expect(parseKrw('9999조')).toBe('too-large');
    expect(parseKrw('1경')).toBe('invalid');
    expect(parseKrw('99999999999999999')).toBe('too-large');
    expect(KRW_PARSE_MAX).toBe(Number.MAX_SAFE_INTEGER);
  });
});
