import { accountRoutes } from '@/modules/account';
import { auditRoutes } from '@/modules/audit';
import { statsRoutes } from '@/modules/stats';
import { authRoutes } from '@/modules/auth';
import { bidRoutes } from '@/modules/bids';
import { chatRoutes } from '@/modules/chat';
import { legalRoutes } from '@/modules/legal';
import { listingRoutes } from '@/modules/listings';
import { moderationRoutes } from '@/modules/moderation';
import { organizationRoutes } from '@/modules/organization';
import { programRoutes } from '@/modules/programs';
import { searchRoutes } from '@/modules/search';
import { trustRoutes } from '@/modules/trust';
import { verificationRoutes } from '@/modules/verification';
import { vocabularyRoutes } from '@/modules/vocabulary';
import { HomePage } from './pages/HomePage';
import { organizationProfileRoutes } from './pages/OrganizationProfileRoute';
import type { AppRoute } from '@/shared/routing/route-types';

/**
 * The route table. Each feature module exports its own `AppRoute[]`
 * (`modules/<feature>/routes.tsx`); add it here and it appears in the router,
 * and in the header navigation when it has a `nav` entry:
 *
 *   import { demandRoutes } from '@/modules/demands';
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
  ...organizationProfileRoutes,
  ...chatRoutes,
  ...bidRoutes,
  ...verificationRoutes,
  ...auditRoutes,
  ...statsRoutes,
  ...moderationRoutes,
  ...trustRoutes,
  ...accountRoutes,
  ...legalRoutes,
  ...vocabularyRoutes,
  ...programRoutes,
];
