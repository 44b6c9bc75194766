/**
 * The submodel templates as data: what each submodel of a listing holds, how each element is
 * typed and bounded, and under which semanticId it is exported. `validate.ts` and `aas.ts`
 * interpret these tables; neither hard-codes an element.
 *
 * Element idShorts are the keys of the content types in `submodels.ts` (a multi-language element
 * names its content keys per language in `keys`), so a validation path such as
 * `AIRequirement.tasks[2]` is at the same time the content path and the AAS idShort path.
 */
import { MAX_LIST_ITEMS, TEXT_LIMITS } from '@aimatch/contracts';
import type { ListingKind } from './submodels';
import type { LocalizedText } from './vocabulary';

export type SchemeId = 'task' | 'modality' | 'industry' | 'deployment' | 'integration' | 'certification' | 'region';

/** Formats a string element must have: checked by validation, not expressible in AAS itself. */
export type StringFormat = 'email' | 'url' | 'phone' | 'iso639-1' | 'business-registration-number';

/** The maximum number of items of every list element (shared with the web through libs/contracts). */
export { MAX_LIST_ITEMS } from '@aimatch/contracts';

interface ElementBase {
  /** ASCII AAS idShort, equal to the content key (see `keys` for multi-language strings). */
  idShort: string;
  /** Exported as the element's semanticId (ExternalReference, GlobalReference key). */
  semanticId: string;
  labels: LocalizedText;
  /** Must be present (non-blank / at least `minItems`) in every saved listing. */
  required?: boolean;
  /** Must be present when the listing is submitted for review. */
  requiredForSubmission?: boolean;
  /** ListingInformation only: the listing kinds that carry the element (all when absent). */
  kinds?: readonly ListingKind[];
}

/** A vocabulary concept id of one scheme; null when not given. AAS: Property with valueId. */
export interface ConceptElement extends ElementBase {
  valueType: 'concept';
  scheme: SchemeId;
}

/** Concept ids of one scheme, no duplicates. AAS: SubmodelElementList of Properties with valueId. */
export interface ConceptListElement extends ElementBase {
  valueType: 'conceptList';
  scheme: SchemeId;
  maxItems: number;
  /** With `required`: the least number of items (reported as `required`). */
  minItems?: number;
}

/** Plain text; null when optional and not given. AAS: Property xs:string. */
export interface StringElement extends ElementBase {
  valueType: 'string';
  maxLength: number;
  format?: StringFormat;
}

/** Short codes (ISO 639-1), no duplicates. AAS: SubmodelElementList of Properties xs:string. */
export interface StringListElement extends ElementBase {
  valueType: 'stringList';
  maxItems: number;
  format: StringFormat;
}

/**
 * Human text in Korean (content key `keys.ko`) and, when `keys.en` is given, English.
 * AAS: MultiLanguageProperty (ko, en); a text longer than AAS allows in one LangString (1,023
 * UTF-16 units) is exported as a SubmodelElementList of MultiLanguageProperty chunks.
 */
export interface MultiLanguageStringElement extends ElementBase {
  valueType: 'multiLanguageString';
  /** In characters (code points), per language. */
  maxLength: number;
  keys: { ko: string; en?: string };
}

/** A whole number; null when not given. AAS: Property of `aasValueType`. */
export interface IntegerElement extends ElementBase {
  valueType: 'integer';
  min?: number;
  max?: number;
  aasValueType: 'xs:int' | 'xs:long';
}

export interface BooleanElement extends ElementBase {
  valueType: 'boolean';
  /** Taken when an imported submodel lacks the element. */
  default: boolean;
}

/** `yyyy-mm-dd`. AAS: Property xs:date. */
export interface DateElement extends ElementBase {
  valueType: 'date';
}

