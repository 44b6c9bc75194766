/**
 * Start-up snapshots of the in-process engine: the built postings, bitsets and per-document
 * arrays of a `MemoryEngine` plus the change-feed cursor and the per-id applied sequences of its
 * `MemorySearchIndex`, written to one file so that a restart maps typed arrays back instead of
 * re-reading and re-analysing every `search_documents` row (about 60 s at 100k listings).
 *
 * File: `AIMSNAP` magic and format byte, header length, CRC-32 of everything after the 16-byte
 * prefix, a JSON header (strings and counts), then typed sections in a fixed order — Float64
 * first (8-aligned), then 32-bit, then 16-bit — whose lengths all follow from the header, so a
 * truncated or padded file is refused as well as a flipped bit.
 *
 * The snapshot is keyed by `SNAPSHOT_CODE_VERSION`, a hash of the code that builds what it holds
 * (the engine class, the record derivation, the feed reader): a deploy that changes any of them
 * changes the key and the snapshot is rebuilt from the table. The analysis itself (lexemes,
 * concepts with ancestors) lives in the `search_documents` rows, so an analyzer or vocabulary
 * change reaches a snapshot the way it reaches the table: the reindex writes rows, and the feed
 * carries them. The engine's private fields are read by name; `engineShapeIsKnown` refuses an
 * engine whose fields are not exactly the ones this file knows (a new field would be lost).
 */
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { readChanges } from './change-feed';
import { MemoryEngine } from './memory-engine';
import { parseTsvector, rankContribution, recordFromDocument, recordFromRow } from './records';

export const SNAPSHOT_FORMAT = 1;
const MAGIC = Buffer.from('AIMSNAP\x01', 'latin1');
const PREFIX = 16;

/** Hash of the code whose output a snapshot holds (class and function source text as built). */
export const SNAPSHOT_CODE_VERSION = createHash('sha256')
  .update(String(SNAPSHOT_FORMAT))
  .update(MemoryEngine.toString())
  .update(recordFromRow.toString())
  .update(recordFromDocument.toString())
  .update(parseTsvector.toString())
  .update(rankContribution.toString())
  .update(readChanges.toString())
  .digest('hex')
  .slice(0, 16);

interface Postings {
  ords: Int32Array;
  rank: Uint16Array | null;
  length: number;
  bits: Uint32Array | null;
}
interface ConceptValue {
  id: string;
  facet: string;
  stated: Uint32Array;
  expanded: Uint32Array;
}
/** MemoryEngine's fields, as this file reads and restores them. */
interface EngineState {
  n: number;
  live: number;
  capacity: number;
  ids: string[];
  versions: Int32Array;
  newestKey: Float64Array;
  ascKey: Float64Array;
  descKey: Float64Array;
  byId: Map<string, number>;
  alive: Uint32Array;
  verified: Uint32Array;
  attributes: Map<string, Uint32Array>;
  concepts: ConceptValue[];
  conceptCodes: Map<string, number>;
  conceptStart: Int32Array;
  conceptVals: Int32Array;
  terms: Map<string, { all: Postings; head: Postings | null }>;
  rankValues: number[];
  rankCodes: Map<number, number>;
  choseongText: string;
  choseongStart: Int32Array;
  choseongPairs: Map<number, Postings>;
  choseongTriples: Map<number, Postings>;
  pairSeen: Int32Array;
  tripleSeen: Int32Array;
  scratch: Record<string, Float32Array | Uint32Array | Int32Array | Uint32Array[]>;
}
const KNOWN_FIELDS = [
  'n',
  'live',
  'capacity',
  'ids',
  'versions',
  'newestKey',
  'ascKey',
  'descKey',
  'byId',
  'alive',
  'verified',
  'attributes',
  'concepts',
  'conceptCodes',
  'conceptStart',
  'conceptVals',
  'terms',
  'rankValues',
  'rankCodes',
  'choseongText',
  'choseongStart',
  'choseongPairs',
  'choseongTriples',
  'pairSeen',
  'tripleSeen',
  'scratch',
];

/** True when the engine has exactly the fields a snapshot saves and restores. */
export function engineShapeIsKnown(engine: MemoryEngine = new MemoryEngine()): boolean {
  const keys = Object.keys(engine).sort();
  const known = [...KNOWN_FIELDS].sort();
  return keys.length === known.length && keys.every((k, i) => k === known[i]);
}

/** What a MemorySearchIndex keeps beside its engine. */
export interface FeedPosition {
  cursor: number;
  applied: Map<string, number>;
}

