/**
 * The values a listing carries, one interface per submodel template (AAS-inspired). Every
 * structured value is a vocabulary concept id (`urn:aimatch:<scheme>:<slug>`), never free text.
 * Required (demand) and offered (supply) capabilities share one shape so that they compare
 * element by element.
 */
export type ConceptId = string;

/** IDTA 02020 Capability Description, reduced to what matching compares. */
export interface CapabilityElements {
  /** scheme `task`; at least one. */
  tasks: ConceptId[];
  /** scheme `modality`. */
  modalities: ConceptId[];
  /** scheme `industry`: industries served (supply) or the demand's own industry. */
  industries: ConceptId[];
  /** scheme `deployment`: offered models (supply) or acceptable ones (demand). */
  deployments: ConceptId[];
  /** scheme `integration`: systems to connect (MES, ERP, OPC UA …). */
  integrations: ConceptId[];
  /** ISO 639-1 codes of the languages the solution must handle / handles (`ko`, `en`). */
  languages: string[];
}

export type AICapability = CapabilityElements;
export type AIRequirement = CapabilityElements;

export type LabellingState = 'LABELLED' | 'PARTIALLY_LABELLED' | 'UNLABELLED' | 'UNKNOWN';

/** After IDTA 02058 AI Dataset / 02008 Time Series: what data the SME holds. */
export interface DataProfile {
  /** scheme `modality`. */
  dataKinds: ConceptId[];
  /** scheme `integration`: systems holding the data (MES, ERP …). */
  systems: ConceptId[];
  /** Approximate volume in words, e.g. "이미지 약 2만 장, 3년치 생산 로그". ≤ 200 chars. */
  volumeDescription: string | null;
  /** Approximate number of records/images/rows when known; ≥ 0. */
  approximateRecords: number | null;
  labelling: LabellingState;
  sampleAvailable: boolean;
  containsPersonalData: boolean;
}

/** Price (supply) or budget (demand) range in KRW, and timing. */
export interface CommercialTerms {
  currency: 'KRW';
  /** ≥ 0, ≤ maxAmountKrw when both are given. */
  minAmountKrw: number | null;
  maxAmountKrw: number | null;
  /** Supply: typical lead time in weeks (1..260). */
  leadTimeWeeks: number | null;
  /** Demand: desired start (ISO date, yyyy-mm-dd). */
  desiredStartDate: string | null;
  /** Demand: expected duration in weeks (1..260). */
  durationWeeks: number | null;
}

/** After IDTA 02002 Contact Information. */
export interface ContactInformation {
  name: string;
  /** ≤ 100 chars. */
  role: string | null;
  email: string;
  phone: string | null;
}

export type ChecklistAnswer = 'YES' | 'NO' | 'NA';

/** Certifications and the AI-trustworthiness self-assessment. */
export interface TrustProfile {
  /** scheme `certification`. */
  certifications: ConceptId[];
  /** One answer per checklist item id (see TRUST_CHECKLIST); unanswered items are absent. */
  checklist: Array<{ itemId: string; answer: ChecklistAnswer; note: string | null }>;
}

/** After IDTA 02068 / 02006: filled from the owning organization at export time. */
export interface CompanyData {
  nameKo: string;
  nameEn: string | null;
  businessRegistrationNumber: string;
  /** scheme `region`. */
  regionId: ConceptId | null;
  /** scheme `industry`. */
  industryId: ConceptId | null;
  website: string | null;
  foundedYear: number | null;
}

export interface ReferenceCase {
  title: string;
  /** scheme `industry`. */
  industryId: ConceptId | null;
  year: number | null;
  summary: string | null;
}

export type ListingKind = 'DEMAND' | 'SUPPLY';
export type DemandVisibility = 'PUBLIC' | 'VERIFIED_SUPPLIERS';

/** Texts in Korean, optionally English. Limits: title 120, summary 300, description 10,000. */
export interface ListingTexts {
  title: string;
  titleEn: string | null;
  summary: string;
  summaryEn: string | null;
  description: string;
  descriptionEn: string | null;
}

export interface DemandContent extends ListingTexts {
  kind: 'DEMAND';
  requirement: AIRequirement;
  dataProfile: DataProfile;
  commercialTerms: CommercialTerms;
  contact: ContactInformation;
  /** ISO date-time; must be in the future when submitted. */
  bidDeadline: string | null;
  onSiteRequired: boolean;
  /** scheme `region`: where the work happens. */
  regionId: ConceptId | null;
  visibility: DemandVisibility;
}

export interface SupplyContent extends ListingTexts {
  kind: 'SUPPLY';
  capability: AICapability;
  commercialTerms: CommercialTerms;
  trustProfile: TrustProfile;
  contact: ContactInformation;
  referenceCases: ReferenceCase[];
}

export type ListingContent = DemandContent | SupplyContent;
