import { describe, expect, it } from '@jest/globals';
import { compactKey, normalize } from '../normalize';

/** 500 syllables spread over the whole block U+AC00–U+D7A3 (every 22nd), plus both ends. */
const SAMPLE_SYLLABLES = (() => {
  const out: string[] = [];
  for (let c = 0xac00; out.length < 498; c += 22) out.push(String.fromCharCode(c));
  out.push('\uac00', '\ud7a3');
  return out;
})();

describe('normalize', () => {
  it.each([
    ['Ｏｃｒ', 'ocr'],
    ['OCR', 'ocr'],
    ['ＡＩ　기반', 'ai 기반'],
    ['café', 'cafe'],
    ['CAFÉ Crème', 'cafe creme'],
    ['Straße Ærø Łódź', 'strasse aero lodz'],
    ['naïve résumé', 'naive resume'],
    ['e\u0301cole', 'ecole'],
    ['OPC–UA — MES―ERP', 'opc-ua - mes-erp'],
    ['“인공지능” ‘AI’ 「공장」', '"인공지능" \'ai\' "공장"'],
    ['  스마트\t\n 공장  ', '스마트 공장'],
    ['스마트\u00a0공장\u3000AI', '스마트 공장 ai'],
    ['불량\u200b검출\ufeff', '불량검출'],
    ['㈜에이아이', '(주)에이아이'],
    ['① ㎏ ﬁle', '1 kg file'],
    ['\u1100\u1161\u11a8', '각'], // decomposed (NFD) Hangul is composed
    ['', ''],
    ['   ', ''],
  ])('%p → %p', (input, expected) => {
    expect(normalize(input)).toBe(expected);
  });

  it('keeps compatibility jamo (plain NFKC would make conjoining jamo of them)', () => {
    expect(normalize('ㅅㅁㅌ')).toBe('ㅅㅁㅌ');
    expect(normalize('ㅂㄹ  ㄱㅊ')).toBe('ㅂㄹ ㄱㅊ');
    expect(normalize('ㄱㅏ')).toBe('ㄱㅏ'); // not composed into 가
    expect(normalize('ﾡﾵﾾ')).toBe('ㄱㅅㅎ'); // half-width → compatibility
    expect(normalize('\u1100 \u1109')).toBe('ㄱ ㅅ'); // lone conjoining jamo → compatibility
  });

  it('never changes the Hangul syllables of a text (500 syllables across the block)', () => {
    expect(SAMPLE_SYLLABLES).toHaveLength(500);
    const joined = SAMPLE_SYLLABLES.join('');
    expect(normalize(joined)).toBe(joined);
    const spaced = SAMPLE_SYLLABLES.join(' ');
    expect(normalize(spaced)).toBe(spaced);
    // Mixed with text that does change: the syllables come out in the same order, untouched.
    // eslint-disable-next-line no-irregular-whitespace -- U+3000 (ideographic space) is one of the inputs normalised here
    const mixed = SAMPLE_SYLLABLES.map((s, i) => (i % 3 === 0 ? `${s}Ｘ` : i % 3 === 1 ? `É${s}` : `${s}　`)).join('—');
    const syllablesOf = (t: string) => [...t].filter((ch) => ch >= '\uac00' && ch <= '\ud7a3').join('');
    expect(syllablesOf(normalize(mixed))).toBe(joined);
    for (const s of SAMPLE_SYLLABLES) expect(normalize(s)).toBe(s);
  });

  it('is idempotent', () => {
    const inputs = ['Ｏｃｒ 솔루션', 'ㅂㄹ ㄱㅊ', 'ﾡﾷ', 'café—“x”', '\u1100\u1161 \u1100', '  A\u0301  ㈜ 공장\u200b  ', 'İstanbul ǅ'];
    for (const s of inputs) expect(normalize(normalize(s))).toBe(normalize(s));
  });
});

describe('compactKey', () => {
  it.each([
    ['스마트 공장', '스마트공장'],
    ['스마트공장', '스마트공장'],
    ['  Predictive  Maintenance ', 'predictivemaintenance'],
    ['Ｏｃｒ 솔루션', 'ocr솔루션'],
  ])('%p → %p', (input, expected) => {
    expect(compactKey(input)).toBe(expected);
  });
});