/** ISO 8601 date-time with seconds and an offset (`Z` or `±hh:mm`). AAS: Property xs:dateTime. */
export interface DateTimeElement extends ElementBase {
  valueType: 'dateTime';
  /** When submitting, the value must be later than now (`past-deadline`). */
  futureOnSubmission?: boolean;
}

/** One of `allowedValues`. AAS: Property xs:string. */
export interface EnumElement extends ElementBase {
  valueType: 'enum';
  allowedValues: readonly string[];
  /** Taken when an imported submodel lacks the element. */
  default?: string;
  /** Rule id for a value outside `allowedValues` (default `enum`). */
  unknownValueRule?: string;
}

/** A list of records. AAS: SubmodelElementList of SubmodelElementCollections. */
export interface CollectionListElement extends ElementBase {
  valueType: 'collectionList';
  maxItems: number;
  elements: readonly TemplateElement[];
  /** A key that must not repeat across items (`duplicate`). */
  uniqueBy?: string;
}

export type TemplateElement =
  | ConceptElement
  | ConceptListElement
  | StringElement
  | StringListElement
  | MultiLanguageStringElement
  | IntegerElement
  | BooleanElement
  | DateElement
  | DateTimeElement
  | EnumElement
  | CollectionListElement;

export type ValueType = TemplateElement['valueType'];

/** Cross-element rules of a submodel. */
export type TemplateConstraint = {
  kind: 'minNotGreaterThanMax';
  /** Reported here as `min-greater-than-max`. */
  min: string;
  max: string;
};

/** A published IDTA submodel template that ours is modelled after (exported as supplementalSemanticId). */
export interface TemplateSource {
  id: string;
  title: string;
  semanticId: string;
}

export type ContentKey = 'requirement' | 'capability' | 'dataProfile' | 'commercialTerms' | 'contact' | 'trustProfile';

export interface SubmodelTemplate {
  /** ASCII idShort; also the first segment of validation paths. */
  idShort: string;
  /** Our own template IRI, `urn:aimatch:submodel:<Name>:<version>:<revision>`. */
  semanticId: string;
  version: string;
  revision: string;
  labels: LocalizedText;
  description: LocalizedText;
  /** The IDTA templates this one is after. Not the semanticId: our structure is not theirs. */
  basedOn: readonly TemplateSource[];
  /** The key of the listing content holding the submodel; null for ListingInformation (top-level fields) and CompanyData. */
  contentKey: ContentKey | null;
  /** The listing kinds that carry the submodel. */
  kinds: readonly ListingKind[];
  elements: readonly TemplateElement[];
  constraints?: readonly TemplateConstraint[];
}

const BOTH: readonly ListingKind[] = ['DEMAND', 'SUPPLY'];

export const IDTA = {
  capabilityDescription: {
    id: 'IDTA 02020-1-0',
    title: 'Capability Description',
    semanticId: 'https://admin-shell.io/idta/SubmodelTemplate/CapabilityDescription/1/0',
  },
  aiDataset: {
    id: 'IDTA 02058-1-0',
    title: 'Artificial Intelligence Dataset',
    semanticId: 'https://admin-shell.io/idta/SubmodelTemplate/AIDataset/1/0',
  },
  timeSeries: { id: 'IDTA 02008-1-1', title: 'Time Series Data', semanticId: 'https://admin-shell.io/idta/TimeSeries/1/1' },
  companyData: {
    id: 'IDTA 02068-1-0',
    title: 'Provision of Company Data',
    semanticId: 'https://admin-shell.io/idta/CompanyData/1/0/CompanyData',
  },
  digitalNameplate: {
    id: 'IDTA 02006-3-0',
    title: 'Digital Nameplate for Industrial Equipment',
    semanticId: 'https://admin-shell.io/idta/nameplate/3/0/Nameplate',
  },
  contactInformation: {
    id: 'IDTA 02002-1-0',
    title: 'Contact Information',
    semanticId: 'https://admin-shell.io/zvei/nameplate/1/0/ContactInformations',
  },
} as const satisfies Record<string, TemplateSource>;

