/**
 * Meilisearch filter expressions from `SearchFilters` (pure).
 *
 * The result is an array of conditions, which Meilisearch combines with AND. Every string value
 * is double-quoted with `\` and `"` escaped, so no value can end its quotes and add operators:
 * `" OR status = DRAFT` stays one literal value. Meilisearch's filter parser first turns `\"` into
 * `"` inside double quotes and then unescapes `\\` into `\` (since v1.4), which is exactly the
 * inverse of `quoteFilterValue`.
 */
import { CONCEPT_FACETS, type SearchFilters, SearchInputError } from '../../port';

/** Choseong keys longer than this are stored and matched by their first CHOSEONG_KEY_MAX consonants. */
export const CHOSEONG_KEY_MAX = 64;

/** A string as a double-quoted filter value. */
export function quoteFilterValue(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** A finite number as a filter value, in plain decimal notation (no exponent). */
export function filterNumber(value: number, path: string): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new SearchInputError(path, 'finite');
  if (Math.abs(value) >= 1e21) throw new SearchInputError(path, 'range', { max: 1e21 });
  const s = String(value);
  // Numbers below 1e-6 print with an exponent: amounts in KRW never need that precision.
  return s.includes('e') ? value.toFixed(6) : s;
}

const inList = (attribute: string, values: string[]) => `${attribute} IN [${values.map(quoteFilterValue).join(', ')}]`;

/**
 * The conditions for `filters` (and a choseong key), or `null` when no document can match
 * (no visibility allowed), so that the caller need not ask the engine.
 * - visibility: `visibility IN [...]`;
 * - kind, verified: equality;
 * - concepts: per facet `conceptsX IN [...]` (the listing's concepts with ancestors), facets ANDed;
 * - amount range overlap: `(amountMax IS NULL OR amountMax >= min)`, `(amountMin IS NULL OR amountMin <= max)`
 *   (documents always carry both fields, `null` when open);
 * - choseong: `choseongKeys STARTS WITH "ㅂㄹㄱㅊ"`, a substring match on the choseong key because
 *   `choseongKeys` holds every suffix of its runs.
 */
export function meilisearchFilter(filters: SearchFilters, choseong: string | null = null): string[] | null {
  const visibility = [...new Set(filters.visibility ?? [])];
  if (visibility.length === 0) return null;
  const out: string[] = [inList('visibility', visibility)];
  if (filters.kind !== undefined) out.push(`kind = ${quoteFilterValue(filters.kind)}`);
  if (filters.verifiedOnly) out.push('verified = true');
  const concepts = filters.concepts ?? {};
  const facets = [...CONCEPT_FACETS, ...Object.keys(concepts).filter((k) => !(CONCEPT_FACETS as readonly string[]).includes(k))];
  for (const facet of facets) {
    const ids = (concepts as Record<string, string[] | undefined>)[facet];
    if (ids?.length) out.push(inList('conceptsX', [...new Set(ids)]));
  }
  if (filters.amountMin !== undefined)
    out.push(`(amountMax IS NULL OR amountMax >= ${filterNumber(filters.amountMin, 'filters.amountMin')})`);
  if (filters.amountMax !== undefined)
    out.push(`(amountMin IS NULL OR amountMin <= ${filterNumber(filters.amountMax, 'filters.amountMax')})`);
  if (choseong) out.push(`choseongKeys STARTS WITH ${quoteFilterValue(choseong.slice(0, CHOSEONG_KEY_MAX))}`);
  return out;
}
