/**
 * Text relevance of candidates to a demand (or of demands to a supply listing): BM25 over
 * korean-text terms (bigrams of stems, whole Latin words), with document frequencies from the
 * candidates themselves. Computed here rather than taken from the search engine, so that the
 * embedded engine and Meilisearch give the same ranking for the same candidates; normalised to
 * 0..1 by the best candidate. Terms are interned as integers and kept sorted, so scoring a
 * candidate is a merge of two integer arrays (no hashing, no allocation per term).
 */
import { analyzeQuery, indexTerms } from '@aimatch/korean-text';
import { MATCHING_WEIGHTS } from './weights';

/** A text's terms, analysed once (cacheable per listing version). */
export interface AnalysedText {
  /** Interned term ids, ascending, unique. */
  terms: Int32Array;
}

/** A text as weighted query terms (title terms count double). */
export interface TextQuery {
  /** Interned term ids, ascending, unique, with their weights at the same positions. */
  terms: Int32Array;
  weights: Float64Array;
}

/** Process-wide term ids; the set of terms is bounded by the language, not by the data. */
const termIds = new Map<string, number>();
const intern = (term: string): number => {
  let id = termIds.get(term);
  if (id === undefined) termIds.set(term, (id = termIds.size));
  return id;
};
/** The id of a term seen before, else undefined (a term no text had cannot be in any). */
export const termId = (term: string): number | undefined => termIds.get(term);

/** Binary search in a text's sorted term ids. */
export function hasTerm(terms: Int32Array, id: number): boolean {
  let lo = 0;
  let hi = terms.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (terms[mid] === id) return true;
    if (terms[mid] < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

const sorted = (ids: Iterable<number>) => Int32Array.from(new Set(ids)).sort();

export function analyseDocumentText(title: string, body: string): AnalysedText {
  return { terms: sorted([...indexTerms(title), ...indexTerms(body)].map(intern)) };
}

export function analyseQueryText(title: string, body: string): TextQuery {
  const weights = new Map<number, number>();
  for (const t of analyzeQuery(body).terms) weights.set(intern(t), 1);
  for (const t of analyzeQuery(title).terms) weights.set(intern(t), 2);
  const terms = sorted(weights.keys());
  return { terms, weights: Float64Array.from(terms, (id) => weights.get(id)!) };
}

/** Calls `hit(queryIndex)` for each query term the document has. */
function intersect(query: Int32Array, doc: Int32Array, hit: (qi: number) => void): void {
  let i = 0;
  let j = 0;
  while (i < query.length && j < doc.length) {
    const q = query[i];
    const d = doc[j];
    if (q === d) {
      hit(i);
      i++;
      j++;
    } else if (q < d) i++;
    else j++;
  }
}

/** Scores per candidate (same order), 0..1; all 0 when nothing overlaps. */
export function textRelevance(query: TextQuery, docs: readonly AnalysedText[], bm25 = MATCHING_WEIGHTS.bm25): number[] {
  const n = docs.length;
  if (n === 0 || query.terms.length === 0) return docs.map(() => 0);
  const df = new Float64Array(query.terms.length);
  let totalLength = 0;
  for (const d of docs) {
    totalLength += d.terms.length;
    intersect(query.terms, d.terms, (qi) => df[qi]++);
  }
  const avgLength = totalLength / n || 1;
  const idfWeight = Float64Array.from(df, (f, qi) => (f > 0 ? Math.log(1 + (n - f + 0.5) / (f + 0.5)) * query.weights[qi] : 0));
  let best = 0;
  const raw = docs.map((d) => {
    let score = 0;
    intersect(query.terms, d.terms, (qi) => (score += idfWeight[qi]));
    score *= (bm25.k1 + 1) / (1 + bm25.k1 * (1 - bm25.b + (bm25.b * d.terms.length) / avgLength));
    if (score > best) best = score;
    return score;
  });
  return best > 0 ? raw.map((s) => s / best) : raw;
}
