import type { AppRoute } from '@/shared/routing/route-types';
import { bidder } from '@/shared/routing/nav-audience';
import { lazyPage } from '@/shared/routing/lazy-page';

const ConsortiumInvitationPage = lazyPage(() => import('./components/ConsortiumInvitationPage'), 'ConsortiumInvitationPage');
const MyBidsPage = lazyPage(() => import('./components/MyBidsPage'), 'MyBidsPage');

export const bidRoutes: AppRoute[] = [
  {
    path: 'bids',
    element: <MyBidsPage />,
    access: 'signedIn',
    titleKey: 'myBids.title',
    nav: { labelKey: 'nav.myBids', order: 6, testId: 'nav-my-bids', audience: bidder },
  },
  { path: 'bids/:id/invitation', element: <ConsortiumInvitationPage />, access: 'signedIn', titleKey: 'consortium.invitation.title' },
];
