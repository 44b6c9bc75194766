/**
 * The official IDTA submodel template elements the export writes, with their semanticIds as the
 * published templates give them (admin-shell-io/submodel-templates: IDTA 02002-1-0-1 Contact
 * Information, 02068-1-0 Provision of Company Data, 02020-1-0 Capability Description) and our ko/en
 * display names. Each table entry also becomes a ConceptDescription in the environment.
 */
import type { Header } from './builders';
import { IDTA_ELEMENTS as E, IDTA_SUBMODELS as S } from '../idta-semantic-ids';

const h = (idShort: string, semanticId: string, ko: string, en: string): Header => ({ idShort, semanticId, labels: { ko, en } });

/** IDTA 02002-1-0 Contact Information. */
export const CONTACT = {
  submodel: h('ContactInformations', S.contactInformation[0], '연락처 (IDTA 02002)', 'Contact information (IDTA 02002)'),
  contactInformation: h('ContactInformation', E.contactInformation, '연락처', 'Contact information'),
  nameOfContact: h('NameOfContact', E.nameOfContact, '담당자 이름', 'Name of contact'),
  furtherDetailsOfContact: h('FurtherDetailsOfContact', E.furtherDetailsOfContact, '직책 등 추가 정보', 'Further details of contact'),
  company: h('Company', E.company, '회사', 'Company'),
  nationalCode: h('NationalCode', E.nationalCode, '국가 코드', 'National code'),
  stateCounty: h('StateCounty', E.stateCounty, '시·도', 'State / county'),
  phone: h('Phone', E.phone, '전화', 'Phone'),
  telephoneNumber: h('TelephoneNumber', E.telephoneNumber, '전화번호', 'Telephone number'),
  email: h('Email', E.email, '이메일', 'E-mail'),
  emailAddress: h('EmailAddress', E.emailAddress, '이메일 주소', 'E-mail address'),
  addressOfAdditionalLink: h('AddressOfAdditionalLink', E.addressOfAdditionalLink, '홈페이지', 'Address of additional link'),
} as const;

/** IDTA 02068-1-0 Provision of Company Data. */
export const COMPANY = {
  submodel: h('IdtaCompanyData', S.companyData[0], '기업 정보 (IDTA 02068)', 'Company data (IDTA 02068)'),
  companyIdentification: h('CompanyIdentification', E.companyIdentification, '기업 식별 정보', 'Company identification'),
  companyName: h('CompanyName', E.companyName, '기업명', 'Company name'),
  homepageUrl: h('HomepageURL', E.homepageUrl, '홈페이지', 'Homepage URL'),
  taxNumber: h('TaxNumber', E.taxNumber, '사업자등록번호', 'Tax number (business registration number)'),
  foundingYear: h('FoundingYear', E.foundingYear, '설립 연도', 'Founding year'),
  industries: h('Industries', E.industries, '업종', 'Industries'),
  industry: h('', E.industry, '업종', 'Industry'),
} as const;

/** IDTA 02020-1-0 Capability Description. */
export const CAPABILITY = {
  submodel: h('CapabilityDescription', S.capabilityDescription[0], 'AI 역량 (IDTA 02020)', 'AI capability description (IDTA 02020)'),
  capabilitySet: h('CapabilitySet', E.capabilitySet, '역량 집합', 'Capability set'),
  capabilityContainer: h('', E.capabilityContainer, '역량', 'Capability container'),
  capability: h('', E.capability, '역량', 'Capability'),
  capabilityComment: h('CapabilityComment', E.capabilityComment, '역량 설명', 'Capability comment'),
  propertySet: h('PropertySet', E.propertySet, '역량 속성', 'Property set'),
  propertyContainer: h('', E.propertyContainer, '속성', 'Property container'),
  propertyList: h('', E.propertyList, '속성 값 목록', 'Property list'),
  propertyComment: h('PropertyComment', E.propertyComment, '속성 설명', 'Property comment'),
  sameProperty: h('SameProperty', E.sameProperty, '같은 속성', 'Same property'),
  capabilityRelations: h('CapabilityRelations', E.capabilityRelations, '역량 관계', 'Capability relations'),
  capabilityRealizedBy: h('CapabilityRealizedBy', E.capabilityRealizedBy, '역량 실현 수단', 'Capability realized by'),
} as const;

/** Every official header above with the template it is from, for ConceptDescriptions. */
export const IDTA_HEADERS: ReadonlyArray<{ header: Header; template: string }> = [
  ...Object.values(CONTACT).map((header) => ({ header, template: 'IDTA 02002-1-0 Contact Information' })),
  ...Object.values(COMPANY).map((header) => ({ header, template: 'IDTA 02068-1-0 Provision of Company Data' })),
  ...Object.values(CAPABILITY).map((header) => ({ header, template: 'IDTA 02020-1-0 Capability Description' })),
];
