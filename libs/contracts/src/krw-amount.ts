/**
 * KRW amounts as Koreans type them: "1억5천", "1억 5천만", "8천만", "1,200만원", "3.5억",
 * "150000000". Shared by the web (every KRW input) and whoever else reads typed amounts; pure,
 * framework-free and browser-safe (it lives in contracts because that is the one library the web
 * bundle may import).
 *
 * Rules:
 * - spaces anywhere are ignored; one "원" may end the text and one "₩" may start it;
 * - digits may carry thousands separators, which must then group by three ("1,200", not "1,20");
 * - big units 조 > 억 > 만 must come in descending order, each at most once ("1억억", "1만1억" are refused);
 * - small units 천 > 백 > 십 inside a group, also descending ("5천3백만" = 5,300만);
 * - a unit with no number before it counts once ("천만원" = 10,000,000, "만원" = 10,000) — only at the start;
 * - a trailing group written with small units after 억 or 조 means the next lower big unit, as said aloud:
 *   "1억5천" = 1억 5천만, "1조2천" = 1조 2천억; after 만 it is plain ("1만5천" = 15,000); bare trailing
 *   digits are plain ("1억 5000" = 100,005,000 — the echo shows the user what was understood);
 * - decimals scale their unit ("3.5억" = 350,000,000) and must come out in whole won.
 */
export type KrwParseProblem = 'invalid' | 'negative' | 'fraction' | 'too-large';

/** The default upper bound: Number's largest safe integer (about 9,007조). */
export const KRW_PARSE_MAX = 9_007_199_254_740_991;

const MAN = 10_000n;
const EOK = 100_000_000n;
const JO = 1_000_000_000_000n;
const BIG_UNITS: ReadonlyMap<string, bigint> = new Map([
  ['만', MAN],
  ['억', EOK],
  ['조', JO],
]);
const SMALL_UNITS: ReadonlyMap<string, bigint> = new Map([
  ['천', 1000n],
  ['백', 100n],
  ['십', 10n],
]);
/** Fixed-point scale for decimals ("3.5억"): at most six decimal places. */
const SCALE = 1_000_000n;
const FRACTION_DIGITS = 6;
const TOKEN = /(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)|([천백십])|([만억조])|([\s\S])/gu;

function scaled(number: string): bigint | null {
  const [whole = '', fraction = ''] = number.replace(/,/g, '').split('.');
  if (fraction.length > FRACTION_DIGITS) return null;
  return BigInt(whole) * SCALE + BigInt(fraction.padEnd(FRACTION_DIGITS, '0') || '0');
}

function nextLowerBig(unit: bigint): bigint {
  return unit === JO ? EOK : unit === EOK ? MAN : 1n;
}

/**
 * Reads a typed KRW amount. '' (or only spaces) → null; a whole number of won → that number;
 * otherwise why it cannot be read.
 */
export function parseKrw(text: string, options: { max?: number } = {}): number | null | KrwParseProblem {
  const max = options.max ?? KRW_PARSE_MAX;
  let compact = text.replace(/\s+/g, '');
  if (compact === '') return null;
  if (/^[-−]/.test(compact)) return /\d/.test(compact) ? 'negative' : 'invalid';
  compact = compact.replace(/^₩/, '').replace(/원$/, '');
  if (compact === '') return 'invalid';

  let total = 0n; // scaled
  let group = 0n; // scaled, the group before the next big unit
  let pending: bigint | null = null; // scaled number not yet given a unit
  let lastBig: bigint | null = null;
  let lastSmall: bigint | null = null;
  let sawAnything = false;

  for (const match of compact.matchAll(TOKEN)) {
    const [, number, small, big] = match;
    if (number !== undefined) {
      if (pending !== null) return 'invalid';
      pending = scaled(number);
      if (pending === null) return 'fraction';
    } else if (small !== undefined) {
      const unit = SMALL_UNITS.get(small);
      if (unit === undefined) return 'invalid';
      if (lastSmall !== null && unit >= lastSmall) return 'invalid';
      group += (pending ?? SCALE) * unit;
      pending = null;
      lastSmall = unit;
    } else if (big !== undefined) {
      const unit = BIG_UNITS.get(big);
      if (unit === undefined) return 'invalid';
      if (lastBig !== null && unit >= lastBig) return 'invalid';
      const groupEmpty = pending === null && lastSmall === null;
      if (groupEmpty && sawAnything) return 'invalid'; // "1억만"
      const value = groupEmpty ? SCALE : group + (pending ?? 0n);
      total += value * unit;
      lastBig = unit;
      group = 0n;
      pending = null;
      lastSmall = null;
    } else {
      return 'invalid';
    }
    sawAnything = true;
  }

  if (lastSmall !== null) {
    // A trailing group said with 천/백/십: after 억/조 it counts in the next lower big unit.
    const value = group + (pending ?? 0n);
    total += lastBig !== null ? value * nextLowerBig(lastBig) : value;
  } else if (pending !== null) {
    total += pending;
  }

  if (total % SCALE !== 0n) return 'fraction';
  const won = total / SCALE;
  if (won > BigInt(max)) return 'too-large';
  return Number(won);
}
