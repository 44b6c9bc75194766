import type { AppRoute } from '@/shared/routing/route-types';
import { OrganizationPage } from './components/OrganizationPage';

export const organizationRoutes: AppRoute[] = [
  {
    path: 'organization',
    element: <OrganizationPage />,
    access: 'signedIn',
    titleKey: 'organization.title',
    nav: { labelKey: 'nav.organization', order: 10, testId: 'nav-organization' },
  },
];
