/**
 * The in-process index behind `MemorySearchIndex`: documents get dense ordinals; each term has a
 * posting list of ordinals (typed arrays grown by doubling, or a bitset once the term is common)
 * and, for title/concept/organization terms, a second list carrying the term's ts_rank share;
 * filter values are bitsets. A query is a few ORs/ANDs of bitsets, one pass over the matches into
 * a bounded heap, and popcounts for facets.
 *
 * Semantics are PostgresSearchIndex's, to the float4: strict-then-loose text matching, ts_rank
 * with weights A 1.0 / B 0.5 over title, concepts and organization, +0.5 for a named concept,
 * +0.2 for all words in loose mode, choseong by substring ranked by position, facet counts over
 * the stated concepts of the whole match, deterministic tie-breaks by published time and id.
 *
 * Replaced and deleted documents leave a dead ordinal (cleared `alive` bit) behind; `compact()`
 * renumbers once dead ordinals are a quarter of the total.
 */
import type { ConceptFacet, FacetName, PlannedQuery, SearchFilters, SearchHit, SearchRequest, SearchResult, SortName } from '../../port';
import { andInto, clearBit, count, countAnd, forEachBit, grown, hasBit, orInto, setBit, wordsFor } from './bitset';
import type { IndexRecord } from './records';
import { type TieBreak, TopK } from './top-k';

/**
 * A growable posting list; `rank` (head lists only) holds a code into `MemoryEngine.rankValues`.
 * A list of a term in more than 1/32 of the documents becomes a bitset (`bits`; `ords` is then
 * empty): smaller from there on, and ORed/ANDed 32 documents at a time.
 */
interface Postings {
  ords: Int32Array;
  rank: Uint16Array | null;
  /** Postings added (dead ordinals included until compaction). */
  length: number;
  bits: Uint32Array | null;
}

interface ConceptValue {
  id: string;
  /** Third segment of the id (`urn:aimatch:task:…` → task): the facet it is counted under. */
  facet: string;
  /** Documents that state it (facet counts). */
  stated: Uint32Array;
  /** Documents that state it or a descendant (filters). */
  expanded: Uint32Array;
}

const NO_ORDS = new Int32Array(0);
const list = (rank: boolean): Postings => ({ ords: new Int32Array(4), rank: rank ? new Uint16Array(4) : null, length: 0, bits: null });

function push(p: Postings, ord: number, rank = 0): void {
  if (p.bits) {
    setBit(p.bits, ord);
    p.length++;
    return;
  }
  if (p.length === p.ords.length) {
    p.ords = growTyped(p.ords, p.length * 2);
    if (p.rank) p.rank = growTyped(p.rank, p.length * 2);
  }
  p.ords[p.length] = ord;
  if (p.rank) p.rank[p.length] = rank;
  p.length++;
}

/** PostgreSQL orders tsquery operands by their UTF-8 bytes: ts_rank adds float4 shares in that order. */
const byUtf8 = (a: string, b: string): number => Buffer.compare(Buffer.from(a), Buffer.from(b));

/** What `json_build_object` prints for a real (shortest round-trip decimal), read back as a number. */
export function float4Text(x: number): number {
  for (let p = 1; p < 10; p++) {
    const v = Number(x.toPrecision(p));
    if (Math.fround(v) === x) return v;
  }
  return x;
}

/** Codes of adjacent one-byte jamo (see `oneByte`): pairs and triples index the choseong keys. */
const jamo = (c: number): number => (c < 0x21 || c > 0x7e ? -1 : c - 0x21);
const PAIRS = 94 * 94;
const TRIPLES = 94 * 94 * 94;
function gramCode(s: string, at: number, n: 2 | 3): number {
  let code = 0;
  for (let i = at; i < at + n; i++) {
    const j = jamo(s.charCodeAt(i));
    if (j < 0) return -1;
    code = code * 94 + j;
  }
  return code;
}

