import type { AppRoute } from '@/shared/routing/route-types';
import { lazyPage } from '@/shared/routing/lazy-page';

const SearchPage = lazyPage(() => import('./components/SearchPage'), 'SearchPage');

export const searchRoutes: AppRoute[] = [
  {
    path: 'search',
    element: <SearchPage />,
    access: 'public',
    titleKey: 'search.title',
    nav: { labelKey: 'nav.search', order: 3, testId: 'nav-search' },
  },
];
