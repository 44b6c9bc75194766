/**
 * What the in-memory engine keeps of a document, derived either from a `SearchDocument` (the
 * writer's own upserts) or from a `search_documents` row (startup load and change feed), so that
 * both paths give the same index and the same ranking as `PostgresSearchIndex`.
 */
import { CONCEPT_FACETS, type SearchDocument } from '../../port';
import { LEXEME_SEPARATOR } from './change-feed';

export interface IndexRecord {
  id: string;
  version: number;
  kind: SearchDocument['kind'];
  visibility: SearchDocument['visibility'];
  verified: boolean;
  /** Epoch microseconds (timestamptz precision). */
  publishedAt: number;
  amountMin: number | null;
  amountMax: number | null;
  /** Concept ids as stated, all facets (the facet is the id's third segment). */
  concepts: string[];
  /** The same with ancestors (filters). */
  conceptsExpanded: string[];
  choseong: string;
  /** Every term a query can match, once. */
  terms: string[];
  /** Terms of title, concepts and organization, with their ts_rank contribution (`headRank[i]` for `headTerms[i]`). */
  headTerms: string[];
  headRank: number[];
}

/** ts_rank's weights for A, B, C, D as float4 ('{0.05, 0.2, 0.5, 1.0}' in PostgresSearchIndex). */
const WEIGHT = { A: Math.fround(1), B: Math.fround(0.5), C: Math.fround(0.2), D: Math.fround(0.05) } as const;
/** tsvector positions stop at 16383; PostgresSearchIndex's literal drops later terms. */
const MAX_POSITION = 16_383;

/**
 * One lexeme's share of PostgreSQL's `ts_rank` (calc_rank_or, float4 arithmetic as in tsrank.c),
 * before division by the number of query terms: `weights` are its positions' weights in order.
 */
export function rankContribution(weights: number[]): number {
  let resj = 0;
  let wjm = -1;
  let jm = 0;
  for (let j = 0; j < weights.length; j++) {
    resj = Math.fround(resj + Math.fround(weights[j] / ((j + 1) * (j + 1))));
    if (weights[j] > wjm) {
      wjm = weights[j];
      jm = j;
    }
  }
  return Math.fround(Math.fround(wjm + resj) - Math.fround(wjm / ((jm + 1) * (jm + 1)))) / 1.64493406685;
}

function finish(base: Omit<IndexRecord, 'terms' | 'headTerms' | 'headRank'>, terms: string[], head: Map<string, number[]>): IndexRecord {
  const headTerms = [...head.keys()];
  return { ...base, terms, headTerms, headRank: headTerms.map((t) => rankContribution(head.get(t)!)) };
}

export function recordFromDocument(d: SearchDocument): IndexRecord {
  const all = new Set<string>();
  const head = new Map<string, number[]>();
  let position = 0;
  for (const [weight, list] of [
    ['A', d.terms.a],
    ['B', d.terms.b],
    ['C', d.terms.c],
  ] as const) {
    for (const term of list) {
      if (!term || position >= MAX_POSITION) continue;
      position++;
      all.add(term);
      if (weight !== 'C') {
        const ws = head.get(term);
        if (ws) ws.push(WEIGHT[weight]);
        else head.set(term, [WEIGHT[weight]]);
      }
    }
  }
  return finish(
    {
      id: d.id.toLowerCase(),
      version: d.version,
      kind: d.kind,
      visibility: d.visibility,
      verified: d.verified,
      publishedAt: Date.parse(d.publishedAt) * 1000,
      amountMin: d.amountMin,
      amountMax: d.amountMax,
      concepts: CONCEPT_FACETS.flatMap((f) => d.concepts[f]),
      conceptsExpanded: [...new Set(CONCEPT_FACETS.flatMap((f) => d.conceptsExpanded[f]))],
      choseong: d.choseong,
    },
    [...all],
    head,
  );
}

/** A `search_documents` row as the change feed selects it (`readChanges`). */
export interface SearchDocumentRow {
  id: string;
  version: number;
  kind: SearchDocument['kind'];
  visibility: SearchDocument['visibility'];
  verified: boolean;
  published_us: string | number;
  amount_min: string | number | null;
  amount_max: string | number | null;
  concepts: string[];
  concepts_x: string[];
  choseong: string;
  /** Every lexeme of `terms`, separated by LEXEME_SEPARATOR. */
  lexemes: string;
  /** `terms_head::text`: tsvector output, `'lexeme':1A,7B 'other':9B`. */
  head: string;
}

export function recordFromRow(row: SearchDocumentRow): IndexRecord {
  const head = new Map<string, number[]>();
  parseTsvector(row.head, (lexeme, weights) => head.set(lexeme, weights));
  return finish(
    {
      id: row.id,
      version: Number(row.version),
      kind: row.kind,
      visibility: row.visibility,
      verified: row.verified,
      publishedAt: Number(row.published_us),
      amountMin: row.amount_min === null ? null : Number(row.amount_min),
      amountMax: row.amount_max === null ? null : Number(row.amount_max),
      concepts: row.concepts,
      conceptsExpanded: row.concepts_x,
      choseong: row.choseong,
    },
    row.lexemes ? row.lexemes.split(LEXEME_SEPARATOR) : [],
    head,
  );
}

/**
 * Reads PostgreSQL's tsvector output: quoted lexemes (`''` is a quote, `\\` a backslash), each
 * with positions in ascending order and a weight letter (none is D).
 */
export function parseTsvector(text: string, onLexeme: (lexeme: string, weights: number[]) => void): void {
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && text[i] === ' ') i++;
    if (i >= n) break;
    if (text[i] !== "'") throw new Error(`tsvector: expected a quote at ${i}`);
    i++;
    let lexeme = '';
    let start = i;
    for (;;) {
      if (i >= n) throw new Error('tsvector: unterminated lexeme');
      const c = text[i];
      if (c === '\\') {
        lexeme += text.slice(start, i) + text[i + 1];
        i += 2;
        start = i;
      } else if (c === "'") {
        if (text[i + 1] === "'") {
          lexeme += text.slice(start, i) + "'";
          i += 2;
          start = i;
        } else {
          lexeme += text.slice(start, i);
          i++;
          break;
        }
      } else i++;
    }
    const weights: number[] = [];
    if (text[i] === ':') {
      i++;
      for (;;) {
        while (i < n && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
        const letter = text[i];
        if (letter === 'A' || letter === 'B' || letter === 'C' || letter === 'D') {
          weights.push(WEIGHT[letter]);
          i++;
        } else weights.push(WEIGHT.D);
        if (text[i] !== ',') break;
        i++;
      }
    }
    onLexeme(lexeme, weights);
  }
}
