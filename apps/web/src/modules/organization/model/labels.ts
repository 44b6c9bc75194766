import type { EmployeeBand, MembershipRole, OrganizationKind, VerificationStatus } from '@/generated/graphql';
import type { SimpleMessageKey, UiLocale } from '@/i18n';

/** Kinds a user may choose when creating an organization (ASSOCIATION is created by staff). */
export const SELF_SERVICE_KINDS = ['SME', 'AI_SUPPLIER', 'SI_INTEGRATOR', 'PUBLIC_AGENCY'] as const satisfies readonly OrganizationKind[];

export const EMPLOYEE_BANDS = [
  'SIZE_1_9',
  'SIZE_10_49',
  'SIZE_50_299',
  'SIZE_300_999',
  'SIZE_1000_PLUS',
] as const satisfies readonly EmployeeBand[];

export const MEMBERSHIP_ROLES = ['MEMBER', 'OWNER'] as const satisfies readonly MembershipRole[];

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
