import { type ComponentType, lazy, type LazyExoticComponent } from 'react';

/**
 * A route's page loaded on first visit (its own chunk), so the first load of `/` carries only the home page.
 * `lazyPage(() => import('./components/SearchPage'), 'SearchPage')`; the router renders it inside a Suspense.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- React.lazy's own constraint (any props)
export function lazyPage<K extends string, M extends Record<K, ComponentType<any>>>(
  load: () => Promise<M>,
  name: K,
): LazyExoticComponent<M[K]> {
  return lazy(async () => ({ default: (await load())[name] }));
}
