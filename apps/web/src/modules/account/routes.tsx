import type { AppRoute } from '@/shared/routing/route-types';
import { lazyPage } from '@/shared/routing/lazy-page';

const AccountPage = lazyPage(() => import('./components/AccountPage'), 'AccountPage');
const TwoFactorEnrollmentPage = lazyPage(() => import('./components/TwoFactorEnrollmentPage'), 'TwoFactorEnrollmentPage');

export const accountRoutes: AppRoute[] = [
  {
    path: 'account',
    element: <AccountPage />,
    access: 'signedIn',
    titleKey: 'account.title',
    nav: { labelKey: 'nav.account', order: 80, testId: 'nav-account' },
  },
  {
    path: 'account/two-factor',
    element: <TwoFactorEnrollmentPage />,
    access: 'signedIn',
    titleKey: 'twoFactor.title',
  },
];
