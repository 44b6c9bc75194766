/**
 * AAS v3 JSON import of the product's own listing shells (moved out of aas.ts for #17): submodels and
 * elements are found by semanticId first, idShort second, so files written by other tools (other
 * property order, extra optional fields, explicit nulls, a single MultiLanguageProperty for a long
 * text, a ReferenceElement for a concept) are accepted.
 */
import * as aas from '@aas-core-works/aas-core3.0-typescript';
import { jsonPath, verificationIssues } from '../aas-verification';
import { LISTING_ID_ASSET_KEY } from '../aas';
import type { CompanyData, ListingContent, ListingKind } from '../submodels';
import {
  COMPANY_DATA_TEMPLATE,
  elementsForKind,
  LISTING_INFORMATION_TEMPLATE,
  LISTING_KINDS,
  templatesForKind,
  type CollectionListElement,
  type TemplateElement,
} from '../templates';
import { joinPath, validateCompanyData, validateListingContent, type CapabilityModelRule, type ListingIssue } from '../validate';
import type { Vocabulary } from '../vocabulary';
import { idtaTemplateOf } from './idta';

const T = aas.types;

export type AasImportResult =
  | { ok: true; content: ListingContent; company: CompanyData | null; listingId?: string; warnings: ListingIssue[] }
  | { ok: false; issues: ListingIssue[] };

/** Other tools write `"description": null` for absent optional fields; AAS JSON omits them. */
function withoutNulls(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutNulls);
  if (typeof v === 'object' && v !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (x !== null) out[k] = withoutNulls(x);
    return out;
  }
  return v;
}

function semanticKeys(ref: aas.types.Reference | null | undefined): string[] {
  return ref?.keys.map((k) => k.value) ?? [];
}

function hasSemantic(x: aas.types.IHasSemantics, iri: string): boolean {
  return semanticKeys(x.semanticId).includes(iri) || (x.supplementalSemanticIds ?? []).some((r) => semanticKeys(r).includes(iri));
}

/**
 * By semanticId, else by idShort, but never an element that carries an IDTA template's semanticId: an official
 * 02068 `CompanyData` submodel shares our idShort and is not ours (the third-party import reads it).
 */
function find<E extends aas.types.IReferable & aas.types.IHasSemantics>(items: readonly E[], iri: string, idShort: string): E | undefined {
  return (
    items.find((x) => hasSemantic(x, iri)) ??
    items.find((x) => x.idShort === idShort && idtaTemplateOf(semanticKeys(x.semanticId)) === null)
  );
}

function modelTypeName(e: aas.types.Class): string {
  return aas.stringification.modelTypeToString(e.modelType()) ?? 'unknown';
}

/** The concept a reference points to: its GlobalReference / ConceptDescription key, else its first key. */
function referencedId(ref: aas.types.Reference | null): string | null {
  if (!ref || !ref.keys.length) return null;
  const key = ref.keys.find((k) => k.type === T.KeyTypes.GlobalReference || k.type === T.KeyTypes.ConceptDescription) ?? ref.keys[0];
  return key.value;
}

class ImportContext {
  readonly issues: ListingIssue[] = [];
  constructor(readonly vocabulary: Vocabulary) {}
  issue(path: string, rule: CapabilityModelRule, params?: Record<string, string | number>): void {
    this.issues.push(params ? { path, rule, params, severity: 'error' } : { path, rule, severity: 'error' });
  }
  wrongElement(path: string, expected: string, e: aas.types.Class): void {
    this.issue(path, 'aas-format', { detail: `expected ${expected}, got ${modelTypeName(e)}` });
  }
}

/** Concept id from a Property (valueId, else value) or a ReferenceElement. */
function readConcept(e: aas.types.ISubmodelElement, path: string, ctx: ImportContext): string | null {
  const p = T.asProperty(e);
  const r = T.asReferenceElement(e);
  if (!p && !r) {
    ctx.wrongElement(path, 'Property or ReferenceElement', e);
    return null;
  }
  const ref = p ? p.valueId : r!.value;
  const id = referencedId(ref);
  if (id !== null) {
    if (!ctx.vocabulary.has(id)) ctx.issue(path, 'unknown-semantic-id', { id });
    return id;
  }
  return p?.value ?? null;
}

/** Texts per language of a MultiLanguageProperty, a list of MultiLanguageProperty chunks, or a Property (Korean). */
function readTexts(e: aas.types.ISubmodelElement, path: string, ctx: ImportContext): Array<[string, string]> | null {
  const p = T.asProperty(e);
  if (p) return p.value === null ? [] : [['ko', p.value]];
  const mlps = T.asMultiLanguageProperty(e)
    ? [T.asMultiLanguageProperty(e)!]
    : (T.asSubmodelElementList(e)?.value?.map((item) => T.asMultiLanguageProperty(item)) ?? null);
  if (!mlps || mlps.some((m) => m === null)) {
    ctx.wrongElement(path, 'MultiLanguageProperty', e);
    return null;
  }
  const joined = new Map<string, string>();
  for (const m of mlps) {
    for (const ls of m!.value ?? []) {
      const lang = ls.language.toLowerCase();
      joined.set(lang, (joined.get(lang) ?? '') + ls.text);
    }
  }
  return [...joined];
}

