/**
 * AAS v3 JSON export and import of listings, driven by the submodel templates.
 *
 * Export: one AssetAdministrationShell per listing (assetKind Instance, globalAssetId
 * `<baseIri>/listings/<id>`, the listing id also as specificAssetId `aimatchListingId`), one
 * Submodel per template the listing carries plus CompanyData, and a ConceptDescription (with an
 * IEC 61360 data specification) for every vocabulary concept used. Mapping per element type:
 *
 * | template value type   | AAS element                                                                     |
 * |-----------------------|---------------------------------------------------------------------------------|
 * | concept               | Property xs:string, value = concept id, valueId = ExternalReference to the id   |
 * | conceptList           | SubmodelElementList of such Properties (no idShort, per AASd-120)               |
 * | string / stringList   | Property xs:string / SubmodelElementList of Properties xs:string                |
 * | multiLanguageString   | MultiLanguageProperty (ko, en); longer than 1,023 UTF-16 units: a               |
 * |                       | SubmodelElementList of MultiLanguageProperty chunks, joined again on import     |
 * | integer               | Property xs:int / xs:long                                                       |
 * | boolean, date, dateTime | Property xs:boolean, xs:date, xs:dateTime                                     |
 * | enum                  | Property xs:string                                                              |
 * | collectionList        | SubmodelElementList of SubmodelElementCollections                               |
 *
 * A null value is an element without value; an empty list is a list without items, so that
 * `importListingFromAas(exportListingToAas(x)).content` equals `x`.
 *
 * Import finds submodels and elements by semanticId first, idShort second, so files written by
 * other tools (other property order, extra optional fields, explicit nulls, a single
 * MultiLanguageProperty for a long text, a ReferenceElement for a concept) are accepted.
 */
import * as aas from '@aas-core-works/aas-core3.0-typescript';
import { verificationIssues } from './aas-verification';
import { allSemanticConceptDescriptions, referencedIds, semanticConceptDescriptions } from './aas-export/concept-descriptions';
import { templateSubmodels } from './aas-export/template-submodels';
import { attachmentsSubmodel, type Attachment } from './aas-export/attachments';
import { packAasx, supplementaryPath } from './aas-export/aasx';
import type { CompanyData, ListingContent } from './submodels';
import {
  COMPANY_DATA_TEMPLATE,
  CONTACT_INFORMATION_TEMPLATE,
  elementsForKind,
  LISTING_KINDS,
  templatesForKind,
  type MultiLanguageStringElement,
  type SubmodelTemplate,
  type TemplateElement,
} from './templates';
import { INVALID_TEXT_CHARACTERS, type ListingIssue } from './validate';
import { CONCEPT_ID_PATTERN, type Concept, type LocalizedText, type Vocabulary } from './vocabulary';

const T = aas.types;

/** Name of the specificAssetId that carries the listing id. */
export const LISTING_ID_ASSET_KEY = 'aimatchListingId';
export const LISTING_SHELL_ID_SHORT = 'AimatchListing';
export const IEC_61360_DATA_SPECIFICATION = 'https://admin-shell.io/DataSpecificationTemplates/DataSpecificationIec61360/3/0';

/** AAS MultiLanguageTextType: at most 1,023 UTF-16 code units per LangString. */
const TEXT_MAX = 1023;
const CHUNK = 1000;
const NAME_MAX = 128;
const PREFERRED_NAME_MAX = 255;

export type AasEnvironmentJson = aas.jsonization.JsonObject;

export interface AasExportInput {
  listingId: string;
  /** The listing's version; written as administration.version when it fits (0..9999). */
  version: number;
  content: ListingContent;
  /** The owning organization; exported as the CompanyData submodel when given. */
  company: CompanyData | null;
  /** e.g. `https://aimatch.or.kr`; shell, asset and submodel ids are built under it. */
  baseIri: string;
  /**
   * What the reader may not see, left out of the export entirely: the ContactInformation submodel
   * and the company's business registration number (the API's viewer rules decide).
   */
  withhold?: { contact?: boolean; businessRegistrationNumber?: boolean };
  /** Files that travel along (in an .aasx package): written as the ListingFiles submodel. */
  attachments?: readonly Attachment[];
}