const submodelIri = (name: string) => `urn:aimatch:submodel:${name}:1:0`;
/** Element semanticIds; AICapability and AIRequirement share theirs (group `Capability`) so that they compare element by element. */
const elementIri = (group: string, ...path: string[]) => `urn:aimatch:element:${group}:${path.join(':')}`;

/**
 * Offered capabilities must name at least one task, always. A demand's draft may be prose only
 * (the editor proposes tasks inferred from the text), but a demand is submitted for review with
 * at least one task named: the required AI task is what bids and matching answer (#14 item 7).
 */
function capabilityElements(tasksRequired: boolean): TemplateElement[] {
  const e = (idShort: string, scheme: SchemeId, ko: string, en: string, extra: Partial<ConceptListElement> = {}): ConceptListElement => ({
    idShort,
    semanticId: elementIri('Capability', idShort),
    labels: { ko, en },
    valueType: 'conceptList',
    scheme,
    maxItems: MAX_LIST_ITEMS,
    ...extra,
  });
  return [
    e(
      'tasks',
      'task',
      'AI 과제 유형',
      'AI tasks',
      tasksRequired ? { required: true, minItems: 1 } : { requiredForSubmission: true, minItems: 1 },
    ),
    e('modalities', 'modality', '데이터 유형', 'Data modalities'),
    e('industries', 'industry', '산업', 'Industries'),
    e('deployments', 'deployment', '구축 방식', 'Deployment models'),
    e('integrations', 'integration', '연동 시스템', 'Integrations'),
    {
      idShort: 'languages',
      semanticId: elementIri('Capability', 'languages'),
      labels: { ko: '처리 언어', en: 'Languages' },
      valueType: 'stringList',
      format: 'iso639-1',
      maxItems: MAX_LIST_ITEMS,
    },
  ];
}

export const AI_REQUIREMENT_TEMPLATE: SubmodelTemplate = {
  idShort: 'AIRequirement',
  semanticId: submodelIri('AIRequirement'),
  version: '1',
  revision: '0',
  labels: { ko: '요구 AI 역량', en: 'Required AI capability' },
  description: {
    ko: '수요 기업이 필요로 하는 AI 역량 (IDTA 02020 Capability Description의 required capability).',
    en: 'The AI capability a demand requires (the required capability of IDTA 02020 Capability Description).',
  },
  basedOn: [IDTA.capabilityDescription],
  contentKey: 'requirement',
  kinds: ['DEMAND'],
  elements: capabilityElements(false),
};

export const AI_CAPABILITY_TEMPLATE: SubmodelTemplate = {
  idShort: 'AICapability',
  semanticId: submodelIri('AICapability'),
  version: '1',
  revision: '0',
  labels: { ko: '제공 AI 역량', en: 'Offered AI capability' },
  description: {
    ko: '공급 기업이 제공하는 AI 역량 (IDTA 02020 Capability Description의 offered capability).',
    en: 'The AI capability a supplier offers (the offered capability of IDTA 02020 Capability Description).',
  },
  basedOn: [IDTA.capabilityDescription],
  contentKey: 'capability',
  kinds: ['SUPPLY'],
  elements: capabilityElements(true),
};

export const LABELLING_STATES = ['LABELLED', 'PARTIALLY_LABELLED', 'UNLABELLED', 'UNKNOWN'] as const;