function pickLanguage(texts: Array<[string, string]>, lang: string): string | null {
  const parts = texts.filter(([l]) => l === lang || l.startsWith(`${lang}-`)).map(([, t]) => t);
  return parts.length ? parts.join('') : null;
}

function readItems(e: aas.types.ISubmodelElement, path: string, ctx: ImportContext): aas.types.ISubmodelElement[] | null {
  const listElement = T.asSubmodelElementList(e);
  if (listElement) return listElement.value ?? [];
  const collection = T.asSubmodelElementCollection(e);
  if (collection) return collection.value ?? [];
  ctx.wrongElement(path, 'SubmodelElementList', e);
  return null;
}

function readScalar(e: aas.types.ISubmodelElement, path: string, ctx: ImportContext): string | null | undefined {
  const p = T.asProperty(e);
  if (!p) {
    ctx.wrongElement(path, 'Property', e);
    return undefined;
  }
  return p.value;
}

/** Fills `target` with the template elements found among `children`, defaults for the others. */
function readElements(
  elements: readonly TemplateElement[],
  children: readonly aas.types.ISubmodelElement[],
  prefix: string,
  target: Record<string, unknown>,
  ctx: ImportContext,
): void {
  for (const el of elements) {
    const path = joinPath(prefix, el.idShort);
    const e = find(children, el.semanticId, el.idShort);
    switch (el.valueType) {
      case 'concept':
        target[el.idShort] = e ? readConcept(e, path, ctx) : null;
        break;
      case 'conceptList':
      case 'stringList': {
        const items = e ? readItems(e, path, ctx) : [];
        target[el.idShort] = (items ?? []).map((item, i) => {
          if (el.valueType === 'conceptList') return readConcept(item, `${path}[${i}]`, ctx) ?? '';
          return readScalar(item, `${path}[${i}]`, ctx) ?? '';
        });
        break;
      }
      case 'string': {
        const texts = e ? readTexts(e, path, ctx) : [];
        const text = texts ? (pickLanguage(texts, 'ko') ?? texts[0]?.[1] ?? null) : null;
        target[el.idShort] = text ?? (el.required ? '' : null);
        break;
      }
      case 'multiLanguageString': {
        const texts = (e ? readTexts(e, path, ctx) : []) ?? [];
        const ko = el.keys.en ? pickLanguage(texts, 'ko') : (pickLanguage(texts, 'ko') ?? texts[0]?.[1] ?? null);
        target[el.keys.ko] = ko ?? (el.required ? '' : null);
        if (el.keys.en) target[el.keys.en] = pickLanguage(texts, 'en');
        break;
      }
      case 'integer': {
        const raw = e ? readScalar(e, path, ctx) : null;
        let n: number | null = null;
        if (typeof raw === 'string' && raw.trim() !== '') {
          const parsed = Number(raw.trim());
          if (Number.isInteger(parsed)) n = parsed;
          else ctx.issue(path, 'type', { expected: 'integer' });
        }
        target[el.idShort] = n;
        break;
      }
      case 'boolean': {
        const raw = e ? readScalar(e, path, ctx) : null;
        let b = el.default;
        if (raw === 'true' || raw === '1') b = true;
        else if (raw === 'false' || raw === '0') b = false;
        else if (typeof raw === 'string') ctx.issue(path, 'type', { expected: 'boolean' });
        target[el.idShort] = b;
        break;
      }
      case 'date':
      case 'dateTime': {
        const raw = e ? readScalar(e, path, ctx) : null;
        target[el.idShort] = raw || null;
        break;
      }
      case 'enum': {
        const raw = e ? readScalar(e, path, ctx) : null;
        target[el.idShort] = raw ?? el.default ?? (el.required ? '' : null);
        break;
      }
      case 'collectionList': {
        const items = e ? readItems(e, path, ctx) : [];
        target[el.idShort] = (items ?? []).map((item, i) => readCollection(el, item, `${path}[${i}]`, ctx));
        break;
      }
    }
  }
}

function readCollection(
  el: CollectionListElement,
  item: aas.types.ISubmodelElement,
  path: string,
  ctx: ImportContext,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const collection = T.asSubmodelElementCollection(item);
  if (!collection) ctx.wrongElement(path, 'SubmodelElementCollection', item);
  readElements(el.elements, collection?.value ?? [], path, out, ctx);
  return out;
}

function fail(issues: ListingIssue[]): AasImportResult {
  return { ok: false, issues };
}

function issue(path: string, rule: CapabilityModelRule, params?: Record<string, string | number>): ListingIssue {
  return params ? { path, rule, params, severity: 'error' } : { path, rule, severity: 'error' };
}

