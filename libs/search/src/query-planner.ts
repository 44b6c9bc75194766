import type { Vocabulary } from '@aimatch/capability-model';
import { analyzeQuery, isChoseongQuery, normalize } from '@aimatch/korean-text';
import { conceptsInQuery } from './analyzer';
import { conceptToken } from './concept-token';
import { type PlannedQuery, SearchInputError } from './port';

export const MAX_QUERY_LENGTH = 300;

/** Analyses a user's query for the engines; null for an empty query (browse). */
export function planQuery(q: string | null | undefined, vocabulary: Vocabulary): PlannedQuery | null {
  if (q === null || q === undefined) return null;
  if (q.length > MAX_QUERY_LENGTH) throw new SearchInputError('q', 'max-length', { max: MAX_QUERY_LENGTH });
  const normalized = normalize(q);
  if (!normalized) return null;
  if (isChoseongQuery(normalized)) return { text: normalized, terms: [], boostTerms: [], choseong: normalized.replace(/\s+/g, '') };
  const analyzed = analyzeQuery(normalized);
  const concepts = conceptsInQuery(normalized, vocabulary);
  const boostTerms = concepts.map(conceptToken);
  const terms = [...new Set([...analyzed.terms, ...boostTerms])];
  if (terms.length === 0) return null;
  return { text: normalized, terms, boostTerms, choseong: null };
}
