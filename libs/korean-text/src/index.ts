/**
 * Korean text analysis for search and matching: normalisation, particle stripping, choseong,
 * index/query terms (bigrams), a reference matcher and jamo-level typo distance. Framework-free
 * (no Nest, TypeORM or React). See README.md for the term model and thresholds.
 */
export { normalize, compactKey } from './normalize';
export { choseong, isChoseongQuery, choseongQueryKey, isAllSyllables } from './hangul';
export { stripParticle, isParticle, isQueryStopword, PARTICLES } from './particles';
export { tokenize, tokenizeNormalized, type Token, type TokenKind } from './tokenize';
export { indexTerms, analyzeQuery, matches, createMatcher, bigrams, MAX_TERM_LENGTH, type AnalyzedQuery, type Matcher } from './terms';
export { editDistance, withinTypoDistance, typoBudget } from './typo';
export {
  transliterations,
  wordTransliterations,
  lettersOfHangul,
  hangulOfLetters,
  hangulOfEnglish,
  englishOfHangul,
} from './transliterate';
