/**
 * Near-duplicate texts: MinHash signatures over character 3-gram shingles, and LSH band keys to
 * find candidates in an index without comparing against every listing.
 *
 * Shingles: the text is normalised (`@aimatch/korean-text` normalize: width, case, Latin marks),
 * cut into words, a Korean particle is stripped from each word (불량을 → 불량, 공장에서 → 공장), and
 * the words are joined WITHOUT spaces, so 조사 changes and 띄어쓰기 differences do not count; the
 * shingles are the character 3-grams of that string (Korean syllable 3-grams are distinctive; for
 * English they give unrelated texts a background similarity of about 0.05–0.15).
 *
 * MinHash: SIGNATURE_SIZE = 96 seeded 32-bit hashes; the share of equal slots estimates the Jaccard
 * similarity of the two shingle sets (standard error ≤ 0.05 at 96 slots).
 *
 * LSH: 32 bands of 3 rows. Two texts become candidates when one band is equal; the chance of that
 * is 1 − (1 − J³)³² — 0.99 at J = 0.5, 0.88 at 0.4, 0.58 at 0.3, 0.23 at 0.2 — so texts at or above
 * the threshold are found almost always while unrelated ones rarely have to be compared.
 *
 * NEAR_DUPLICATE_THRESHOLD = 0.5 (estimated Jaccard of 3-gram sets). Measured by `npm run bench:precheck`
 * on the association's 110 benchmark listings (../shared/benchmarks/matching): two DIFFERENT listings,
 * many on the same topic (several defect-inspection offers written independently), reach at most
 * 0.16, while a broker's copy of one (particles and endings changed, spacing changed, a sentence
 * dropped and one added) keeps a median of 0.67 (lowest 0.46, when a short text lost a sentence).
 * 0.5 sits far above what independent texts reach and below most copies, with room for the
 * estimator's error. From NEAR_DUPLICATE_BLOCKER = 0.8 the copy is treated as a blocker.
 */
import { normalize, stripParticle, tokenizeNormalized } from '@aimatch/korean-text';

export const SIGNATURE_SIZE = 96;
export const BANDS = 32;
export const ROWS_PER_BAND = SIGNATURE_SIZE / BANDS;
export const NEAR_DUPLICATE_THRESHOLD = 0.5;
export const NEAR_DUPLICATE_BLOCKER = 0.8;
/** Fewer shingles than this (a text of about 20 characters) is too short to call a copy. */
export const MIN_SHINGLES = 20;
const SHINGLE = 3;

/** murmur3's 32-bit finaliser: a fast, well-mixed 32-bit hash of a 32-bit value. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over UTF-16 code units. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Fixed seeds (mulberry32 from a constant), so signatures are stable across processes and versions. */
const SEEDS: Uint32Array = (() => {
  const out = new Uint32Array(SIGNATURE_SIZE);
  let a = 0x2f6b_1d3d;
  for (let i = 0; i < SIGNATURE_SIZE; i++) {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    out[i] = (t ^ (t >>> 14)) >>> 0;
  }
  return out;
})();

/** The comparable form of a text: normalised words, particles stripped, joined without spaces. */
export function similarityForm(text: string): string {
  const words: string[] = [];
  for (const token of tokenizeNormalized(normalize(text))) {
    for (const part of token.parts) words.push(token.kind === 'hangul' ? stripParticle(part) : part);
  }
  return words.join('');
}

/** Hashes of the character 3-grams of `similarityForm(text)`, without repeats. */
export function shingles(text: string): Uint32Array {
  const form = similarityForm(text);
  const chars = Array.from(form);
  const seen = new Set<number>();
  for (let i = 0; i + SHINGLE <= chars.length; i++) seen.add(fnv1a(chars[i] + chars[i + 1] + chars[i + 2]));
  return Uint32Array.from(seen);
}

export interface Fingerprint {
  /** SIGNATURE_SIZE minimum hashes, as signed 32-bit integers (a PostgreSQL int4[]). */
  signature: number[];
  /** BANDS keys, each `band × 2³² + hash of its rows` (a safe integer; a PostgreSQL bigint). */
  bands: number[];
  shingleCount: number;
}

/** The fingerprint of a text, or null when it is too short to compare. */
export function fingerprint(text: string): Fingerprint | null {
  const hashes = shingles(text);
  if (hashes.length < MIN_SHINGLES) return null;
  const mins = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  for (let i = 0; i < hashes.length; i++) {
    const x = hashes[i];
    for (let k = 0; k < SIGNATURE_SIZE; k++) {
      const h = fmix32(x ^ SEEDS[k]);
      if (h < mins[k]) mins[k] = h;
    }
  }
  const bands: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = 0x9e3779b9 ^ b;
    for (let r = 0; r < ROWS_PER_BAND; r++) h = fmix32(h ^ mins[b * ROWS_PER_BAND + r]) ^ Math.imul(r + 1, 0x27d4eb2d);
    bands.push(b * 2 ** 32 + (fmix32(h) >>> 0));
  }
  return { signature: Array.from(mins, (v) => v | 0), bands, shingleCount: hashes.length };
}

/** Estimated Jaccard similarity of two signatures: the share of equal slots. */
export function estimatedSimilarity(a: readonly number[], b: readonly number[]): number {
  if (a.length !== SIGNATURE_SIZE || b.length !== SIGNATURE_SIZE) return 0;
  let same = 0;
  for (let i = 0; i < SIGNATURE_SIZE; i++) if (a[i] === b[i]) same++;
  return same / SIGNATURE_SIZE;
}

/** Exact Jaccard similarity of two texts' shingle sets (tests and calibration). */
export function exactSimilarity(a: string, b: string): number {
  const x = new Set(shingles(a));
  const y = shingles(b);
  let both = 0;
  for (const h of y) if (x.has(h)) both++;
  const union = x.size + y.length - both;
  return union === 0 ? 0 : both / union;
}