export class MemoryEngine {
  /** Ordinals handed out (live and dead). */
  private n = 0;
  private live = 0;
  private capacity = 0;
  private ids: string[] = [];
  private versions: Int32Array = new Int32Array(0);
  /**
   * Sort keys, smaller first: −published µs (newest), amount_min (amount_asc), −amount_max
   * (amount_desc); +Infinity for no amount (NULLS LAST). Also what the amount filter reads.
   */
  private newestKey: Float64Array = new Float64Array(0);
  private ascKey: Float64Array = new Float64Array(0);
  private descKey: Float64Array = new Float64Array(0);
  private byId = new Map<string, number>();
  private alive: Uint32Array = new Uint32Array(0);
  private verified: Uint32Array = new Uint32Array(0);
  /** `kind:DEMAND`, `visibility:PUBLIC`, … */
  private attributes = new Map<string, Uint32Array>();
  private concepts: ConceptValue[] = [];
  private conceptCodes = new Map<string, number>();
  /** Stated concept codes per ordinal: `conceptVals[conceptStart[o] .. conceptStart[o + 1])`. */
  private conceptStart: Int32Array = new Int32Array(1);
  private conceptVals: Int32Array = new Int32Array(1024);
  private terms = new Map<string, { all: Postings; head: Postings | null }>();
  /** Distinct ts_rank shares (a handful: title, concept/organization, both). */
  private rankValues: number[] = [];
  private rankCodes = new Map<number, number>();
  /**
   * Every choseong key as one-byte text (`oneByte`), `\0`-terminated; ordinal o's begins at
   * `choseongStart[o]`. `choseongTriples` lists per three adjacent jamo the documents with the
   * position of its first occurrence (in `rank`), which answers a three-jamo query outright and
   * narrows a longer one; `choseongPairs` (documents only) narrows a two-jamo query.
   */
  private choseongText = '';
  private choseongStart: Int32Array = new Int32Array(1);
  private choseongPairs = new Map<number, Postings>();
  private choseongTriples = new Map<number, Postings>();
  /** Last ordinal that added each pair/triple: one posting per document. */
  private pairSeen = new Int32Array(PAIRS).fill(-1);
  private tripleSeen = new Int32Array(TRIPLES).fill(-1);
  /** Per-query scratch, sized to capacity and reused: no allocation proportional to the corpus per query. */
  private scratch = {
    filter: new Uint32Array(0),
    match: new Uint32Array(0),
    all: new Uint32Array(0),
    boost: new Uint32Array(0),
    tmp: new Uint32Array(0),
    word: new Uint32Array(0),
    wordTmp: new Uint32Array(0),
    score: new Float32Array(0),
    counts: new Int32Array(0),
    planes: [] as Uint32Array[],
  };

  get size(): number {
    return this.live;
  }

  /** Ordinals held by replaced or deleted documents. */
  get dead(): number {
    return this.n - this.live;
  }

  clear(): void {
    Object.assign(this, new MemoryEngine());
  }

  /** Adds or replaces a document; an older version never replaces a newer one (returns false). */
  upsert(rec: IndexRecord): boolean {
    const prev = this.byId.get(rec.id);
    if (prev !== undefined) {
      if (this.versions[prev] > rec.version) return false;
      this.kill(prev);
    }
    this.append(rec);
    return true;
  }

  delete(id: string): boolean {
    const ord = this.byId.get(id);
    if (ord === undefined) return false;
    this.kill(ord);
    this.byId.delete(id);
    return true;
  }

  /** Renumbers when dead ordinals reach a quarter of all (and at least 1,024); empties when none is alive. */
  maybeCompact(): void {
    if (this.live === 0 && this.n > 0) this.clear();
    else if (this.dead >= 1024 && this.dead * 4 >= this.n) this.compact();
  }

  private kill(ord: number): void {
    clearBit(this.alive, ord);
    this.live--;
  }

