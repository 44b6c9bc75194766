import { isRouteErrorResponse, useRouteError } from 'react-router';
import { useT } from '@/i18n';
import { NotFoundPage } from './NotFoundPage';

/** Shown when rendering a route throws. */
export function RouteErrorPage() {
  const t = useT();
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  if (import.meta.env.DEV) console.error(error);
  return (
    <div className="page page--narrow page--center" role="alert" data-testid="route-error">
      <h1>{t('routeError.title')}</h1>
      <p>{t('routeError.body')}</p>
      <a href="/" className="button">
        {t('notFound.home')}
      </a>
    </div>
  );
}
