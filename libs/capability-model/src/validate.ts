/**
 * Validation of listing content against the submodel templates and the vocabulary.
 *
 * Paths: `<SubmodelIdShort>.<elementIdShort>[index].<elementIdShort>` for submodel content
 * (`AIRequirement.tasks[2]`, `TrustProfile.checklist[1].answer`), the bare content key for the
 * listing's own fields (`title`, `summaryEn`, `bidDeadline`, `referenceCases[0].title`), a whole
 * missing submodel at its idShort (`DataProfile`). Rule ids have ko/en messages in
 * `@aimatch/validation` (`localizeViolation`); `CAPABILITY_MODEL_RULES` lists them all.
 *
 * Deterministic (no clock but `options.now`) and total: any value, whatever its shape, yields
 * issues, never an exception.
 */
import {
  hasBidiControls,
  isValidBusinessRegistrationNumber,
  normalizeBusinessRegistrationNumber,
  type RuleViolation,
} from '@aimatch/validation';
import { isIso639_1 } from './languages';
import type { CompanyData, ListingContent, ListingKind } from './submodels';
import {
  COMPANY_DATA_TEMPLATE,
  elementsForKind,
  LISTING_INFORMATION_TEMPLATE,
  LISTING_KINDS,
  templatesForKind,
  type ConceptListElement,
  type StringFormat,
  type SubmodelTemplate,
  type TemplateElement,
} from './templates';
import type { Vocabulary } from './vocabulary';

export type ListingIssue = RuleViolation & {
  severity: 'error' | 'warning';
  /** `deprecated-concept`: the concept to use instead. */
  replacement?: string;
};

export interface ValidationOptions {
  /** The reference time for `past-deadline`. */
  now: Date;
  /** Submitting for review: completeness rules (`requiredForSubmission`, `past-deadline`) apply. */
  forSubmission: boolean;
}

export interface ValidationResult {
  errors: ListingIssue[];
  warnings: ListingIssue[];
}

/** Every rule id this library emits (validation and AAS import). */
export const CAPABILITY_MODEL_RULES = [
  'required',
  'type',
  'max-length',
  'max-items',
  'min-value',
  'max-value',
  'range',
  'enum',
  'email',
  'url',
  'format',
  'brn-format',
  'checksum',
  'invalid-characters',
  'unknown-concept',
  'wrong-scheme',
  'deprecated-concept',
  'duplicate',
  'min-greater-than-max',
  'past-deadline',
  'unknown-checklist-item',
  'json',
  'aas-format',
  'aas-verification',
  'unknown-semantic-id',
  // AAS import of uploads (#17, helper I)
  'aasx-package',
  'aasx-xml-unsupported',
  'aas-shell-unknown',
] as const;

export type CapabilityModelRule = (typeof CAPABILITY_MODEL_RULES)[number];

type Params = Record<string, string | number>;

class Sink {
  readonly errors: ListingIssue[] = [];
  readonly warnings: ListingIssue[] = [];
  constructor(
    readonly vocabulary: Vocabulary,
    readonly options: ValidationOptions,
  ) {}

  error(path: string, rule: CapabilityModelRule, params?: Params): void {
    this.errors.push(params ? { path, rule, params, severity: 'error' } : { path, rule, severity: 'error' });
  }

  warning(issue: Omit<ListingIssue, 'severity'>): void {
    this.warnings.push({ ...issue, severity: 'warning' });
  }

  result(): ValidationResult {
    return { errors: this.errors, warnings: this.warnings };
  }
}

