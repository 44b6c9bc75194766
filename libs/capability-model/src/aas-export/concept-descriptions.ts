/**
 * ConceptDescriptions for the element and submodel semanticIds of an export (the vocabulary's
 * concepts get theirs in aas.ts): the product's own `urn:aimatch:…` ids with the template's ko/en
 * labels and a definition naming the submodel, the official IDTA / ECLASS ids with the names the
 * templates give them (English) and ours (Korean). IEC 61360 data specification, as the concepts'.
 */
import type * as aas from '@aas-core-works/aas-core3.0-typescript';
import { SUBMODEL_TEMPLATES, type TemplateElement } from '../templates';
import type { LocalizedText } from '../vocabulary';
import { clean, cut, globalRef, idShortOf, names, T, texts, TEXT_MAX } from './builders';
import { LISTING_FILE_ELEMENT, LISTING_FILES_LIST, LISTING_FILES_SUBMODEL } from './attachments';
import { IDTA_HEADERS } from './idta';

export const IEC_61360 = 'https://admin-shell.io/DataSpecificationTemplates/DataSpecificationIec61360/3/0';

interface Meaning {
  labels: LocalizedText;
  definition: LocalizedText | null;
  dataType: aas.types.DataTypeIec61360 | null;
}

const DATA_TYPES: Partial<Record<TemplateElement['valueType'], aas.types.DataTypeIec61360>> = {
  concept: T.DataTypeIec61360.Irdi,
  conceptList: T.DataTypeIec61360.Irdi,
  string: T.DataTypeIec61360.String,
  stringList: T.DataTypeIec61360.String,
  multiLanguageString: T.DataTypeIec61360.StringTranslatable,
  integer: T.DataTypeIec61360.IntegerCount,
  boolean: T.DataTypeIec61360.Boolean,
  date: T.DataTypeIec61360.Date,
  dateTime: T.DataTypeIec61360.Timestamp,
  enum: T.DataTypeIec61360.String,
};

let registry: Map<string, Meaning> | null = null;

/** Every semanticId the export may write, with what it means. */
export function semanticMeanings(): Map<string, Meaning> {
  if (registry) return registry;
  const out = new Map<string, Meaning>();
  for (const t of SUBMODEL_TEMPLATES) {
    if (!out.has(t.semanticId)) out.set(t.semanticId, { labels: t.labels, definition: t.description, dataType: null });
    const visit = (el: TemplateElement, parent: LocalizedText) => {
      if (!out.has(el.semanticId)) {
        out.set(el.semanticId, {
          labels: el.labels,
          definition: { ko: `${parent.ko}의 ${el.labels.ko}`, en: `${el.labels.en} of the ${parent.en}` },
          dataType: DATA_TYPES[el.valueType] ?? null,
        });
      }
      if (el.valueType === 'collectionList') for (const child of el.elements) visit(child, el.labels);
    };
    for (const el of t.elements) visit(el, t.labels);
  }
  const files = LISTING_FILES_SUBMODEL;
  out.set(files.semanticId, { labels: files.labels, definition: files.description, dataType: null });
  out.set(LISTING_FILES_LIST.semanticId, {
    labels: LISTING_FILES_LIST.labels,
    definition: { ko: '첨부 파일 목록', en: 'The list of files' },
    dataType: null,
  });
  out.set(LISTING_FILE_ELEMENT.semanticId, {
    labels: LISTING_FILE_ELEMENT.labels,
    definition: { ko: '패키지 안 첨부 파일 하나', en: 'One file of the listing, a supplementary file of the package' },
    dataType: T.DataTypeIec61360.File,
  });
  for (const { header: h, template } of IDTA_HEADERS) {
    if (out.has(h.semanticId)) continue;
    const definition = { ko: `${h.labels.ko} (${template} 템플릿의 요소)`, en: `${h.labels.en}, as defined by ${template}` };
    out.set(h.semanticId, { labels: h.labels, definition, dataType: null });
  }
  registry = out;
  return out;
}

function refValues(ref: aas.types.Reference | null | undefined, into: Set<string>): void {
  if (ref?.type === T.ReferenceTypes.ExternalReference) for (const k of ref.keys) into.add(k.value);
}

/** Every semanticId, supplementalSemanticId, semanticIdListElement and valueId in the submodels, in order of first use. */
export function referencedIds(submodels: readonly aas.types.Submodel[]): Set<string> {
  const ids = new Set<string>();
  const visit = (x: aas.types.Class) => {
    const s = x as Partial<aas.types.IHasSemantics> & {
      valueId?: aas.types.Reference | null;
      semanticIdListElement?: aas.types.Reference | null;
    };
    refValues(s.semanticId, ids);
    for (const r of s.supplementalSemanticIds ?? []) refValues(r, ids);
    refValues(s.semanticIdListElement, ids);
    refValues(s.valueId, ids);
  };
  for (const sm of submodels) {
    visit(sm);
    for (const d of sm.descend()) visit(d);
  }
  return ids;
}

function cdIdShort(id: string): string {
  const urn = /^urn:aimatch:(?:element|submodel):(.+)$/.exec(id);
  if (urn) return idShortOf(urn[1].replace(/:1:0$/, ''), 'aimatch');
  const eclass = /^0173-1#02-([A-Z0-9]+)#(\d+)$/.exec(id);
  if (eclass) return `ECLASS_${eclass[1]}_${eclass[2]}`;
  const path = id.replace(/^https?:\/\/admin-shell\.io\//, '').replace(/\/+$/, '');
  return idShortOf(path, 'IDTA');
}

export function elementConceptDescription(id: string, meaning: Meaning): aas.types.ConceptDescription {
  const en = meaning.labels.en.trim() ? meaning.labels.en : meaning.labels.ko;
  const iec = new T.DataSpecificationIec61360(
    [
      new T.LangStringPreferredNameTypeIec61360('en', cut(clean(en), 255)),
      new T.LangStringPreferredNameTypeIec61360('ko', cut(clean(meaning.labels.ko), 255)),
    ],
    null,
    null,
    null,
    null,
    null,
    meaning.dataType,
    meaning.definition
      ? [
          new T.LangStringDefinitionTypeIec61360('en', cut(clean(meaning.definition.en || en), TEXT_MAX)),
          ...(meaning.definition.ko ? [new T.LangStringDefinitionTypeIec61360('ko', cut(clean(meaning.definition.ko), TEXT_MAX))] : []),
        ]
      : null,
  );
  return new T.ConceptDescription(
    id,
    null,
    null,
    cdIdShort(id),
    names(meaning.labels),
    meaning.definition ? texts(meaning.definition) : null,
    null,
    [new T.EmbeddedDataSpecification(globalRef(IEC_61360), iec)],
  );
}

/** ConceptDescriptions for the non-vocabulary semanticIds used in the submodels. */
export function semanticConceptDescriptions(
  submodels: readonly aas.types.Submodel[],
  isConcept: (id: string) => boolean,
): aas.types.ConceptDescription[] {
  const meanings = semanticMeanings();
  const out: aas.types.ConceptDescription[] = [];
  for (const id of referencedIds(submodels)) {
    if (isConcept(id)) continue;
    const meaning = meanings.get(id);
    if (meaning) out.push(elementConceptDescription(id, meaning));
  }
  return out;
}

/** A ConceptDescription for every submodel and element semanticId the export can write (the AAS API's list). */
export function allSemanticConceptDescriptions(): aas.types.ConceptDescription[] {
  return [...semanticMeanings()].map(([id, meaning]) => elementConceptDescription(id, meaning));
}
