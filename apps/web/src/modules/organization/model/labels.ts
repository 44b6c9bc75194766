import type { EmployeeBand, MembershipRole, OrganizationKind, VerificationStatus } from '@/generated/graphql';
import {
  EmployeeBand as EmployeeBandValues,
  MembershipRole as MembershipRoleValues,
  SELF_SERVICE_ORGANIZATION_KINDS,
} from '@aimatch/contracts';
import type { SimpleMessageKey, UiLocale } from '@/i18n';

/** Kinds a user may choose when creating an organization (ASSOCIATION is created by staff). */
export const SELF_SERVICE_KINDS: readonly OrganizationKind[] = SELF_SERVICE_ORGANIZATION_KINDS;

/** Employee bands, smallest first (the API's enum order). */
export const EMPLOYEE_BANDS: readonly EmployeeBand[] = Object.values(EmployeeBandValues);

/** Roles an owner may give, in the order the invitation form offers them (the default, MEMBER, first). */
export const MEMBERSHIP_ROLES: readonly MembershipRole[] = [MembershipRoleValues.MEMBER, MembershipRoleValues.OWNER];

export const kindKey = (kind: OrganizationKind): SimpleMessageKey => `organization.kind.${kind}`;
export const employeeBandKey = (band: EmployeeBand): SimpleMessageKey => `organization.employeeBand.${band}`;
export const verificationKey = (status: VerificationStatus): SimpleMessageKey => `organization.verification.${status}`;
export const roleKey = (role: MembershipRole): SimpleMessageKey => `membership.role.${role}`;

/** Display name in the UI locale (English name falls back to the Korean one). */
export function organizationName(org: { nameKo: string; nameEn?: string | null }, locale: UiLocale): string {
  return locale === 'en' && org.nameEn ? org.nameEn : org.nameKo;
}

/** Only http(s) URLs become links; anything else is shown as text. */
export function safeHttpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
