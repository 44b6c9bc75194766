/**
 * The prose half of concept recognition: what an SME's few sentences (or a listing's description)
 * name, read word by word rather than as a spacing-free string.
 *
 * - **Words, not substrings.** A concept name must start where a written word starts (or where a
 *   known word glued in front of it ends: 치과 + 의원) and end where the word ends, before a
 *   particle or ending (공장에서, 검출하고, 설치해야), or before a known word or suffix glued to it
 *   (사출 + 기, 방송 + 사, 도매 + 업체). So 마트 is not in 스마트공장, 로그 not in 블로그, 포스 not in
 *   포스터/포스코, 시청 not in 시청률, 은행 not in 은행나무, POP not in K-POP.
 * - **Places.** A gazetteer (the vocabulary's regions plus the 시·군·구 names in `data/places.json`):
 *   음성군, 충북 음성, 경기 이천 are places, and concept names inside them do not count.
 * - **Words that name a concept only in a compound** (`data/prose-rules.json` `ambiguous`): 제약 is
 *   pharmaceuticals in 제약회사, a constraint in 예산 제약이 있어서.
 * - **Negation.** A concept in a clause that refuses it (클라우드는 안 됩니다, 설치형은 어렵습니다,
 *   OCR 말고, ~ 제외, 필요 없음), or tried and rejected (OCR도 써 봤는데 … 안 맞았어요), is dropped.
 * - **Headings** ([기타], [사업 개요], ■ 배경 on its own line) are not read.
 * - **Incidental mentions** are marked `incidental`: an industry outside the sentence in which the
 *   writer says what it is (the requester's own activity, not its customers or what it sells), and
 *   a certification the writer says it holds itself (저희가 이노비즈 기업이라).
 * - **Evidence.** Every concept carries the spans that named it, the vocabulary name each matched
 *   and how (`name`, inside a `compound`, or `partial`: only the distinctive first word of a name).
 *
 * A real morphological analyser was considered: `kiwi-nlp` (Kiwi compiled to WASM) is on npm, but
 * its package ships no model files; they are only published as GitHub release assets, which this
 * build cannot fetch, so the rules here build on `@aimatch/korean-text` (particles, tokens) instead.
 */
import { compactKey, isParticle, normalize, stripParticle, tokenizeNormalized, type Token } from '@aimatch/korean-text';
import places from './data/places.json';
import rules from './data/prose-rules.json';
import type { Vocabulary } from './vocabulary';

/** How a span named its concept. */
export type EvidenceKind = 'name' | 'compound' | 'partial';

export interface EvidenceSpan {
  /** The written words of the text that matched (normalised), e.g. `식품공장이에요`. */
  text: string;
  /** The vocabulary label or synonym it matched, e.g. `식품 공장`. */
  name: string;
  kind: EvidenceKind;
}

export interface ProseConcept {
  id: string;
  scheme: string;
  evidence: string[];
  partial: boolean;
  spans: EvidenceSpan[];
  incidental: boolean;
}

interface ProseName {
  id: string;
  scheme: string;
  /** The name as written in the vocabulary. */
  raw: string;
  /** Spacing-free, connector-free key: 식품공장, opcua. */
  key: string;
  fragment: boolean;
}

interface Word {
  token: Token;
  /** Comparison key: the Hangul text, or a Latin word's parts joined (opc-ua → opcua). */
  key: string;
  hangul: boolean;
  sentence: number;
  clause: number;
  /** Lengths at which a noun may end inside the word (particle or ending after it), longest first. */
  stems: number[];
  place: boolean;
}

interface Match {
  name: ProseName;
  first: number;
  last: number;
  /** Offset in the first word and end offset in the last word. */
  from: number;
  to: number;
  kind: EvidenceKind;
}