export const DATA_PROFILE_TEMPLATE: SubmodelTemplate = {
  idShort: 'DataProfile',
  semanticId: submodelIri('DataProfile'),
  version: '1',
  revision: '0',
  labels: { ko: '보유 데이터', en: 'Data profile' },
  description: { ko: '수요 기업이 보유한 데이터의 종류와 규모.', en: 'The kinds and volume of data the demanding company holds.' },
  basedOn: [IDTA.aiDataset, IDTA.timeSeries],
  contentKey: 'dataProfile',
  kinds: ['DEMAND'],
  elements: [
    {
      idShort: 'dataKinds',
      semanticId: elementIri('DataProfile', 'dataKinds'),
      labels: { ko: '데이터 유형', en: 'Data kinds' },
      valueType: 'conceptList',
      scheme: 'modality',
      maxItems: MAX_LIST_ITEMS,
    },
    {
      idShort: 'systems',
      semanticId: elementIri('DataProfile', 'systems'),
      labels: { ko: '데이터 보관 시스템', en: 'Systems holding the data' },
      valueType: 'conceptList',
      scheme: 'integration',
      maxItems: MAX_LIST_ITEMS,
    },
    {
      idShort: 'volumeDescription',
      semanticId: elementIri('DataProfile', 'volumeDescription'),
      labels: { ko: '데이터 규모', en: 'Volume' },
      valueType: 'multiLanguageString',
      maxLength: 200,
      keys: { ko: 'volumeDescription' },
    },
    {
      idShort: 'approximateRecords',
      semanticId: elementIri('DataProfile', 'approximateRecords'),
      labels: { ko: '대략적인 건수', en: 'Approximate records' },
      valueType: 'integer',
      min: 0,
      aasValueType: 'xs:long',
    },
    {
      idShort: 'labelling',
      semanticId: elementIri('DataProfile', 'labelling'),
      labels: { ko: '라벨링 상태', en: 'Labelling' },
      valueType: 'enum',
      allowedValues: LABELLING_STATES,
      default: 'UNKNOWN',
    },
    {
      idShort: 'sampleAvailable',
      semanticId: elementIri('DataProfile', 'sampleAvailable'),
      labels: { ko: '샘플 제공 가능', en: 'Sample available' },
      valueType: 'boolean',
      default: false,
    },
    {
      idShort: 'containsPersonalData',
      semanticId: elementIri('DataProfile', 'containsPersonalData'),
      labels: { ko: '개인정보 포함', en: 'Contains personal data' },
      valueType: 'boolean',
      default: false,
    },
  ],
};

export const COMMERCIAL_TERMS_TEMPLATE: SubmodelTemplate = {
  idShort: 'CommercialTerms',
  semanticId: submodelIri('CommercialTerms'),
  version: '1',
  revision: '0',
  labels: { ko: '거래 조건', en: 'Commercial terms' },
  description: {
    ko: '예산(수요) 또는 가격(공급) 범위(원)와 일정.',
    en: 'Budget (demand) or price (supply) range in KRW, and timing.',
  },
  basedOn: [],
  contentKey: 'commercialTerms',
  kinds: BOTH,
  elements: [
    {
      idShort: 'currency',
      semanticId: elementIri('CommercialTerms', 'currency'),
      labels: { ko: '통화', en: 'Currency' },
      valueType: 'enum',
      allowedValues: ['KRW'],
      default: 'KRW',
      required: true,
    },
    {
      idShort: 'minAmountKrw',
      semanticId: elementIri('CommercialTerms', 'minAmountKrw'),
      labels: { ko: '최소 금액(원)', en: 'Minimum amount (KRW)' },
      valueType: 'integer',
      min: 0,
      aasValueType: 'xs:long',
    },
    {
      idShort: 'maxAmountKrw',
      semanticId: elementIri('CommercialTerms', 'maxAmountKrw'),
      labels: { ko: '최대 금액(원)', en: 'Maximum amount (KRW)' },
      valueType: 'integer',
      min: 0,
      aasValueType: 'xs:long',
    },
    {
      idShort: 'leadTimeWeeks',
      semanticId: elementIri('CommercialTerms', 'leadTimeWeeks'),
      labels: { ko: '통상 구축 기간(주)', en: 'Typical lead time (weeks)' },
      valueType: 'integer',
      min: 1,
      max: 260,
      aasValueType: 'xs:int',
    },
    {
      idShort: 'desiredStartDate',
      semanticId: elementIri('CommercialTerms', 'desiredStartDate'),
      labels: { ko: '희망 착수일', en: 'Desired start date' },
      valueType: 'date',
    },
    {
      idShort: 'durationWeeks',
      semanticId: elementIri('CommercialTerms', 'durationWeeks'),
      labels: { ko: '예상 기간(주)', en: 'Expected duration (weeks)' },
      valueType: 'integer',
      min: 1,
      max: 260,
      aasValueType: 'xs:int',
    },
  ],
  constraints: [{ kind: 'minNotGreaterThanMax', min: 'minAmountKrw', max: 'maxAmountKrw' }],
};

