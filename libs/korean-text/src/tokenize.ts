/**
 * Splits normalised text into Hangul runs, jamo runs and words (Latin, digits, other scripts).
 * A script change splits without a space (AI기반 → ai + 기반, MES와 → mes + 와), and a token
 * remembers whether it was glued to the previous one so that a bare particle after a Latin word
 * can be dropped. Words joined by - _ . / & ' are compounds (opc-ua → opc + ua); a '.' between
 * digits stays inside the part (3.5, v1.2); c++ and c# keep their suffix.
 */
import { isCompatJamoCode, isSyllableCode } from './hangul';
import { normalize } from './normalize';

export type TokenKind = 'hangul' | 'word' | 'jamo';

export interface Token {
  kind: TokenKind;
  /** The token as it appears in the normalised text (opc-ua, 공장에서). */
  text: string;
  /** Word parts (opc-ua → [opc, ua]); [text] for Hangul and jamo. */
  parts: string[];
  /** Directly after the previous token, with no separator in between. */
  glued: boolean;
  /** UTF-16 offsets of the token in the normalised text: [start, end). */
  start: number;
  end: number;
}

const SEP = 1;
const HANGUL = 2;
const WORD = 3;
const JAMO = 4;
const CONNECTOR = 5;

const ASCII_CLASS = new Uint8Array(128).fill(SEP);
for (let c = 0x30; c <= 0x39; c++) ASCII_CLASS[c] = WORD;
for (let c = 0x41; c <= 0x5a; c++) ASCII_CLASS[c] = WORD;
for (let c = 0x61; c <= 0x7a; c++) ASCII_CLASS[c] = WORD;
for (const ch of "-_./&'") ASCII_CLASS[ch.charCodeAt(0)] = CONNECTOR;

/** Lazily filled class of other BMP characters (0 = not yet known): one 64 KiB table for the process. */
const BMP_CLASS = new Uint8Array(0x10000);
const LETTER_OR_DIGIT = /^[\p{L}\p{N}\p{M}]$/u;

function classAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 0x80) return ASCII_CLASS[c];
  if (isSyllableCode(c)) return HANGUL;
  if (isCompatJamoCode(c)) return JAMO;
  if (c >= 0xd800 && c <= 0xdfff) return SEP; // astral characters (emoji …) separate words
  let k = BMP_CLASS[c];
  if (k === 0) {
    k = LETTER_OR_DIGIT.test(String.fromCharCode(c)) ? WORD : SEP;
    BMP_CLASS[c] = k;
  }
  return k;
}

function isDigitAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 0x30 && c <= 0x39;
}

/** Tokens of text that is already normalised (see `normalize`). */
export function tokenizeNormalized(s: string): Token[] {
  const tokens: Token[] = [];
  const n = s.length;
  let prevEnd = -1;
  let i = 0;
  while (i < n) {
    const k = classAt(s, i);
    if (k === HANGUL || k === JAMO) {
      let j = i + 1;
      while (j < n && classAt(s, j) === k) j++;
      const text = s.slice(i, j);
      tokens.push({ kind: k === HANGUL ? 'hangul' : 'jamo', text, parts: [text], glued: prevEnd === i, start: i, end: j });
      prevEnd = j;
      i = j;
    } else if (k === WORD) {
      const parts: string[] = [];
      let partStart = i;
      let j = i;
      for (;;) {
        while (j < n && classAt(s, j) === WORD) j++;
        if (j + 1 < n && classAt(s, j) === CONNECTOR && classAt(s, j + 1) === WORD) {
          if (s.charCodeAt(j) === 0x2e && isDigitAt(s, j - 1) && isDigitAt(s, j + 1)) {
            j++; // 3.5, v1.2.3: one part
            continue;
          }
          parts.push(s.slice(partStart, j));
          j++;
          partStart = j;
          continue;
        }
        break;
      }
      let end = j;
      if (s.charCodeAt(j) === 0x2b && s.charCodeAt(j + 1) === 0x2b && (j + 2 >= n || classAt(s, j + 2) !== WORD)) end = j + 2;
      else if (s.charCodeAt(j) === 0x23 && (j + 1 >= n || classAt(s, j + 1) !== WORD)) end = j + 1;
      parts.push(s.slice(partStart, end));
      tokens.push({ kind: 'word', text: s.slice(i, end), parts, glued: prevEnd === i, start: i, end });
      prevEnd = end;
      i = end;
    } else {
      i++;
    }
  }
  return tokens;
}

/** normalize, then tokenizeNormalized. */
export function tokenize(text: string): Token[] {
  return tokenizeNormalized(normalize(text));
}
