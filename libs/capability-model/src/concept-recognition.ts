/**
 * Concepts named in free text, by their Korean or English labels and synonyms: what a search
 * query asks for (`예지보전을`, `predictive maintenance`) and what an SME's prose describes
 * (`공장 라인에서 찍힌 사진으로 불량품을 골라내고 싶다`). One recogniser for both, so that search
 * and matching read text the same way. Spacing-insensitive, particles ignored; optionally one
 * typo per longer word (queries; off for long prose, where it would mostly find noise).
 */
import { analyzeQuery, compactKey, normalize, withinTypoDistance } from '@aimatch/korean-text';
import { type EvidenceSpan, recognizeProse } from './concept-recognition-prose';
import type { Vocabulary } from './vocabulary';

export type { EvidenceKind, EvidenceSpan } from './concept-recognition-prose';

export interface RecognizedConcept {
  id: string;
  scheme: string;
  /** The words of the text that named it (as normalised), first occurrence first; at most 5. */
  evidence: string[];
  /** Named only by the distinctive first word of a longer name (`리뷰` for 리뷰 분석): weaker evidence. */
  partial: boolean;
  /** Prose only: the spans that named it, each with the vocabulary name it matched and how. */
  spans?: EvidenceSpan[];
  /**
   * Prose only: a mention that does not describe the writer's need (an industry of its customers or
   * goods rather than its own, a certificate the writer holds itself): weaker evidence.
   */
  incidental?: boolean;
}

export interface RecognitionOptions {
  /** Tolerate one typo in words of three or more characters (default false). */
  typos?: boolean;
  /** Only concepts of these schemes (default all). */
  schemes?: readonly string[];
  /**
   * The text is prose (a listing's description), not a query: fragments of names are not used,
   * and a concept is also recognised by the first word of one of its multi-word Korean names
   * when no other concept's name starts with or consists of that word (`계약서` → 계약서 검토,
   * but not `설비`, which starts names of several concepts), marked `partial` (default false).
   */
  prose?: boolean;
}

interface ConceptName {
  id: string;
  scheme: string;
  /** Spacing-free normalised name: 예지보전, predictivemaintenance. */
  compact: string;
  /** Normalised words of the name (Latin names match word by word). */
  words: string[];
  latin: boolean;
  /** A single word cut out of a longer name (see `namesOf`). */
  fragment: boolean;
}

const nameIndexes = new WeakMap<Vocabulary, ConceptName[]>();
const headIndexes = new WeakMap<Vocabulary, Map<string, ConceptName>>();

/**
 * The names a label or synonym holds. `비전 검사(불량 검출)` names 비전 검사 and 불량 검출;
 * `리뷰(VOC) 분석` names 리뷰 분석 and VOC; `배차·경로 최적화` names 배차 최적화 and 경로
 * 최적화. A single Hangul word cut out of a longer name (배차, the 전문 of `전문, 과학 및 기술
 * 서비스업`) is kept as a fragment: queries use it, prose does not (it is too often an everyday word).
 */
function namesOf(raw: string): Array<{ text: string; fragment: boolean }> {
  const out: Array<{ text: string; fragment: boolean }> = [];
  for (const inside of raw.match(/[(（][^)）]*[)）]/g) ?? []) {
    for (const part of inside.slice(1, -1).split(/[/·,]/)) out.push({ text: part, fragment: false });
  }
  const outside = raw.replace(/[(（][^)）]*[)）]/g, ' ');
  const parts = outside.split(/[/·,]/).map((p) => p.trim().split(/\s+/).filter(Boolean));
  parts.forEach((words, i) => {
    if (words.length === 0) return;
    const single = words.length === 1 && parts.length > 1 && !/^[a-z0-9 .+-]+$/i.test(words[0]);
    out.push({ text: words.join(' '), fragment: single });
    const next = parts[i + 1];
    if (single && next && next.length > 1 && outside.includes(`${words[0]}·`))
      out.push({ text: [words[0], ...next.slice(1)].join(' '), fragment: false });
  });
  return out;
}

/** Every label and synonym of every current concept, normalised once per vocabulary. */
function conceptNames(vocabulary: Vocabulary): ConceptName[] {
  let names = nameIndexes.get(vocabulary);
  if (!names) {
    names = [];
    for (const concept of vocabulary.concepts) {
      if (concept.deprecated) continue;
      const all = [concept.labels.ko, concept.labels.en, ...concept.synonyms.ko, ...concept.synonyms.en];
      for (const raw of all) {
        for (const { text, fragment } of namesOf(raw)) {
          const n = normalize(text);
          const compact = compactKey(n);
          if (compact.length < 2) continue;
          const same = names.find((x) => x.id === concept.id && x.compact === compact);
          if (same) {
            same.fragment &&= fragment;
            continue;
          }
          names.push({
            id: concept.id,
            scheme: concept.scheme,
            compact,
            words: n.split(' ').filter(Boolean),
            latin: /^[a-z0-9 .+-]+$/.test(n),
            fragment,
          });
        }
      }
    }
    nameIndexes.set(vocabulary, names);
  }
  return names;
}