const CONNECTORS = /[-_./&']/g;
const VERB_ENDING = new RegExp(rules.verbEnding);
const COPULA_ENDING = new RegExp(rules.copulaEnding);
const CLAUSE_END = new RegExp(rules.clauseEnd);
const TRIED_ENDING = new RegExp(rules.triedEnding);
const NEGATION_RIGHT_AFTER = new RegExp(rules.negationRightAfter);
const NEGATION = rules.negationPredicates.map((p) => new RegExp(p));
const TOPIC_PARTICLE = new RegExp(rules.topicParticle);
const SELF_REFERENCE = new RegExp(rules.selfReference);
const REQUIREMENT = new RegExp(rules.requirement);
const SELF_DESCRIPTION = new RegExp(rules.selfDescription);
const HEADING_MARKER = new RegExp(rules.headingMarkers);
const SUFFIXES = new Set(rules.compoundSuffixes);
const GENERIC_HEADS = new Set(rules.genericHeads);
const NOT_NAMES = new Set(rules.notNames);
const AMBIGUOUS = new Map(Object.entries(rules.ambiguous as Record<string, string[]>));
const PLACE_SUFFIXES = [...places.suffixes].sort((a, b) => b.length - a.length);

interface Index {
  byFirst: Map<string, ProseName[]>;
  /** Known words that may be glued to a concept word (vocabulary words, compound parts, places). */
  lexicon: Set<string>;
  regions: Set<string>;
  places: Set<string>;
  /** Distinctive first words of multi-word Hangul names (see `recognizeConcepts`). */
  heads: Map<string, ProseName>;
}

const indexes = new WeakMap<Vocabulary, Index>();

/** The names a label or synonym holds (`비전 검사(불량 검출)` → 비전 검사, 불량 검출); see concept-recognition.ts. */
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

function keyOf(text: string): string {
  return compactKey(text).replace(CONNECTORS, '');
}

function buildIndex(vocabulary: Vocabulary): Index {
  const byFirst = new Map<string, ProseName[]>();
  const lexicon = new Set<string>(rules.compoundParts);
  const regions = new Set<string>();
  const placeNames = new Set<string>();
  const owners = new Map<string, Set<string>>();
  const heads = new Map<string, ProseName>();
  for (const concept of vocabulary.concepts) {
    if (concept.deprecated) continue;
    const all = [concept.labels.ko, concept.labels.en, ...concept.synonyms.ko, ...concept.synonyms.en];
    if (concept.scheme === 'region') {
      for (const raw of [concept.labels.ko, ...concept.synonyms.ko]) regions.add(keyOf(raw));
      continue;
    }
    const seen = new Map<string, ProseName>();
    for (const raw of all) {
      for (const { text, fragment } of namesOf(raw)) {
        const n = normalize(text);
        const key = keyOf(n);
        // Too short, or an everyday word that never names a concept alone (the 전용 of 프라이빗(전용) 클라우드).
        if (key.length < 2 || NOT_NAMES.has(key)) continue;
        const same = seen.get(key);
        if (same) {
          same.fragment &&= fragment;
          continue;
        }
        const name: ProseName = { id: concept.id, scheme: concept.scheme, raw: text.trim(), key, fragment };
        seen.set(key, name);
        const list = byFirst.get(key[0]) ?? [];
        list.push(name);
        byFirst.set(key[0], list);
        const words = n.split(' ').filter(Boolean);
        for (const w of words) if (/^[가-힣]{2,}$/.test(w)) lexicon.add(w);
        if (!fragment && words[0]) {
          if (!owners.has(words[0])) owners.set(words[0], new Set());
          owners.get(words[0])!.add(concept.id);
          if (words.length > 1 && /^[가-힣]{2,}$/.test(words[0]) && !/[a-z]/.test(n)) heads.set(words[0], name);
        }
      }
    }
  }
  for (const list of Object.values(places.places)) for (const p of list) placeNames.add(p);
  for (const p of placeNames) lexicon.add(p);
  for (const r of regions) lexicon.add(r);
  for (const [head] of heads) if (owners.get(head)!.size !== 1 || GENERIC_HEADS.has(head)) heads.delete(head);
  for (const list of byFirst.values()) list.sort((a, b) => b.key.length - a.key.length);
  return { byFirst, lexicon, regions, places: placeNames, heads };
}

function indexFor(vocabulary: Vocabulary): Index {
  let index = indexes.get(vocabulary);
  if (!index) indexes.set(vocabulary, (index = buildIndex(vocabulary)));
  return index;
}

/** Noun-end positions inside a Hangul word: after particles/endings are stripped, and before 하다/되다 forms. */
function stemLengths(text: string): number[] {
  const out = new Set<number>([text.length]);
  let w = text;
  for (let i = 0; i < 3; i++) {
    const s = stripParticle(w);
    if (s === w) break;
    out.add(s.length);
    w = s;
  }
  for (let i = 2; i < text.length; i++) if (VERB_ENDING.test(text.slice(i)) || COPULA_ENDING.test(text.slice(i))) out.add(i);
  return [...out].sort((a, b) => b - a);
}

/** The rest of a written word after a concept word: nothing, grammar, or known words/suffixes glued on. */
function gluedRestOk(rest: string, index: Index, depth = 0, afterSuffix = false): boolean {
  if (rest === '') return true;
  // After a one-syllable suffix only a particle follows, not a verb ending (유통기한 is not 유통 + 기 + 한).
  if (afterSuffix && VERB_ENDING.test(rest)) return false;
  if (isParticle(rest) || VERB_ENDING.test(rest) || stripParticle(rest) === '') return true;
  if (depth > 3) return false;
  for (let l = Math.min(rest.length, 6); l >= 2; l--) {
    const head = rest.slice(0, l);
    if (index.lexicon.has(head) && (l === rest.length || gluedRestOk(rest.slice(l), index, depth + 1) || isParticle(rest.slice(l))))
      return true;
  }
  // One suffix syllable (방송사, 사출기), then a particle or more known words.
  return SUFFIXES.has(rest[0]) && gluedRestOk(rest.slice(1), index, depth + 1, true);
}

/** Whether the start of a written word, before a concept word, is made of known words (치과 in 치과의원). */
function gluedLeadOk(lead: string, index: Index, depth = 0): boolean {
  if (lead === '') return true;
  if (depth > 3) return false;
  for (let l = Math.min(lead.length, 6); l >= 2; l--) {
    if (index.lexicon.has(lead.slice(0, l)) && gluedLeadOk(lead.slice(l), index, depth + 1)) return true;
  }
  return false;
}

/** A place: a region, a 시·군·구 with its suffix, or a bare 시·군·구 next to a region or place. */
function markPlaces(words: Word[], index: Index): void {
  const stemOf = (w: Word) => (w.hangul ? w.key.slice(0, w.stems[w.stems.length - 1] ?? w.key.length) : '');
  const isRegion = (s: string) => index.regions.has(s);
  const withSuffix = (s: string) =>
    PLACE_SUFFIXES.some((suffix) => {
      if (!s.endsWith(suffix) || s.length <= suffix.length) return false;
      const base = s.slice(0, -suffix.length);
      return index.places.has(base) || isRegion(base) || (suffix === '구' && places.singleSyllableDistricts.includes(base));
    });
  for (const w of words) {
    if (!w.hangul) continue;
    const stems = w.stems.map((l) => w.key.slice(0, l));
    if (stems.some((s) => isRegion(s) || withSuffix(s))) w.place = true;
  }
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (!w.hangul || w.place) continue;
    const stems = w.stems.map((l) => w.key.slice(0, l));
    if (!stems.some((s) => index.places.has(s))) continue;
    const prev = words[i - 1];
    const next = words[i + 1];
    const near = (o: Word | undefined) => !!o && o.sentence === w.sentence && (o.place || isRegion(stemOf(o)));
    if (near(prev) || (near(next) && next.place)) w.place = true;
  }
}

