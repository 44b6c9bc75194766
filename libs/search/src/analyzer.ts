/**
 * The one query analyzer: how the marketplace reads what a user types, wherever they type it —
 * the search box (`planQuery`), search-as-you-type (`suggest`) and the listing editor's concept
 * picker (`concepts(scheme, search)`). One reading everywhere, so that what search finds, the
 * picker finds too:
 * - normalised (full-width, case, accents) and spacing-insensitive (`불량검출` = `불량 검출`);
 * - particles stripped (`이물질을` → 이물질);
 * - choseong (`ㅂㄹㄱㅊ` → 불량 검출);
 * - typos, transpositions included (Damerau: `tranlsation` → translation, `예지보졘` → 예지보전);
 * - synonyms (every label and synonym of a concept, in Korean and English);
 * - English in Hangul and back (`오씨알` → OCR, `알에이지` → RAG, `디지털트윈` ↔ digital twin);
 * - a concept's definition as the weakest evidence (`foreign` → 비전 검사, whose definition
 *   says "foreign matter").
 * Framework-free; name tables are built once per vocabulary object.
 */
import { recognizeConcepts, type Vocabulary } from '@aimatch/capability-model';
import {
  choseong,
  compactKey,
  editDistance,
  isChoseongQuery,
  lettersOfHangul,
  normalize,
  stripParticle,
  transliterations,
  withinTypoDistance,
} from '@aimatch/korean-text';

/** How a concept matched a query, best first; lower is better. */
export const MATCH_RANK = {
  /** A name starts with the query (`예지` → 예지보전). */
  prefix: 0,
  /** A name contains the query (`검출` → 불량 검출). */
  inside: 1,
  /** The query names the concept among other words (`불량검출 자동화 문의`). */
  named: 2,
  /** Within the typo budget of a name or of the start of a name. */
  typo: 3,
  /** Every query word begins a word of the concept's definition. */
  definition: 4,
  /** Nothing else matched: the query's last syllable dropped (`이물질` → 이물…). */
  backoff: 5,
} as const;

export interface ConceptQueryMatch {
  id: string;
  scheme: string;
  rank: number;
}

export interface ConceptSearchOptions {
  /** Only concepts of these schemes (default all). */
  schemes?: readonly string[];
  /** Deprecated concepts too (the staff editor; default false). */
  includeDeprecated?: boolean;
  /** At most this many (default all). */
  limit?: number;
}

interface NameEntry {
  /** Spacing-free normalised name. */
  compact: string;
  /** Latin name (matched by whole words when the query only contains it). */
  latin: boolean;
  words: string[];
}

interface ConceptEntry {
  id: string;
  scheme: string;
  deprecated: boolean;
  /** For ordering among equal ranks: the shortest label first, then vocabulary order. */
  labelLength: number;
  order: number;
  names: NameEntry[];
  /** Choseong key of every Korean name, spaces removed. */
  choseong: string[];
  /** Words of the definitions (normalised, particles stripped). */
  definitionWords: string[];
}

const tables = new WeakMap<Vocabulary, ConceptEntry[]>();
const nameWordSets = new WeakMap<Vocabulary, Set<string>>();

/** Every word of every concept name (normalised). */
function nameWordsOf(vocabulary: Vocabulary): Set<string> {
  let words = nameWordSets.get(vocabulary);
  if (!words) {
    words = new Set(entriesOf(vocabulary).flatMap((e) => e.names.flatMap((n) => n.words)));
    nameWordSets.set(vocabulary, words);
  }
  return words;
}

/** The names a label or synonym holds: itself, the part outside parentheses, each part inside, and the parts of `a·b`/`a/b`. */
function namesOf(raw: string): string[] {
  const out = new Set<string>([raw]);
  for (const inside of raw.match(/[(（][^)）]*[)）]/g) ?? []) for (const part of inside.slice(1, -1).split(/[/·,]/)) out.add(part);
  const outside = raw.replace(/[(（][^)）]*[)）]/g, ' ');
  out.add(outside);
  for (const part of outside.split(/[/·,]/)) out.add(part);
  return [...out];
}

