import type { AppRoute } from '@/shared/routing/route-types';
import { marketplaceMember } from '@/shared/routing/nav-audience';
import { lazyPage } from '@/shared/routing/lazy-page';

const OrganizationPage = lazyPage(() => import('./components/OrganizationPage'), 'OrganizationPage');

export const organizationRoutes: AppRoute[] = [
  {
    path: 'organization',
    element: <OrganizationPage />,
    access: 'signedIn',
    titleKey: 'organization.title',
    nav: { labelKey: 'nav.organization', order: 10, testId: 'nav-organization', audience: marketplaceMember },
  },
];
