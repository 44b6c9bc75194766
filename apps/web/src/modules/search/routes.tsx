import type { AppRoute } from '@/shared/routing/route-types';
import { SearchPage } from './components/SearchPage';

export const searchRoutes: AppRoute[] = [
  {
    path: 'search',
    element: <SearchPage />,
    access: 'public',
    titleKey: 'search.title',
    nav: { labelKey: 'nav.search', order: 3, testId: 'nav-search' },
  },
];
