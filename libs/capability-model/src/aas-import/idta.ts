/**
 * The official semanticIds of the IDTA submodel templates the import reads, as the templates publish them
 * (admin-shell-io/submodel-templates: IDTA 02002-1-0 Contact Information, 02068-1-0 Provision of Company Data,
 * 02020-1-0 Capability Description, 02006-2-0/3-0 Digital Nameplate, 02058-1-0 AI Dataset, 02008-1-1 Time
 * Series Data). IDs are compared after `semanticKey`: without version segments (`/1/0`, `/3/0/1`) and without
 * the version of an IRDI (`#002`), so every version tag a template carries matches.
 */

/** IRI without numeric path segments, `//` and a trailing `/`, lower case; IRDI without its version suffix. */
export function semanticKey(id: string): string {
  const s = id.replace(/\s+/g, '').trim();
  if (/^\d{4}-\d#\d{2}-[A-Z0-9]{3}\d{3}#\d{3}$/i.test(s)) return s.replace(/#\d{3}$/, '').toUpperCase();
  if (/^0112\/2\/\/\/\d+(_\d+)?#[A-Z]{3}\d{3}#\d{3}$/i.test(s)) return s.replace(/#\d{3}$/, '').toUpperCase();
  const m = /^([a-z][a-z0-9+.-]*:\/\/)(.*)$/i.exec(s);
  if (!m) return s.toLowerCase();
  const path = m[2]
    .split('/')
    .filter((seg) => seg !== '' && !/^\d+$/.test(seg))
    .join('/');
  return `${m[1]}${path}`.toLowerCase();
}

const CI = 'https://admin-shell.io/zvei/nameplate/1/0/ContactInformations';
const CD = 'https://admin-shell.io/idta/CompanyData';
const CAP = 'https://admin-shell.io/idta/CapabilityDescription';

/** Submodel semanticIds (each template's, plus the older ones still in use). */
export const IDTA_SUBMODELS = {
  contactInformation: [CI],
  companyData: ['https://admin-shell.io/idta/CompanyData/1/0/CompanyData'],
  capabilityDescription: ['https://admin-shell.io/idta/SubmodelTemplate/CapabilityDescription/1/0'],
  digitalNameplate: [
    'https://admin-shell.io/idta/nameplate/3/0/Nameplate',
    'https://admin-shell.io/zvei/nameplate/2/0/Nameplate',
    'https://admin-shell.io/zvei/nameplate/1/0/Nameplate',
  ],
  aiDataset: ['https://admin-shell.io/idta/SubmodelTemplate/AIDataset/1/0'],
  timeSeries: ['https://admin-shell.io/idta/TimeSeries/1/1'],
} as const;

export type IdtaTemplate = keyof typeof IDTA_SUBMODELS;

/** Element semanticIds the import reads. */
export const IDTA_ELEMENTS = {
  // IDTA 02002 Contact Information (also the AddressInformation of the Digital Nameplate).
  contactInformation: `${CI}/ContactInformation`,
  addressInformation: `${CI}/AddressInformation`,
  nameOfContact: '0173-1#02-AAO205#002',
  firstName: '0173-1#02-AAO206#002',
  roleOfContactPerson: '0173-1#02-AAO204#003',
  company: '0173-1#02-AAW001#001',
  department: '0173-1#02-AAO127#003',
  phone: `${CI}/ContactInformation/Phone`,
  telephoneNumber: '0173-1#02-AAO136#002',
  email: '0173-1#02-AAQ836#005',
  emailAddress: '0173-1#02-AAO198#002',
  cityTown: '0173-1#02-AAO132#002',
  stateCounty: '0173-1#02-AAO133#002',
  nationalCode: '0173-1#02-AAO134#002',
  addressOfAdditionalLink: '0173-1#02-AAQ326#002',
  // IDTA 02068 Provision of Company Data.
  companyIdentification: `${CD}/CompanyIdentification/1/0`,
  companyName: `${CD}/CompanyName/1/0`,
  companyDescription: `${CD}/CompanyDescription/1/0`,
  homepageUrl: `${CD}/HomepageURL/1/0`,
  commercialRegisterNumber: `${CD}/CommercialRegisterNumber/1/0`,
  taxNumber: `${CD}/TaxNumber/1/0`,
  vatNumber: `${CD}/VATNumber/1/0`,
  foundingYear: `${CD}/FoundingYear/1/0`,
  industries: `${CD}/Industries/1/0`,
  industry: `${CD}/Industry/1/0`,
  // IDTA 02020 Capability Description.
  capabilitySet: `${CAP}/CapabilitySet/1/0`,
  capabilityContainer: `${CAP}/CapabilityContainer/1/0`,
  capability: `${CAP}/Capability/1/0`,
  capabilityComment: `${CAP}/CapabilityComment/1/0`,
  propertySet: `${CAP}/PropertySet/1/0`,
  propertyContainer: `${CAP}/PropertyContainer/1/0`,
  capabilityRelations: `${CAP}/CapabilityRelations/1/0`,
  // IDTA 02006 Digital Nameplate (3.0 IEC CDD ids, 2.0 ECLASS ids).
  manufacturerName: ['0112/2///61987#ABA565#009', '0173-1#02-AAO677#002'],
  manufacturerProductDesignation: ['0112/2///61987#ABA567#009', '0173-1#02-AAW338#001'],
} as const;

const SUBMODEL_KEYS = new Map<string, IdtaTemplate>(
  Object.entries(IDTA_SUBMODELS).flatMap(([t, ids]) => ids.map((id) => [semanticKey(id), t as IdtaTemplate] as const)),
);

/** The template a submodel semanticId names, whatever its version tag. */
export function idtaTemplateOf(semanticIds: readonly string[]): IdtaTemplate | null {
  for (const id of semanticIds) {
    const t = SUBMODEL_KEYS.get(semanticKey(id));
    if (t) return t;
  }
  return null;
}

/** Whether one of `semanticIds` is `expected` (one id or several), whatever the version tags. */
export function isSemantic(semanticIds: readonly string[], expected: string | readonly string[]): boolean {
  const want = (typeof expected === 'string' ? [expected] : expected).map(semanticKey);
  return semanticIds.some((id) => want.includes(semanticKey(id)));
}
