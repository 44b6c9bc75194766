import { describe, expect, it } from '@jest/globals';
import { getChoseong } from 'es-hangul';
import { choseong, choseongQueryKey, isChoseongQuery } from '../hangul';

describe('choseong', () => {
  it.each([
    ['스마트공장', 'ㅅㅁㅌㄱㅈ'],
    ['스마트 공장', 'ㅅㅁㅌㄱㅈ'],
    ['불량검출', 'ㅂㄹㄱㅊ'],
    ['AI 기반 불량 검출', 'ㄱㅂㅂㄹㄱㅊ'],
    ['까치 빵 쌀 짜장 따로', 'ㄲㅊㅃㅆㅉㅈㄸㄹ'],
    ['OCR 123', ''],
    ['ㄱ자 로봇', 'ㄱㅈㄹㅂ'],
    ['\u1100\u1161\u11a8\u1109\u1161', 'ㄱㅅ'], // decomposed Hangul
    ['', ''],
  ])('%p → %p', (text, expected) => {
    expect(choseong(text)).toBe(expected);
  });

  it('agrees with es-hangul getChoseong on syllables across the block', () => {
    let text = '';
    for (let c = 0xac00; c <= 0xd7a3; c += 37) text += String.fromCharCode(c);
    expect(choseong(text)).toBe(getChoseong(text));
  });
});

describe('isChoseongQuery', () => {
  it.each([
    ['ㅅㅁㅌ', true],
    ['ㅂㄹ ㄱㅊ', true],
    [' ㄱ ', true],
    ['ㄲㅉ', true],
    ['ﾡﾵ', true], // half-width
    ['', false],
    ['   ', false],
    ['ㅏㅓ', false], // vowels
    ['ㅅㅁㅌ공장', false],
    ['ㅅㅁㅌ ai', false],
    ['스마트', false],
  ])('%p → %p', (q, expected) => {
    expect(isChoseongQuery(q)).toBe(expected);
  });

  it('gives the key without spaces', () => {
    expect(choseongQueryKey('ㅂㄹ ㄱㅊ')).toBe('ㅂㄹㄱㅊ');
    expect(choseongQueryKey('ﾡﾵ')).toBe('ㄱㅅ');
    expect(choseongQueryKey('공장')).toBe('');
  });
});