interface Header {
  format: number;
  code: string;
  /** Caller-supplied key (the app's analyzer/vocabulary version): a different one refuses the snapshot. */
  key: string;
  createdAt: number;
  cursor: number;
  n: number;
  live: number;
  capacity: number;
  ids: string[];
  attributes: string[];
  concepts: Array<[string, string]>;
  terms: string[];
  rankValues: number[];
  choseongText: string;
  pairs: number[];
  triples: number[];
  applied: string[];
  /** Bytes of the typed sections (a consistency check before parsing them). */
  bytes: number;
}

export class SnapshotError extends Error {}

const wordsFor = (n: number): number => (n + 31) >>> 5;
const view = <T extends ArrayBufferView>(a: T): Uint8Array => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/**
 * Encodes an engine and its feed position as buffers to write one after another (typed arrays
 * are not copied). Throws SnapshotError for an engine this format cannot represent.
 */
export function encodeSnapshot(engine: MemoryEngine, position: FeedPosition, key: string, now = Date.now()): Uint8Array[] {
  if (!engineShapeIsKnown(engine)) throw new SnapshotError('the engine has fields this snapshot format does not know');
  const s = engine as unknown as EngineState;
  const words = wordsFor(s.capacity);
  const f64: Uint8Array[] = [];
  const i32: Uint8Array[] = [];
  const u32: Uint8Array[] = [];
  const u16: Uint8Array[] = [];
  const bitsOf = (b: Uint32Array): Uint8Array => {
    if (b.length !== words) throw new SnapshotError(`a bitset of ${b.length} words at capacity ${s.capacity}`);
    return view(b);
  };
  f64.push(view(s.newestKey.subarray(0, s.n)), view(s.ascKey.subarray(0, s.n)), view(s.descKey.subarray(0, s.n)));
  const appliedIds = [...position.applied.keys()];
  f64.push(view(Float64Array.from(position.applied.values())));
  i32.push(view(s.versions.subarray(0, s.n)), view(s.conceptStart.subarray(0, s.n + 1)));
  i32.push(view(s.conceptVals.subarray(0, s.conceptStart[s.n])), view(s.choseongStart.subarray(0, s.n + 1)));

  const terms = [...s.terms.keys()];
  const termMeta = new Int32Array(terms.length * 3);
  const lists: Uint8Array[] = [];
  const listOf = (p: Postings, ranked: boolean): void => {
    if (p.bits) {
      if (ranked) throw new SnapshotError('a ranked posting list stored as a bitset');
      lists.push(bitsOf(p.bits));
    } else {
      lists.push(view(p.ords.subarray(0, p.length)));
      if (ranked) {
        if (!p.rank) throw new SnapshotError('a ranked posting list without ranks');
        u16.push(view(p.rank.subarray(0, p.length)));
      }
    }
  };
  terms.forEach((t, i) => {
    const { all, head } = s.terms.get(t)!;
    termMeta[i * 3] = all.length;
    termMeta[i * 3 + 1] = all.bits ? 1 : 0;
    termMeta[i * 3 + 2] = head ? head.length : -1;
    listOf(all, false);
    if (head) listOf(head, true);
  });
  const pairs = [...s.choseongPairs.keys()];
  const pairMeta = new Int32Array(pairs.length * 2);
  pairs.forEach((code, i) => {
    const p = s.choseongPairs.get(code)!;
    pairMeta[i * 2] = p.length;
    pairMeta[i * 2 + 1] = p.bits ? 1 : 0;
    listOf(p, false);
  });
  const triples = [...s.choseongTriples.keys()];
  const tripleMeta = new Int32Array(triples.length);
  triples.forEach((code, i) => {
    const p = s.choseongTriples.get(code)!;
    tripleMeta[i] = p.length;
    listOf(p, true);
  });
  i32.push(view(termMeta), view(pairMeta), view(tripleMeta));
  u32.push(bitsOf(s.alive), bitsOf(s.verified));
  const attributes = [...s.attributes.keys()];
  for (const a of attributes) u32.push(bitsOf(s.attributes.get(a)!));
  for (const c of s.concepts) u32.push(bitsOf(c.stated), bitsOf(c.expanded));

  // (Empty parts left out: node's crc32 returns 0 for an empty view of a zero-length buffer.)
  const body = [...f64, ...i32, ...u32, ...lists, ...u16].filter((b) => b.byteLength > 0);
  const header: Header = {
    format: SNAPSHOT_FORMAT,
    code: SNAPSHOT_CODE_VERSION,
    key,
    createdAt: now,
    cursor: position.cursor,
    n: s.n,
    live: s.live,
    capacity: s.capacity,
    ids: s.ids.slice(0, s.n),
    attributes,
    concepts: s.concepts.map((c) => [c.id, c.facet]),
    terms,
    rankValues: s.rankValues,
    choseongText: s.choseongText,
    pairs,
    triples,
    applied: appliedIds,
    bytes: body.reduce((n, b) => n + b.byteLength, 0),
  };
  const json = Buffer.from(JSON.stringify(header));
  const pad = Buffer.alloc((8 - ((PREFIX + json.length) % 8)) % 8, 0x20);
  const headerBytes = Buffer.concat([json, pad]);
  let crc = crc32(headerBytes);
  for (const b of body) crc = crc32(b, crc);
  const prefix = Buffer.alloc(PREFIX);
  MAGIC.copy(prefix, 0);
  prefix.writeUInt32LE(headerBytes.length, 8);
  prefix.writeUInt32LE(crc >>> 0, 12);
  return [prefix, headerBytes, ...body];
}

