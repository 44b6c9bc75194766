/**
 * Text relevance of candidates to a demand: BM25 over korean-text terms (bigrams of stems,
 * whole Latin words), with document frequencies from the candidate pool itself. Computed here
 * rather than taken from the search engine, so that the embedded engine and Meilisearch give
 * the same ranking for the same candidates; normalised to 0..1 by the best candidate.
 */
import { analyzeQuery, indexTerms } from '@aimatch/korean-text';
import { MATCHING_WEIGHTS } from './weights';

/** A candidate's text, analysed once (cacheable per listing version). */
export interface AnalysedText {
  terms: ReadonlySet<string>;
}

/** A demand's text as weighted query terms (title terms count double). */
export interface TextQuery {
  weights: ReadonlyMap<string, number>;
}

export function analyseDocumentText(title: string, body: string): AnalysedText {
  return { terms: new Set([...indexTerms(title), ...indexTerms(body)]) };
}

export function analyseQueryText(title: string, body: string): TextQuery {
  const weights = new Map<string, number>();
  for (const t of analyzeQuery(body).terms) weights.set(t, 1);
  for (const t of analyzeQuery(title).terms) weights.set(t, 2);
  return { weights };
}

/** Scores per candidate (same order), 0..1; all 0 when nothing overlaps. */
export function textRelevance(query: TextQuery, docs: readonly AnalysedText[], bm25 = MATCHING_WEIGHTS.bm25): number[] {
  const n = docs.length;
  if (n === 0 || query.weights.size === 0) return docs.map(() => 0);
  const avgLength = docs.reduce((s, d) => s + d.terms.size, 0) / n || 1;
  const idf = new Map<string, number>();
  for (const term of query.weights.keys()) {
    let df = 0;
    for (const d of docs) if (d.terms.has(term)) df++;
    if (df > 0) idf.set(term, Math.log(1 + (n - df + 0.5) / (df + 0.5)));
  }
  const raw = docs.map((d) => {
    const norm = (bm25.k1 + 1) / (1 + bm25.k1 * (1 - bm25.b + (bm25.b * d.terms.size) / avgLength));
    let score = 0;
    for (const [term, w] of idf) if (d.terms.has(term)) score += w * query.weights.get(term)! * norm;
    return score;
  });
  const best = Math.max(...raw);
  return best > 0 ? raw.map((s) => s / best) : raw;
}