  private append(rec: IndexRecord): void {
    const ord = this.n++;
    this.ensureCapacity(this.n);
    this.live++;
    this.ids[ord] = rec.id;
    this.byId.set(rec.id, ord);
    this.versions[ord] = rec.version;
    this.newestKey[ord] = -rec.publishedAt;
    this.ascKey[ord] = rec.amountMin ?? Infinity;
    this.descKey[ord] = rec.amountMax === null ? Infinity : -rec.amountMax;
    setBit(this.alive, ord);
    if (rec.verified) setBit(this.verified, ord);
    setBit(this.attribute(`kind:${rec.kind}`), ord);
    setBit(this.attribute(`visibility:${rec.visibility}`), ord);

    let at = this.conceptStart[ord];
    for (const id of new Set(rec.concepts)) {
      const code = this.conceptCode(id);
      setBit(this.concepts[code].stated, ord);
      if (at === this.conceptVals.length) this.conceptVals = growTyped(this.conceptVals, at * 2);
      this.conceptVals[at++] = code;
    }
    this.conceptStart[ord + 1] = at;
    for (const id of rec.conceptsExpanded) setBit(this.concepts[this.conceptCode(id)].expanded, ord);

    const key = oneByte(rec.choseong, 0x01);
    this.choseongText += `${key}\0`;
    this.choseongStart[ord + 1] = this.choseongStart[ord] + key.length + 1;
    for (let i = 0; i + 1 < key.length; i++) {
      const pair = gramCode(key, i, 2);
      if (pair >= 0 && this.pairSeen[pair] !== ord) {
        this.pairSeen[pair] = ord;
        let p = this.choseongPairs.get(pair);
        if (!p) this.choseongPairs.set(pair, (p = list(false)));
        this.pushDense(p, ord);
      }
      const triple = i + 2 < key.length ? gramCode(key, i, 3) : -1;
      if (triple >= 0 && this.tripleSeen[triple] !== ord) {
        this.tripleSeen[triple] = ord;
        let p = this.choseongTriples.get(triple);
        if (!p) this.choseongTriples.set(triple, (p = list(true)));
        push(p, ord, Math.min(i, 0xffff));
      }
    }

    for (const t of rec.terms) this.pushDense(this.term(t).all, ord);
    for (let i = 0; i < rec.headTerms.length; i++) {
      const entry = this.term(rec.headTerms[i]);
      push((entry.head ??= list(true)), ord, this.rankCode(rec.headRank[i]));
    }
  }

  /** Appends to a list that turns into a bitset once that is smaller (more than 1/32 of the capacity). */
  private pushDense(p: Postings, ord: number): void {
    push(p, ord);
    if (!p.bits && p.length >= Math.max(256, this.capacity >>> 5)) {
      p.bits = new Uint32Array(wordsFor(this.capacity));
      for (let i = 0; i < p.length; i++) setBit(p.bits, p.ords[i]);
      p.ords = NO_ORDS;
    }
  }

  /** Lists that may be bitsets (terms and choseong pairs). */
  private *denseable(): Iterable<Postings> {
    for (const entry of this.terms.values()) yield entry.all;
    yield* this.choseongPairs.values();
  }

  private term(t: string): { all: Postings; head: Postings | null } {
    let entry = this.terms.get(t);
    if (!entry) this.terms.set(t, (entry = { all: list(false), head: null }));
    return entry;
  }

  private rankCode(value: number): number {
    let code = this.rankCodes.get(value);
    if (code === undefined) {
      if (this.rankValues.length === 0xffff) throw new Error('too many distinct rank values');
      code = this.rankValues.push(value) - 1;
      this.rankCodes.set(value, code);
    }
    return code;
  }

  private attribute(key: string): Uint32Array {
    let bits = this.attributes.get(key);
    if (!bits) this.attributes.set(key, (bits = new Uint32Array(wordsFor(this.capacity))));
    return bits;
  }

  private conceptCode(id: string): number {
    let code = this.conceptCodes.get(id);
    if (code === undefined) {
      const words = wordsFor(this.capacity);
      code =
        this.concepts.push({ id, facet: id.split(':')[2] ?? '', stated: new Uint32Array(words), expanded: new Uint32Array(words) }) - 1;
      this.conceptCodes.set(id, code);
    }
    return code;
  }

