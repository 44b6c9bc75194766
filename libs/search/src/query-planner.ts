import type { Vocabulary } from '@aimatch/capability-model';
import { analyzeQuery, compactKey, isChoseongQuery, normalize, withinTypoDistance } from '@aimatch/korean-text';
import { conceptToken } from './concept-token';
import { type PlannedQuery, SearchInputError } from './port';

export const MAX_QUERY_LENGTH = 300;

interface ConceptName {
  id: string;
  /** Spacing-free normalised name: 예지보전, predictivemaintenance. */
  compact: string;
  /** Normalised words of the name (for typo matching of single words). */
  words: string[];
  latin: boolean;
}

const nameIndexes = new WeakMap<Vocabulary, ConceptName[]>();

/** Every label and synonym of every concept, normalised once per vocabulary. */
function conceptNames(vocabulary: Vocabulary): ConceptName[] {
  let names = nameIndexes.get(vocabulary);
  if (!names) {
    names = [];
    for (const concept of vocabulary.concepts) {
      if (concept.deprecated) continue;
      const all = [concept.labels.ko, concept.labels.en, ...concept.synonyms.ko, ...concept.synonyms.en];
      for (const raw of all) {
        // "비전 검사(불량 검출)" names two things: the part before the bracket and the bracket's content.
        for (const part of raw.split(/[()（）/·,]/)) {
          const n = normalize(part);
          const compact = compactKey(n);
          if (compact.length < 2) continue;
          names.push({ id: concept.id, compact, words: n.split(' ').filter(Boolean), latin: /^[a-z0-9 .+-]+$/.test(n) });
        }
      }
    }
    nameIndexes.set(vocabulary, names);
  }
  return names;
}

/**
 * Concepts a query names, by label or synonym in Korean or English, spacing-insensitive, with
 * particles ignored and one typo tolerated in longer words: `predictive maintenance`,
 * `예지보전을`, `불량검출`, `predictve maintenance` all name their concepts.
 */
export function conceptsInQuery(q: string, vocabulary: Vocabulary): string[] {
  const analyzed = analyzeQuery(q);
  const text = compactKey(analyzed.normalized);
  const stemsCompact = analyzed.stems.join('');
  const words = [...analyzed.latin, ...analyzed.stems];
  const found = new Set<string>();
  for (const name of conceptNames(vocabulary)) {
    if (name.latin) {
      // Latin names must match whole words (ai must not match "said"), allowing a typo per long word.
      const nw = name.words;
      for (let i = 0; i + nw.length <= analyzed.latin.length; i++) {
        if (nw.every((w, j) => w === analyzed.latin[i + j] || withinTypoDistance(analyzed.latin[i + j], w))) found.add(name.id);
      }
    } else if (text.includes(name.compact) || stemsCompact.includes(name.compact)) {
      found.add(name.id);
    } else if (name.compact.length >= 3 && words.some((w) => w.length >= 3 && withinTypoDistance(w, name.compact))) {
      found.add(name.id);
    }
  }
  return [...found].sort();
}

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
