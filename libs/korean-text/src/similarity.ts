/**
 * A small text similarity for near-duplicate detection: Jaccard similarity of the two texts'
 * character 3-gram sets after `normalize` (width, case, punctuation) with all spaces removed, so
 * re-spacing and punctuation do not hide a copy. 1 = the same shingles, 0 = none shared.
 * Stand-in until a shared near-duplicate library replaces it behind this one function.
 */
import { normalize } from './normalize';

function shingles(text: string): Set<string> {
  const s = normalize(text).replace(/\s+/g, '');
  const out = new Set<string>();
  if (s.length < 3) {
    if (s) out.add(s);
    return out;
  }
  for (let i = 0; i + 3 <= s.length; i++) out.add(s.slice(i, i + 3));
  return out;
}

export function textSimilarity(a: string, b: string): number {
  const x = shingles(a);
  const y = shingles(b);
  if (x.size === 0 && y.size === 0) return 0;
  let shared = 0;
  for (const g of x) if (y.has(g)) shared++;
  return shared / (x.size + y.size - shared);
}