/** Thrown when an export would not verify (content values AAS cannot carry, e.g. a non-integer amount). */
export class AasExportError extends Error {
  constructor(readonly issues: ListingIssue[]) {
    super(`The AAS export does not verify: ${issues.map((i) => `${i.path} ${i.params?.detail ?? ''}`).join('; ')}`);
    this.name = 'AasExportError';
  }
}

// --- small builders -------------------------------------------------------------------------

const INVALID_GLOBAL = new RegExp(INVALID_TEXT_CHARACTERS.source, 'gu');

/** AAS strings may not carry control characters (AASd-130); validation reports them, export replaces them. */
function clean(s: string): string {
  return s.replace(INVALID_GLOBAL, '\uFFFD');
}

/** Cuts to at most `max` UTF-16 units without splitting a surrogate pair. */
function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  const end = /[\uD800-\uDBFF]/.test(s[max - 1]) ? max - 1 : max;
  return s.slice(0, end);
}

function chunks(s: string): string[] {
  const out: string[] = [];
  let rest = s;
  while (rest.length > 0) {
    const part = cut(rest, CHUNK);
    out.push(part);
    rest = rest.slice(part.length);
  }
  return out;
}

function globalReference(value: string): aas.types.Reference {
  return new T.Reference(T.ReferenceTypes.ExternalReference, [new T.Key(T.KeyTypes.GlobalReference, value)]);
}

function langStrings<L>(
  texts: Array<[string, string | null | undefined]>,
  max: number,
  make: (lang: string, text: string) => L,
): L[] | null {
  const out = texts
    .filter((t): t is [string, string] => typeof t[1] === 'string' && t[1] !== '')
    .map(([lang, text]) => make(lang, cut(clean(text), max)));
  return out.length ? out : null;
}

const nameType = (l: string, t: string) => new T.LangStringNameType(l, t);
const textType = (l: string, t: string) => new T.LangStringTextType(l, t);

function displayName(labels: LocalizedText): aas.types.LangStringNameType[] | null {
  return langStrings(
    [
      ['ko', labels.ko],
      ['en', labels.en],
    ],
    NAME_MAX,
    nameType,
  );
}

function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