/** What `decodeSnapshot` needs to accept a file. */
export interface SnapshotExpectation {
  key: string;
  /** Refuse snapshots older than this (ms); the change feed keeps tombstones for a week. */
  maxAgeMs?: number;
  now?: number;
}

/**
 * Restores `engine` and returns the feed position from a snapshot file's bytes; throws
 * SnapshotError when the file is corrupt, of another format, code or key, or too old.
 */
export function decodeSnapshot(file: Buffer, engine: MemoryEngine, expect: SnapshotExpectation): FeedPosition & { createdAt: number } {
  if (!engineShapeIsKnown(engine)) throw new SnapshotError('the engine has fields this snapshot format does not know');
  if (file.length < PREFIX || !file.subarray(0, 8).equals(MAGIC)) throw new SnapshotError('not a search snapshot');
  const headerLength = file.readUInt32LE(8);
  if (PREFIX + headerLength > file.length) throw new SnapshotError('truncated header');
  if (crc32(file.subarray(PREFIX)) >>> 0 !== file.readUInt32LE(12)) throw new SnapshotError('checksum mismatch');
  let header: Header;
  try {
    header = JSON.parse(file.subarray(PREFIX, PREFIX + headerLength).toString('utf8')) as Header;
  } catch {
    throw new SnapshotError('unreadable header');
  }
  if (header.format !== SNAPSHOT_FORMAT) throw new SnapshotError(`format ${header.format}, expected ${SNAPSHOT_FORMAT}`);
  if (header.code !== SNAPSHOT_CODE_VERSION) throw new SnapshotError('written by other engine code');
  if (header.key !== expect.key) throw new SnapshotError(`key ${header.key}, expected ${expect.key}`);
  const age = (expect.now ?? Date.now()) - header.createdAt;
  if (expect.maxAgeMs !== undefined && age > expect.maxAgeMs) throw new SnapshotError(`older than ${expect.maxAgeMs} ms`);
  if (PREFIX + headerLength + header.bytes !== file.length) throw new SnapshotError('body length mismatch');

  // Typed views into the file's bytes (no copy); the data must be 8-aligned for Float64Array.
  const base = (file.byteOffset + PREFIX + headerLength) % 8 === 0 ? file : Buffer.from(file);
  let at = base.byteOffset + PREFIX + headerLength;
  const end = base.byteOffset + base.length;
  const take = <T>(Type: { new (b: ArrayBufferLike, o: number, l: number): T; BYTES_PER_ELEMENT: number }, length: number): T => {
    const bytes = length * Type.BYTES_PER_ELEMENT;
    if (length < 0 || at + bytes > end) throw new SnapshotError('section past the end');
    const out = new Type(base.buffer, at, length);
    at += bytes;
    return out;
  };
  const { n, capacity } = header;
  const words = wordsFor(capacity);
  if (n > capacity || header.ids.length !== n) throw new SnapshotError('inconsistent counts');
  // Per-document arrays are sized to the capacity, as the engine grows them.
  const sized = <T extends Float64Array | Int32Array>(a: T, length: number, make: (l: number) => T): T => {
    const out = make(length);
    out.set(a);
    return out;
  };
  const newestKey = sized(take(Float64Array, n), capacity, (l) => new Float64Array(l));
  const ascKey = sized(take(Float64Array, n), capacity, (l) => new Float64Array(l));
  const descKey = sized(take(Float64Array, n), capacity, (l) => new Float64Array(l));
  const appliedSeq = take(Float64Array, header.applied.length);
  const versions = sized(take(Int32Array, n), capacity, (l) => new Int32Array(l));
  const conceptStart = sized(take(Int32Array, n + 1), capacity + 1, (l) => new Int32Array(l));
  const vals = take(Int32Array, conceptStart[n]);
  const conceptVals = new Int32Array(Math.max(1024, vals.length));
  conceptVals.set(vals);
  const choseongStart = sized(take(Int32Array, n + 1), capacity + 1, (l) => new Int32Array(l));
  const termMeta = take(Int32Array, header.terms.length * 3);
  const pairMeta = take(Int32Array, header.pairs.length * 2);
  const tripleMeta = take(Int32Array, header.triples.length);
  const alive = take(Uint32Array, words);
  const verified = take(Uint32Array, words);
  const attributes = new Map(header.attributes.map((a) => [a, take(Uint32Array, words)] as const));
  const concepts: ConceptValue[] = header.concepts.map(([id, facet]) => ({
    id,
    facet,
    stated: take(Uint32Array, words),
    expanded: take(Uint32Array, words),
  }));
  // Lists: 32-bit parts in order, then every ranked list's ranks.
  const ranked: Postings[] = [];
  const list = (length: number, bits: boolean, isRanked: boolean): Postings => {
    if (bits) return { ords: new Int32Array(0), rank: null, length, bits: take(Uint32Array, words) };
    const p: Postings = { ords: take(Int32Array, length), rank: null, length, bits: null };
    if (isRanked) ranked.push(p);
    return p;
  };
  const terms = new Map<string, { all: Postings; head: Postings | null }>();
  header.terms.forEach((t, i) => {
    const all = list(termMeta[i * 3], termMeta[i * 3 + 1] === 1, false);
    const head = termMeta[i * 3 + 2] >= 0 ? list(termMeta[i * 3 + 2], false, true) : null;
    terms.set(t, { all, head });
  });
  const choseongPairs = new Map(header.pairs.map((code, i) => [code, list(pairMeta[i * 2], pairMeta[i * 2 + 1] === 1, false)] as const));
  const choseongTriples = new Map(header.triples.map((code, i) => [code, list(tripleMeta[i], false, true)] as const));
  for (const p of ranked) p.rank = take(Uint16Array, p.length);
  if (at !== end) throw new SnapshotError('sections do not fill the body');
  // A list at its exact length grows on its next posting (growth doubles; an empty one starts at 4).
  for (const p of [...ranked, ...[...terms.values()].map((e) => e.all), ...choseongPairs.values()]) {
    if (!p.bits && p.ords.length === 0) {
      p.ords = new Int32Array(4);
      if (p.rank) p.rank = new Uint16Array(4);
    }
  }

  const byId = new Map<string, number>();
  for (let o = 0; o < n; o++) if ((alive[o >>> 5] & (1 << (o & 31))) !== 0) byId.set(header.ids[o], o);
  if (byId.size !== header.live) throw new SnapshotError('live count mismatch');
  const fresh = new MemoryEngine() as unknown as EngineState;
  const state: EngineState = {
    ...fresh,
    n,
    live: header.live,
    capacity,
    ids: header.ids,
    versions,
    newestKey,
    ascKey,
    descKey,
    byId,
    alive,
    verified,
    attributes,
    concepts,
    conceptCodes: new Map(concepts.map((c, i) => [c.id, i])),
    conceptStart,
    conceptVals,
    terms,
    rankValues: header.rankValues,
    rankCodes: new Map(header.rankValues.map((v, i) => [v, i])),
    choseongText: header.choseongText,
    choseongStart,
    choseongPairs,
    choseongTriples,
    scratch: {
      filter: new Uint32Array(words),
      match: new Uint32Array(words),
      all: new Uint32Array(words),
      boost: new Uint32Array(words),
      tmp: new Uint32Array(words),
      word: new Uint32Array(words),
      wordTmp: new Uint32Array(words),
      score: new Float32Array(capacity),
      counts: fresh.scratch.counts,
      planes: [],
    },
  };
  Object.assign(engine, state);
  return {
    cursor: header.cursor,
    applied: new Map(header.applied.map((id, i) => [id, appliedSeq[i]])),
    createdAt: header.createdAt,
  };
}