export const CONTACT_INFORMATION_TEMPLATE: SubmodelTemplate = {
  idShort: 'ContactInformation',
  semanticId: submodelIri('ContactInformation'),
  version: '1',
  revision: '0',
  labels: { ko: '담당자 연락처', en: 'Contact information' },
  description: { ko: '이 등록 건의 담당자.', en: 'The person to contact about this listing.' },
  basedOn: [IDTA.contactInformation],
  contentKey: 'contact',
  kinds: BOTH,
  elements: [
    {
      idShort: 'name',
      semanticId: elementIri('ContactInformation', 'name'),
      labels: { ko: '이름', en: 'Name' },
      valueType: 'string',
      maxLength: 100,
      required: true,
    },
    {
      idShort: 'role',
      semanticId: elementIri('ContactInformation', 'role'),
      labels: { ko: '직책', en: 'Role' },
      valueType: 'multiLanguageString',
      maxLength: 100,
      keys: { ko: 'role' },
    },
    {
      idShort: 'email',
      semanticId: elementIri('ContactInformation', 'email'),
      labels: { ko: '이메일', en: 'E-mail' },
      valueType: 'string',
      maxLength: 254,
      format: 'email',
      required: true,
    },
    {
      idShort: 'phone',
      semanticId: elementIri('ContactInformation', 'phone'),
      labels: { ko: '전화번호', en: 'Phone' },
      valueType: 'string',
      maxLength: 30,
      format: 'phone',
    },
  ],
};

export interface TrustChecklistItem {
  /** Stable id, stored in listings. */
  id: string;
  question: LocalizedText;
}

/**
 * AI-trustworthiness self-assessment, after the principles shared by the Korean national AI
 * ethics standards, TTA's trustworthy-AI development guide and the EU ALTAI list.
 */
export const TRUST_CHECKLIST: readonly TrustChecklistItem[] = [
  {
    id: 'data-governance',
    question: {
      ko: '학습·평가 데이터의 출처, 수집 근거, 품질 관리 절차를 문서로 관리합니까?',
      en: 'Do you document the sources, legal basis and quality control of your training and evaluation data?',
    },
  },
  {
    id: 'bias-testing',
    question: {
      ko: '모델이 특정 집단에 불리한 결과를 내지 않는지 편향성을 시험합니까?',
      en: 'Do you test the model for bias against particular groups?',
    },
  },
  {
    id: 'explainability',
    question: {
      ko: '모델의 판단 근거를 사용자가 이해할 수 있도록 설명하거나 시각화합니까?',
      en: 'Can users see or understand why the model reached a result (explanations, visualisations)?',
    },
  },
  {
    id: 'human-oversight',
    question: {
      ko: '중요한 결정에서 사람이 AI의 결과를 검토하고 무효화할 수 있습니까?',
      en: 'Can a person review and override the AI for consequential decisions?',
    },
  },
  {
    id: 'security',
    question: {
      ko: '모델과 데이터를 무단 접근, 변조, 적대적 공격으로부터 보호합니까?',
      en: 'Do you protect models and data against unauthorised access, tampering and adversarial attacks?',
    },
  },
  {
    id: 'privacy',
    question: {
      ko: '개인정보를 최소한으로 처리하고 개인정보 보호법에 따라 가명·익명 처리합니까?',
      en: 'Do you minimise personal data and pseudonymise or anonymise it as the Personal Information Protection Act requires?',
    },
  },
  {
    id: 'robustness',
    question: {
      ko: '운영 환경의 변화(데이터 분포 변화, 이상 입력)에도 성능을 검증하고 모니터링합니까?',
      en: 'Do you validate and monitor performance under changing conditions (data drift, unexpected inputs)?',
    },
  },
  {
    id: 'accountability',
    question: {
      ko: 'AI 시스템의 책임자와 문제 발생 시 대응 절차가 정해져 있습니까?',
      en: 'Is there a named owner of the AI system and an incident response procedure?',
    },
  },
];

