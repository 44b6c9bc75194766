import { describe, expect, it } from '@jest/globals';
import { editDistance, typoBudget, withinTypoDistance } from '../typo';

describe('editDistance (jamo for Hangul)', () => {
  it.each([
    ['예지보졘', '예지보전', 1], // ㅖ for ㅓ
    ['공장', '공정', 1],
    ['같다', '갇다', 1], // final ㅌ / ㄷ
    ['과', '고', 1], // ㅘ = ㅗ + ㅏ
    ['불량검출', '불량검사', 3],
    ['predictve', 'predictive', 1],
    ['kitten', 'sitting', 3],
    ['abcd', 'abdc', 1], // adjacent transposition
    ['ocr', 'osr', 1],
    ['', 'abc', 3],
    ['스마트', '', 6],
    ['same', 'same', 0],
  ])('%p ↔ %p = %p', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});

describe('typoBudget', () => {
  it.each([
    ['ocr', 0],
    ['vision', 1],
    ['predictive', 2],
    ['yolov8', 0],
    ['공장', 0],
    ['데이터', 1],
    ['예지보전', 1],
    ['스마트팩토리솔루션', 2],
  ])('%p → %p', (word, budget) => {
    expect(typoBudget(word)).toBe(budget);
  });
});

describe('withinTypoDistance', () => {
  it.each([
    ['예지보졘', '예지보전', true],
    ['데이타', '데이터', true],
    ['predictve', 'predictive', true],
    ['Predictve', 'predictive', true],
    ['maintenence', 'maintenance', true],
    ['sensor', 'sensors', true],
    ['mainetnance', 'maintenance', true], // transposition
    ['ocr', 'osr', false], // too short for any typo
    ['ocr', 'ocr', true],
    ['공장', '공정', false], // 2 syllables: exact only
    ['검사', '감사', false],
    ['yolov5', 'yolov8', false], // digits: exact only
    ['vision', 'fusion', false], // 2 edits in 6 letters
    ['불량검출', '불량검사', false],
    ['', '', false],
  ])('%p ~ %p: %p', (q, w, expected) => {
    expect(withinTypoDistance(q, w)).toBe(expected);
  });

  it('honest limit: one jamo can change the meaning of a long word (스마트공장 ~ 스마트농장)', () => {
    expect(withinTypoDistance('스마트농장', '스마트공장')).toBe(true);
  });
});
