/**
 * Index terms and query analysis. A Hangul word is indexed as itself, its stem, the bigrams of the
 * whole word and the bigram across a single space to the next Hangul word; a query word becomes
 * the bigrams of its stem. Since a stem is a prefix of its word, the query's bigrams are found
 * whether the document spells the word with a particle (공장에서), without (공장), inside a
 * compound (스마트공장) or spaced (스마트 공장). A query matches when every one of its terms is
 * among the document's terms.
 */
import { choseong as choseongKey, choseongQueryKey, isChoseongQuery } from './hangul';
import { normalize } from './normalize';
import { isParticle, isQueryStopword, stripParticle } from './particles';
import { type Token, tokenizeNormalized } from './tokenize';

/** Whole words, stems and joined compounds longer than this are not indexed (bigrams still are). */
export const MAX_TERM_LENGTH = 64;

/** Character bigrams of a word (스마트공장 → 스마, 마트, 트공, 공장); a 1-character word is its own unigram. */
export function bigrams(word: string): string[] {
  if (word.length <= 1) return word.length === 1 ? [word] : [];
  const out: string[] = new Array(word.length - 1);
  for (let i = 0; i < word.length - 1; i++) out[i] = word.slice(i, i + 2);
  return out;
}

/** A Hangul run glued to a preceding word that is nothing but a particle (MES와, OCR을, AI가). */
function isGluedParticle(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  return t.kind === 'hangul' && t.glued && i > 0 && tokens[i - 1].kind === 'word' && isParticle(t.text);
}

/**
 * Index-side terms of a text, deduplicated, in order of first occurrence:
 * - a word (Latin, digits, other scripts): each part, plus the parts joined for a compound
 *   (OPC-UA → opc, ua, opcua; node.js → node, js, nodejs; 3.5 and c++ stay whole);
 * - a Hangul run: the whole run, its particle-stripped stem, and the bigrams of the whole run
 *   (which include the stem's); a 1-syllable run or stem is its own unigram; when the next token
 *   is a Hangul run after exactly one space, the bigram across the space (from the run's and from
 *   the stem's last syllable: 스마트 공장 → 트공, 불량을 검출 → 을검, 량검);
 * - a particle glued to a Latin word (MES와) adds nothing; a compatibility-jamo run is kept whole.
 */
export function indexTerms(text: string): string[] {
  const tokens = tokenizeNormalized(normalize(text));
  const seen = new Set<string>();
  const out: string[] = [];
  const add = (t: string) => {
    if (t.length > 0 && t.length <= MAX_TERM_LENGTH && !seen.has(t)) {
      seen.add(t);
      out.push(t);
    }
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === 'word') {
      for (const p of t.parts) add(p);
      if (t.parts.length > 1) add(t.parts.join(''));
    } else if (t.kind === 'jamo') {
      add(t.text);
    } else {
      if (isGluedParticle(tokens, i)) continue;
      const w = t.text;
      const stem = stripParticle(w);
      add(w);
      add(stem);
      if (w.length > 1) for (let j = 0; j < w.length - 1; j++) add(w.slice(j, j + 2));
      // Spacing: the bigram across a single space to the next Hangul word (스마트 공장 → 트공), from
      // the word and from its stem (불량을 검출 → 을검, 량검), so that 스마트공장 finds 스마트 공장.
      const next = tokens[i + 1];
      if (next !== undefined && next.kind === 'hangul' && next.start === t.end + 1) {
        add(w[w.length - 1] + next.text[0]);
        if (stem !== w) add(stem[stem.length - 1] + next.text[0]);
      }
    }
  }
  return out;
}

export interface AnalyzedQuery {
  /** The query, normalised. */
  normalized: string;
  /** Terms that must all be among a document's index terms; deduplicated; empty for a choseong query. */
  terms: string[];
  /** Particle-stripped Hangul words, in query order, stop words included, bare particles not (공장에서 → 공장). */
  stems: string[];
  /**
   * Latin/number/other-script word parts, in query order, stop words included (OPC-UA → opc, ua;
   * internet of things → internet, of, things) so that multi-word names can be matched in sequence.
   */
  latin: string[];
  /** The consonants of a choseong query without spaces (ㅂㄹ ㄱㅊ → ㅂㄹㄱㅊ), else null. */
  choseong: string | null;
}