export const TRUST_CHECKLIST_IDS: readonly string[] = TRUST_CHECKLIST.map((i) => i.id);
export const CHECKLIST_ANSWERS = ['YES', 'NO', 'NA'] as const;

export const TRUST_PROFILE_TEMPLATE: SubmodelTemplate = {
  idShort: 'TrustProfile',
  semanticId: submodelIri('TrustProfile'),
  version: '1',
  revision: '0',
  labels: { ko: '신뢰성 정보', en: 'Trust profile' },
  description: {
    ko: '보유 인증과 AI 신뢰성 자가 점검 결과.',
    en: 'Certifications held and the AI-trustworthiness self-assessment.',
  },
  basedOn: [],
  contentKey: 'trustProfile',
  kinds: ['SUPPLY'],
  elements: [
    {
      idShort: 'certifications',
      semanticId: elementIri('TrustProfile', 'certifications'),
      labels: { ko: '인증·확인', en: 'Certifications' },
      valueType: 'conceptList',
      scheme: 'certification',
      maxItems: MAX_LIST_ITEMS,
    },
    {
      idShort: 'checklist',
      semanticId: elementIri('TrustProfile', 'checklist'),
      labels: { ko: 'AI 신뢰성 자가 점검', en: 'AI trustworthiness self-assessment' },
      valueType: 'collectionList',
      maxItems: MAX_LIST_ITEMS,
      uniqueBy: 'itemId',
      elements: [
        {
          idShort: 'itemId',
          semanticId: elementIri('TrustProfile', 'checklist', 'itemId'),
          labels: { ko: '점검 항목', en: 'Checklist item' },
          valueType: 'enum',
          allowedValues: TRUST_CHECKLIST_IDS,
          unknownValueRule: 'unknown-checklist-item',
          required: true,
        },
        {
          idShort: 'answer',
          semanticId: elementIri('TrustProfile', 'checklist', 'answer'),
          labels: { ko: '답변', en: 'Answer' },
          valueType: 'enum',
          allowedValues: CHECKLIST_ANSWERS,
          required: true,
        },
        {
          idShort: 'note',
          semanticId: elementIri('TrustProfile', 'checklist', 'note'),
          labels: { ko: '비고', en: 'Note' },
          valueType: 'multiLanguageString',
          maxLength: 500,
          keys: { ko: 'note' },
        },
      ],
    },
  ],
};

