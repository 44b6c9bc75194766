/**
 * The one table of official IDTA submodel template semanticIds, as the published templates give them
 * (admin-shell-io/submodel-templates: IDTA 02002-1-0 Contact Information, 02068-1-0 Provision of Company Data,
 * 02020-1-0 Capability Description, 02006-2-0/3-0 Digital Nameplate, 02058-1-0 AI Dataset, 02008-1-1 Time Series
 * Data). The export (aas-export/idta.ts: idShorts and ko/en names per id) and the import (aas-import/idta.ts:
 * version-tolerant matching) both read their ids from here.
 */

const CI = 'https://admin-shell.io/zvei/nameplate/1/0/ContactInformations';
const CD = 'https://admin-shell.io/idta/CompanyData';
const CAP = 'https://admin-shell.io/idta/CapabilityDescription';

/** Submodel semanticIds (each template's, plus the older ones still in use; the first is the one the export writes). */
export const IDTA_SUBMODELS = {
  contactInformation: [CI],
  companyData: [`${CD}/1/0/CompanyData`],
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

/** Element semanticIds of the templates (written by the export and/or read by the import). */
export const IDTA_ELEMENTS = {
  // IDTA 02002 Contact Information (also the AddressInformation of the Digital Nameplate).
  contactInformation: `${CI}/ContactInformation`,
  addressInformation: `${CI}/AddressInformation`,
  nameOfContact: '0173-1#02-AAO205#002',
  firstName: '0173-1#02-AAO206#002',
  furtherDetailsOfContact: '0173-1#02-AAO210#002',
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
  propertyList: 'https://admin-shell.io/idta/CapabilityPropertyType/SubmodelElementList/1/0',
  propertyComment: `${CAP}/PropertyComment/1/0`,
  sameProperty: `${CAP}/SameProperty/1/0`,
  capabilityRelations: `${CAP}/CapabilityRelations/1/0`,
  capabilityRealizedBy: `${CAP}/CapabilityRealizedBy/1/0`,
  // IDTA 02006 Digital Nameplate (3.0 IEC CDD ids, 2.0 ECLASS ids).
  manufacturerName: ['0112/2///61987#ABA565#009', '0173-1#02-AAO677#002'],
  manufacturerProductDesignation: ['0112/2///61987#ABA567#009', '0173-1#02-AAW338#001'],
} as const;