function rec(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

function property(
  valueType: aas.types.DataTypeDefXsd,
  el: TemplateElement | null,
  value: string | null,
  valueId: aas.types.Reference | null = null,
) {
  return new T.Property(
    valueType,
    null,
    null,
    el?.idShort ?? null,
    el ? displayName(el.labels) : null,
    null,
    el ? globalReference(el.semanticId) : null,
    null,
    null,
    null,
    value === null ? null : clean(value),
    valueId,
  );
}

function list(
  el: TemplateElement,
  type: aas.types.AasSubmodelElements,
  items: aas.types.ISubmodelElement[],
  valueType: aas.types.DataTypeDefXsd | null = null,
) {
  return new T.SubmodelElementList(
    type,
    null,
    null,
    el.idShort,
    displayName(el.labels),
    null,
    globalReference(el.semanticId),
    null,
    null,
    null,
    true,
    null,
    valueType,
    items.length ? items : null,
  );
}

// --- export ---------------------------------------------------------------------------------

class ExportContext {
  /** Concept ids in order of first use. */
  readonly concepts = new Set<string>();
  use(id: string | null): aas.types.Reference | null {
    if (!id) return null;
    this.concepts.add(id);
    return globalReference(id);
  }
}

function multiLanguage(el: MultiLanguageStringElement, record: Record<string, unknown>, idShort: boolean): aas.types.ISubmodelElement {
  const texts: Array<[string, string]> = [];
  const ko = str(record[el.keys.ko]);
  const en = el.keys.en ? str(record[el.keys.en]) : null;
  if (ko) texts.push(['ko', clean(ko)]);
  if (en) texts.push(['en', clean(en)]);
  const mlp = (value: Array<[string, string]>, withHeader: boolean) =>
    new T.MultiLanguageProperty(
      null,
      null,
      withHeader ? el.idShort : null,
      withHeader ? displayName(el.labels) : null,
      null,
      withHeader ? globalReference(el.semanticId) : null,
      null,
      null,
      null,
      value.length ? value.map(([l, t]) => textType(l, t)) : null,
    );
  if (texts.every(([, t]) => t.length <= TEXT_MAX)) return mlp(texts, idShort);
  const parts = texts.map(([lang, text]) => [lang, chunks(text)] as const);
  const count = Math.max(...parts.map(([, c]) => c.length));
  const items: aas.types.ISubmodelElement[] = [];
  for (let i = 0; i < count; i++) {
    items.push(
      mlp(
        parts.filter(([, c]) => i < c.length).map(([lang, c]) => [lang, c[i]]),
        false,
      ),
    );
  }
  return list(el, T.AasSubmodelElements.MultiLanguageProperty, items);
}

function exportElement(el: TemplateElement, record: Record<string, unknown>, ctx: ExportContext): aas.types.ISubmodelElement {
  const value = record[el.idShort];
  switch (el.valueType) {
    case 'concept': {
      const id = str(value) || null;
      return property(T.DataTypeDefXsd.String, el, id, ctx.use(id));
    }
    case 'conceptList':
      return list(
        el,
        T.AasSubmodelElements.Property,
        arr(value)
          .filter((v): v is string => typeof v === 'string')
          .map((id) => property(T.DataTypeDefXsd.String, null, id, ctx.use(id))),
        T.DataTypeDefXsd.String,
      );
    case 'stringList':
      return list(
        el,
        T.AasSubmodelElements.Property,
        arr(value)
          .filter((v): v is string => typeof v === 'string')
          .map((s) => property(T.DataTypeDefXsd.String, null, s)),
        T.DataTypeDefXsd.String,
      );
    case 'string':
      return property(T.DataTypeDefXsd.String, el, str(value));
    case 'multiLanguageString':
      return multiLanguage(el, record, true);
    case 'integer':
      return property(
        el.aasValueType === 'xs:long' ? T.DataTypeDefXsd.Long : T.DataTypeDefXsd.Int,
        el,
        typeof value === 'number' ? String(value) : null,
      );
    case 'boolean':
      return property(T.DataTypeDefXsd.Boolean, el, value === true ? 'true' : 'false');
    case 'date':
      return property(T.DataTypeDefXsd.Date, el, str(value) || null);
    case 'dateTime':
      return property(T.DataTypeDefXsd.DateTime, el, str(value) || null);
    case 'enum':
      return property(T.DataTypeDefXsd.String, el, str(value));
    case 'collectionList':
      return list(
        el,
        T.AasSubmodelElements.SubmodelElementCollection,
        arr(value).map(
          (item) =>
            new T.SubmodelElementCollection(
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              el.elements.map((child) => exportElement(child, rec(item), ctx)),
            ),
        ),
      );
  }
}

function conceptIdShort(id: string): string {
  const m = CONCEPT_ID_PATTERN.exec(id);
  const raw = m ? `${m[1]}_${m[2]}` : `concept_${id}`;
  return cut(raw.replace(/[^A-Za-z0-9_]/g, '_'), NAME_MAX);
}

function conceptDescription(c: Concept, vocabularyVersion: string): aas.types.ConceptDescription {
  const definitionEn = c.definition.en.trim() ? c.definition.en : c.labels.en;
  const iec = new T.DataSpecificationIec61360(
    langStrings(
      [
        ['en', c.labels.en],
        ['ko', c.labels.ko],
      ],
      PREFERRED_NAME_MAX,
      (l, t) => new T.LangStringPreferredNameTypeIec61360(l, t),
    )!,
    null,
    null,
    null,
    cut(clean(`aimatch standard vocabulary ${vocabularyVersion}`), 2000),
    null,
    null,
    langStrings(
      [
        ['en', definitionEn],
        ['ko', c.definition.ko],
      ],
      TEXT_MAX,
      (l, t) => new T.LangStringDefinitionTypeIec61360(l, t),
    ),
  );
  return new T.ConceptDescription(
    c.id,
    null,
    null,
    conceptIdShort(c.id),
    displayName(c.labels),
    langStrings(
      [
        ['ko', c.definition.ko],
        ['en', c.definition.en],
      ],
      TEXT_MAX,
      textType,
    ),
    null,
    [new T.EmbeddedDataSpecification(globalReference(IEC_61360_DATA_SPECIFICATION), iec)],
  );
}

/**
 * The listing as a JSON-able AAS v3 environment that `aas.verification.verify` accepts without
 * errors. Throws `AasExportError` when the content holds values AAS cannot carry (validate first).
 */
export function exportListingToAas(input: AasExportInput, vocabulary: Vocabulary): AasEnvironmentJson {
  const { version, content, company } = input;
  const listingId = clean(String(input.listingId ?? ''));
  const base = clean(String(input.baseIri ?? '')).replace(/\/+$/, '');
  const shellId = `${base}/aas/listings/${encodeURIComponent(listingId)}`;
  const kind = content?.kind;
  if (!LISTING_KINDS.includes(kind)) {
    throw new AasExportError([{ path: 'kind', rule: 'enum', params: { allowed: LISTING_KINDS.join(', ') }, severity: 'error' }]);
  }
  const administration = () =>
    Number.isInteger(version) && version >= 0 && version <= 9999 ? new T.AdministrativeInformation(null, String(version)) : null;
  const ctx = new ExportContext();
  const record = rec(content);

  const withhold = input.withhold ?? {};
  const templates: SubmodelTemplate[] = [...templatesForKind(kind), ...(company ? [COMPANY_DATA_TEMPLATE] : [])].filter(
    (t) => !(withhold.contact && t === CONTACT_INFORMATION_TEMPLATE),
  );
  const submodels = templates.map((template) => {
    const source =
      template === COMPANY_DATA_TEMPLATE ? rec(company) : template.contentKey === null ? record : rec(record[template.contentKey]);
    const elements =
      template === COMPANY_DATA_TEMPLATE
        ? template.elements.filter((el) => !(withhold.businessRegistrationNumber && el.idShort === 'businessRegistrationNumber'))
        : elementsForKind(template, kind);
    const admin = new T.AdministrativeInformation(null, administration()?.version ?? null, null, null, template.semanticId);
    return new T.Submodel(
      `${shellId}/submodels/${template.idShort}`,
      null,
      null,
      template.idShort,
      displayName(template.labels),
      langStrings(
        [
          ['ko', template.description.ko],
          ['en', template.description.en],
        ],
        TEXT_MAX,
        textType,
      ),
      admin,
      T.ModellingKind.Instance,
      globalReference(template.semanticId),
      // The IDTA templates are followed by their own submodels (aas-export/), not claimed here.
      null,
      null,
      null,
      elements.map((el) => exportElement(el, source, ctx)),
    );
  });

  const globalAssetId = `${base}/listings/${encodeURIComponent(listingId)}`;
  submodels.push(
    ...templateSubmodels({ content, company, shellId, globalAssetId, withhold, version: administration()?.version ?? null }, vocabulary),
  );
  if (input.attachments?.length) {
    submodels.push(attachmentsSubmodel(input.attachments, `${shellId}/submodels/ListingFiles`, administration()?.version ?? null));
  }

  const shell = new T.AssetAdministrationShell(
    shellId,
    new T.AssetInformation(
      T.AssetKind.Instance,
      globalAssetId,
      listingId ? [new T.SpecificAssetId(LISTING_ID_ASSET_KEY, listingId)] : null,
    ),
    null,
    null,
    LISTING_SHELL_ID_SHORT,
    langStrings(
      [
        ['ko', str(record.title)],
        ['en', str(record.titleEn)],
      ],
      NAME_MAX,
      nameType,
    ),
    langStrings(
      [
        ['ko', str(record.summary)],
        ['en', str(record.summaryEn)],
      ],
      TEXT_MAX,
      textType,
    ),
    administration(),
    null,
    null,
    submodels.map((s) => new T.Reference(T.ReferenceTypes.ModelReference, [new T.Key(T.KeyTypes.Submodel, s.id)])),
  );

  for (const id of referencedIds(submodels)) if (vocabulary.has(id)) ctx.concepts.add(id);
  const conceptDescriptions = [
    ...[...ctx.concepts]
      .map((id) => vocabulary.get(id))
      .filter((c): c is Concept => !!c)
      .map((c) => conceptDescription(c, vocabulary.version)),
    ...semanticConceptDescriptions(submodels, (id) => vocabulary.has(id)),
  ];

  const env = new T.Environment([shell], submodels, conceptDescriptions.length ? conceptDescriptions : null);
  const issues = verificationIssues(env);
  if (issues.length) throw new AasExportError(issues);
  return aas.jsonization.toJsonable(env);
}

/**
 * The whole vocabulary as an AAS v3 environment of ConceptDescriptions only (one per concept, deprecated ones
 * included): ko/en preferredName and definition (IEC 61360), isCaseOf the concept's code (KSIC, ISO 3166-2) when it
 * has one and the replacement of a deprecated concept. Verified with aas-core; throws `AasExportError` on any error.
 */
export function exportVocabularyToAas(vocabulary: Vocabulary): AasEnvironmentJson {
  const descriptions = vocabulary.concepts.map((c) => {
    const cd = conceptDescription(c, vocabulary.version);
    const cases: aas.types.Reference[] = [];
    if (c.code) cases.push(globalReference(`urn:aimatch:${c.scheme}:code:${c.code}`));
    if (c.replacedBy)
      cases.push(new T.Reference(T.ReferenceTypes.ModelReference, [new T.Key(T.KeyTypes.ConceptDescription, c.replacedBy)]));
    if (cases.length) cd.isCaseOf = cases;
    return cd;
  });
  const env = new T.Environment(null, null, descriptions.length ? descriptions : null);
  const issues = verificationIssues(env);
  if (issues.length) throw new AasExportError(issues);
  return aas.jsonization.toJsonable(env);
}

// --- .aasx export ---------------------------------------------------------------------------

export type { Attachment } from './aas-export/attachments';
export { AASX_CONTENT_TYPE, AASX_RELATIONSHIPS, AASX_SPEC_PART } from './aas-export/aasx';

/** A file to put into the package as a supplementary file. */
export interface AasxFileInput {
  name: string;
  contentType: string;
  bytes: Uint8Array;
}

/**
 * The listing as an .aasx package: the verified environment of `exportListingToAas` (plus a
 * ListingFiles submodel naming the files) and the files as supplementary parts. See aas-export/aasx.ts.
 */
export function exportListingToAasx(input: AasExportInput, vocabulary: Vocabulary, files: readonly AasxFileInput[] = []): Uint8Array {
  const placed = files.map((f, i) => ({ ...f, path: supplementaryPath(i, f.name) }));
  const env = exportListingToAas(
    { ...input, attachments: placed.map((f) => ({ name: f.name, contentType: f.contentType, path: f.path })) },
    vocabulary,
  );
  return packAasx(
    env,
    placed.map((f) => ({ path: f.path, contentType: f.contentType, bytes: f.bytes })),
  );
}

/** ConceptDescriptions (JSON) of every submodel and element semanticId the export writes, own and IDTA; verified. */
export function templateConceptDescriptions(): aas.jsonization.JsonObject[] {
  const descriptions = allSemanticConceptDescriptions();
  const issues = verificationIssues(new T.Environment(null, null, descriptions));
  if (issues.length) throw new AasExportError(issues);
  return descriptions.map((d) => aas.jsonization.toJsonable(d));
}
