import { describe, expect, it } from '@jest/globals';
import { toMeiliDocument } from '../adapters/meilisearch/documents';
import { CHOSEONG_KEY_MAX, filterNumber, meilisearchFilter, quoteFilterValue } from '../adapters/meilisearch/filters';
import type { MeiliDocument } from '../adapters/meilisearch/types';
import { loadShippedVocabulary, sampleListing } from '../contract/search-index.contract';
import { buildSearchDocument } from '../document';
import { type SearchFilters, SearchInputError } from '../port';

/**
 * A model of Meilisearch's filter parser (crates/filter-parser, v1.4+) for the expressions this
 * adapter writes: conditions `attr IN [..]`, `attr = v`, `attr >= n`, `attr <= n`, `attr IS NULL`,
 * `attr STARTS WITH v`, joined by OR inside parentheses. Double-quoted values are read as the
 * engine reads them: scan to the first unescaped `"` (a `\` always takes the next character), if
 * an escaped quote was seen replace every `\"` with `"`, then unescape `\\` (and the other escape
 * sequences; an unknown one is an error).
 */
function readQuoted(s: string, at: number): { value: string; end: number } {
  let escaped = false;
  for (let i = at; i < s.length; i++) {
    const c = s[i];
    if (c === '"') {
      let raw = s.slice(at, i);
      if (escaped) raw = raw.split('\\"').join('"');
      return { value: unescapeSequences(raw), end: i + 1 };
    }
    if (c === '\\') {
      if (i + 1 >= s.length) throw new Error('malformed value');
      escaped ||= s[i + 1] === '"';
      i++;
    }
  }
  throw new Error('missing closing "');
}

function unescapeSequences(raw: string): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] !== '\\') {
      out += raw[i];
      continue;
    }
    const n = raw[++i];
    const map: Record<string, string> = { '\\': '\\', '"': '"', "'": "'", n: '\n', t: '\t', r: '\r', '/': '/' };
    if (!(n in map)) throw new Error(`invalid escape \\${n}`);
    out += map[n];
  }
  return out;
}

type Value = { kind: 'string'; v: string } | { kind: 'word'; v: string };
type Node =
  | { op: 'or'; items: Node[] }
  | { op: 'in'; attr: string; values: Value[] }
  | { op: '=' | '>=' | '<='; attr: string; value: Value }
  | { op: 'null'; attr: string }
  | { op: 'starts'; attr: string; value: Value };

/** Parses one condition string completely (throws on anything left over). */
function parseCondition(s: string): Node {
  let i = 0;
  const ws = () => {
    while (i < s.length && /\s/.test(s[i])) i++;
  };
  const word = () => {
    ws();
    const m = /^[\p{L}\p{N}_.-]+/u.exec(s.slice(i));
    if (!m) throw new Error(`word expected at ${i}: ${s.slice(i)}`);
    i += m[0].length;
    return m[0];
  };
  const value = (): Value => {
    ws();
    if (s[i] === '"') {
      const q = readQuoted(s, i + 1);
      i = q.end;
      return { kind: 'string', v: q.value };
    }
    return { kind: 'word', v: word() };
  };
  const expect = (t: string) => {
    ws();
    if (!s.startsWith(t, i)) throw new Error(`"${t}" expected at ${i}: ${s.slice(i)}`);
    i += t.length;
  };
  const condition = (): Node => {
    ws();
    if (s[i] === '(') {
      i++;
      const items = [condition()];
      for (;;) {
        ws();
        if (s[i] === ')') break;
        expect('OR');
        items.push(condition());
      }
      i++;
      return { op: 'or', items };
    }
    const attr = word();
    ws();
    for (const op of ['>=', '<=', '='] as const) {
      if (s.startsWith(op, i)) {
        i += op.length;
        return { op, attr, value: value() };
      }
    }
    const kw = word();
    if (kw === 'IN') {
      expect('[');
      const values: Value[] = [];
      ws();
      while (s[i] !== ']') {
        values.push(value());
        ws();
        if (s[i] === ',') i++;
        ws();
      }
      i++;
      return { op: 'in', attr, values };
    }
    if (kw === 'IS') {
      expect('NULL');
      return { op: 'null', attr };
    }
    if (kw === 'STARTS') {
      expect('WITH');
      return { op: 'starts', attr, value: value() };
    }
    throw new Error(`unknown operator ${kw}`);
  };
  const node = condition();
  ws();
  if (i !== s.length) throw new Error(`left over: ${s.slice(i)}`);
  return node;
}

