import { useEffect, useMemo } from 'react';
import { Link, NavLink, Outlet, ScrollRestoration, useLocation, useMatches, useNavigate } from 'react-router';
import { useT } from '@/i18n';
import { EmailVerificationBanner, SignOutButton } from '@/modules/auth';
import { onSessionEnd, useViewer } from '@/shared/session';
import { ChatProvider, MessagesNavLink } from '@/modules/chat';
import { NotificationBell } from '@/modules/notifications';
import { ConsentGate } from '@/modules/legal';
import { LanguageSwitch } from './LanguageSwitch';
import type { RouteHandle } from './router';
import type { AppRoute } from '@/shared/routing/route-types';
import { appRoutes } from './routes';

function isRouteHandle(value: unknown): value is RouteHandle {
  return typeof value === 'object' && value !== null && 'titleKey' in value;
}

function useDocumentTitle(): void {
  const t = useT();
  const matches = useMatches();
  const titleKey = [...matches].reverse().find((match) => isRouteHandle(match.handle))?.handle;
  const title = isRouteHandle(titleKey) ? t(titleKey.titleKey) : null;
  const brand = t('app.name');
  useEffect(() => {
    document.title = title ? `${title} · ${brand}` : brand;
  }, [title, brand]);
}

/** Sends the user to the sign-in page when their session could not be refreshed or was revoked (with a notice). */
function useRedirectOnExpiry(): void {
  const navigate = useNavigate();
  const location = useLocation();
  useEffect(
    () =>
      onSessionEnd((reason) => {
        if (reason === 'signed-out' || location.pathname === '/signin') return;
        const next = `${location.pathname}${location.search}`;
        void navigate(`/signin?${reason === 'revoked' ? 'revoked' : 'expired'}=1&next=${encodeURIComponent(next)}`, { replace: true });
      }),
    [navigate, location.pathname, location.search],
  );
}

function visibleInNav(route: AppRoute, signedIn: boolean, restoring: boolean, isStaff: boolean): boolean {
  switch (route.nav?.showWhen ?? route.access) {
    case 'public':
      return true;
    case 'signedIn':
      return signedIn;
    case 'signedOut':
      return !signedIn && !restoring;
    case 'staff':
      return signedIn && isStaff;
  }
}

export function Layout() {
  const t = useT();
  const { signedIn, restoring, viewer, isStaff } = useViewer();
  useDocumentTitle();
  useRedirectOnExpiry();

  const navRoutes = useMemo(
    () =>
      appRoutes
        .filter((route) => route.nav && visibleInNav(route, signedIn, restoring, isStaff))
        .sort((a, b) => (a.nav?.order ?? 0) - (b.nav?.order ?? 0)),
    [signedIn, restoring, isStaff],
  );

  return (
    <ChatProvider>
      <div className="app">
        <a className="skip-link" href="#main">
          {t('nav.skipToContent')}
        </a>
        <header className="header">
          <div className="header__inner">
            <Link to="/" className="brand" data-testid="nav-brand">
              <span className="brand__mark" aria-hidden="true">
                AI
              </span>
              <span className="brand__name">{t('app.name')}</span>
            </Link>
            <nav className="nav" aria-label={t('nav.label')}>
              <ul className="nav__list">
                {navRoutes.map((route) => (
                  <li key={route.path}>
                    <NavLink
                      to={`/${route.path}`}
                      end={route.path === ''}
                      className={({ isActive }) => (isActive ? 'nav__link nav__link--active' : 'nav__link')}
                      data-testid={route.nav?.testId}
                    >
                      {route.nav ? t(route.nav.labelKey) : null}
                      {route.nav?.badge ?? null}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </nav>
            <div className="header__tools">
              <LanguageSwitch />
              {signedIn ? (
                <>
                  <MessagesNavLink />
                  <NotificationBell />
                  {viewer ? (
                    <span className="header__user" data-testid="nav-user">
                      {viewer.user.displayName}
                    </span>
                  ) : null}
                  <SignOutButton />
                </>
              ) : null}
            </div>
          </div>
        </header>
        <main id="main" className="main" tabIndex={-1}>
          <EmailVerificationBanner />
          {/* Signed in with a changed required document: the re-consent page stands in front of every page. */}
          <ConsentGate enabled={signedIn && !restoring}>
            <Outlet />
          </ConsentGate>
        </main>
        <footer className="footer">
          <p>{t('footer.text')}</p>
          <p className="footer__links">
            <Link to="/legal/terms" data-testid="footer-terms">
              {t('legal.terms')}
            </Link>
            {' · '}
            <Link to="/legal/privacy" data-testid="footer-privacy">
              {t('legal.privacy')}
            </Link>
          </p>
        </footer>
        <ScrollRestoration />
      </div>
    </ChatProvider>
  );
}