/** Headings ([기타], 【배경】, a short line after ■) are not content: replaced by a sentence break. */
function withoutHeadings(line: string): string {
  let s = line.replace(/[[【〔〈《][^\]】〕〉》]{1,24}[\]】〕〉》]/g, ' . ');
  const marker = HEADING_MARKER.exec(s);
  if (marker) {
    const rest = s.slice(marker[0].length);
    const short = rest.trim().split(/\s+/).length <= 3 && !/[다요][.!?]?$/.test(rest.trim());
    s = short ? ' . ' : rest;
  }
  return s;
}

function analyse(text: string): { words: Word[]; texts: string[] } {
  const words: Word[] = [];
  const texts: string[] = [];
  let sentence = 0;
  let clause = 0;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = normalize(withoutHeadings(rawLine));
    sentence++;
    clause++;
    if (!line) continue;
    const tokens = tokenizeNormalized(line);
    let prevEnd = 0;
    for (const token of tokens) {
      const gap = line.slice(prevEnd, token.start);
      if (/[.!?]/.test(gap)) {
        sentence++;
        clause++;
      } else if (/[,;:()"~]/.test(gap)) clause++;
      prevEnd = token.end;
      const hangul = token.kind === 'hangul';
      words.push({
        token,
        key: hangul ? token.text : token.parts.join('').replace(CONNECTORS, ''),
        hangul,
        sentence,
        clause,
        stems: hangul ? stemLengths(token.text) : [],
        place: false,
      });
      texts.push(line);
      if (hangul && CLAUSE_END.test(token.text)) clause++;
    }
  }
  return { words, texts };
}

/** The written words of a match (normalised), e.g. `식품공장이에요`, `mes에`. */
function spanText(words: Word[], texts: string[], m: Match): string {
  const a = words[m.first].token;
  const b = words[m.last].token;
  return texts[m.first] === texts[m.last] ? texts[m.first].slice(a.start, b.end) : `${a.text} … ${b.text}`;
}

/** Whether a[ai, ai + length) equals b[bi, bi + length) (no substrings allocated). */
function sameAt(a: string, ai: number, b: string, bi: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (a.charCodeAt(ai + k) !== b.charCodeAt(bi + k)) return false;
  return true;
}

/** Tries `name` from word i at offset `from`; returns the match or null. */
function tryMatch(name: ProseName, words: Word[], i: number, from: number, index: Index): Match | null {
  const key = name.key;
  let r = 0; // how much of the name is matched
  let at = i;
  let pos = from;
  for (;;) {
    const w = words[at];
    const avail = w.key.length - pos;
    const rest = key.length - r;
    if (rest <= avail && sameAt(w.key, pos, key, r, rest)) {
      const to = pos + rest;
      if (!w.hangul) return to === w.key.length ? { name, first: i, last: at, from, to, kind: 'name' } : null;
      if (w.stems.includes(to)) return { name, first: i, last: at, from, to, kind: from > 0 ? 'compound' : 'name' };
      if (gluedRestOk(w.key.slice(to), index)) return { name, first: i, last: at, from, to, kind: 'compound' };
      return null;
    }
    if (avail < rest && sameAt(w.key, pos, key, r, avail)) r += avail;
    else {
      // A word of a multi-word name followed by its particle: 불량을 검출 names 불량 검출.
      const stem = w.hangul ? w.stems.find((l) => l > pos && l - pos <= rest && sameAt(w.key, pos, key, r, l - pos)) : undefined;
      if (stem === undefined || stem === w.key.length) return null;
      r += stem - pos;
    }
    const next = words[at + 1];
    if (!next || next.clause !== w.clause || next.place) return null;
    at++;
    pos = 0;
  }
}

function negated(words: Word[], m: Match): boolean {
  const last = words[m.last];
  const clauseRest = (from: number, clause: number) => {
    const parts: string[] = [];
    for (let j = from; j < words.length && words[j].clause === clause; j++) parts.push(words[j].token.text);
    return parts.join(' ');
  };
  const glued = last.key.slice(m.to);
  const after = `${glued} ${clauseRest(m.last + 1, last.clause)}`.trim();
  if (NEGATION_RIGHT_AFTER.test(after)) return true; // OCR 말고, 클라우드 제외
  // A refusing predicate counts for a topic (클라우드는 안 됩니다, 설치형은 어렵습니다, POS 연동은 필요 없음)
  // or a bare noun (클라우드 안 됨), not for a subject or object (불량 검출이 어려워서 = it is hard today).
  const next = words[m.last + 1];
  const particle =
    glued !== '' || !next || next.clause !== last.clause || !next.hangul ? glued : next.key.slice(stripParticle(next.key).length);
  if (!TOPIC_PARTICLE.test(particle)) return false;
  if (NEGATION.some((re) => re.test(after))) return true;
  // Tried and rejected: "OCR 솔루션도 써 봤는데 저희 일에는 안 맞았어요".
  let end = m.last;
  while (end + 1 < words.length && words[end + 1].clause === last.clause) end++;
  if (TRIED_ENDING.test(words[end].token.text) && end + 1 < words.length && words[end + 1].sentence === last.sentence) {
    const rejected = clauseRest(end + 1, words[end + 1].clause);
    if (NEGATION.some((re) => re.test(rejected))) return true;
  }
  return false;
}

/** A name listed as ambiguous counts only with one of its heads glued on or in the next word. */
function ambiguityResolved(words: Word[], m: Match): boolean {
  const heads = AMBIGUOUS.get(m.name.key);
  if (!heads) return true;
  const tail = words[m.last].key.slice(m.to);
  const next = words[m.last + 1];
  const nextKey = next && next.clause === words[m.last].clause ? next.key : '';
  return heads.some((h) => (tail.startsWith(h) && tail !== '') || nextKey.startsWith(h));
}

/** Concepts an SME's prose names, with evidence; see the module comment. Sorted by id. */
export function recognizeProse(text: string, vocabulary: Vocabulary, schemes: ReadonlySet<string> | null): ProseConcept[] {
  const index = indexFor(vocabulary);
  const { words, texts } = analyse(text);
  if (words.length === 0) return [];
  markPlaces(words, index);
  const matches: Match[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w.place) continue;
    const starts = [0];
    if (w.hangul) for (let o = 2; o < w.key.length - 1; o++) if (gluedLeadOk(w.key.slice(0, o), index)) starts.push(o);
    for (const from of starts) {
      for (const name of index.byFirst.get(w.key[from]) ?? []) {
        if (name.fragment || (schemes && !schemes.has(name.scheme))) continue;
        const m = tryMatch(name, words, i, from, index);
        if (m) matches.push(m);
      }
    }
  }
  // Distinctive first words of longer names (계약서 → 계약서 검토), weaker evidence, tasks and certifications only.
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (!w.hangul || w.place) continue;
    for (const l of w.stems) {
      const name = index.heads.get(w.key.slice(0, l));
      if (!name || (schemes && !schemes.has(name.scheme)) || (name.scheme !== 'task' && name.scheme !== 'certification')) continue;
      matches.push({ name, first: i, last: i, from: 0, to: l, kind: 'partial' });
      break;
    }
  }
  // A shorter name inside a longer match of another name in the same words adds nothing (보험 in 보험사).
  const kept = matches.filter(
    (m) =>
      !matches.some(
        (o) =>
          o !== m &&
          o.kind !== 'partial' &&
          o.first <= m.first &&
          o.last >= m.last &&
          o.name.key.length > m.name.key.length &&
          o.name.key.includes(m.name.key) &&
          o.name.id !== m.name.id &&
          o.name.scheme === m.name.scheme,
      ),
  );
  const found = new Map<string, ProseConcept & { at: number[]; verbOnly: boolean; covered: Set<number> }>();
  for (const m of kept) {
    if (!ambiguityResolved(words, m) || negated(words, m)) continue;
    let hit = found.get(m.name.id);
    if (!hit) {
      hit = {
        id: m.name.id,
        scheme: m.name.scheme,
        evidence: [],
        partial: true,
        spans: [],
        incidental: false,
        at: [],
        verbOnly: true,
        covered: new Set(),
      };
      found.set(m.name.id, hit);
    }
    hit.partial &&= m.kind === 'partial';
    const span = spanText(words, texts, m);
    // A partial match inside words that already named the concept in full adds nothing (수요 in 수요 예측이).
    if (m.kind === 'partial' && (hit.spans.some((x) => x.text === span) || hit.covered.has(m.first))) continue;
    if (m.kind !== 'partial') for (let j = m.first; j <= m.last; j++) hit.covered.add(j);
    // A partial match's evidence is the head word itself (matching checks how listings use that word).
    const evidence = m.kind === 'partial' ? words[m.first].key.slice(0, m.to) : span;
    if (hit.evidence.length < 5 && !hit.evidence.includes(evidence)) hit.evidence.push(evidence);
    if (hit.spans.length < 5 && !hit.spans.some((s) => s.text === span && s.name === m.name.raw))
      hit.spans.push({ text: span, name: m.name.raw, kind: m.kind });
    hit.at.push(m.first);
    const w = words[m.last];
    hit.verbOnly &&= m.first === m.last && m.from === 0 && w.hangul && VERB_ENDING.test(w.key.slice(m.to));
  }
  markIncidental(words, [...found.values()], vocabulary);
  return [...found.values()]
    .map(({ id, scheme, evidence, partial, spans, incidental }) => ({ id, scheme, evidence, partial, spans, incidental }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Industries outside the writer's self-description (the first sentence that says what it is, within
 * the first two; else the first), and certifications the writer holds itself, are incidental.
 */
function markIncidental(words: Word[], found: Array<ProseConcept & { at: number[]; verbOnly: boolean }>, vocabulary: Vocabulary): void {
  const sentences = [...new Set(words.map((w) => w.sentence))];
  const lastWordOf = (s: number) => {
    let last = -1;
    words.forEach((w, i) => w.sentence === s && (last = i));
    return last;
  };
  // Where the writer says what it is: the first sentence with a copula (…공장입니다, …회사예요) that names an
  // industry; else the first sentence if it names one; else the first with a copula; else the first.
  const describes = (s: number) => words.some((w) => w.sentence === s && w.hangul && SELF_DESCRIPTION.test(w.token.text));
  const named = (s: number) => found.some((c) => c.scheme === 'industry' && c.at.some((i) => words[i].sentence === s));
  const copulas = sentences.filter(describes);
  const own = copulas.find(named) ?? (named(sentences[0]) ? sentences[0] : (copulas[0] ?? sentences[0]));
  const industries = found.filter((c) => c.scheme === 'industry');
  const inOwn = industries.filter((c) => c.at.some((i) => words[i].sentence === own));
  for (const c of industries) if (!inOwn.includes(c)) c.incidental = true;
  if (inOwn.length > 1) {
    // The head of the self-description (nearest its end) is the writer's activity; modifiers before it are customers or goods.
    const end = lastWordOf(own);
    const position = (c: { at: number[] }) => Math.max(...c.at.filter((i) => words[i].sentence === own && i <= end));
    const head = inOwn.reduce((a, b) => (position(b) > position(a) ? b : a));
    for (const c of inOwn)
      if (c !== head && !vocabulary.isSameOrDescendantOf(c.id, head.id) && !vocabulary.isSameOrDescendantOf(head.id, c.id))
        c.incidental = true;
  }
  // A broad concept named only by its one-word name used as a verb (추천해 줬으면) next to a specific
  // concept of the same scheme is everyday wording, not a second need (필요한 인원도 추천해 줬으면).
  for (const c of found) {
    if (vocabulary.children(c.id).length === 0 || !c.verbOnly) continue;
    if (found.some((o) => o !== c && o.scheme === c.scheme && !o.incidental && vocabulary.children(o.id).length === 0)) c.incidental = true;
  }
  for (const c of found.filter((x) => x.scheme === 'certification')) {
    const own = c.at.every((i) => {
      const w = words[i];
      const before = words
        .filter((o, j) => j < i && o.clause === w.clause)
        .map((o) => o.token.text)
        .join(' ');
      const after = words
        .filter((o, j) => j > i && o.sentence === w.sentence)
        .map((o) => o.token.text)
        .join(' ');
      return SELF_REFERENCE.test(`${before} `) && !REQUIREMENT.test(after);
    });
    if (own) c.incidental = true;
  }
}
