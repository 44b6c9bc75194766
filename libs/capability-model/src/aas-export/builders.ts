/** Small aas-core builders for the template-following export (no dependency on aas.ts, which imports this folder). */
import * as aas from '@aas-core-works/aas-core3.0-typescript';
import { INVALID_TEXT_CHARACTERS } from '../validate';
import type { LocalizedText } from '../vocabulary';

export const T = aas.types;
export type Element = aas.types.ISubmodelElement;

const INVALID_GLOBAL = new RegExp(INVALID_TEXT_CHARACTERS.source, 'gu');
export const NAME_MAX = 128;
export const TEXT_MAX = 1023;

export function clean(s: string): string {
  return s.replace(INVALID_GLOBAL, '\uFFFD');
}

/** Cuts to at most `max` UTF-16 units without splitting a surrogate pair. */
export function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  const end = /[\uD800-\uDBFF]/.test(s[max - 1]) ? max - 1 : max;
  return s.slice(0, end);
}

export function globalRef(value: string): aas.types.Reference {
  return new T.Reference(T.ReferenceTypes.ExternalReference, [new T.Key(T.KeyTypes.GlobalReference, value)]);
}

/** A ModelReference: the submodel, then the idShort path of collections (list items by index). */
export function modelRef(submodelId: string, path: Array<[aas.types.KeyTypes, string]>): aas.types.Reference {
  return new T.Reference(T.ReferenceTypes.ModelReference, [
    new T.Key(T.KeyTypes.Submodel, submodelId),
    ...path.map(([type, value]) => new T.Key(type, value)),
  ]);
}

type Texts = Array<[string, string | null | undefined]>;

function langs<L>(texts: Texts, max: number, make: (l: string, t: string) => L): L[] | null {
  const out = texts
    .filter((t): t is [string, string] => typeof t[1] === 'string' && t[1].trim() !== '')
    .map(([l, t]) => make(l, cut(clean(t), max)));
  return out.length ? out : null;
}

export function names(labels: LocalizedText): aas.types.LangStringNameType[] | null {
  return langs(
    [
      ['ko', labels.ko],
      ['en', labels.en],
    ],
    NAME_MAX,
    (l, t) => new T.LangStringNameType(l, t),
  );
}

export function texts(labels: Partial<LocalizedText>): aas.types.LangStringTextType[] | null {
  return langs(
    [
      ['ko', labels.ko],
      ['en', labels.en],
    ],
    TEXT_MAX,
    (l, t) => new T.LangStringTextType(l, t),
  );
}

/** What every element of an official template carries: idShort, its semanticId and our ko/en display name. */
export interface Header {
  idShort: string | null;
  semanticId: string;
  labels: LocalizedText;
  /** Our own id of the same meaning (urn:aimatch:…), as supplementalSemanticId. */
  supplemental?: readonly string[];
}

const sup = (h: Header) => (h.supplemental?.length ? h.supplemental.map(globalRef) : null);

export function prop(
  h: Header,
  value: string | null,
  valueType = T.DataTypeDefXsd.String,
  valueId: string | null = null,
): aas.types.Property {
  return new T.Property(
    valueType,
    null,
    null,
    h.idShort || null,
    names(h.labels),
    null,
    globalRef(h.semanticId),
    sup(h),
    null,
    null,
    value === null ? null : clean(value),
    valueId ? globalRef(valueId) : null,
  );
}

export function mlp(h: Header, value: Partial<LocalizedText>, valueId: string | null = null): aas.types.MultiLanguageProperty {
  return new T.MultiLanguageProperty(
    null,
    null,
    h.idShort || null,
    names(h.labels),
    null,
    globalRef(h.semanticId),
    sup(h),
    null,
    null,
    texts(value),
    valueId ? globalRef(valueId) : null,
  );
}

export function smc(h: Header, value: Element[], description: Partial<LocalizedText> | null = null): aas.types.SubmodelElementCollection {
  return new T.SubmodelElementCollection(
    null,
    null,
    h.idShort || null,
    names(h.labels),
    description ? texts(description) : null,
    globalRef(h.semanticId),
    sup(h),
    null,
    null,
    value.length ? value : null,
  );
}

/** A list whose items share `itemSemanticId` (AASd-107) and carry no idShort (AASd-120). */
export function sml(
  h: Header,
  type: aas.types.AasSubmodelElements,
  items: Element[],
  itemSemanticId: string | null,
  valueType: aas.types.DataTypeDefXsd | null = null,
): aas.types.SubmodelElementList {
  return new T.SubmodelElementList(
    type,
    null,
    null,
    h.idShort || null,
    names(h.labels),
    null,
    globalRef(h.semanticId),
    sup(h),
    null,
    null,
    true,
    itemSemanticId ? globalRef(itemSemanticId) : null,
    valueType,
    items.length ? items : null,
  );
}

/** An idShort from any text: ASCII letters, digits and `_`, starting with a letter. */
export function idShortOf(raw: string, prefix = 'x'): string {
  let s = raw.replace(/[^A-Za-z0-9_]/g, '_').replace(/_+/g, '_');
  if (!/^[A-Za-z]/.test(s)) s = `${prefix}_${s}`;
  s = cut(s, NAME_MAX).replace(/_+$/, '');
  return /[A-Za-z0-9]$/.test(s) ? s : `${s}0`;
}
