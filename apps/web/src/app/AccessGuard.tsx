import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useT } from '@/i18n';
import { useViewer } from '@/shared/session';
import { LoadingState } from '@/shared/ui/LoadingState';
import { ForbiddenPage } from './pages/ForbiddenPage';
import type { RouteAccess } from '@/shared/routing/route-types';

/** Applies a route's `access` rule. */
export function AccessGuard({ access, children }: { access: RouteAccess; children: ReactNode }) {
  const t = useT();
  const location = useLocation();
  const { signedIn, restoring, viewer, isStaff, needsTwoFactorEnrollment } = useViewer();

  if (access === 'public' || access === 'signedOut') return <>{children}</>;
  if (restoring) return <LoadingState label={t('session.restoring')} />;
  if (!signedIn) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/signin?next=${encodeURIComponent(next)}`} replace />;
  }
  if (access === 'staff') {
    if (!viewer) return <LoadingState label={t('common.loading')} />;
    if (!isStaff) return <ForbiddenPage />;
    // Staff set up two-factor sign-in before any staff page (until then the API treats them as ordinary users).
    if (needsTwoFactorEnrollment) {
      const next = `${location.pathname}${location.search}`;
      return <Navigate to={`/account/two-factor?next=${encodeURIComponent(next)}`} replace />;
    }
  }
  return <>{children}</>;
}