export function joinPath(prefix: string, key: string): string {
  return prefix ? `${prefix}.${key}` : key;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function field(record: unknown, key: string): unknown {
  return isRecord(record) && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** Length in characters (code points), as people count them. */
export function characterLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** Characters XML 1.0 (and so AAS, constraint AASd-130) cannot carry: control characters, lone surrogates, U+FFFE/U+FFFF. */
export const INVALID_TEXT_CHARACTERS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.[A-Za-z]{2,63}$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|([+-])(\d{2}):(\d{2}))$/;

function validCalendarDate(y: number, m: number, d: number): boolean {
  if (y < 1 || m < 1 || m > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[m - 1];
}

/** `yyyy-mm-dd`, a real calendar day. */
export function isIsoDate(s: string): boolean {
  const m = DATE.exec(s);
  return !!m && validCalendarDate(+m[1], +m[2], +m[3]);
}

/** ISO 8601 date-time with seconds and an explicit offset; milliseconds since the epoch, or null when malformed. */
export function parseIsoDateTime(s: string): number | null {
  const m = DATE_TIME.exec(s);
  if (!m) return null;
  const [y, mo, d, h, mi, sec] = [+m[1], +m[2], +m[3], +m[4], +m[5], +m[6]];
  if (!validCalendarDate(y, mo, d) || h > 23 || mi > 59 || sec > 59) return null;
  let offset = 0;
  if (m[8] !== 'Z') {
    const [oh, om] = [+m[10], +m[11]];
    if (oh > 14 || om > 59) return null;
    offset = (m[9] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const millis = m[7] ? Math.floor(Number(`0${m[7]}`) * 1000) : 0;
  const utc = new Date(0);
  utc.setUTCFullYear(y, mo - 1, d);
  utc.setUTCHours(h, mi, sec, millis);
  return utc.getTime() - offset * 60_000;
}

function isPhone(s: string): boolean {
  if (!/^\+?[0-9() -]+$/.test(s)) return false;
  const digits = s.replace(/\D/g, '').length;
  return digits >= 7 && digits <= 15;
}

function isHttpUrl(s: string): boolean {
  if (!/^https?:\/\/\S+$/i.test(s)) return false;
  try {
    const url = new URL(s);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

function checkFormat(value: string, format: StringFormat, path: string, sink: Sink): void {
  switch (format) {
    case 'email':
      if (!EMAIL.test(value)) sink.error(path, 'email');
      return;
    case 'url':
      if (!isHttpUrl(value)) sink.error(path, 'url');
      return;
    case 'phone':
      if (!isPhone(value)) sink.error(path, 'format', { format: 'phone' });
      return;
    case 'iso639-1':
      if (!isIso639_1(value)) sink.error(path, 'format', { format: 'ISO 639-1' });
      return;
    case 'business-registration-number': {
      const digits = normalizeBusinessRegistrationNumber(value);
      if (digits === null) sink.error(path, 'brn-format');
      else if (!isValidBusinessRegistrationNumber(digits)) sink.error(path, 'checksum');
      return;
    }
  }
}

function isRequired(el: TemplateElement, sink: Sink): boolean {
  return !!el.required || (!!el.requiredForSubmission && sink.options.forSubmission);
}

/** Strings and the languages of multi-language strings. */
function checkText(value: unknown, path: string, required: boolean, maxLength: number, format: StringFormat | undefined, sink: Sink): void {
  if (value === undefined || value === null) {
    if (required) sink.error(path, 'required');
    return;
  }
  if (typeof value !== 'string') return sink.error(path, 'type', { expected: 'string' });
  if (value.trim() === '') {
    if (required) sink.error(path, 'required');
    return;
  }
  if (characterLength(value) > maxLength) return sink.error(path, 'max-length', { max: maxLength });
  // Bidi overrides and isolates would let a title or description reorder what readers see ("\u202Etxt.exe").
  if (INVALID_TEXT_CHARACTERS.test(value) || hasBidiControls(value)) return sink.error(path, 'invalid-characters');
  if (format) checkFormat(value, format, path, sink);
}

function checkConcept(id: string, scheme: string, path: string, sink: Sink): void {
  const concept = sink.vocabulary.get(id);
  if (!concept) return sink.error(path, 'unknown-concept', { id });
  if (concept.scheme !== scheme) return sink.error(path, 'wrong-scheme', { expected: scheme, actual: concept.scheme });
  if (concept.deprecated) {
    sink.warning(
      concept.replacedBy
        ? { path, rule: 'deprecated-concept', params: { id, replacement: concept.replacedBy }, replacement: concept.replacedBy }
        : { path, rule: 'deprecated-concept', params: { id } },
    );
  }
}

/** Lists: null/absent counts as empty; anything else but an array is a `type` error (returns null). */
function listOf(value: unknown, path: string, el: TemplateElement & { maxItems: number }, sink: Sink): unknown[] | null {
  const items = value === undefined || value === null ? [] : value;
  if (!Array.isArray(items)) {
    sink.error(path, 'type', { expected: 'list' });
    return null;
  }
  const min = isRequired(el, sink) ? ((el as ConceptListElement).minItems ?? 1) : 0;
  if (items.length < min) sink.error(path, 'required');
  if (items.length > el.maxItems) sink.error(path, 'max-items', { max: el.maxItems });
  return items;
}

function checkElement(el: TemplateElement, record: unknown, prefix: string, sink: Sink): void {
  const path = joinPath(prefix, el.idShort);
  const value = field(record, el.idShort);
  switch (el.valueType) {
    case 'concept': {
      if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
        if (isRequired(el, sink)) sink.error(path, 'required');
        return;
      }
      if (typeof value !== 'string') return sink.error(path, 'type', { expected: 'concept id' });
      return checkConcept(value, el.scheme, path, sink);
    }
    case 'conceptList':
    case 'stringList': {
      const items = listOf(value, path, el, sink);
      if (!items) return;
      const seen = new Set<string>();
      items.forEach((item, i) => {
        const at = `${path}[${i}]`;
        if (typeof item !== 'string') return sink.error(at, 'type', { expected: el.valueType === 'conceptList' ? 'concept id' : 'string' });
        if (item.trim() === '') return sink.error(at, 'required');
        if (seen.has(item)) return sink.error(at, 'duplicate', { value: item });
        seen.add(item);
        if (el.valueType === 'conceptList') checkConcept(item, el.scheme, at, sink);
        else checkFormat(item, el.format, at, sink);
      });
      return;
    }
    case 'string':
      return checkText(value, path, isRequired(el, sink), el.maxLength, el.format, sink);
    case 'multiLanguageString':
      checkText(field(record, el.keys.ko), joinPath(prefix, el.keys.ko), isRequired(el, sink), el.maxLength, undefined, sink);
      if (el.keys.en) checkText(field(record, el.keys.en), joinPath(prefix, el.keys.en), false, el.maxLength, undefined, sink);
      return;
    case 'integer': {
      if (value === undefined || value === null) {
        if (isRequired(el, sink)) sink.error(path, 'required');
        return;
      }
      if (typeof value !== 'number' || !Number.isInteger(value)) return sink.error(path, 'type', { expected: 'integer' });
      const { min, max } = el;
      if (min !== undefined && max !== undefined) {
        if (value < min || value > max) return sink.error(path, 'range', { min, max });
      } else if (min !== undefined && value < min) return sink.error(path, 'min-value', { min });
      else if (max !== undefined && value > max) return sink.error(path, 'max-value', { max });
      if (value > Number.MAX_SAFE_INTEGER) return sink.error(path, 'max-value', { max: Number.MAX_SAFE_INTEGER });
      if (value < Number.MIN_SAFE_INTEGER) return sink.error(path, 'min-value', { min: Number.MIN_SAFE_INTEGER });
      return;
    }
    case 'boolean':
      if (value === undefined || value === null) return sink.error(path, 'required');
      if (typeof value !== 'boolean') sink.error(path, 'type', { expected: 'boolean' });
      return;
    case 'date':
    case 'dateTime': {
      if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
        if (isRequired(el, sink)) sink.error(path, 'required');
        return;
      }
      if (typeof value !== 'string') return sink.error(path, 'type', { expected: 'string' });
      if (el.valueType === 'date') {
        if (!isIsoDate(value)) sink.error(path, 'format', { format: 'yyyy-mm-dd' });
        return;
      }
      const at = parseIsoDateTime(value);
      if (at === null) return sink.error(path, 'format', { format: 'ISO 8601 date-time' });
      if (el.futureOnSubmission && sink.options.forSubmission) {
        const now = sink.options.now instanceof Date ? sink.options.now.getTime() : NaN;
        if (!(at > now)) sink.error(path, 'past-deadline');
      }
      return;
    }
    case 'enum': {
      if (value === undefined || value === null || value === '') {
        if (isRequired(el, sink)) sink.error(path, 'required');
        return;
      }
      if (typeof value === 'string' && el.allowedValues.includes(value)) return;
      if (el.unknownValueRule === 'unknown-checklist-item') return sink.error(path, 'unknown-checklist-item', { id: String(value) });
      return sink.error(path, 'enum', { allowed: el.allowedValues.join(', ') });
    }
    case 'collectionList': {
      const items = listOf(value, path, el, sink);
      if (!items) return;
      const seen = new Set<string>();
      items.forEach((item, i) => {
        const at = `${path}[${i}]`;
        if (!isRecord(item)) return sink.error(at, 'type', { expected: 'object' });
        for (const child of el.elements) checkElement(child, item, at, sink);
        if (el.uniqueBy) {
          const key = item[el.uniqueBy];
          if (typeof key !== 'string' || key === '') return;
          if (seen.has(key)) sink.error(joinPath(at, el.uniqueBy), 'duplicate', { value: key });
          seen.add(key);
        }
      });
      return;
    }
  }
}

function checkConstraints(template: SubmodelTemplate, record: unknown, prefix: string, sink: Sink): void {
  for (const c of template.constraints ?? []) {
    const min = field(record, c.min);
    const max = field(record, c.max);
    if (Number.isSafeInteger(min) && Number.isSafeInteger(max) && (min as number) > (max as number)) {
      sink.error(joinPath(prefix, c.min), 'min-greater-than-max', { min: min as number, max: max as number });
    }
  }
}

function checkSubmodel(
  template: SubmodelTemplate,
  elements: readonly TemplateElement[],
  record: unknown,
  prefix: string,
  sink: Sink,
): void {
  for (const el of elements) checkElement(el, record, prefix, sink);
  checkConstraints(template, record, prefix, sink);
}

/**
 * Checks listing content against the templates and the vocabulary. `errors` block saving or
 * submitting (the caller decides which rules apply to drafts); `warnings` (deprecated concepts)
 * never block.
 */
export function validateListingContent(content: ListingContent, vocabulary: Vocabulary, options: ValidationOptions): ValidationResult {
  const sink = new Sink(vocabulary, options ?? { now: new Date(NaN), forSubmission: false });
  const c: unknown = content;
  if (!isRecord(c)) {
    sink.error('$', 'type', { expected: 'object' });
    return sink.result();
  }
  const kind = c.kind;
  if (typeof kind !== 'string' || !LISTING_KINDS.includes(kind as ListingKind)) {
    // Without a kind only the common texts can be checked.
    sink.error(
      'kind',
      kind === undefined || kind === null ? 'required' : 'enum',
      kind === undefined || kind === null ? undefined : { allowed: LISTING_KINDS.join(', ') },
    );
    checkSubmodel(
      LISTING_INFORMATION_TEMPLATE,
      LISTING_INFORMATION_TEMPLATE.elements.filter((e) => !e.kinds && e.idShort !== 'kind'),
      c,
      '',
      sink,
    );
    return sink.result();
  }
  for (const template of templatesForKind(kind as ListingKind)) {
    const elements = elementsForKind(template, kind as ListingKind);
    if (template.contentKey === null) {
      checkSubmodel(template, elements, c, '', sink);
      continue;
    }
    const record = c[template.contentKey];
    if (record === undefined || record === null) sink.error(template.idShort, 'required');
    else if (!isRecord(record)) sink.error(template.idShort, 'type', { expected: 'object' });
    else checkSubmodel(template, elements, record, template.idShort, sink);
  }
  return sink.result();
}

/** Checks company data (the CompanyData submodel); paths `CompanyData.<key>`. */
export function validateCompanyData(company: CompanyData, vocabulary: Vocabulary): ValidationResult {
  const sink = new Sink(vocabulary, { now: new Date(0), forSubmission: false });
  const c: unknown = company;
  if (!isRecord(c)) sink.error(COMPANY_DATA_TEMPLATE.idShort, 'type', { expected: 'object' });
  else checkSubmodel(COMPANY_DATA_TEMPLATE, COMPANY_DATA_TEMPLATE.elements, c, COMPANY_DATA_TEMPLATE.idShort, sink);
  return sink.result();
}