  private ensureCapacity(n: number): void {
    if (n <= this.capacity) return;
    const cap = Math.max(1024, this.capacity * 2, n);
    const words = wordsFor(cap);
    this.versions = growTyped(this.versions, cap);
    this.newestKey = growTyped(this.newestKey, cap);
    this.ascKey = growTyped(this.ascKey, cap);
    this.descKey = growTyped(this.descKey, cap);
    this.conceptStart = growTyped(this.conceptStart, cap + 1);
    this.choseongStart = growTyped(this.choseongStart, cap + 1);
    this.alive = grown(this.alive, words);
    this.verified = grown(this.verified, words);
    for (const [k, bits] of this.attributes) this.attributes.set(k, grown(bits, words));
    for (const c of this.concepts) {
      c.stated = grown(c.stated, words);
      c.expanded = grown(c.expanded, words);
    }
    for (const p of this.denseable()) {
      if (!p.bits) continue;
      if (p.length >= cap >>> 6) p.bits = grown(p.bits, words);
      else {
        // Rare after all: back to a list, the smaller of the two at this capacity.
        const ords = new Int32Array(Math.max(4, p.length));
        let i = 0;
        forEachBit(p.bits, p.bits.length, (o) => (ords[i++] = o));
        Object.assign(p, { ords, length: i, bits: null });
      }
    }
    this.scratch = {
      filter: new Uint32Array(words),
      match: new Uint32Array(words),
      all: new Uint32Array(words),
      boost: new Uint32Array(words),
      tmp: new Uint32Array(words),
      word: new Uint32Array(words),
      wordTmp: new Uint32Array(words),
      score: new Float32Array(cap),
      counts: this.scratch.counts,
      planes: [],
    };
    this.capacity = cap;
  }

  /** Drops dead ordinals: every per-document array, bitset and posting list is renumbered in one pass. */
  compact(): void {
    const remap = new Int32Array(this.n);
    const keep: number[] = [];
    for (let o = 0; o < this.n; o++) remap[o] = hasBit(this.alive, o) ? keep.push(o) - 1 : -1;
    const words = wordsFor(this.capacity);
    const remapBits = (bits: Uint32Array): Uint32Array => {
      const next = new Uint32Array(words);
      for (let i = 0; i < keep.length; i++) if (hasBit(bits, keep[i])) setBit(next, i);
      return next;
    };
    const remapPostings = (p: Postings): void => {
      if (p.bits) {
        p.bits = remapBits(p.bits);
        p.length = count(p.bits, words);
        return;
      }
      let w = 0;
      for (let r = 0; r < p.length; r++) {
        const to = remap[p.ords[r]];
        if (to < 0) continue;
        p.ords[w] = to;
        if (p.rank) p.rank[w] = p.rank[r];
        w++;
      }
      p.length = w;
    };
    this.alive = remapBits(this.alive);
    this.verified = remapBits(this.verified);
    for (const [k, bits] of this.attributes) this.attributes.set(k, remapBits(bits));
    for (const c of this.concepts) {
      c.stated = remapBits(c.stated);
      c.expanded = remapBits(c.expanded);
    }
    for (const [t, entry] of this.terms) {
      remapPostings(entry.all);
      if (entry.head) remapPostings(entry.head);
      if (entry.all.length === 0) this.terms.delete(t);
    }
    for (const p of this.choseongPairs.values()) remapPostings(p);
    for (const p of this.choseongTriples.values()) remapPostings(p);

    const old = {
      ids: this.ids,
      versions: this.versions,
      newest: this.newestKey,
      asc: this.ascKey,
      desc: this.descKey,
      start: this.conceptStart,
      vals: this.conceptVals,
      chStart: this.choseongStart,
      chText: this.choseongText,
    };
    this.ids = keep.map((o) => old.ids[o]);
    this.byId = new Map(this.ids.map((id, i) => [id, i]));
    this.versions = new Int32Array(this.capacity);
    this.newestKey = new Float64Array(this.capacity);
    this.ascKey = new Float64Array(this.capacity);
    this.descKey = new Float64Array(this.capacity);
    this.conceptStart = new Int32Array(this.capacity + 1);
    this.conceptVals = new Int32Array(Math.max(1024, old.start[this.n]));
    this.choseongStart = new Int32Array(this.capacity + 1);
    const keys: string[] = [];
    for (let i = 0; i < keep.length; i++) {
      const o = keep[i];
      this.versions[i] = old.versions[o];
      this.newestKey[i] = old.newest[o];
      this.ascKey[i] = old.asc[o];
      this.descKey[i] = old.desc[o];
      const from = old.start[o];
      const len = old.start[o + 1] - from;
      this.conceptVals.set(old.vals.subarray(from, from + len), this.conceptStart[i]);
      this.conceptStart[i + 1] = this.conceptStart[i] + len;
      keys.push(old.chText.slice(old.chStart[o], old.chStart[o + 1]));
      this.choseongStart[i + 1] = this.choseongStart[i] + keys[i].length;
    }
    this.choseongText = keys.join('');
    this.pairSeen.fill(-1);
    this.tripleSeen.fill(-1);
    this.n = keep.length;
    this.live = keep.length;
  }

