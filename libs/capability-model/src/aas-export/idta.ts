/**
 * The official IDTA submodel template elements the export writes, with their semanticIds as the
 * published templates give them (admin-shell-io/submodel-templates: IDTA 02002-1-0-1 Contact
 * Information, 02068-1-0 Provision of Company Data, 02020-1-0 Capability Description) and our ko/en
 * display names. Each table entry also becomes a ConceptDescription in the environment.
 */
import type { Header } from './builders';

const h = (idShort: string, semanticId: string, ko: string, en: string): Header => ({ idShort, semanticId, labels: { ko, en } });

const CI = 'https://admin-shell.io/zvei/nameplate/1/0/ContactInformations';
/** IDTA 02002-1-0 Contact Information. */
export const CONTACT = {
  submodel: h('ContactInformations', CI, '연락처 (IDTA 02002)', 'Contact information (IDTA 02002)'),
  contactInformation: h('ContactInformation', `${CI}/ContactInformation`, '연락처', 'Contact information'),
  nameOfContact: h('NameOfContact', '0173-1#02-AAO205#002', '담당자 이름', 'Name of contact'),
  furtherDetailsOfContact: h('FurtherDetailsOfContact', '0173-1#02-AAO210#002', '직책 등 추가 정보', 'Further details of contact'),
  company: h('Company', '0173-1#02-AAW001#001', '회사', 'Company'),
  nationalCode: h('NationalCode', '0173-1#02-AAO134#002', '국가 코드', 'National code'),
  stateCounty: h('StateCounty', '0173-1#02-AAO133#002', '시·도', 'State / county'),
  phone: h('Phone', `${CI}/ContactInformation/Phone`, '전화', 'Phone'),
  telephoneNumber: h('TelephoneNumber', '0173-1#02-AAO136#002', '전화번호', 'Telephone number'),
  email: h('Email', '0173-1#02-AAQ836#005', '이메일', 'E-mail'),
  emailAddress: h('EmailAddress', '0173-1#02-AAO198#002', '이메일 주소', 'E-mail address'),
  addressOfAdditionalLink: h('AddressOfAdditionalLink', '0173-1#02-AAQ326#002', '홈페이지', 'Address of additional link'),
} as const;

const CD = 'https://admin-shell.io/idta/CompanyData';
/** IDTA 02068-1-0 Provision of Company Data. */
export const COMPANY = {
  submodel: h('IdtaCompanyData', `${CD}/1/0/CompanyData`, '기업 정보 (IDTA 02068)', 'Company data (IDTA 02068)'),
  companyIdentification: h('CompanyIdentification', `${CD}/CompanyIdentification/1/0`, '기업 식별 정보', 'Company identification'),
  companyName: h('CompanyName', `${CD}/CompanyName/1/0`, '기업명', 'Company name'),
  homepageUrl: h('HomepageURL', `${CD}/HomepageURL/1/0`, '홈페이지', 'Homepage URL'),
  taxNumber: h('TaxNumber', `${CD}/TaxNumber/1/0`, '사업자등록번호', 'Tax number (business registration number)'),
  foundingYear: h('FoundingYear', `${CD}/FoundingYear/1/0`, '설립 연도', 'Founding year'),
  industries: h('Industries', `${CD}/Industries/1/0`, '업종', 'Industries'),
  industry: h('', `${CD}/Industry/1/0`, '업종', 'Industry'),
} as const;

const CAP = 'https://admin-shell.io/idta/CapabilityDescription';
/** IDTA 02020-1-0 Capability Description. */
export const CAPABILITY = {
  submodel: h(
    'CapabilityDescription',
    'https://admin-shell.io/idta/SubmodelTemplate/CapabilityDescription/1/0',
    'AI 역량 (IDTA 02020)',
    'AI capability description (IDTA 02020)',
  ),
  capabilitySet: h('CapabilitySet', `${CAP}/CapabilitySet/1/0`, '역량 집합', 'Capability set'),
  capabilityContainer: h('', `${CAP}/CapabilityContainer/1/0`, '역량', 'Capability container'),
  capability: h('', `${CAP}/Capability/1/0`, '역량', 'Capability'),
  capabilityComment: h('CapabilityComment', `${CAP}/CapabilityComment/1/0`, '역량 설명', 'Capability comment'),
  propertySet: h('PropertySet', `${CAP}/PropertySet/1/0`, '역량 속성', 'Property set'),
  propertyContainer: h('', `${CAP}/PropertyContainer/1/0`, '속성', 'Property container'),
  propertyList: h('', 'https://admin-shell.io/idta/CapabilityPropertyType/SubmodelElementList/1/0', '속성 값 목록', 'Property list'),
  propertyComment: h('PropertyComment', `${CAP}/PropertyComment/1/0`, '속성 설명', 'Property comment'),
  sameProperty: h('SameProperty', `${CAP}/SameProperty/1/0`, '같은 속성', 'Same property'),
  capabilityRelations: h('CapabilityRelations', `${CAP}/CapabilityRelations/1/0`, '역량 관계', 'Capability relations'),
  capabilityRealizedBy: h('CapabilityRealizedBy', `${CAP}/CapabilityRealizedBy/1/0`, '역량 실현 수단', 'Capability realized by'),
} as const;

/** Every official header above with the template it is from, for ConceptDescriptions. */
export const IDTA_HEADERS: ReadonlyArray<{ header: Header; template: string }> = [
  ...Object.values(CONTACT).map((header) => ({ header, template: 'IDTA 02002-1-0 Contact Information' })),
  ...Object.values(COMPANY).map((header) => ({ header, template: 'IDTA 02068-1-0 Provision of Company Data' })),
  ...Object.values(CAPABILITY).map((header) => ({ header, template: 'IDTA 02020-1-0 Capability Description' })),
];