/** Facet values compare NFKD-normalised and lower-cased (milli's normalize_facet). */
const facet = (v: unknown) => String(v).trim().normalize('NFKD').toLowerCase();

function evaluate(node: Node, doc: MeiliDocument): boolean {
  const field = (attr: string) => (doc as unknown as Record<string, unknown>)[attr];
  const values = (attr: string) => {
    const v = field(attr);
    return Array.isArray(v) ? v : v === null || v === undefined ? [] : [v];
  };
  switch (node.op) {
    case 'or':
      return node.items.some((n) => evaluate(n, doc));
    case 'in':
      return values(node.attr).some((v) => node.values.some((x) => facet(v) === facet(x.v)));
    case '=':
      return values(node.attr).some((v) => facet(v) === facet(node.value.v));
    case '>=':
      return values(node.attr).some((v) => typeof v === 'number' && v >= Number(node.value.v));
    case '<=':
      return values(node.attr).some((v) => typeof v === 'number' && v <= Number(node.value.v));
    case 'null':
      return node.attr in doc && field(node.attr) === null;
    case 'starts':
      return values(node.attr).some((v) => facet(v).startsWith(facet(node.value.v)));
  }
}

const matches = (filter: string[] | null, doc: MeiliDocument) => filter !== null && filter.every((c) => evaluate(parseCondition(c), doc));

describe('quoteFilterValue', () => {
  it.each([
    ['plain', '"plain"'],
    ['', '""'],
    ['urn:aimatch:task:visual-inspection', '"urn:aimatch:task:visual-inspection"'],
    ['say "hi"', '"say \\"hi\\""'],
    ['back\\slash', '"back\\\\slash"'],
    ['ends with \\', '"ends with \\\\"'],
    ['\\"', '"\\\\\\""'],
  ])('%p → %p', (value, quoted) => {
    expect(quoteFilterValue(value)).toBe(quoted);
  });

  it.each([
    'plain',
    '',
    '" OR status = DRAFT',
    '"; DROP TABLE search_documents; --',
    '\\" OR 1=1 OR visibility = "VERIFIED_SUPPLIERS',
    'PUBLIC"] OR visibility IN ["VERIFIED_SUPPLIERS',
    '\\',
    '\\\\',
    '\\"',
    'a\\"b\\\\"c',
    "it's",
    '\\n is not a newline',
    '\\u0041',
    ') OR (kind = "DEMAND"',
    '한국어 "따옴표" 값',
    'ㅂㄹㄱㅊ',
    '\n\t',
  ])('%p parses back to itself as one value', (value) => {
    const quoted = quoteFilterValue(value);
    const read = readQuoted(quoted, 1);
    expect(read.value).toBe(value);
    expect(read.end).toBe(quoted.length);
    const node = parseCondition(`kind = ${quoted}`);
    expect(node).toEqual({ op: '=', attr: 'kind', value: { kind: 'string', v: value } });
  });
});

describe('filterNumber', () => {
  it.each([
    [0, '0'],
    [100_000_000, '100000000'],
    [-5, '-5'],
    [1.5, '1.5'],
    [1e20, '100000000000000000000'],
    [1e-7, '0.000000'],
  ])('%p → %p', (n, s) => {
    expect(filterNumber(n, 'x')).toBe(s);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1e21, '5' as unknown as number])('rejects %p', (n) => {
    expect(() => filterNumber(n, 'filters.amountMin')).toThrow(SearchInputError);
  });
});