  search(r: SearchRequest): Omit<SearchResult, 'tookMs'> {
    const words = wordsFor(this.n);
    const filter = this.filterBits(r.filters, words);
    const q = r.query;
    const need = r.offset + r.limit;
    const scores = this.scratch.score;
    // Candidates (a bitset) and how to score one: 0 (browse), scores[o] (choseong), or the text score.
    let candidates = filter;
    let text: TextScoring | null = null;
    if (q?.choseong) candidates = this.matchChoseong(q.choseong, filter, words);
    else if (q && q.terms.length) ({ candidates, text } = this.matchText(q, filter, words, need, r.filters));

    const checkAmount = r.filters.amountMin !== undefined || r.filters.amountMax !== undefined;
    const [lowest, highest] = amountBounds(r.filters);
    const sortKey =
      r.sort === 'relevance' && q ? null : r.sort === 'amount_asc' ? this.ascKey : r.sort === 'amount_desc' ? this.descKey : this.newestKey;
    const top = new TopK(need, this.tieBreak(r.sort, q !== null));
    let total = 0;
    let best = 0;
    for (let w = 0; w < words; w++) {
      let x = candidates[w];
      while (x !== 0) {
        const low = x & -x;
        x ^= low;
        const ord = (w << 5) + 31 - Math.clz32(low);
        if (checkAmount && !this.overlaps(ord, lowest, highest)) {
          candidates[w] &= ~low;
          continue;
        }
        let score = 0;
        if (text) {
          score = Math.fround(scores[ord] / text.size);
          if (text.boost) score += hasBit(text.boost, ord) ? 0.5 : 0;
          if (text.all) score += hasBit(text.all, ord) ? 0.2 : 0;
          score = Math.fround(score);
        } else if (q) score = scores[ord];
        total++;
        if (score > best) best = score;
        top.push(ord, sortKey ? sortKey[ord] : -score, score);
      }
    }
    text?.reset();
    if (q?.choseong) scores.fill(0, 0, this.n);

    const topText = float4Text(best);
    const hits: SearchHit[] = top
      .sorted()
      .slice(r.offset)
      .map(({ ord, score }) => ({ id: this.ids[ord], score: topText > 0 ? Math.min(1, float4Text(score) / topText) : q ? 1 : 0 }));
    return { hits, facetDistribution: this.facetCounts(r.facets, candidates, words, total), estimatedTotal: total };
  }

  private filterBits(f: SearchFilters, words: number): Uint32Array {
    const bits = this.scratch.filter;
    bits.set(this.alive.subarray(0, words));
    const tmp = this.scratch.tmp;
    const anyOf = (sets: Array<Uint32Array | undefined>) => {
      tmp.fill(0, 0, words);
      for (const s of sets) if (s) orInto(tmp, s, words);
      andInto(bits, tmp, words);
    };
    anyOf(f.visibility.map((v) => this.attributes.get(`visibility:${v}`)));
    if (f.kind) anyOf([this.attributes.get(`kind:${f.kind}`)]);
    if (f.verifiedOnly) andInto(bits, this.verified, words);
    for (const ids of Object.values(f.concepts ?? {})) {
      if (ids?.length) anyOf(ids.map((id) => this.concepts[this.conceptCodes.get(id) ?? -1]?.expanded));
    }
    return bits;
  }

