/**
 * The submodels that follow the official IDTA templates, written beside the product's own
 * (`urn:aimatch:submodel:…`) submodels: the own ones carry every listing field for exact round
 * trips, these carry the same facts in the structure other AAS tools understand.
 *
 * - ContactInformations (IDTA 02002): the listing's contact, the company's name and region.
 * - IdtaCompanyData (IDTA 02068): CompanyIdentification of the owning organization.
 * - CapabilityDescription (IDTA 02020): a CapabilitySet with one CapabilityContainer per AI task
 *   (a `Capability` whose semanticId is the task concept), its PropertySet (modalities, industries,
 *   deployments, integrations, languages; later containers point to the first one's properties with
 *   SameProperty relationships) and, for an offer, CapabilityRealizedBy the listed asset.
 *
 * IDTA 02006 (nameplate of a physical product) and 02058 / 02008 (a concrete data set / time
 * series with URI, storage, file types and records) are not written: a listing is neither, and
 * their mandatory elements have nothing to be filled from.
 */
import type * as aas from '@aas-core-works/aas-core3.0-typescript';
import type { CapabilityElements, CompanyData, ContactInformation, ListingContent } from '../submodels';
import { AI_CAPABILITY_TEMPLATE, AI_REQUIREMENT_TEMPLATE } from '../templates';
import type { Vocabulary } from '../vocabulary';
import { clean, type Element, globalRef, type Header, idShortOf, mlp, modelRef, names, prop, smc, sml, T, texts } from './builders';
import { CAPABILITY, COMPANY, CONTACT } from './idta';

export interface TemplateSubmodelInput {
  content: ListingContent;
  company: CompanyData | null;
  shellId: string;
  globalAssetId: string;
  withhold: { contact?: boolean; businessRegistrationNumber?: boolean };
  /** The listing version as administration.version, when it fits. */
  version: string | null;
}

function submodel(h: Header, id: string, version: string | null, elements: Element[]): aas.types.Submodel {
  return new T.Submodel(
    id,
    null,
    null,
    h.idShort,
    names(h.labels),
    null,
    new T.AdministrativeInformation(null, version, null, null, h.semanticId),
    T.ModellingKind.Instance,
    globalRef(h.semanticId),
    null,
    null,
    null,
    elements,
  );
}

const present = <X>(xs: Array<X | null | false | undefined | '' | 0>): X[] => xs.filter((x): x is X => !!x);

function regionParts(regionId: string | null, vocabulary: Vocabulary): Element[] {
  const region = regionId ? vocabulary.get(regionId) : undefined;
  if (!region) return [];
  const korean = region.code?.startsWith('KR') ?? false;
  return present([korean && mlp(CONTACT.nationalCode, { en: 'KR' }), mlp(CONTACT.stateCounty, region.labels, region.id)]);
}

export function contactSubmodel(
  contact: ContactInformation,
  company: CompanyData | null,
  id: string,
  version: string | null,
  vocabulary: Vocabulary,
): aas.types.Submodel {
  const c = CONTACT;
  const info = smc(
    c.contactInformation,
    present([
      company && mlp(c.company, { ko: company.nameKo, en: company.nameEn ?? undefined }),
      ...(company ? regionParts(company.regionId, vocabulary) : []),
      contact.phone && smc(c.phone, [mlp(c.telephoneNumber, { ko: contact.phone })]),
      smc(c.email, [prop(c.emailAddress, contact.email)]),
      mlp(c.nameOfContact, { ko: contact.name }),
      contact.role && mlp(c.furtherDetailsOfContact, { ko: contact.role }),
      company?.website && prop(c.addressOfAdditionalLink, company.website),
    ]),
  );
  return submodel(c.submodel, id, version, [info]);
}

export function companySubmodel(
  company: CompanyData,
  id: string,
  version: string | null,
  withholdBrn: boolean,
  vocabulary: Vocabulary,
): aas.types.Submodel {
  const c = COMPANY;
  const industry = company.industryId ? vocabulary.get(company.industryId) : undefined;
  const identification = smc(
    c.companyIdentification,
    present([
      prop(c.companyName, company.nameKo),
      company.website && mlp(c.homepageUrl, { en: company.website }),
      !withholdBrn && company.businessRegistrationNumber && prop(c.taxNumber, company.businessRegistrationNumber),
      typeof company.foundedYear === 'number' && prop(c.foundingYear, String(company.foundedYear).padStart(4, '0'), T.DataTypeDefXsd.GYear),
      industry &&
        sml(
          c.industries,
          T.AasSubmodelElements.MultiLanguageProperty,
          [mlp(c.industry, industry.labels, industry.id)],
          c.industry.semanticId,
        ),
    ]),
  );
  return submodel(c.submodel, id, version, [identification]);
}

const PROPERTY_KEYS = ['modalities', 'industries', 'deployments', 'integrations', 'languages'] as const;

