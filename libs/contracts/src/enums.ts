export enum OrganizationKind {
  SME = 'SME',
  AI_SUPPLIER = 'AI_SUPPLIER',
  SI_INTEGRATOR = 'SI_INTEGRATOR',
  PUBLIC_AGENCY = 'PUBLIC_AGENCY',
  ASSOCIATION = 'ASSOCIATION',
}

export enum VerificationStatus {
  UNVERIFIED = 'UNVERIFIED',
  PENDING = 'PENDING',
  VERIFIED = 'VERIFIED',
  REJECTED = 'REJECTED',
  SUSPENDED = 'SUSPENDED',
}

export enum EmployeeBand {
  SIZE_1_9 = 'SIZE_1_9',
  SIZE_10_49 = 'SIZE_10_49',
  SIZE_50_299 = 'SIZE_50_299',
  SIZE_300_999 = 'SIZE_300_999',
  SIZE_1000_PLUS = 'SIZE_1000_PLUS',
}

export enum MembershipRole {
  OWNER = 'OWNER',
  MEMBER = 'MEMBER',
}

export enum PlatformRole {
  STAFF = 'STAFF',
  ADMIN = 'ADMIN',
}

export enum Locale {
  KO = 'KO',
  EN = 'EN',
}

/** Organization kinds a visitor may choose at sign-up; ASSOCIATION is created by staff only. */
export const SELF_SERVICE_ORGANIZATION_KINDS: readonly OrganizationKind[] = [
  OrganizationKind.SME,
  OrganizationKind.AI_SUPPLIER,
  OrganizationKind.SI_INTEGRATOR,
  OrganizationKind.PUBLIC_AGENCY,
];