  /**
   * Text: strict first (every word, or a concept the query names in the title/concepts/organization),
   * loose (any term) when strict finds fewer than a page reaches. Accumulates each candidate's
   * ts_rank sum in `scratch.score`; `reset()` clears it.
   */
  private matchText(
    q: PlannedQuery,
    filter: Uint32Array,
    words: number,
    need: number,
    f: SearchFilters,
  ): { candidates: Uint32Array; text: TextScoring } {
    const boostTerms = new Set(q.boostTerms);
    const textTerms = q.terms.filter((t) => !boostTerms.has(t));
    const all = textTerms.length > 1 ? this.allOf(textTerms, words) : null;
    const boost = q.boostTerms.length ? this.headOf(q.boostTerms, words) : null;
    const candidates = this.scratch.tmp;
    let strict = false;
    if (all) {
      for (let w = 0; w < words; w++) candidates[w] = (all[w] | (boost ? boost[w] : 0)) & filter[w];
      strict = this.countInRange(candidates, words, f) >= need;
    }
    if (!strict) {
      candidates.fill(0, 0, words);
      const floor = q.words?.length ? Math.min(q.minWords ?? 1, q.words.length) : 0;
      for (const t of floor > 0 ? q.boostTerms : q.terms) {
        const p = this.terms.get(t)?.all;
        if (p?.bits) orInto(candidates, p.bits, words);
        else if (p) for (let i = 0; i < p.length; i++) setBit(candidates, p.ords[i]);
      }
      if (floor > 0) this.atLeastWords(q.words!, floor, candidates, words);
      andInto(candidates, filter, words);
    }
    const acc = this.scratch.score;
    const ranked = [...q.terms].sort(byUtf8).flatMap((t) => this.terms.get(t)?.head ?? []);
    for (const p of ranked) for (let i = 0; i < p.length; i++) acc[p.ords[i]] += this.rankValues[p.rank![i]];
    const reset = () => {
      for (const p of ranked) for (let i = 0; i < p.length; i++) acc[p.ords[i]] = 0;
    };
    return { candidates, text: { size: q.terms.length, boost, all: strict ? null : all, reset } };
  }

  /**
   * The relevance floor: ORs into `out` the documents that have, in some spelling, every term of
   * at least `floor` of the query's words (see `PlannedQuery.words`).
   */
  private atLeastWords(queryWords: string[][][], floor: number, out: Uint32Array, words: number): void {
    const bits = this.scratch.word;
    const one = this.scratch.wordTmp;
    // Saturating bit-sliced counters: planes[j] holds the documents with at least j + 1 of the words so far.
    const planes = this.countPlanes(floor, words);
    for (const spellings of queryWords) {
      bits.fill(0, 0, words);
      let any = false;
      for (const terms of spellings) {
        const lists = terms.map((t) => this.terms.get(t)?.all);
        if (!lists.every((p): p is Postings => !!p && p.length > 0)) continue;
        one.fill(0, 0, words);
        this.intersectWith(lists, one, words, this.scratch.match);
        orInto(bits, one, words);
        any = true;
      }
      if (!any) continue;
      for (let j = floor - 1; j >= 1; j--) {
        const up = planes[j];
        const below = planes[j - 1];
        for (let w = 0; w < words; w++) up[w] |= below[w] & bits[w];
      }
      orInto(planes[0], bits, words);
    }
    orInto(out, planes[floor - 1], words);
  }

  /** `floor` cleared bitsets of the current size (reused across queries). */
  private countPlanes(floor: number, words: number): Uint32Array[] {
    const planes = this.scratch.planes;
    while (planes.length < floor) planes.push(new Uint32Array(this.scratch.word.length));
    for (let j = 0; j < floor; j++) {
      if (planes[j].length < this.scratch.word.length) planes[j] = new Uint32Array(this.scratch.word.length);
      planes[j].fill(0, 0, words);
    }
    return planes;
  }