describe('meilisearchFilter', () => {
  const base: SearchFilters = { visibility: ['PUBLIC'] };

  it.each<[string, SearchFilters, string | null, string[] | null]>([
    ['visibility only', base, null, ['visibility IN ["PUBLIC"]']],
    ['no visibility allowed: nothing can match', { visibility: [] }, null, null],
    [
      'both visibilities, deduplicated',
      { visibility: ['PUBLIC', 'VERIFIED_SUPPLIERS', 'PUBLIC'] },
      null,
      ['visibility IN ["PUBLIC", "VERIFIED_SUPPLIERS"]'],
    ],
    ['kind', { ...base, kind: 'DEMAND' }, null, ['visibility IN ["PUBLIC"]', 'kind = "DEMAND"']],
    ['verified only', { ...base, verifiedOnly: true }, null, ['visibility IN ["PUBLIC"]', 'verified = true']],
    ['verifiedOnly false adds nothing', { ...base, verifiedOnly: false }, null, ['visibility IN ["PUBLIC"]']],
    [
      'one concept facet',
      { ...base, concepts: { task: ['urn:aimatch:task:computer-vision'] } },
      null,
      ['visibility IN ["PUBLIC"]', 'conceptsX IN ["urn:aimatch:task:computer-vision"]'],
    ],
    [
      'values within a facet OR, facets AND (in facet order), duplicates and empty facets dropped',
      {
        ...base,
        concepts: {
          region: ['urn:aimatch:region:seoul', 'urn:aimatch:region:busan', 'urn:aimatch:region:seoul'],
          task: ['urn:aimatch:task:chatbot'],
          industry: [],
        },
      },
      null,
      [
        'visibility IN ["PUBLIC"]',
        'conceptsX IN ["urn:aimatch:task:chatbot"]',
        'conceptsX IN ["urn:aimatch:region:seoul", "urn:aimatch:region:busan"]',
      ],
    ],
    [
      'amount from',
      { ...base, amountMin: 100_000_000 },
      null,
      ['visibility IN ["PUBLIC"]', '(amountMax IS NULL OR amountMax >= 100000000)'],
    ],
    ['amount to', { ...base, amountMax: 180_000_000 }, null, ['visibility IN ["PUBLIC"]', '(amountMin IS NULL OR amountMin <= 180000000)']],
    [
      'amount 0 is a bound, not absent',
      { ...base, amountMin: 0, amountMax: 0 },
      null,
      ['visibility IN ["PUBLIC"]', '(amountMax IS NULL OR amountMax >= 0)', '(amountMin IS NULL OR amountMin <= 0)'],
    ],
    ['choseong', base, 'ㅂㄹㄱㅊ', ['visibility IN ["PUBLIC"]', 'choseongKeys STARTS WITH "ㅂㄹㄱㅊ"']],
    [
      'an over-long choseong key is cut',
      base,
      'ㄱ'.repeat(CHOSEONG_KEY_MAX + 10),
      ['visibility IN ["PUBLIC"]', `choseongKeys STARTS WITH "${'ㄱ'.repeat(CHOSEONG_KEY_MAX)}"`],
    ],
  ])('%s', (_name, filters, choseong, expected) => {
    const filter = meilisearchFilter(filters, choseong);
    expect(filter).toEqual(expected);
    for (const condition of filter ?? []) expect(() => parseCondition(condition)).not.toThrow();
  });

  it('covers every concept facet', () => {
    const concepts = {
      task: ['t'],
      industry: ['i'],
      region: ['r'],
      deployment: ['d'],
      integration: ['g'],
      modality: ['m'],
      certification: ['c'],
    };
    expect(meilisearchFilter({ ...base, concepts })).toEqual([
      'visibility IN ["PUBLIC"]',
      ...['t', 'i', 'r', 'd', 'g', 'm', 'c'].map((v) => `conceptsX IN ["${v}"]`),
    ]);
  });

  it.each([
    `" OR status = DRAFT`,
    `PUBLIC" OR visibility = "VERIFIED_SUPPLIERS`,
    `\\" OR visibility = \\"VERIFIED_SUPPLIERS`,
    `x"] OR visibility IN ["VERIFIED_SUPPLIERS`,
    `") OR (verified = false`,
  ])('keeps the injection attempt %p one literal value in every position', (evil) => {
    const filter = meilisearchFilter(
      {
        visibility: [evil as 'PUBLIC'],
        kind: evil as 'DEMAND',
        concepts: { task: [evil], region: ['urn:aimatch:region:seoul', evil] },
      },
      evil,
    )!;
    expect(filter.map(parseCondition)).toEqual([
      { op: 'in', attr: 'visibility', values: [{ kind: 'string', v: evil }] },
      { op: '=', attr: 'kind', value: { kind: 'string', v: evil } },
      { op: 'in', attr: 'conceptsX', values: [{ kind: 'string', v: evil }] },
      {
        op: 'in',
        attr: 'conceptsX',
        values: [
          { kind: 'string', v: 'urn:aimatch:region:seoul' },
          { kind: 'string', v: evil },
        ],
      },
      { op: 'starts', attr: 'choseongKeys', value: { kind: 'string', v: evil } },
    ]);
  });

  it('rejects amounts that are not finite numbers', () => {
    expect(() => meilisearchFilter({ ...base, amountMin: Number.NaN })).toThrow(SearchInputError);
    expect(() => meilisearchFilter({ ...base, amountMax: Number.POSITIVE_INFINITY })).toThrow(SearchInputError);
  });
});

