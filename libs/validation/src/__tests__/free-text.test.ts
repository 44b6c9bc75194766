import { describe, expect, it } from '@jest/globals';
import { hasBidiControls, hasControlCharacters, neutralizeFreeText } from '../free-text';

describe('neutralizeFreeText', () => {
  it('removes the right-to-left override of the "txt.exe" spoof', () => {
    expect(neutralizeFreeText('invoice\u202Etxt.exe')).toBe('invoicetxt.exe');
    expect(neutralizeFreeText('a\u202Ab\u202Bc\u202Cd\u202De\u2066f\u2067g\u2068h\u2069i', 'body')).toBe('abcdefghi');
  });

  it('removes zero-width spaces, word joiners and BOMs everywhere', () => {
    expect(neutralizeFreeText('\uFEFF스\u200B팸\u2060광고\uFEFF', 'body')).toBe('스팸광고');
  });

  it('drops LRM/RLM in titles and names but keeps them in bodies', () => {
    expect(neutralizeFreeText('이름\u200E\u200F')).toBe('이름');
    expect(neutralizeFreeText('abc\u200Fdef', 'body')).toBe('abc\u200Fdef');
  });

  it('keeps a ZWJ inside an emoji sequence and drops a stray one', () => {
    const developer = '\u{1F469}\u200D\u{1F4BB}';
    const family = '\u{1F468}\u{1F3FD}\u200D\u{1F469}\u200D\u{1F467}';
    const rainbow = '\u{1F3F3}\uFE0F\u200D\u{1F308}';
    expect(neutralizeFreeText(`개발자 ${developer} ${family} ${rainbow}`)).toBe(`개발자 ${developer} ${family} ${rainbow}`);
    expect(neutralizeFreeText('ab\u200Dcd')).toBe('abcd');
    expect(neutralizeFreeText('\u200D\u{1F4BB}')).toBe('\u{1F4BB}');
  });

  it('leaves Korean (syllables and jamo), ZWNJ and ordinary text untouched', () => {
    const s = '안녕하세요 ㅎㅏㄴ 가나다 (주)에이아이 — AI 매칭 2026! \u200C';
    expect(neutralizeFreeText(s)).toBe(s);
    expect(neutralizeFreeText('\u1100\u1161\u11A8', 'body')).toBe('\u1100\u1161\u11A8');
  });

  it('tells control characters (not tab or line breaks) and bidi controls apart from ordinary text', () => {
    expect(hasControlCharacters('줄\n바꿈\t탭\r')).toBe(false);
    expect(hasControlCharacters('널\u0000')).toBe(true);
    expect(hasControlCharacters('\u007f')).toBe(true);
    expect(hasBidiControls('한국어 English 123')).toBe(false);
    expect(hasBidiControls('\u202Etxt.exe')).toBe(true);
    expect(hasBidiControls('\u2066x\u2069')).toBe(true);
  });
});