  private countInRange(bits: Uint32Array, words: number, f: SearchFilters): number {
    if (f.amountMin === undefined && f.amountMax === undefined) return count(bits, words);
    const [lowest, highest] = amountBounds(f);
    let n = 0;
    forEachBit(bits, words, (o) => this.overlaps(o, lowest, highest) && n++);
    return n;
  }

  /**
   * Whether ordinal o's amount range overlaps the filter's (see `amountBounds`); a document without
   * an amount passes (SQL: amount_max IS NULL OR amount_max >= $min, likewise for the minimum).
   */
  private overlaps(o: number, lowest: number, highest: number): boolean {
    const desc = this.descKey[o];
    const asc = this.ascKey[o];
    return (desc <= lowest || desc === Infinity) && (asc <= highest || asc === Infinity);
  }

  /** Documents with every term (any field), into scratch `all`. */
  private allOf(terms: string[], words: number): Uint32Array {
    const out = this.scratch.all;
    out.fill(0, 0, words);
    const lists = terms.map((t) => this.terms.get(t)?.all);
    if (lists.some((p) => !p)) return out;
    this.intersect(lists as Postings[], out, words);
    return out;
  }

  /** AND of posting lists into `out` (rarest first), using scratch `boost` for lists that are not bitsets. */
  private intersect(lists: Postings[], out: Uint32Array, words: number): void {
    this.intersectWith(lists, out, words, this.scratch.boost);
  }

  private intersectWith(lists: Postings[], out: Uint32Array, words: number, tmp: Uint32Array): void {
    const [first, ...rest] = [...lists].sort((a, b) => a.length - b.length);
    if (first.bits) out.set(first.bits.subarray(0, words));
    else for (let i = 0; i < first.length; i++) setBit(out, first.ords[i]);
    for (const p of rest) {
      if (!p.bits) {
        tmp.fill(0, 0, words);
        for (let i = 0; i < p.length; i++) setBit(tmp, p.ords[i]);
      }
      andInto(out, p.bits ?? tmp, words);
    }
  }

  /** Documents with any of the terms in title, concepts or organization, into scratch `boost`. */
  private headOf(terms: string[], words: number): Uint32Array {
    const out = this.scratch.boost;
    out.fill(0, 0, words);
    for (const t of terms) {
      const p = this.terms.get(t)?.head;
      if (p) for (let i = 0; i < p.length; i++) setBit(out, p.ords[i]);
    }
    return out;
  }

