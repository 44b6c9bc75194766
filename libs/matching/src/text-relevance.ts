/**
 * Text relevance of a supplier listing to a demand: BM25 over korean-text terms (bigrams of
 * stems, whole Latin words), with document frequencies from the corpus of published supplier
 * listings (`SupplyCorpus`). Computed here rather than taken from the search engine, so that the
 * embedded engine and Meilisearch give the same ranking for the same candidates; 0..1 against the
 * demand's own ideal score, so that a pair's value does not depend on the other candidates. Terms are interned as integers and kept sorted, so scoring a
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

/** What pairwise text relevance needs from the population of supplier texts (see `SupplyCorpus`). */
export interface TextCorpusStats {
  /** Documents in the corpus. */
  readonly size: number;
  /** Mean number of distinct terms per document. */
  readonly averageLength: number;
  /** Documents having the term (0 for a term no document has). */
  documentFrequency(termId: number): number;
}

/** A text query weighed against a corpus once (idf × weight per term, and the best attainable sum). */
export interface PreparedTextQuery {
  terms: Int32Array;
  /** idf × weight per term (0 for a term no document of the corpus has). */
  weights: Float64Array;
  /** Sum of `weights`: the score of a document of average length that has every term. */
  ideal: number;
}

export function prepareTextQuery(query: TextQuery, corpus: TextCorpusStats): PreparedTextQuery {
  const n = corpus.size;
  const weights = Float64Array.from(query.terms, (id, qi) => {
    const f = corpus.documentFrequency(id);
    return f > 0 ? Math.log(1 + (n - f + 0.5) / (f + 0.5)) * query.weights[qi] : 0;
  });
  return { terms: query.terms, weights, ideal: weights.reduce((s, w) => s + w, 0) };
}

/**
 * Text relevance of one document to one query, 0..1, independent of which other documents are
 * ranked beside it: BM25 with document frequencies and average length from the corpus (every
 * published supplier listing), as a share r of the query's ideal score, mapped to 1 − e^(−r / saturation)
 * (smooth, so that the better of two good texts still ranks first).
 * The same demand–supplier pair gets the same value whichever side ranks the other.
 */
export function pairTextRelevance(
  query: PreparedTextQuery,
  doc: AnalysedText,
  corpus: TextCorpusStats,
  bm25: { k1: number; b: number; saturation: number } = MATCHING_WEIGHTS.bm25,
): number {
  if (query.ideal <= 0 || doc.terms.length === 0) return 0;
  let score = 0;
  intersect(query.terms, doc.terms, (qi) => (score += query.weights[qi]));
  const avg = corpus.averageLength || 1;
  score *= (bm25.k1 + 1) / (1 + bm25.k1 * (1 - bm25.b + (bm25.b * doc.terms.length) / avg));
  return 1 - Math.exp(-score / (bm25.saturation * query.ideal));
}