export function capabilitySubmodel(
  content: ListingContent,
  id: string,
  globalAssetId: string,
  version: string | null,
  vocabulary: Vocabulary,
): aas.types.Submodel | null {
  const supply = content.kind === 'SUPPLY';
  const elements: CapabilityElements = supply ? content.capability : content.requirement;
  const template = supply ? AI_CAPABILITY_TEMPLATE : AI_REQUIREMENT_TEMPLATE;
  const tasks = (elements.tasks ?? []).filter((t) => typeof t === 'string' && t !== '');
  if (!tasks.length) return null;
  const c = CAPABILITY;
  const K = T.KeyTypes;
  const setPath: Array<[aas.types.KeyTypes, string]> = [[K.SubmodelElementCollection, c.capabilitySet.idShort!]];
  const containerId = (i: number) => `CapabilityContainer${String(i).padStart(2, '0')}`;
  const filled = PROPERTY_KEYS.filter((key) => (elements[key] ?? []).length > 0);

  const containers = tasks.map((task, i) => {
    const concept = vocabulary.get(task);
    const capabilityIdShort = idShortOf(task.replace(/^urn:aimatch:/, ''), 'capability');
    const containerPath: Array<[aas.types.KeyTypes, string]> = [...setPath, [K.SubmodelElementCollection, containerId(i)]];
    const capability = new T.Capability(
      null,
      null,
      capabilityIdShort,
      concept ? names(concept.labels) : null,
      concept ? texts(concept.definition) : null,
      globalRef(task),
      [globalRef(c.capability.semanticId)],
    );
    const propertyContainers = filled.map((key) => {
      const el = template.elements.find((e) => e.idShort === key)!;
      const header: Header = { idShort: key, semanticId: c.propertyContainer.semanticId, labels: el.labels };
      if (i > 0) {
        const own: Array<[aas.types.KeyTypes, string]> = [
          ...containerPath,
          [K.SubmodelElementCollection, 'PropertySet'],
          [K.SubmodelElementCollection, key],
        ];
        const first: Array<[aas.types.KeyTypes, string]> = [
          ...setPath,
          [K.SubmodelElementCollection, containerId(0)],
          [K.SubmodelElementCollection, 'PropertySet'],
          [K.SubmodelElementCollection, key],
          [K.SubmodelElementList, key],
        ];
        const same = new T.RelationshipElement(
          modelRef(id, own),
          modelRef(id, first),
          null,
          null,
          c.sameProperty.idShort,
          names(c.sameProperty.labels),
          null,
          globalRef(c.sameProperty.semanticId),
        );
        return smc(header, [same]);
      }
      const values = (elements[key] ?? []).filter((v): v is string => typeof v === 'string');
      const concepts = key !== 'languages';
      const items = values.map((v) =>
        prop({ idShort: null, semanticId: '', labels: { ko: '', en: '' } }, v, T.DataTypeDefXsd.String, concepts ? v : null),
      );
      for (const item of items) item.semanticId = null;
      const list = sml(
        { idShort: key, semanticId: el.semanticId, labels: el.labels, supplemental: [c.propertyList.semanticId] },
        T.AasSubmodelElements.Property,
        items,
        null,
        T.DataTypeDefXsd.String,
      );
      return smc(header, [list, mlp(c.propertyComment, el.labels)]);
    });
    const relations = supply
      ? smc(c.capabilityRelations, [
          new T.RelationshipElement(
            modelRef(id, [...containerPath, [K.Capability, capabilityIdShort]]),
            globalRef(globalAssetId),
            null,
            null,
            c.capabilityRealizedBy.idShort,
            names(c.capabilityRealizedBy.labels),
            null,
            globalRef(c.capabilityRealizedBy.semanticId),
          ),
        ])
      : null;
    return smc(
      { ...c.capabilityContainer, idShort: containerId(i), labels: concept?.labels ?? c.capabilityContainer.labels },
      present([
        capability,
        concept && mlp(c.capabilityComment, concept.labels),
        propertyContainers.length > 0 && smc(c.propertySet, propertyContainers),
        relations,
      ]),
    );
  });
  const set = smc(c.capabilitySet, containers, template.labels);
  return submodel(c.submodel, id, version, [set]);
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? clean(v) : null);
const rec = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x !== '').map(clean) : [];

/** Content as the types promise it, whatever the caller passed (export never throws a TypeError). */
function sane(input: TemplateSubmodelInput): { content: ListingContent; company: CompanyData | null } {
  const c = rec(input.content);
  const contact = rec(c.contact);
  const caps = rec(c.kind === 'SUPPLY' ? c.capability : c.requirement);
  const elements: CapabilityElements = {
    tasks: strings(caps.tasks),
    modalities: strings(caps.modalities),
    industries: strings(caps.industries),
    deployments: strings(caps.deployments),
    integrations: strings(caps.integrations),
    languages: strings(caps.languages),
  };
  const saneContact: ContactInformation | null = input.content?.contact
    ? { name: str(contact.name) ?? '', role: str(contact.role), email: str(contact.email) ?? '', phone: str(contact.phone) }
    : null;
  const content = {
    kind: c.kind,
    contact: saneContact,
    ...(c.kind === 'SUPPLY' ? { capability: elements } : { requirement: elements }),
  } as unknown as ListingContent;
  const k = input.company ? rec(input.company) : null;
  const year = k?.foundedYear;
  const company: CompanyData | null = k
    ? {
        nameKo: str(k.nameKo) ?? '',
        nameEn: str(k.nameEn),
        businessRegistrationNumber: str(k.businessRegistrationNumber) ?? '',
        regionId: str(k.regionId),
        industryId: str(k.industryId),
        website: str(k.website),
        foundedYear: typeof year === 'number' && Number.isInteger(year) && year >= 1 && year <= 9999 ? year : null,
      }
    : null;
  return { content, company };
}

/** The template-following submodels of one listing, in export order. */
export function templateSubmodels(input: TemplateSubmodelInput, vocabulary: Vocabulary): aas.types.Submodel[] {
  const { shellId, withhold, version } = input;
  const { content, company } = sane(input);
  const id = (name: string) => `${shellId}/submodels/${name}`;
  return present([
    capabilitySubmodel(content, id(CAPABILITY.submodel.idShort!), input.globalAssetId, version, vocabulary),
    !withhold.contact && content.contact && contactSubmodel(content.contact, company, id(CONTACT.submodel.idShort!), version, vocabulary),
    company && companySubmodel(company, id(COMPANY.submodel.idShort!), version, !!withhold.businessRegistrationNumber, vocabulary),
  ]);
}