  /**
   * Documents whose choseong key contains `key`, into scratch `match`, with 1 / (1 + position / 20)
   * (earlier is better) in `scratch.score`. Three jamo: the triple's list has the positions; longer
   * keys verify the documents that have all their triples, two jamo those with the pair; one scans.
   */
  private matchChoseong(key: string, filter: Uint32Array, words: number): Uint32Array {
    const match = this.scratch.match;
    match.fill(0, 0, words);
    const needle = oneByte(key, 0x02);
    const { choseongText: text, choseongStart: starts } = this;
    const found = (ord: number, at: number) => {
      setBit(match, ord);
      this.scratch.score[ord] = Math.fround(1 / (1 + (at + 1) / 20));
    };
    const n = needle.length >= 3 ? 3 : 2;
    const codes = new Set<number>();
    for (let i = 0; i + n <= needle.length; i++) codes.add(gramCode(needle, i, n));
    if (codes.size === 0 || codes.has(-1)) {
      for (let at = text.indexOf(needle); at !== -1;) {
        let lo = 0;
        let hi = this.n - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >>> 1;
          if (starts[mid] <= at) lo = mid;
          else hi = mid - 1;
        }
        if (hasBit(filter, lo)) found(lo, at - starts[lo]);
        at = text.indexOf(needle, starts[lo + 1]);
      }
      return match;
    }
    const lists = [...codes].map((c) => (n === 3 ? this.choseongTriples : this.choseongPairs).get(c));
    if (lists.some((p) => !p)) return match;
    if (needle.length === 3) {
      const p = lists[0]!;
      for (let i = 0; i < p.length; i++) if (hasBit(filter, p.ords[i])) found(p.ords[i], p.rank![i]);
      return match;
    }
    const candidates = this.scratch.all;
    candidates.fill(0, 0, words);
    this.intersect(lists as Postings[], candidates, words);
    andInto(candidates, filter, words);
    forEachBit(candidates, words, (ord) => {
      const at = text.slice(starts[ord], starts[ord + 1]).indexOf(needle);
      if (at >= 0) found(ord, at);
    });
    return match;
  }

  /** Order among equal sort keys (ids compare as PostgreSQL compares uuids: lower-case hex). */
  private tieBreak(sort: SortName, hasQuery: boolean): TieBreak {
    const { ids, newestKey } = this;
    const idDesc = (a: number, b: number) => (ids[a] < ids[b] ? 1 : ids[a] > ids[b] ? -1 : 0);
    if (sort === 'amount_asc' || sort === 'amount_desc') return (a, b) => -idDesc(a, b);
    if (sort === 'relevance' && hasQuery) return (a, b) => newestKey[a] - newestKey[b] || idDesc(a, b);
    return idDesc;
  }

  /**
   * Counts over the whole match: per document when the match is small, otherwise a popcount of
   * (match AND value) per concept value, whichever touches fewer words.
   */
  private facetCounts(facets: FacetName[], match: Uint32Array, words: number, total: number): SearchResult['facetDistribution'] {
    const out: SearchResult['facetDistribution'] = {};
    for (const f of facets) out[f] = {};
    const wanted = new Set<string>(facets.filter((f): f is ConceptFacet => f !== 'verified'));
    if (wanted.size) {
      const values = this.concepts.filter((c) => wanted.has(c.facet));
      const perDocument = total * (this.conceptStart[this.n] / Math.max(1, this.n));
      if (perDocument < values.length * words) {
        if (this.scratch.counts.length < this.concepts.length) this.scratch.counts = new Int32Array(this.concepts.length * 2);
        const counts = this.scratch.counts;
        forEachBit(match, words, (ord) => {
          for (let i = this.conceptStart[ord]; i < this.conceptStart[ord + 1]; i++) counts[this.conceptVals[i]]++;
        });
        for (let code = 0; code < this.concepts.length; code++) {
          const c = this.concepts[code];
          if (counts[code] > 0 && wanted.has(c.facet)) out[c.facet as ConceptFacet]![c.id] = counts[code];
          counts[code] = 0;
        }
      } else {
        for (const c of values) {
          const n = countAnd(match, c.stated, words);
          if (n > 0) out[c.facet as ConceptFacet]![c.id] = n;
        }
      }
    }
    if (facets.includes('verified')) {
      const yes = countAnd(match, this.verified, words);
      if (yes > 0) out.verified!.true = yes;
      if (total - yes > 0) out.verified!.false = total - yes;
    }
    return out;
  }
}

/** The amount filter as bounds on the sort keys: −amount_max ≤ −amountMin and amount_min ≤ amountMax. */
function amountBounds(f: SearchFilters): [lowest: number, highest: number] {
  return [f.amountMin === undefined ? Infinity : -f.amountMin, f.amountMax ?? Infinity];
}

interface TextScoring {
  /** Query terms: ts_rank divides the sum by their number. */
  size: number;
  /** +0.5: a named concept in title, concepts or organization. */
  boost: Uint32Array | null;
  /** +0.2 (loose mode only): every word present. */
  all: Uint32Array | null;
  reset: () => void;
}

/**
 * Compatibility jamo (U+3131–U+318E) as '!'…'~', a space as itself, anything else as `other`:
 * one-to-one per character, so positions are unchanged, and V8 searches one-byte text far faster
 * (its two-byte search keys on one byte, and every jamo's high byte is the same 0x31).
 */
function oneByte(s: string, other: number): string {
  const out = Buffer.allocUnsafe(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[i] = c === 0x20 ? 0x20 : c >= 0x3131 && c <= 0x318e ? c - 0x3131 + 0x21 : other;
  }
  return out.toString('latin1');
}

function growTyped<T extends Int32Array | Uint16Array | Float64Array>(a: T, length: number): T {
  const next = new (a.constructor as new (n: number) => T)(length);
  next.set(a);
  return next;
}
