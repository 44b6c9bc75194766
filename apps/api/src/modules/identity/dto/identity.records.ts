import type { EmployeeBand, Locale, MembershipRole, OrganizationKind, PlatformRole, VerificationStatus } from '@aimatch/contracts';

/**
 * What other modules read of identity's rows (IdentityService, IdentityLoaders): plain shapes, so
 * that no module outside identity names its entities.
 */
export interface Organization {
  id: string;
  kind: OrganizationKind;
  nameKo: string;
  nameEn: string | null;
  businessRegistrationNumber: string;
  regionId: string | null;
  industryId: string | null;
  employeeBand: EmployeeBand | null;
  foundedYear: number | null;
  website: string | null;
  verificationStatus: VerificationStatus;
  createdAt: Date;
  updatedAt: Date;
}

export interface Membership {
  id: string;
  userId: string;
  organizationId: string;
  role: MembershipRole;
  createdAt: Date;
}

/** A member of an organization as staff see it when they review the organization. */
export interface OrganizationMember {
  userId: string;
  displayName: string;
  email: string;
  role: MembershipRole;
  joinedAt: Date;
}

/** A user without credentials. */
export interface UserProfile {
  id: string;
  email: string;
  displayName: string;
  locale: Locale;
  platformRoles: PlatformRole[];
  createdAt: Date;
  updatedAt: Date;
  /** Set once the account is deleted; show the name through displayNameOf. */
  deletedAt: Date | null;
}

/** A new organization as the demo seeder writes it (no validation: the seed data is checked by its tests). */
export type SeedOrganization = Pick<Organization, 'kind' | 'nameKo' | 'nameEn' | 'businessRegistrationNumber' | 'verificationStatus'> &
  Partial<Pick<Organization, 'regionId' | 'industryId' | 'employeeBand' | 'foundedYear' | 'website'>>;

/** An organization's registration facts for trust & safety (who created it, from where; its members' addresses). */
export interface RegistrationFacts {
  id: string;
  kind: OrganizationKind;
  nameKo: string;
  nameEn: string | null;
  website: string | null;
  verificationStatus: VerificationStatus;
  createdAt: Date;
  /** The account that created it and the network address it was created from (null before these were recorded). */
  createdByUserId: string | null;
  createdFromIp: string | null;
  members: Array<{ userId: string; email: string; role: MembershipRole; signupIp: string | null; signedUpAt: Date }>;
}

/** What a one-time account token is for (account_tokens.purpose). */
export type AccountTokenPurpose = 'VERIFY_EMAIL' | 'RESET_PASSWORD';
