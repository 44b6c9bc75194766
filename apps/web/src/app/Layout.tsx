import { useEffect, useMemo, useRef } from 'react';
import { Link, NavLink, Outlet, ScrollRestoration, useLocation, useMatches, useNavigate } from 'react-router';
import { useT } from '@/i18n';
import { EmailVerificationBanner, SignOutButton } from '@/modules/auth';
import { onSessionEnd, useViewer } from '@/shared/session';
import { ChatProvider, MessagesNavLink } from '@/modules/chat';
import { NotificationBell } from '@/modules/notifications';
import { ConsentGate } from '@/modules/legal';
import { LanguageSwitch } from './LanguageSwitch';
import type { RouteHandle } from './router';
import type { AppRoute, NavViewer } from '@/shared/routing/route-types';
import { MenuSheet, useCompactHeader } from './HeaderMenus';
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

function visibleInNav(route: AppRoute, signedIn: boolean, restoring: boolean, who: NavViewer): boolean {
  const listed = (() => {
    switch (route.nav?.showWhen ?? route.access) {
      case 'public':
        return true;
      case 'signedIn':
        return signedIn;
      case 'signedOut':
        return !signedIn && !restoring;
      case 'staff':
        return signedIn && who.isStaff;
    }
  })();
  return listed && (route.nav?.audience?.(who) ?? true);
}

function NavItems({ routes }: { routes: readonly AppRoute[] }) {
  const t = useT();
  return (
    <ul className="nav__list">
      {routes.map((route) => (
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
  );
}

export function Layout() {
  const t = useT();
  const { signedIn, restoring, viewer, isStaff } = useViewer();
  useDocumentTitle();
  useRedirectOnExpiry();

  const organizationKinds = useMemo(() => viewer?.memberships.map((m) => m.organization.kind) ?? [], [viewer]);
  const navRoutes = useMemo(
    () =>
      appRoutes
        .filter((route) => route.nav && visibleInNav(route, signedIn, restoring, { isStaff, organizationKinds }))
        .sort((a, b) => (a.nav?.order ?? 0) - (b.nav?.order ?? 0)),
    [signedIn, restoring, isStaff, organizationKinds],
  );
  const headerRef = useRef<HTMLDivElement>(null);
  const layoutKey = `${navRoutes.map((r) => r.path).join('|')}|${viewer?.user.displayName ?? ''}|${t('nav.home')}`;
  const { compact, neededWidth } = useCompactHeader(headerRef, layoutKey);

  return (
    <ChatProvider>
      <div className="app">
        <a className="skip-link" href="#main">
          {t('nav.skipToContent')}
        </a>
        <header
          className={compact ? 'header header--compact' : 'header'}
          data-testid="site-header"
          data-compact={compact}
          data-inline-width={neededWidth || undefined}
        >
          <div className="header__inner" ref={headerRef}>
            <Link to="/" className="brand" data-testid="nav-brand">
              <span className="brand__mark" aria-hidden="true">
                AI
              </span>
              <span className="brand__name">{t('app.name')}</span>
            </Link>
            {compact ? null : (
              <nav className="nav" aria-label={t('nav.label')}>
                {/* The logo is the link home in the row; the menu lists 홈 too. */}
                <NavItems routes={navRoutes.filter((route) => route.path !== '' && route.nav?.inline !== false)} />
              </nav>
            )}
            <div className="header__tools">
              {signedIn && !compact ? <MessagesNavLink /> : null}
              {signedIn ? <NotificationBell /> : null}
              {compact ? (
                <MenuSheet label={t('nav.label')}>
                  <>
                    <nav className="nav nav--sheet" aria-label={t('nav.label')}>
                      <NavItems routes={navRoutes} />
                    </nav>
                    <div className="menu-sheet__tools">
                      {signedIn ? <MessagesNavLink /> : null}
                      <LanguageSwitch />
                      {viewer ? (
                        <span className="header__user" data-testid="nav-user">
                          {viewer.user.displayName}
                        </span>
                      ) : null}
                      {signedIn ? <SignOutButton /> : null}
                    </div>
                  </>
                </MenuSheet>
              ) : (
                <>
                  {navRoutes.some((route) => route.nav?.inline === false) ? (
                    <MenuSheet label={t('nav.more')}>
                      <nav className="nav nav--sheet" aria-label={t('nav.more')}>
                        <NavItems routes={navRoutes.filter((route) => route.nav?.inline === false)} />
                      </nav>
                    </MenuSheet>
                  ) : null}
                  <LanguageSwitch />
                  {viewer ? (
                    <span className="header__user" data-testid="nav-user" title={viewer.user.displayName}>
                      {viewer.user.displayName}
                    </span>
                  ) : null}
                  {signedIn ? <SignOutButton /> : null}
                </>
              )}
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
