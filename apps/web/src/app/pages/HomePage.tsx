import { Link } from 'react-router';
import { useLocale, useT } from '@/i18n';
import { useViewer } from '@/shared/session';
import { LatestListings, creatableKind } from '@/modules/listings';
import { organizationName, OrganizationKindLabel, VerificationBadge } from '@/modules/organization';
import { RoleHome } from '@/modules/home';

/** `/`: each role's own home (modules/home), the public home for anonymous visitors and other kinds. */
export function HomePage() {
  return <RoleHome fallback={<PublicHome />} />;
}

function PublicHome() {
  const t = useT();
  const locale = useLocale();
  const { signedIn, viewer, fetching } = useViewer();
  const membership = viewer?.memberships[0];
  const newKind = membership ? creatableKind(membership.organization.kind) : null;

  return (
    <div className="page page--home">
      <section className="hero">
        <h1 className="hero__title">{t('home.heading')}</h1>
        <p className="hero__lead">{t('home.lead')}</p>
        {!signedIn ? (
          <div className="hero__actions">
            <Link to="/signup" className="button" data-testid="home-signup">
              {t('home.cta.signUp')}
            </Link>
            <Link to="/signin" className="button button--ghost" data-testid="home-signin">
              {t('home.cta.signIn')}
            </Link>
          </div>
        ) : null}
      </section>

      {signedIn ? (
        <section className="card" aria-labelledby="home-org-heading" data-testid="home-organization">
          <h2 id="home-org-heading" className="card__title">
            {t('home.myOrganization')}
          </h2>
          {membership ? (
            <div className="home-org">
              <p className="home-org__name" data-testid="home-org-name">
                {organizationName(membership.organization, locale)}
              </p>
              <p className="home-org__meta">
                <span data-testid="home-org-kind">
                  <OrganizationKindLabel kind={membership.organization.kind} />
                </span>
                <VerificationBadge status={membership.organization.verificationStatus} testId="home-org-verification" />
              </p>
              <div className="button-row">
                {newKind ? (
                  <Link to={`/listings/new?kind=${newKind}`} className="button button--small" data-testid="home-new-listing">
                    {newKind === 'DEMAND' ? t('listing.newDemand') : t('listing.newSupply')}
                  </Link>
                ) : null}
                <Link to="/listings/mine" className="button button--ghost button--small" data-testid="home-my-listings">
                  {t('nav.myListings')}
                </Link>
                <Link to="/organization" className="button button--ghost button--small">
                  {t('home.manageOrganization')}
                </Link>
              </div>
            </div>
          ) : fetching ? (
            <p role="status">{t('common.loading')}</p>
          ) : (
            <p>{t('home.noOrganization')}</p>
          )}
        </section>
      ) : null}

      <div className="home-latest">
        <LatestListings kind="DEMAND" />
        <LatestListings kind="SUPPLY" />
      </div>

      <section className="features" aria-label={t('home.features.label')}>
        <article className="feature">
          <h2 className="feature__title">{t('home.features.demand.title')}</h2>
          <p>{t('home.features.demand.body')}</p>
        </article>
        <article className="feature">
          <h2 className="feature__title">{t('home.features.supply.title')}</h2>
          <p>{t('home.features.supply.body')}</p>
        </article>
        <article className="feature">
          <h2 className="feature__title">{t('home.features.curation.title')}</h2>
          <p>{t('home.features.curation.body')}</p>
        </article>
      </section>
    </div>
  );
}
