/**
 * Text normalisation shared by indexing and querying. Hangul syllables are never decomposed or
 * changed; compatibility jamo (ㄱ, ㅏ) are kept as they are, because plain NFKC would turn them
 * into conjoining jamo (and ㄱㅏ into 가), which breaks choseong search.
 */
import { COMPAT_JAMO_FIRST, COMPAT_JAMO_LAST, JONGSEONG, SYLLABLE_FIRST, SYLLABLE_LAST } from './hangul';

/** Per-character replacements for non-ASCII, non-syllable characters ('' deletes, ' ' is white space). */
const REPLACE = new Map<number, string>();

/** Half-width Hangul (U+FFA0–U+FFDC) → compatibility jamo, 0 when unmapped. */
const HALFWIDTH_TO_COMPAT = new Uint16Array(0xffdc - 0xffa0 + 1);

(function buildTables() {
  // Latin letters with diacritics → base letters (NFD, marks dropped); a few letters that have no decomposition.
  const latinRanges: Array<[number, number]> = [
    [0x00c0, 0x024f],
    [0x1e00, 0x1eff],
  ];
  for (const [from, to] of latinRanges) {
    for (let c = from; c <= to; c++) {
      const ch = String.fromCharCode(c);
      let folded = '';
      for (const d of ch.normalize('NFD')) {
        const dc = d.charCodeAt(0);
        if (dc < 0x0300 || dc > 0x036f) folded += d;
      }
      folded = folded.toLowerCase();
      // eslint-disable-next-line no-control-regex -- the whole ASCII range, control characters included
      if (folded !== ch && folded.length > 0 && /^[\x00-\x7f]+$/.test(folded)) REPLACE.set(c, folded);
    }
  }
  const special: Record<string, string> = {
    ß: 'ss',
    ẞ: 'ss',
    æ: 'ae',
    Æ: 'ae',
    œ: 'oe',
    Œ: 'oe',
    ø: 'o',
    Ø: 'o',
    đ: 'd',
    Đ: 'd',
    ð: 'd',
    Ð: 'd',
    þ: 'th',
    Þ: 'th',
    ł: 'l',
    Ł: 'l',
    ħ: 'h',
    Ħ: 'h',
    ı: 'i',
    ĸ: 'k',
    ŋ: 'n',
    Ŋ: 'n',
    ſ: 's',
  };
  for (const [k, v] of Object.entries(special)) REPLACE.set(k.charCodeAt(0), v);
  // Combining diacritics left over (a mark NFKC could not compose): dropped.
  for (let c = 0x0300; c <= 0x036f; c++) REPLACE.set(c, '');
  // Invisible characters: zero-width space/joiners, word joiner, BOM, soft hyphen.
  for (const c of [0x00ad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]) REPLACE.set(c, '');
  // White space (after NFKC most of these are already U+0020).
  for (const c of [0x85, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0x3164, 0xffa0]) REPLACE.set(c, ' ');
  for (let c = 0x2000; c <= 0x200a; c++) REPLACE.set(c, ' ');
  // Dashes and minus signs → '-'.
  for (const c of [0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0x2e3a, 0x2e3b, 0xfe58, 0xfe63, 0xff0d]) REPLACE.set(c, '-');
  // Quotes → ' and ".
  for (const c of [0x2018, 0x2019, 0x201a, 0x201b, 0x2032, 0x2035, 0xff07]) REPLACE.set(c, "'");
  for (const c of [0x201c, 0x201d, 0x201e, 0x201f, 0x2033, 0x2036, 0x00ab, 0x00bb, 0xff02, 0x300c, 0x300d, 0x300e, 0x300f])
    REPLACE.set(c, '"');

  // Conjoining jamo that NFKC leaves standalone (no syllable to compose into) → compatibility jamo.
  const compatOf = new Map<number, number>();
  for (let c = COMPAT_JAMO_FIRST; c <= COMPAT_JAMO_LAST; c++) {
    const n = String.fromCharCode(c).normalize('NFKC');
    if (n.length === 1) compatOf.set(n.charCodeAt(0), c);
  }
  for (let i = 0; i < JONGSEONG.length; i++) compatOf.set(0x11a8 + i, JONGSEONG.charCodeAt(i));
  for (const [conjoining, compat] of compatOf) {
    if (conjoining >= 0x1100 && conjoining <= 0x11ff) REPLACE.set(conjoining, String.fromCharCode(compat));
  }
  for (let c = 0xffa1; c <= 0xffdc; c++) {
    const n = String.fromCharCode(c).normalize('NFKC');
    const compat = n.length === 1 ? compatOf.get(n.charCodeAt(0)) : undefined;
    if (compat !== undefined) HALFWIDTH_TO_COMPAT[c - 0xffa0] = compat;
  }
})();

