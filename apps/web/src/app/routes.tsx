import { authRoutes } from '@/modules/auth/routes';
import { bidRoutes } from '@/modules/bids/routes';
import { chatRoutes } from '@/modules/chat/routes';
import { listingRoutes } from '@/modules/listings/routes';
import { organizationRoutes } from '@/modules/organization/routes';
import { searchRoutes } from '@/modules/search/routes';
import { HomePage } from './pages/HomePage';
import type { AppRoute } from './route-types';

/**
 * The route table. Each feature module exports its own `AppRoute[]`
 * (`modules/<feature>/routes.tsx`); add it here and it appears in the router,
 * and in the header navigation when it has a `nav` entry:
 *
 *   import { demandRoutes } from '@/modules/demands/routes';
 *   export const appRoutes = [...coreRoutes, ...authRoutes, ...organizationRoutes, ...demandRoutes];
 */
const coreRoutes: AppRoute[] = [
  {
    path: '',
    element: <HomePage />,
    access: 'public',
    titleKey: 'home.title',
    nav: { labelKey: 'nav.home', order: 0, testId: 'nav-home' },
  },
];

export const appRoutes: readonly AppRoute[] = [
  ...coreRoutes,
  ...listingRoutes,
  ...searchRoutes,
  ...authRoutes,
  ...organizationRoutes,
  ...chatRoutes,
  ...bidRoutes,
];
