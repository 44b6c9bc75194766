import { describe, expect, it } from '@jest/globals';
import { parseKrwInput, parseWebsite, withScheme } from '../parse';

describe('websites as typed (#14 item 7)', () => {
  it('adds https:// when no scheme is given', () => {
    expect(withScheme(' example.co.kr ')).toBe('https://example.co.kr');
    expect(withScheme('www.example.com/about')).toBe('https://www.example.com/about');
    expect(withScheme('example.co.kr:8080')).toBe('https://example.co.kr:8080');
    expect(withScheme('http://example.co.kr')).toBe('http://example.co.kr');
    expect(withScheme('')).toBe('');
  });

  it('then checks it is a web address', () => {
    expect(parseWebsite('example.co.kr')).toBe('https://example.co.kr');
    expect(parseWebsite('')).toBeUndefined();
    expect(parseWebsite('javascript:alert(1)')).toBe('invalid');
    expect(parseWebsite('ftp://example.co.kr')).toBe('invalid');
    expect(parseWebsite('not a site')).toBe('invalid');
    expect(parseWebsite('localhost')).toBe('invalid');
  });
});

describe('KRW inputs', () => {
  it('read Korean units and refuse what is not an amount', () => {
    expect(parseKrwInput('1억5천')).toBe(150_000_000);
    expect(parseKrwInput('')).toBeNull();
    expect(parseKrwInput('1억억')).toBe('invalid');
    expect(parseKrwInput('1001억', 100_000_000_000)).toBe('invalid');
  });
});