/**
 * Distinctive first words of multi-word Hangul names: a word that begins (or is) names of exactly
 * one concept, at least two characters long.
 */
function distinctiveHeads(vocabulary: Vocabulary): Map<string, ConceptName> {
  let heads = headIndexes.get(vocabulary);
  if (!heads) {
    const owners = new Map<string, Set<string>>();
    const byHead = new Map<string, ConceptName>();
    for (const name of conceptNames(vocabulary)) {
      const head = name.words[0];
      if (!head || name.fragment) continue;
      if (!owners.has(head)) owners.set(head, new Set());
      owners.get(head)!.add(name.id);
      if (!name.latin && name.words.length > 1 && head.length >= 2 && /^[가-힣]+$/.test(head)) byHead.set(head, name);
    }
    heads = new Map([...byHead].filter(([head]) => owners.get(head)!.size === 1));
    headIndexes.set(vocabulary, heads);
  }
  return heads;
}

/** The normalised text without spaces, with each compact position's index in the normalised text. */
function compactWithPositions(normalized: string): { compact: string; at: number[] } {
  let compact = '';
  const at: number[] = [];
  for (let i = 0; i < normalized.length; i++) {
    if (normalized[i] === ' ') continue;
    compact += normalized[i];
    at.push(i);
  }
  return { compact, at };
}

/**
 * Where the name occurs in the spacing-free text, or -1. In prose a two-character name must
 * begin a word (도매 is not in `메일도 매일`); longer names may sit inside compounds (스마트공장).
 */
function findName(compact: string, at: number[], normalized: string, name: string, prose: boolean): number {
  let from = 0;
  for (;;) {
    const i = compact.indexOf(name, from);
    if (i < 0 || !prose || name.length > 2) return i;
    const start = at[i];
    if (start === 0 || normalized[start - 1] === ' ' || !/[가-힣]/.test(normalized[start - 1])) return i;
    from = i + 1;
  }
}

/** Widens [start, end) of the normalised text to whole words (the particle stays: 불량품을). */
function wordsAround(normalized: string, start: number, end: number): string {
  let s = start;
  let e = end;
  while (s > 0 && normalized[s - 1] !== ' ') s--;
  while (e < normalized.length && normalized[e] !== ' ') e++;
  return normalized.slice(s, e);
}

/**
 * Concepts the text names, sorted by id, each with the words that named it. Latin names must
 * match whole words in sequence (`ai` does not match `said`); Hangul names match anywhere in the
 * spacing-free text or in the particle-stripped stems joined (`불량을 검출` names 불량 검출).
 */
export function recognizeConcepts(text: string, vocabulary: Vocabulary, options: RecognitionOptions = {}): RecognizedConcept[] {
  // Prose is read word by word (token boundaries, places, negation, headings): see concept-recognition-prose.ts.
  if (options.prose) return recognizeProse(text, vocabulary, options.schemes ? new Set(options.schemes) : null);
  const normalized = normalize(text);
  if (!normalized) return [];
  const analyzed = analyzeQuery(normalized);
  const { compact, at } = compactWithPositions(normalized);
  const stemsCompact = analyzed.stems.join('');
  const words = [...analyzed.latin, ...analyzed.stems];
  const schemes = options.schemes ? new Set(options.schemes) : null;
  const found = new Map<string, RecognizedConcept>();
  const add = (name: ConceptName, evidence: string, partial = false) => {
    let hit = found.get(name.id);
    if (!hit) found.set(name.id, (hit = { id: name.id, scheme: name.scheme, evidence: [], partial }));
    else hit.partial &&= partial;
    if (hit.evidence.length < 5 && !hit.evidence.includes(evidence)) hit.evidence.push(evidence);
  };
  for (const name of conceptNames(vocabulary)) {
    if (schemes && !schemes.has(name.scheme)) continue;
    if (options.prose && name.fragment) continue;
    if (name.latin) {
      const nw = name.words;
      for (let i = 0; i + nw.length <= analyzed.latin.length; i++) {
        if (nw.every((w, j) => w === analyzed.latin[i + j] || (options.typos && withinTypoDistance(analyzed.latin[i + j], w)))) {
          add(name, analyzed.latin.slice(i, i + nw.length).join(' '));
        }
      }
      continue;
    }
    const position = findName(compact, at, normalized, name.compact, !!options.prose);
    if (position >= 0) {
      add(name, wordsAround(normalized, at[position], at[position + name.compact.length - 1] + 1));
    } else if (stemsCompact.includes(name.compact)) {
      add(name, name.words.join(' '));
    } else if (options.typos && name.compact.length >= 3) {
      const typo = words.find((w) => w.length >= 3 && withinTypoDistance(w, name.compact));
      if (typo) add(name, typo);
    }
  }
  if (options.prose) {
    const heads = distinctiveHeads(vocabulary);
    for (const stem of analyzed.stems) {
      const name = heads.get(stem);
      if (name && (!schemes || schemes.has(name.scheme)) && !found.has(name.id)) add(name, stem, true);
    }
  }
  return [...found.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
