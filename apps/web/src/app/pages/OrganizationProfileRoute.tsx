import { OrganizationListingsSection, ProfileContactActions } from '@/modules/listings';
import { OrganizationProfilePage, type OrganizationProfileSlots } from '@/modules/organization';
import { OrganizationTrustBox } from '@/modules/trust';
import { SuspensionControls } from '@/modules/verification';
import type { AppRoute } from '@/shared/routing/route-types';

/**
 * `/organizations/:id`: the organization module's profile page with the sections of the modules
 * above it (listings, verification, trust), composed here because organization may not import them.
 */
const slots: OrganizationProfileSlots = {
  actions: (org) => <ProfileContactActions organizationId={org.id} organizationKind={org.kind} />,
  listings: (organizationId) => <OrganizationListingsSection key={organizationId} organizationId={organizationId} />,
  staff: (organizationId) => (
    <>
      <SuspensionControls key={`suspension-${organizationId}`} organizationId={organizationId} />
      <OrganizationTrustBox key={`trust-${organizationId}`} organizationId={organizationId} />
    </>
  ),
};

export const organizationProfileRoutes: AppRoute[] = [
  { path: 'organizations/:id', element: <OrganizationProfilePage slots={slots} />, access: 'signedIn', titleKey: 'reviews.profileTitle' },
];
