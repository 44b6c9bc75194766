/**
 * Typo tolerance. Hangul is compared jamo by jamo (es-hangul's disassemble: 졘 → ㅈㅖㄴ, 과 →
 * ㄱㅗㅏ), so a wrong vowel or final consonant is one edit rather than a whole syllable. The
 * distance is Levenshtein with adjacent transpositions counted as one edit (optimal string
 * alignment): insert, delete, substitute or swap two neighbours.
 */
import { disassemble } from 'es-hangul';
import { isSyllableCode } from './hangul';
import { normalize } from './normalize';

// DP rows reused across calls (grown on demand): no allocation per comparison.
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

/** Optimal-string-alignment distance, giving up (returning max + 1) once it must exceed `max`. */
function osaDistance(a: string, b: string, max: number): number {
  if (a === b) return 0;
  if (a.length < b.length) [a, b] = [b, a];
  const n = a.length;
  const m = b.length;
  if (n - m > max) return max + 1;
  if (m === 0) return n;
  if (rowA.length < m + 1) {
    rowA = new Int32Array(m + 1);
    rowB = new Int32Array(m + 1);
    rowC = new Int32Array(m + 1);
  }
  let prev2 = rowA; // row i - 2
  let prev = rowB; // row i - 1
  let cur = rowC; // row i
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const cb = b.charCodeAt(j - 1);
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca === cb ? 0 : 1));
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) d = Math.min(d, prev2[j - 2] + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[m];
}

function hasHangul(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isSyllableCode(c) || (c >= 0x3131 && c <= 0x318e)) return true;
  }
  return false;
}

/**
 * Edit distance between two strings with Hangul syllables decomposed into jamo first
 * (예지보졘 / 예지보전 → 1; 공장 / 공정 → 1; predictve / predictive → 1). Case-sensitive: callers
 * pass normalised words.
 */
export function editDistance(a: string, b: string): number {
  const ja = hasHangul(a) ? disassemble(a) : a;
  const jb = hasHangul(b) ? disassemble(b) : b;
  return osaDistance(ja, jb, Number.MAX_SAFE_INTEGER);
}

/**
 * How many edits a query word may be off by (measured in jamo for Hangul, letters otherwise):
 * - any digit in the word: 0 (model and version numbers: yolov5 ≠ yolov8, iso9001);
 * - Hangul (syllables counted, other characters counting one each): 1–2 → 0 (공장 ≠ 공정,
 *   검사 ≠ 감사), 3–6 → 1 jamo (데이타 ~ 데이터, 예지보졘 ~ 예지보전), ≥ 7 → 2 jamo;
 * - Latin and other scripts: 1–4 letters → 0 (ocr ≠ osr, mes ≠ mfs), 5–8 → 1, ≥ 9 → 2.
 * The word is normalised first.
 */
export function typoBudget(word: string): number {
  return budgetOfNormalized(normalize(word));
}

function budgetOfNormalized(w: string): number {
  let syllables = 0;
  let others = 0;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) return 0;
    if (c === 0x20) continue;
    if (isSyllableCode(c)) syllables++;
    else others++;
  }
  if (syllables > 0) {
    const units = syllables + others;
    return units <= 2 ? 0 : units <= 6 ? 1 : 2;
  }
  return others <= 4 ? 0 : others <= 8 ? 1 : 2;
}

/**
 * True when `indexWord` is within the typo budget of `queryWord` (see `typoBudget`; the budget
 * follows the query word). Both are normalised; equal words are always within.
 */
export function withinTypoDistance(queryWord: string, indexWord: string): boolean {
  const q = normalize(queryWord);
  const w = normalize(indexWord);
  if (q === w) return q.length > 0;
  const budget = budgetOfNormalized(q);
  if (budget === 0) return false;
  const jq = hasHangul(q) ? disassemble(q) : q;
  const jw = hasHangul(w) ? disassemble(w) : w;
  return osaDistance(jq, jw, budget) <= budget;
}