describe('meilisearchFilter on stored documents (the contract’s cases, evaluated with the parser model)', () => {
  const vocabulary = loadShippedVocabulary();
  const vision = sampleListing({
    title: '스마트 공장 불량 검출 비전 시스템',
    tasks: ['urn:aimatch:task:visual-inspection'],
    amount: [50_000_000, 150_000_000],
    certifications: ['urn:aimatch:certification:innobiz'],
  });
  const maintenance = sampleListing({
    title: '설비 예지보전 솔루션',
    tasks: ['urn:aimatch:task:predictive-maintenance'],
    amount: [200_000_000, 400_000_000],
    verified: false,
    region: 'urn:aimatch:region:busan',
  });
  const chatbot = sampleListing({
    title: 'Korean customer service chatbot',
    tasks: ['urn:aimatch:task:chatbot'],
    amount: [10_000_000, 30_000_000],
  });
  const restricted = sampleListing({
    kind: 'DEMAND',
    title: '비공개 불량 검출 수요',
    tasks: ['urn:aimatch:task:visual-inspection'],
    visibility: 'VERIFIED_SUPPLIERS',
  });
  const demand = sampleListing({
    kind: 'DEMAND',
    title: '떡 공장 이물질 선별',
    tasks: ['urn:aimatch:task:visual-inspection'],
    region: 'urn:aimatch:region:chungbuk',
  });
  const open = sampleListing({ title: '가격 협의 솔루션', amount: [null, null] });
  const docs = [vision, maintenance, chatbot, restricted, demand, open].map((l) => ({
    listing: l,
    doc: toMeiliDocument(buildSearchDocument(l, vocabulary)),
  }));
  const ids = (filters: SearchFilters, choseong: string | null = null) => {
    const f = meilisearchFilter(filters, choseong);
    return docs
      .filter((d) => matches(f, d.doc))
      .map((d) => d.listing.id)
      .sort();
  };
  const sorted = (...ls: Array<{ id: string }>) => ls.map((l) => l.id).sort();

  it('hides what the caller may not see', () => {
    expect(ids({ visibility: ['PUBLIC'] })).not.toContain(restricted.id);
    expect(ids({ visibility: ['PUBLIC', 'VERIFIED_SUPPLIERS'] })).toContain(restricted.id);
  });

  it('finds descendants of a concept', () => {
    expect(ids({ visibility: ['PUBLIC'], concepts: { task: ['urn:aimatch:task:computer-vision'] } })).toEqual(sorted(vision, demand));
  });

  it('filters by kind, verified organization and amount range overlap (open ranges overlap everything)', () => {
    expect(ids({ visibility: ['PUBLIC'], kind: 'DEMAND' })).toEqual(sorted(demand));
    expect(ids({ visibility: ['PUBLIC'], kind: 'SUPPLY', verifiedOnly: true })).toEqual(sorted(vision, chatbot, open));
    expect(ids({ visibility: ['PUBLIC'], kind: 'SUPPLY', amountMin: 100_000_000, amountMax: 180_000_000 })).toEqual(sorted(vision, open));
  });

  it('ANDs concept facets', () => {
    expect(
      ids({ visibility: ['PUBLIC'], concepts: { task: ['urn:aimatch:task:computer-vision'], region: ['urn:aimatch:region:chungbuk'] } }),
    ).toEqual(sorted(demand));
  });

  it('matches a choseong key anywhere inside a run, not across runs', () => {
    expect(ids({ visibility: ['PUBLIC'] }, 'ㅇㅈㅂㅈ')).toEqual(sorted(maintenance));
    expect(ids({ visibility: ['PUBLIC'] }, 'ㅂㄹㄱㅊ')).toContain(vision.id);
    expect(ids({ visibility: ['PUBLIC'] }, 'ㅅㅁㅌㄱㅈ')).toEqual(sorted(vision));
    expect(ids({ visibility: ['PUBLIC'] }, 'ㄱㅊㅂㅈ')).toEqual(sorted(vision)); // 검출 비전: inside the title's run
    expect(ids({ visibility: ['PUBLIC'] }, 'ㅎㅎㅎㅎ')).toEqual([]);
  });
});
