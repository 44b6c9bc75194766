import type { Vocabulary } from '@aimatch/capability-model';
import { analyzeQuery, isChoseongQuery, normalize, wordTransliterations } from '@aimatch/korean-text';
import { canonicalQuery, conceptsInQuery } from './analyzer';
import { conceptToken } from './concept-token';
import { type PlannedQuery, SearchInputError } from './port';

export const MAX_QUERY_LENGTH = 300;

/** Analyses a user's query for the engines; null for an empty query (browse). */
export function planQuery(q: string | null | undefined, vocabulary: Vocabulary): PlannedQuery | null {
  if (q === null || q === undefined) return null;
  if (q.length > MAX_QUERY_LENGTH) throw new SearchInputError('q', 'max-length', { max: MAX_QUERY_LENGTH });
  const typed = normalize(q);
  if (!typed) return null;
  const normalized = isChoseongQuery(typed) ? typed : canonicalQuery(typed, vocabulary);
  if (isChoseongQuery(normalized)) return { text: normalized, terms: [], boostTerms: [], choseong: normalized.replace(/\s+/g, '') };
  const analyzed = analyzeQuery(normalized);
  const concepts = conceptsInQuery(normalized, vocabulary);
  const boostTerms = concepts.map(conceptToken);
  const words = queryWords(normalized, new Set(analyzed.terms));
  // A word's other spellings (digital → 디지털) are terms too: found and ranked like the word itself.
  const spellings = words.flatMap((w) => w.slice(1).flat());
  const terms = [...new Set([...analyzed.terms, ...spellings, ...boostTerms])];
  if (terms.length === 0) return null;
  return { text: normalized, terms, boostTerms, choseong: null, words, minWords: minimumWords(words.length) };
}

/**
 * The relevance floor: how many whole words of the query (in any of their spellings) a document
 * needs when it names none of the query's concepts — one of a one- or two-word query, at least two
 * and a third of a longer one (a sentence-long need still finds listings that share its key
 * words). A document sharing only a fragment of a word (a bigram of it) is not a match: gibberish
 * returns nothing instead of filler.
 */
export function minimumWords(words: number): number {
  return words <= 2 ? Math.min(words, 1) : Math.max(2, Math.ceil(words / 3));
}

/**
 * The query's words, each as its spellings' text terms (a Hangul word's bigrams, a Latin word's
 * parts; `digital` → [[digital], [디지, 지털]]), stop words left out, duplicates dropped.
 */
function queryWords(normalized: string, queryTerms: ReadonlySet<string>): string[][][] {
  const out: string[][][] = [];
  const seen = new Set<string>();
  for (const word of normalized.split(' ')) {
    const terms = analyzeQuery(word).terms.filter((t) => queryTerms.has(t));
    const key = terms.join(' ');
    if (terms.length === 0 || seen.has(key)) continue;
    seen.add(key);
    const others = wordTransliterations(word)
      .map((w) => analyzeQuery(w).terms)
      .filter((t) => t.length > 0 && t.join(' ') !== key);
    out.push([terms, ...others]);
  }
  return out;
}
