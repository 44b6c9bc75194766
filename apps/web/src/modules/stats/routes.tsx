import type { AppRoute } from '@/shared/routing/route-types';
import { lazyPage } from '@/shared/routing/lazy-page';

const MarketStatsPage = lazyPage(() => import('./components/MarketStatsPage'), 'MarketStatsPage');

export const statsRoutes: AppRoute[] = [
  {
    path: 'staff/stats',
    element: <MarketStatsPage />,
    access: 'staff',
    titleKey: 'stats.title',
    nav: { labelKey: 'nav.stats', order: 24, testId: 'nav-stats', inline: false },
  },
];
