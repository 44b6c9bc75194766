import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useLocale } from '@/i18n';
import { organizationName } from '../model/labels';

/**
 * An organization's name as a link to its profile (`/organizations/:id`), wherever the name is shown
 * (listing cards and pages, search results, match cards, bids, chat, reviews). The one copy.
 */
export function OrganizationLink({
  organization,
  className,
  testId,
  children,
}: {
  organization: { id: string; nameKo: string; nameEn?: string | null };
  className?: string;
  testId?: string;
  /** Replaces the name (e.g. "프로필 보기"). */
  children?: ReactNode;
}) {
  const locale = useLocale();
  return (
    <Link
      to={`/organizations/${organization.id}`}
      className={['org-link', className].filter(Boolean).join(' ')}
      data-testid={testId}
      data-organization-id={organization.id}
    >
      {children ?? organizationName(organization, locale)}
    </Link>
  );
}