interface QueryWord {
  terms: string[];
  stem: string | null;
  latin: string[];
  stop: boolean;
}

/**
 * Query-side analysis: normalise; a Hangul word becomes the bigrams of its stem (스마트공장의 →
 * 스마, 마트, 트공, 공장; a 1-syllable stem stays a unigram); a Latin/number word its parts whole
 * (opc-ua → opc, ua); a particle glued to a Latin word is dropped (MES와 → mes). Stop words (및,
 * 기반, 위한, 필요합니다, bare particles, and/for/the …) give no terms unless the query has nothing
 * else (they stay in `stems`/`latin`; see `isQueryStopword`). A query of consonants only (ㅅㅁㅌ)
 * is a choseong query: no terms, `choseong` set.
 */
export function analyzeQuery(q: string): AnalyzedQuery {
  const normalized = normalize(q);
  if (isChoseongQuery(normalized)) {
    return { normalized, terms: [], stems: [], latin: [], choseong: choseongQueryKey(normalized) };
  }
  const tokens = tokenizeNormalized(normalized);
  const words: QueryWord[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === 'word') {
      words.push({ terms: t.parts, stem: null, latin: t.parts, stop: t.parts.length === 1 && isQueryStopword(t.text) });
    } else if (t.kind === 'jamo') {
      words.push({ terms: [t.text], stem: null, latin: [], stop: false });
    } else {
      if (isGluedParticle(tokens, i)) continue;
      const stem = stripParticle(t.text);
      // A bare particle or ending (에서, 싶다) is grammar, not a word: no stem, no terms unless alone.
      const bare = isParticle(t.text);
      words.push({
        terms: bigrams(stem),
        stem: bare ? null : stem,
        latin: [],
        stop: bare || isQueryStopword(stem) || isQueryStopword(t.text),
      });
    }
  }
  const allStop = words.every((w) => w.stop);
  const terms: string[] = [];
  const seen = new Set<string>();
  const stems: string[] = [];
  const latin: string[] = [];
  for (const w of words) {
    if (w.stem !== null) stems.push(w.stem);
    latin.push(...w.latin);
    if (w.stop && !allStop) continue;
    for (const term of w.terms) {
      if (!seen.has(term)) {
        seen.add(term);
        terms.push(term);
      }
    }
  }
  return { normalized, terms, stems, latin, choseong: null };
}

/** A compiled query: tests texts or ready-made index-term sets without re-analysing the query. */
export interface Matcher {
  readonly query: AnalyzedQuery;
  /** Does the text match? */
  test(text: string): boolean;
  /** Does a document with these index terms (and, for a choseong query, this choseong key) match? */
  testTerms(terms: ReadonlySet<string>, choseongOfText?: string): boolean;
}

export function createMatcher(query: string | AnalyzedQuery): Matcher {
  const a = typeof query === 'string' ? analyzeQuery(query) : query;
  const testTerms = (terms: ReadonlySet<string>, key?: string): boolean => {
    if (a.choseong !== null) return key !== undefined && key.includes(a.choseong);
    return a.terms.length > 0 && a.terms.every((t) => terms.has(t));
  };
  return {
    query: a,
    testTerms,
    test: (text) => (a.choseong !== null ? choseongKey(text).includes(a.choseong) : testTerms(new Set(indexTerms(text)))),
  };
}

/**
 * Reference matcher: every query term is among the text's index terms (AND), or, for a choseong
 * query, its consonants are a substring of the text's choseong key (spaces and non-Hangul
 * dropped). An empty query matches nothing.
 */
export function matches(query: string, text: string): boolean {
  return createMatcher(query).test(text);
}
