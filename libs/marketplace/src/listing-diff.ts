import { type ListingContent, SUBMODEL_TEMPLATES, type SubmodelTemplate } from '@aimatch/capability-model';

/** One changed element between the published version of a listing and its current content. */
export interface ListingContentChange {
  /**
   * The element path, as validation errors and staff's request-changes comments name it:
   * `title`, `AIRequirement.tasks`, `CommercialTerms.minAmountKrw`, `referenceCases[0].title`.
   */
  path: string;
  /** The element's label from its submodel template, when it has one. */
  label: { ko: string; en: string } | null;
  /** The value shown as text (strings as they are, everything else as JSON); null when absent. */
  before: string | null;
  after: string | null;
}

const LISTING_INFORMATION = SUBMODEL_TEMPLATES.find((t) => t.idShort === 'ListingInformation');

/**
 * What changed from `before` (the last published content) to `after` (the listing now), element
 * by element, in a stable order (top-level fields, then each submodel's elements, sorted by path).
 * Submodel contents are compared per element at the submodel's idShort; lists of records at the
 * top level (reference cases) per item and field; everything else as one value. Pure.
 */
export function diffListingContent(before: ListingContent, after: ListingContent): ListingContentChange[] {
  const b = before as unknown as Record<string, unknown>;
  const a = after as unknown as Record<string, unknown>;
  const changes: ListingContentChange[] = [];
  for (const key of unionKeys(b, a)) {
    if (key === 'kind') continue;
    const template = SUBMODEL_TEMPLATES.find((t) => t.contentKey === key);
    if (template) {
      const sb = asRecord(b[key]);
      const sa = asRecord(a[key]);
      for (const element of unionKeys(sb, sa))
        push(changes, `${template.idShort}.${element}`, labelOf(template, element), sb[element], sa[element]);
    } else if (isRecordList(b[key]) || isRecordList(a[key])) {
      const lb = (Array.isArray(b[key]) ? b[key] : []) as unknown[];
      const la = (Array.isArray(a[key]) ? a[key] : []) as unknown[];
      for (let i = 0; i < Math.max(lb.length, la.length); i++) {
        if (i >= lb.length || i >= la.length) {
          push(changes, `${key}[${i}]`, null, lb[i], la[i]);
          continue;
        }
        const ib = asRecord(lb[i]);
        const ia = asRecord(la[i]);
        for (const field of unionKeys(ib, ia)) push(changes, `${key}[${i}].${field}`, null, ib[field], ia[field]);
      }
    } else {
      push(changes, key, LISTING_INFORMATION ? labelOf(LISTING_INFORMATION, key) : null, b[key], a[key]);
    }
  }
  return changes;
}

function push(out: ListingContentChange[], path: string, label: ListingContentChange['label'], before: unknown, after: unknown) {
  const bt = asText(before);
  const at = asText(after);
  if (bt !== at) out.push({ path, label, before: bt, after: at });
}

function labelOf(template: SubmodelTemplate, idShort: string): ListingContentChange['label'] {
  const element = template.elements.find((e) => e.idShort === idShort);
  return element ? { ko: element.labels.ko, en: element.labels.en } : null;
}

function unionKeys(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
}

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function isRecordList(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0 && value.every((v) => v && typeof v === 'object' && !Array.isArray(v));
}

/** A value as display text; empty strings, empty lists and null read as absent. */
function asText(value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (Array.isArray(value) && value.length === 0) return null;
  if (typeof value === 'string') return value;
  return stable(value);
}

function stable(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([x], [y]) => x.localeCompare(y)))
      : v,
  );
}