export const COMPANY_DATA_TEMPLATE: SubmodelTemplate = {
  idShort: 'CompanyData',
  semanticId: submodelIri('CompanyData'),
  version: '1',
  revision: '0',
  labels: { ko: '기업 정보', en: 'Company data' },
  description: {
    ko: '등록 기업의 기본 정보 (내보낼 때 기업 정보에서 채움).',
    en: 'The listing organization, filled from its record at export time.',
  },
  basedOn: [IDTA.companyData],
  contentKey: null,
  kinds: BOTH,
  elements: [
    {
      idShort: 'name',
      semanticId: elementIri('CompanyData', 'name'),
      labels: { ko: '기업명', en: 'Company name' },
      valueType: 'multiLanguageString',
      maxLength: 100,
      keys: { ko: 'nameKo', en: 'nameEn' },
      required: true,
    },
    {
      idShort: 'businessRegistrationNumber',
      semanticId: elementIri('CompanyData', 'businessRegistrationNumber'),
      labels: { ko: '사업자등록번호', en: 'Business registration number' },
      valueType: 'string',
      maxLength: 12,
      format: 'business-registration-number',
      required: true,
    },
    {
      idShort: 'regionId',
      semanticId: elementIri('CompanyData', 'regionId'),
      labels: { ko: '소재지', en: 'Region' },
      valueType: 'concept',
      scheme: 'region',
    },
    {
      idShort: 'industryId',
      semanticId: elementIri('CompanyData', 'industryId'),
      labels: { ko: '업종', en: 'Industry' },
      valueType: 'concept',
      scheme: 'industry',
    },
    {
      idShort: 'website',
      semanticId: elementIri('CompanyData', 'website'),
      labels: { ko: '홈페이지', en: 'Website' },
      valueType: 'string',
      maxLength: 200,
      format: 'url',
    },
    {
      idShort: 'foundedYear',
      semanticId: elementIri('CompanyData', 'foundedYear'),
      labels: { ko: '설립 연도', en: 'Year founded' },
      valueType: 'integer',
      min: 1900,
      max: 2100,
      aasValueType: 'xs:int',
    },
  ],
};

export const LISTING_KINDS: readonly ListingKind[] = ['DEMAND', 'SUPPLY'];
export const DEMAND_VISIBILITIES = ['PUBLIC', 'VERIFIED_SUPPLIERS'] as const;

/** Limits of the listing texts (characters; shared with the web through libs/contracts). */
export { TEXT_LIMITS } from '@aimatch/contracts';

/**
 * The listing's own fields: kind, texts and the kind-specific top-level fields. Its element
 * paths are the bare content keys (`title`, `summaryEn`, `bidDeadline`, `referenceCases[0].title`).
 */
