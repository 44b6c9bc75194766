import type { AppRoute } from '@/shared/routing/route-types';
import { AccountPage } from './components/AccountPage';
import { TwoFactorEnrollmentPage } from './components/TwoFactorEnrollmentPage';

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