function kindOf(submodels: readonly aas.types.Submodel[], ctx: ImportContext): ListingKind | null {
  const info = find(submodels, LISTING_INFORMATION_TEMPLATE.semanticId, LISTING_INFORMATION_TEMPLATE.idShort);
  const kindElement = LISTING_INFORMATION_TEMPLATE.elements.find((e) => e.idShort === 'kind')!;
  const e = info ? find(info.submodelElements ?? [], kindElement.semanticId, kindElement.idShort) : undefined;
  const value = e ? readScalar(e, 'kind', ctx) : undefined;
  if (typeof value === 'string' && value !== '') {
    if (LISTING_KINDS.includes(value as ListingKind)) return value as ListingKind;
    ctx.issue('kind', 'enum', { allowed: LISTING_KINDS.join(', ') });
    return null;
  }
  const demand = templatesForKind('DEMAND').find((t) => t.contentKey === 'requirement')!;
  const supply = templatesForKind('SUPPLY').find((t) => t.contentKey === 'capability')!;
  const hasDemand = !!find(submodels, demand.semanticId, demand.idShort);
  const hasSupply = !!find(submodels, supply.semanticId, supply.idShort);
  if (hasDemand !== hasSupply) return hasDemand ? 'DEMAND' : 'SUPPLY';
  if (!ctx.issues.length) ctx.issue('kind', 'required');
  return null;
}

export function importEnvironment(env: aas.types.Environment, vocabulary: Vocabulary): AasImportResult {
  const ctx = new ImportContext(vocabulary);
  const submodels = env.submodels ?? [];
  const kind = kindOf(submodels, ctx);
  if (!kind) return fail(ctx.issues);

  const content: Record<string, unknown> = { kind };
  for (const template of templatesForKind(kind)) {
    const submodel = find(submodels, template.semanticId, template.idShort);
    const elements = elementsForKind(template, kind).filter((e) => !(template === LISTING_INFORMATION_TEMPLATE && e.idShort === 'kind'));
    const target: Record<string, unknown> = template.contentKey === null ? content : {};
    if (template.contentKey !== null) content[template.contentKey] = target;
    readElements(elements, submodel?.submodelElements ?? [], template.contentKey === null ? '' : template.idShort, target, ctx);
  }

  const companySubmodel = find(submodels, COMPANY_DATA_TEMPLATE.semanticId, COMPANY_DATA_TEMPLATE.idShort);
  let company: CompanyData | null = null;
  if (companySubmodel) {
    const target: Record<string, unknown> = {};
    readElements(COMPANY_DATA_TEMPLATE.elements, companySubmodel.submodelElements ?? [], COMPANY_DATA_TEMPLATE.idShort, target, ctx);
    company = target as unknown as CompanyData;
  }

  const listing = content as unknown as ListingContent;
  const checked = validateListingContent(listing, vocabulary, { now: new Date(0), forSubmission: false });
  const companyChecked = company ? validateCompanyData(company, vocabulary) : { errors: [], warnings: [] };
  const unknownRefs = new Set(ctx.issues.filter((i) => i.rule === 'unknown-semantic-id').map((i) => i.path));
  const errors = [
    ...ctx.issues,
    ...[...checked.errors, ...companyChecked.errors].filter((e) => !(e.rule === 'unknown-concept' && unknownRefs.has(e.path))),
  ];
  if (errors.length) return fail(errors);

  const shell = env.assetAdministrationShells?.[0];
  const listingId = shell?.assetInformation.specificAssetIds?.find((s) => s.name === LISTING_ID_ASSET_KEY)?.value;
  const result: AasImportResult = { ok: true, content: listing, company, warnings: [...checked.warnings, ...companyChecked.warnings] };
  if (listingId !== undefined) result.listingId = listingId;
  return result;
}

/**
 * Reads a listing from AAS v3 JSON (a string or a parsed object). Issues, in this order of
 * precedence: `json` (not JSON, path `$`), `aas-format` (not an AAS environment, at the JSON path
 * the parser reports, e.g. `$.submodels[0].modelType`), `aas-verification` (metamodel
 * constraints, at their JSON path), then at listing paths: `aas-format` (an element of the wrong
 * kind), `type` (unreadable numbers), `unknown-semantic-id` (a concept reference not in the
 * vocabulary) and every error of `validateListingContent` (forSubmission false) and of
 * `validateCompanyData`. Never throws.
 */
export function importListingFromAas(json: unknown, vocabulary: Vocabulary): AasImportResult {
  let parsed: unknown = json;
  if (typeof json === 'string') {
    try {
      parsed = JSON.parse(json.charCodeAt(0) === 0xfeff ? json.slice(1) : json);
    } catch (e) {
      return fail([issue('$', 'json', { detail: e instanceof Error ? e.message : String(e) })]);
    }
  }
  try {
    const read = aas.jsonization.environmentFromJsonable(withoutNulls(parsed) as aas.jsonization.JsonValue);
    if (read.error !== null || read.value === null) {
      return fail([
        issue(jsonPath(read.error?.path.toString() ?? ''), 'aas-format', { detail: read.error?.message ?? 'not an environment' }),
      ]);
    }
    const issues = verificationIssues(read.value);
    if (issues.length) return fail(issues);
    return importEnvironment(read.value, vocabulary);
  } catch (e) {
    // Defensive: absurdly deep input can exhaust the stack.
    return fail([issue('$', 'aas-format', { detail: e instanceof Error ? e.message : String(e) })]);
  }
}