const LATIN = /^[a-z0-9 .+#-]+$/;

function entriesOf(vocabulary: Vocabulary): ConceptEntry[] {
  let entries = tables.get(vocabulary);
  if (entries) return entries;
  entries = vocabulary.concepts.map((c, order) => {
    const raw = [c.labels.ko, c.labels.en, ...c.synonyms.ko, ...c.synonyms.en];
    const names: NameEntry[] = [];
    const seen = new Set<string>();
    for (const r of raw) {
      for (const text of namesOf(r)) {
        const n = normalize(text);
        const compact = compactKey(n);
        if (!compact || seen.has(compact)) continue;
        seen.add(compact);
        names.push({ compact, latin: LATIN.test(n), words: n.split(' ').filter(Boolean) });
      }
    }
    const definitionWords = new Set<string>();
    for (const d of [c.definition.ko, c.definition.en]) {
      for (const w of normalize(d ?? '').split(/[^0-9a-z가-힣]+/)) if (w.length >= 2) definitionWords.add(stripParticle(w));
    }
    return {
      id: c.id,
      scheme: c.scheme,
      deprecated: c.deprecated,
      labelLength: Math.min(c.labels.ko.length, c.labels.en.length),
      order,
      names,
      choseong: [c.labels.ko, ...c.synonyms.ko].map((s) => choseong(s).replace(/\s+/g, '')).filter(Boolean),
      definitionWords: [...definitionWords],
    };
  });
  tables.set(vocabulary, entries);
  return entries;
}

/** The query as the analyzer compares it: its spellings, each with its particle-stripped words. */
export interface AnalyzedSearchText {
  normalized: string;
  /** Consonants of a choseong query without spaces, else null. */
  choseong: string | null;
  /** The query and its other spellings (see `transliterations`), normalised, the query first. */
  variants: string[];
}

export function analyzeSearchText(q: string): AnalyzedSearchText {
  const normalized = normalize(q);
  if (!normalized) return { normalized, choseong: null, variants: [] };
  if (isChoseongQuery(normalized)) return { normalized, choseong: normalized.replace(/\s+/g, ''), variants: [normalized] };
  return { normalized, choseong: null, variants: [normalized, ...transliterations(normalized)] };
}

/** Words of a variant with particles stripped (a bare particle dropped unless it is all there is). */
function stemsOf(variant: string): string[] {
  const words = variant.split(' ').filter(Boolean);
  const stems = words.map((w) => stripParticle(w)).filter(Boolean);
  return stems.length ? stems : words;
}

function rankOne(entry: ConceptEntry, keys: Array<{ key: string; stems: string[]; text: string }>): number {
  let best: number = Infinity;
  for (const { key, stems } of keys) {
    for (const name of entry.names) {
      const n = name.compact;
      if (n.startsWith(key)) return MATCH_RANK.prefix;
      if (key.length >= 2 && n.includes(key)) best = Math.min(best, MATCH_RANK.inside);
      else if (n.length >= 2 && key.includes(n) && best > MATCH_RANK.named) {
        // A Latin name must be whole words of the query (`ai` is not in `said`).
        const whole =
          !name.latin ||
          stems
            .join(' ')
            .split(/[^a-z0-9+#]+/)
            .join(' ')
            .includes(name.words.join(' '));
        if (whole) best = Math.min(best, MATCH_RANK.named);
      }
      if (best > MATCH_RANK.inside && stems.length > 0 && stems.every((s) => name.words.some((w) => w.startsWith(s))))
        best = MATCH_RANK.inside;
      if (best > MATCH_RANK.typo && key.length >= 3) {
        const start = n.slice(0, key.length);
        if (
          withinTypoDistance(key, n) ||
          (n.length > key.length && start.length >= 4 && withinTypoDistance(key, start)) ||
          stems.every((s) => s.length >= 3 && name.words.some((w) => withinTypoDistance(s, w)))
        )
          best = MATCH_RANK.typo;
      }
    }
  }
  return best;
}

function definitionRank(entry: ConceptEntry, stems: string[]): boolean {
  const words = stems.filter((s) => s.length >= 2);
  return words.length > 0 && words.every((s) => entry.definitionWords.some((w) => w.startsWith(s)));
}

/**
 * Concepts a typed query points to, best match first (see `MATCH_RANK`; ties: shorter label, then
 * vocabulary order). The concept picker and suggest call this; an empty query finds nothing.
 */
export function searchConcepts(q: string, vocabulary: Vocabulary, options: ConceptSearchOptions = {}): ConceptQueryMatch[] {
  const analyzed = analyzeSearchText(q.slice(0, 200));
  if (!analyzed.normalized) return [];
  const schemes = options.schemes ? new Set(options.schemes) : null;
  const candidates = entriesOf(vocabulary).filter(
    (e) => (!schemes || schemes.has(e.scheme)) && (options.includeDeprecated || !e.deprecated),
  );
  const found: Array<ConceptQueryMatch & { entry: ConceptEntry }> = [];
  if (analyzed.choseong) {
    const key = analyzed.choseong;
    for (const entry of candidates) {
      const at = Math.min(...entry.choseong.map((c) => c.indexOf(key)).map((i) => (i < 0 ? Infinity : i)));
      if (at < Infinity) found.push({ id: entry.id, scheme: entry.scheme, rank: at === 0 ? MATCH_RANK.prefix : MATCH_RANK.inside, entry });
    }
  } else {
    const keys = analyzed.variants.map((v) => {
      const stems = stemsOf(v);
      return { key: compactKey(stems.join(' ')), stems, text: v };
    });
    for (const k of [...keys]) {
      const raw = compactKey(k.text);
      if (raw !== k.key) keys.push({ key: raw, stems: k.text.split(' '), text: k.text });
    }
    for (const entry of candidates) {
      let rank = rankOne(entry, keys);
      if (rank === Infinity && keys.some((k) => definitionRank(entry, k.stems))) rank = MATCH_RANK.definition;
      if (rank < Infinity) found.push({ id: entry.id, scheme: entry.scheme, rank, entry });
    }
    if (found.length === 0) {
      // A compound the vocabulary does not spell out (이물질 where it says 이물): try its head.
      const heads = keys
        .map((k) => k.key)
        .filter((key) => /^[가-힣]{3,}$/.test(key))
        .map((key) => key.slice(0, -1));
      for (const entry of candidates) {
        const hit = heads.some((h) => entry.names.some((n) => n.compact.includes(h)) || entry.definitionWords.some((w) => w.startsWith(h)));
        if (hit) found.push({ id: entry.id, scheme: entry.scheme, rank: MATCH_RANK.backoff, entry });
      }
    }
  }
  found.sort((a, b) => a.rank - b.rank || a.entry.labelLength - b.entry.labelLength || a.entry.order - b.entry.order);
  const out = found.map(({ id, scheme, rank }) => ({ id, scheme, rank }));
  return options.limit === undefined ? out : out.slice(0, options.limit);
}

/**
 * Concepts a search query names, by label or synonym in Korean or English, spacing-insensitive,
 * particles ignored, one typo tolerated in longer words, in any of its spellings (`오씨알` names
 * OCR): `predictive maintenance`, `예지보전을`, `불량검출`, `predictve maintenance`.
 */
export function conceptsInQuery(q: string, vocabulary: Vocabulary): string[] {
  const ids = new Set<string>();
  const known = nameWordsOf(vocabulary);
  // The query as typed first; its other spellings only when it names nothing (오씨알 → ocr).
  for (const variant of analyzeSearchText(q).variants) {
    if (ids.size > 0) break;
    for (const c of recognizeConcepts(variant, vocabulary, { typos: true })) ids.add(c.id);
    // A misspelt word of a longer name (`tranlsation` of machine translation): a word no name has,
    // within the typo budget (transpositions count one edit) of a word some name has; only the
    // nearest such words count (tranlsation is one swap from translation, more from transaction).
    const misspelt = stemsOf(variant).filter((w) => w.length >= 5 && !known.has(w) && !/[0-9]/.test(w));
    for (const m of misspelt) {
      let best = Infinity;
      let owners: string[] = [];
      for (const entry of entriesOf(vocabulary)) {
        if (entry.deprecated) continue;
        for (const n of entry.names) {
          if (n.words.length < 2) continue;
          for (const w of n.words) {
            if (w.length < 5 || !withinTypoDistance(m, w)) continue;
            const d = editDistance(m, w);
            if (d < best) [best, owners] = [d, [entry.id]];
            else if (d === best && !owners.includes(entry.id)) owners.push(entry.id);
          }
        }
      }
      for (const id of owners) ids.add(id);
    }
  }
  return [...ids].sort();
}

/**
 * The query with acronyms typed as their letter names replaced by the acronym, when a concept name
 * has it as a word (`오씨알 도입` → `ocr 도입`, `알에이지` → `rag`): listings write OCR, never 오씨알.
 * Other words are left as they are. Normalised.
 */
export function canonicalQuery(q: string, vocabulary: Vocabulary): string {
  const known = nameWordsOf(vocabulary);
  return normalize(q)
    .split(' ')
    .map((w) => {
      const letters = lettersOfHangul(stripParticle(w));
      return letters && known.has(letters) ? letters : w;
    })
    .join(' ');
}
