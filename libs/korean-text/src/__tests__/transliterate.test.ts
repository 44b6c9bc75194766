import { describe, expect, it } from '@jest/globals';
import { englishOfHangul, hangulOfLetters, lettersOfHangul, transliterations } from '../transliterate';

describe('English in Hangul and back', () => {
  it('reads acronyms spelt as letter names', () => {
    expect(lettersOfHangul('오씨알')).toBe('ocr');
    expect(lettersOfHangul('알에이지')).toBe('rag');
    expect(lettersOfHangul('엠이에스')).toBe('mes');
    expect(lettersOfHangul('공장')).toBeNull();
    expect(lettersOfHangul('비')).toBeNull(); // one letter is not an acronym
    expect(hangulOfLetters('ocr')).toBe('오씨알');
  });

  it('splits Hangul loanwords only when the whole word is loanwords', () => {
    expect(englishOfHangul('디지털트윈')).toBe('digital twin');
    expect(englishOfHangul('스마트팩토리')).toBe('smart factory');
    expect(englishOfHangul('디지털전환')).toBeNull();
  });

  it('gives the other spellings of a text, particles stripped', () => {
    expect(transliterations('디지털트윈의')).toEqual(['digital twin']);
    expect(transliterations('오씨알을 도입')).toEqual(['ocr 도입']);
    expect(transliterations('digital twin')).toEqual(['디지털 트윈']);
    expect(transliterations('불량 검출')).toEqual([]);
  });
});
