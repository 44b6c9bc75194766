/**
 * Hangul code-point arithmetic (Unicode ch. 3.12) and the choseong key. No regexes, no allocation
 * per character: these run over every indexed document.
 */

export const SYLLABLE_FIRST = 0xac00;
export const SYLLABLE_LAST = 0xd7a3;
/** Compatibility jamo: consonants ㄱ (U+3131) … ㅎ (U+314E), vowels ㅏ (U+314F) … ㅣ (U+3163), old jamo up to U+318E. */
export const COMPAT_JAMO_FIRST = 0x3131;
export const COMPAT_CONSONANT_LAST = 0x314e;
export const COMPAT_JAMO_LAST = 0x318e;

/** The 19 initial consonants in syllable order, as compatibility jamo. */
const CHOSEONG = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ';
/** The 27 final consonants in syllable order (index 1 … 27), as compatibility jamo. */
export const JONGSEONG = 'ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ';

export function isSyllableCode(c: number): boolean {
  return c >= SYLLABLE_FIRST && c <= SYLLABLE_LAST;
}

export function isCompatJamoCode(c: number): boolean {
  return c >= COMPAT_JAMO_FIRST && c <= COMPAT_JAMO_LAST;
}

export function isCompatConsonantCode(c: number): boolean {
  return c >= COMPAT_JAMO_FIRST && c <= COMPAT_CONSONANT_LAST;
}

/** True when every character of `s` is a precomposed Hangul syllable (and there is at least one). */
export function isAllSyllables(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) if (!isSyllableCode(s.charCodeAt(i))) return false;
  return true;
}

/** Final-consonant index of a syllable code (0 = none, 8 = ㄹ); -1 when not a syllable. */
export function jongseongIndex(c: number): number {
  return isSyllableCode(c) ? (c - SYLLABLE_FIRST) % 28 : -1;
}

const CONJOINING_HINT_FIRST = 0x1100;
const CONJOINING_HINT_LAST = 0x11ff;

/**
 * Choseong key of the Hangul in `text`: the initial consonant of every syllable (스마트 공장 →
 * ㅅㅁㅌㄱㅈ). Compatibility consonants already in the text are kept as they are; spaces and
 * everything else are dropped. Decomposed (NFD) Hangul is composed first.
 */
export function choseong(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isSyllableCode(c)) out += CHOSEONG[((c - SYLLABLE_FIRST) / 588) | 0];
    else if (isCompatConsonantCode(c)) out += text[i];
    else if ((c >= CONJOINING_HINT_FIRST && c <= CONJOINING_HINT_LAST) || (c >= 0xffa0 && c <= 0xffdc)) {
      // Conjoining or half-width jamo: compose/convert the whole text once, then start over.
      return choseongOfNormalized(text.normalize('NFC'));
    }
  }
  return out;
}

function choseongOfNormalized(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isSyllableCode(c)) out += CHOSEONG[((c - SYLLABLE_FIRST) / 588) | 0];
    else if (isCompatConsonantCode(c)) out += text[i];
    else if (c >= 0x1100 && c <= 0x1112) out += CHOSEONG[c - 0x1100];
    else if (c >= 0xffa1 && c <= 0xffbe) out += String.fromCharCode(c - 0xffa1 + COMPAT_JAMO_FIRST);
  }
  return out;
}

/**
 * True when the query consists only of compatibility consonants ㄱ–ㅎ and spaces, with at least
 * one consonant ("ㅅㅁㅌ", "ㅂㄹ ㄱㅊ"). Half-width consonants (ﾡ) count too.
 */
export function isChoseongQuery(q: string): boolean {
  let consonants = 0;
  for (let i = 0; i < q.length; i++) {
    const c = q.charCodeAt(i);
    if (isCompatConsonantCode(c) || (c >= 0xffa1 && c <= 0xffbe)) consonants++;
    else if (!isSpaceCode(c)) return false;
  }
  return consonants > 0;
}

/** The consonants of a choseong query with spaces removed (half-width converted); '' when not one. */
export function choseongQueryKey(q: string): string {
  if (!isChoseongQuery(q)) return '';
  let out = '';
  for (let i = 0; i < q.length; i++) {
    const c = q.charCodeAt(i);
    if (isCompatConsonantCode(c)) out += q[i];
    else if (c >= 0xffa1 && c <= 0xffbe) out += String.fromCharCode(c - 0xffa1 + COMPAT_JAMO_FIRST);
  }
  return out;
}

/** White space as normalize() folds it (ASCII, NBSP, U+2000–U+200A, ideographic space …). */
export function isSpaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0x85) return false;
  return (
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0x3164 ||
    c === 0xffa0
  );
}