/** ASCII: 0 keep, 1 white space (controls count as white space). Upper case is handled by toLowerCase. */
const ASCII_SPACE = new Uint8Array(128);
for (let c = 0; c < 0x20; c++) ASCII_SPACE[c] = 1;
ASCII_SPACE[0x20] = 1;
ASCII_SPACE[0x7f] = 1;

/**
 * NFKC everywhere except on compatibility and half-width jamo, which are kept (half-width
 * converted to compatibility jamo) so that "ㅅㅁㅌ" stays a choseong query.
 */
function nfkcKeepingJamo(s: string): string {
  let protectedAt = -1;
  let plain = true; // only ASCII and Hangul syllables: NFKC would change nothing
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80 || (c >= SYLLABLE_FIRST && c <= SYLLABLE_LAST)) continue;
    plain = false;
    if ((c >= COMPAT_JAMO_FIRST && c <= COMPAT_JAMO_LAST) || (c >= 0xffa0 && c <= 0xffdc)) {
      protectedAt = i;
      break;
    }
  }
  if (plain) return s;
  if (protectedAt < 0) return s.normalize('NFKC');
  let out = '';
  let start = 0;
  for (let i = protectedAt; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let keep = 0;
    if (c >= COMPAT_JAMO_FIRST && c <= COMPAT_JAMO_LAST) keep = c;
    else if (c >= 0xffa0 && c <= 0xffdc) keep = HALFWIDTH_TO_COMPAT[c - 0xffa0] || 0x20;
    if (keep === 0) continue;
    if (i > start) out += s.slice(start, i).normalize('NFKC');
    out += String.fromCharCode(keep);
    start = i + 1;
  }
  if (start < s.length) out += s.slice(start).normalize('NFKC');
  return out;
}

/**
 * NFKC (full-width → half-width, compatibility forms; decomposed Hangul composed), lower case,
 * diacritics folded on Latin letters only (café → cafe, ß → ss), dashes → '-', curly/angle quotes
 * → ' and ", invisible characters removed, runs of white space and control characters → one
 * space, trimmed. Hangul syllables are never changed; compatibility jamo are kept. Idempotent.
 */
export function normalize(text: string): string {
  if (!text) return '';
  const s = nfkcKeepingJamo(text).toLowerCase();
  let out = '';
  let spanStart = 0; // start of the pending run of characters kept as they are
  let pendingSpace = false;
  let hasContent = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let rep: string | undefined;
    if (c < 0x80) {
      if (ASCII_SPACE[c] === 0) {
        if (pendingSpace) {
          out += s.slice(spanStart, i);
          if (hasContent) out += ' ';
          pendingSpace = false;
          spanStart = i;
        }
        hasContent = true;
        continue;
      }
      rep = ' ';
    } else if (c >= SYLLABLE_FIRST && c <= SYLLABLE_LAST) {
      if (pendingSpace) {
        out += s.slice(spanStart, i);
        if (hasContent) out += ' ';
        pendingSpace = false;
        spanStart = i;
      }
      hasContent = true;
      continue;
    } else {
      rep = REPLACE.get(c);
      if (rep === undefined) {
        if (pendingSpace) {
          out += s.slice(spanStart, i);
          if (hasContent) out += ' ';
          pendingSpace = false;
          spanStart = i;
        }
        hasContent = true;
        continue;
      }
    }
    // A replaced character: flush the kept run before it.
    if (rep === ' ') {
      if (!pendingSpace) {
        out += s.slice(spanStart, i);
        pendingSpace = true;
      }
      spanStart = i + 1;
    } else if (rep === '') {
      if (!pendingSpace) out += s.slice(spanStart, i);
      spanStart = i + 1;
    } else {
      if (!pendingSpace) out += s.slice(spanStart, i);
      else {
        if (hasContent) out += ' ';
        pendingSpace = false;
      }
      out += rep;
      hasContent = true;
      spanStart = i + 1;
    }
  }
  if (!pendingSpace) out += s.slice(spanStart);
  return out;
}

/** Spacing-insensitive key: normalize(text) without spaces (스마트 공장 and 스마트공장 → 스마트공장). */
export function compactKey(text: string): string {
  const n = normalize(text);
  return n.indexOf(' ') < 0 ? n : n.split(' ').join('');
}
