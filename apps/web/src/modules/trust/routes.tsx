import type { AppRoute } from '@/shared/routing/route-types';
import { TrustCaseCount } from './components/TrustCaseCount';
import { lazyPage } from '@/shared/routing/lazy-page';

const TrustCasePage = lazyPage(() => import('./components/TrustCasePage'), 'TrustCasePage');
const TrustCasesPage = lazyPage(() => import('./components/TrustCasesPage'), 'TrustCasesPage');

export const trustRoutes: AppRoute[] = [
  {
    path: 'staff/trust',
    element: <TrustCasesPage />,
    access: 'staff',
    titleKey: 'trust.title',
    nav: { labelKey: 'nav.trust', order: 23, testId: 'nav-trust', badge: <TrustCaseCount /> },
  },
  { path: 'staff/trust/:organizationId', element: <TrustCasePage />, access: 'staff', titleKey: 'trust.case.title' },
];