export const LISTING_INFORMATION_TEMPLATE: SubmodelTemplate = {
  idShort: 'ListingInformation',
  semanticId: submodelIri('ListingInformation'),
  version: '1',
  revision: '0',
  labels: { ko: '등록 정보', en: 'Listing information' },
  description: {
    ko: '수요·공급 등록 건의 제목, 요약, 설명과 일반 조건.',
    en: 'Title, summary, description and general terms of the listing.',
  },
  basedOn: [],
  contentKey: null,
  kinds: BOTH,
  elements: [
    {
      idShort: 'kind',
      semanticId: elementIri('ListingInformation', 'kind'),
      labels: { ko: '구분', en: 'Kind' },
      valueType: 'enum',
      allowedValues: LISTING_KINDS,
      required: true,
    },
    {
      idShort: 'title',
      semanticId: elementIri('ListingInformation', 'title'),
      labels: { ko: '제목', en: 'Title' },
      valueType: 'multiLanguageString',
      maxLength: TEXT_LIMITS.title,
      keys: { ko: 'title', en: 'titleEn' },
      required: true,
    },
    {
      idShort: 'summary',
      semanticId: elementIri('ListingInformation', 'summary'),
      labels: { ko: '요약', en: 'Summary' },
      valueType: 'multiLanguageString',
      maxLength: TEXT_LIMITS.summary,
      keys: { ko: 'summary', en: 'summaryEn' },
      required: true,
    },
    {
      idShort: 'description',
      semanticId: elementIri('ListingInformation', 'description'),
      labels: { ko: '상세 설명', en: 'Description' },
      valueType: 'multiLanguageString',
      maxLength: TEXT_LIMITS.description,
      keys: { ko: 'description', en: 'descriptionEn' },
      required: true,
    },
    {
      idShort: 'bidDeadline',
      semanticId: elementIri('ListingInformation', 'bidDeadline'),
      labels: { ko: '제안 마감 일시', en: 'Bid deadline' },
      valueType: 'dateTime',
      requiredForSubmission: true,
      futureOnSubmission: true,
      kinds: ['DEMAND'],
    },
    {
      idShort: 'onSiteRequired',
      semanticId: elementIri('ListingInformation', 'onSiteRequired'),
      labels: { ko: '현장 상주 필요', en: 'On-site work required' },
      valueType: 'boolean',
      default: false,
      kinds: ['DEMAND'],
    },
    {
      idShort: 'regionId',
      semanticId: elementIri('ListingInformation', 'regionId'),
      labels: { ko: '수행 지역', en: 'Region of the work' },
      valueType: 'concept',
      scheme: 'region',
      kinds: ['DEMAND'],
    },
    {
      idShort: 'visibility',
      semanticId: elementIri('ListingInformation', 'visibility'),
      labels: { ko: '공개 범위', en: 'Visibility' },
      valueType: 'enum',
      allowedValues: DEMAND_VISIBILITIES,
      default: 'PUBLIC',
      required: true,
      kinds: ['DEMAND'],
    },
    {
      idShort: 'referenceCases',
      semanticId: elementIri('ListingInformation', 'referenceCases'),
      labels: { ko: '구축 사례', en: 'Reference cases' },
      valueType: 'collectionList',
      maxItems: MAX_LIST_ITEMS,
      kinds: ['SUPPLY'],
      elements: [
        {
          idShort: 'title',
          semanticId: elementIri('ListingInformation', 'referenceCases', 'title'),
          labels: { ko: '사례명', en: 'Title' },
          valueType: 'multiLanguageString',
          maxLength: 120,
          keys: { ko: 'title' },
          required: true,
        },
        {
          idShort: 'industryId',
          semanticId: elementIri('ListingInformation', 'referenceCases', 'industryId'),
          labels: { ko: '산업', en: 'Industry' },
          valueType: 'concept',
          scheme: 'industry',
        },
        {
          idShort: 'year',
          semanticId: elementIri('ListingInformation', 'referenceCases', 'year'),
          labels: { ko: '연도', en: 'Year' },
          valueType: 'integer',
          min: 1950,
          max: 2100,
          aasValueType: 'xs:int',
        },
        {
          idShort: 'summary',
          semanticId: elementIri('ListingInformation', 'referenceCases', 'summary'),
          labels: { ko: '요약', en: 'Summary' },
          valueType: 'multiLanguageString',
          maxLength: 1000,
          keys: { ko: 'summary' },
        },
      ],
    },
  ],
};

/** Every template, in export order. */
export const SUBMODEL_TEMPLATES: readonly SubmodelTemplate[] = [
  LISTING_INFORMATION_TEMPLATE,
  AI_REQUIREMENT_TEMPLATE,
  AI_CAPABILITY_TEMPLATE,
  DATA_PROFILE_TEMPLATE,
  COMMERCIAL_TERMS_TEMPLATE,
  CONTACT_INFORMATION_TEMPLATE,
  TRUST_PROFILE_TEMPLATE,
  COMPANY_DATA_TEMPLATE,
];

/** The templates a listing of this kind carries (ListingInformation first, CompanyData excluded). */
export function templatesForKind(kind: ListingKind): SubmodelTemplate[] {
  return SUBMODEL_TEMPLATES.filter((t) => t !== COMPANY_DATA_TEMPLATE && t.kinds.includes(kind));
}

/** Elements of a template that a listing of this kind carries. */
export function elementsForKind(template: SubmodelTemplate, kind: ListingKind): TemplateElement[] {
  return template.elements.filter((e) => !e.kinds || e.kinds.includes(kind));
}

export function templateByIdShort(idShort: string): SubmodelTemplate | undefined {
  return SUBMODEL_TEMPLATES.find((t) => t.idShort === idShort);
}
