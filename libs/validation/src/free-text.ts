/**
 * Neutralises invisible characters that let user-written text spoof what the UI shows
 * (the classic "\u202Etxt.exe" shown as "exe.txt"): zero-width spaces and joiners used
 * to hide words from filters, and bidi embeddings, overrides and isolates that reorder
 * the surrounding text. Korean and ordinary punctuation are untouched; a ZWJ inside an
 * emoji sequence (👩‍💻) is kept.
 */

/** U+200B zero-width space, U+2060 word joiner, U+FEFF BOM / zero-width no-break space. */
const ZERO_WIDTH = /[\u200B\u2060\uFEFF]/gu;
/** Bidi embeddings and overrides (U+202A–U+202E) and isolates (U+2066–U+2069). */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/gu;
/** Left-to-right and right-to-left marks: harmless in a message body, never needed in a one-line title or name. */
const BIDI_MARKS = /[\u200E\u200F]/gu;
/** A ZWJ that does not join two parts of an emoji sequence. */
const STRAY_ZWJ = /(?<!\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}]|\uFE0F)\u200D|\u200D(?!\p{Extended_Pictographic})/gu;

export type FreeTextKind = 'line' | 'body';

/**
 * `line`: titles and names (one line, also drops LRM/RLM); `body`: messages and descriptions.
 * Returns the text without the characters above; callers trim and check length afterwards.
 */
export function neutralizeFreeText(value: string, kind: FreeTextKind = 'line'): string {
  let v = value.replace(ZERO_WIDTH, '').replace(BIDI_CONTROLS, '').replace(STRAY_ZWJ, '');
  if (kind === 'line') v = v.replace(BIDI_MARKS, '');
  return v;
}

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** C0 control characters (and DEL) other than tab, line feed and carriage return: never part of what a person writes. */
export function hasControlCharacters(value: string): boolean {
  return CONTROL_CHARACTERS.test(value);
}

/** Bidi embeddings, overrides and isolates: no Korean or English text needs them, and they reorder what others see. */
export function hasBidiControls(value: string): boolean {
  return /[\u202A-\u202E\u2066-\u2069]/u.test(value);
}
