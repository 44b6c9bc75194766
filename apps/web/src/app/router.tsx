import { Suspense } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { AccessGuard } from './AccessGuard';
import { RouteLoading } from './RouteLoading';
import { Layout } from './Layout';
import { NotFoundPage } from './pages/NotFoundPage';
import { RouteErrorPage } from './pages/RouteErrorPage';
import type { AppRoute } from '@/shared/routing/route-types';
import { appRoutes } from './routes';

export interface RouteHandle {
  titleKey: AppRoute['titleKey'];
}

function toRouteObject(route: AppRoute): RouteObject {
  // Pages are loaded on first visit (lazyPage): the loading state shows while a page's chunk arrives.
  const element = (
    <AccessGuard access={route.access}>
      <Suspense fallback={<RouteLoading />}>{route.element}</Suspense>
    </AccessGuard>
  );
  const handle: RouteHandle = { titleKey: route.titleKey };
  return route.path === '' ? { index: true, element, handle } : { path: route.path, element, handle };
}

export const router = createBrowserRouter([
  {
    path: '/',
    element: <Layout />,
    errorElement: <RouteErrorPage />,
    children: [
      ...appRoutes.map(toRouteObject),
      { path: '*', element: <NotFoundPage />, handle: { titleKey: 'notFound.title' } satisfies RouteHandle },
    ],
  },
]);
