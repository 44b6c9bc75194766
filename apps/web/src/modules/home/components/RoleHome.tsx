import type { ReactNode } from 'react';
import { Link, Navigate } from 'react-router';
import { useQuery } from 'urql';
import { useFormatters, useLocale, useT } from '@/i18n';
import { localized } from '@/shared/format';
import { useViewer, type ViewerMembership } from '@/shared/session';
import { OrganizationRecommendations } from '@/modules/matching';
import { organizationName } from '@/modules/organization';
import { EligiblePrograms } from '@/modules/programs';
import { HomeMyDemandsQuery } from '../graphql/operations';
import {
  BidsNeedingActionBlock,
  ConsortiumRequestsBlock,
  HomeBlock,
  HOME_ROWS,
  InvitationsBlock,
  UnreadConversationsBlock,
} from './HomeBlocks';

/** Where staff land: the console's first page (the listing review queue). */
export const STAFF_LANDING = '/staff/review';

const SUPPLIER_KINDS = ['AI_SUPPLIER', 'SI_INTEGRATOR'];

/**
 * What `/` shows per role (#14 item 1): a supplier or SI its opportunities, an SME its demands,
 * staff the console; anonymous visitors and members of other kinds the public home (`fallback`).
 * The organization is the viewer's first membership, the one the rest of the app acts for.
 */
export function RoleHome({ fallback }: { fallback: ReactNode }) {
  const { signedIn, restoring, viewer, fetching, isStaff } = useViewer();
  if (!signedIn) return restoring ? <HomeLoading /> : <>{fallback}</>;
  if (!viewer) return fetching ? <HomeLoading /> : <>{fallback}</>;
  if (isStaff) return <Navigate to={STAFF_LANDING} replace />;
  const membership = viewer.memberships[0];
  if (!membership) return <>{fallback}</>;
  if (SUPPLIER_KINDS.includes(membership.organization.kind)) return <SupplierHome membership={membership} />;
  if (membership.organization.kind === 'SME') return <SmeHome membership={membership} />;
  return <>{fallback}</>;
}

function HomeLoading() {
  const t = useT();
  return (
    <div className="page page--home">
      <p role="status">{t('common.loading')}</p>
    </div>
  );
}

function HomeHeader({
  membership,
  title,
  lead,
  actions,
}: {
  membership: ViewerMembership;
  title: string;
  lead: string;
  actions: ReactNode;
}) {
  const locale = useLocale();
  return (
    <header className="home-header">
      <div>
        <p className="home-header__org" data-testid="home-org-name">
          {organizationName(membership.organization, locale)}
        </p>
        <h1 className="home-header__title">{title}</h1>
        <p className="home-header__lead">{lead}</p>
      </div>
      <div className="button-row">{actions}</div>
    </header>
  );
}

/** "내 기회": recommended demands across all listings, invitations, consortium requests, bids needing action, unread chats. */
function SupplierHome({ membership }: { membership: ViewerMembership }) {
  const t = useT();
  const org = membership.organization;
  return (
    <div className="page page--home home home--supplier" data-testid="home-supplier">
      <HomeHeader
        membership={membership}
        title={t('home.supplier.title')}
        lead={t('home.supplier.lead')}
        actions={
          <>
            <Link to="/listings/new?kind=SUPPLY" className="button button--small" data-testid="home-new-listing">
              {t('listing.newSupply')}
            </Link>
            <Link to="/listings/mine" className="button button--ghost button--small" data-testid="home-my-listings">
              {t('nav.myListings')}
            </Link>
          </>
        }
      />
      <div className="home-grid">
        <div className="home-grid__main">
          <OrganizationRecommendations organizationId={org.id} verified={org.verificationStatus === 'VERIFIED'} />
          <EligiblePrograms organizationId={org.id} />
        </div>
        <div className="home-grid__side">
          <InvitationsBlock />
          <ConsortiumRequestsBlock />
          <BidsNeedingActionBlock />
          <UnreadConversationsBlock />
        </div>
      </div>
    </div>
  );
}

/** An SME: its published demands with their bid counts, unread conversations, "새 수요 등록". */
function SmeHome({ membership }: { membership: ViewerMembership }) {
  const t = useT();
  return (
    <div className="page page--home home home--sme" data-testid="home-sme">
      <HomeHeader
        membership={membership}
        title={t('home.sme.title')}
        lead={t('home.sme.lead')}
        actions={
          <>
            <Link to="/listings/new?kind=DEMAND" className="button button--small" data-testid="home-new-demand">
              {t('home.sme.newDemand')}
            </Link>
            <Link to="/listings/mine" className="button button--ghost button--small" data-testid="home-my-listings">
              {t('nav.myListings')}
            </Link>
          </>
        }
      />
      <div className="home-grid">
        <div className="home-grid__main">
          <MyDemandsBlock organizationId={membership.organization.id} />
        </div>
        <div className="home-grid__side">
          <UnreadConversationsBlock />
        </div>
      </div>
    </div>
  );
}

function MyDemandsBlock({ organizationId }: { organizationId: string }) {
  const t = useT();
  const locale = useLocale();
  const format = useFormatters();
  const [{ data, fetching }] = useQuery({
    query: HomeMyDemandsQuery,
    variables: { organizationId, first: HOME_ROWS },
    requestPolicy: 'cache-and-network',
  });
  const page = data?.myListings;
  return (
    <HomeBlock
      id="home-demands"
      title={t('home.sme.title')}
      total={page?.totalCount ?? null}
      seeAll="/listings/mine"
      fetching={fetching && !page}
      empty={
        <>
          <p>{t('home.sme.empty')}</p>
          <Link to="/listings/new?kind=DEMAND" className="button button--small">
            {t('home.sme.newDemand')}
          </Link>
        </>
      }
    >
      {(page?.edges ?? []).map(({ node }) => {
        const title = localized(node.title, node.titleEn ?? null, locale);
        const bids = 'bidCount' in node ? node.bidCount : 0;
        return (
          <li key={node.id} className="home-row" data-testid={`home-demand-${node.id}`} data-bids={bids}>
            <div className="home-row__main">
              <Link to={`/listings/${node.id}`} className="home-row__title" lang={title.lang}>
                {title.text || t('listing.untitled')}
              </Link>
              {'bidDeadline' in node && node.bidDeadline ? <p className="home-row__meta muted">{format.date(node.bidDeadline)}</p> : null}
            </div>
            <div className="home-row__side">
              {bids > 0 ? (
                <Link to={`/listings/${node.id}#bids`} className="badge badge--new-bids" data-testid={`home-demand-bids-${node.id}`}>
                  {t('home.sme.bids', { count: format.number(bids) })}
                </Link>
              ) : (
                <span className="muted">{t('home.sme.noBids')}</span>
              )}
            </div>
          </li>
        );
      })}
    </HomeBlock>
  );
}
