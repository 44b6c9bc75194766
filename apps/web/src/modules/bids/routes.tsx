import type { AppRoute } from '@/shared/routing/route-types';
import { ConsortiumInvitationPage } from './components/ConsortiumInvitationPage';
import { MyBidsPage } from './components/MyBidsPage';

export const bidRoutes: AppRoute[] = [
  {
    path: 'bids',
    element: <MyBidsPage />,
    access: 'signedIn',
    titleKey: 'myBids.title',
    nav: { labelKey: 'nav.myBids', order: 6, testId: 'nav-my-bids' },
  },
  { path: 'bids/:id/invitation', element: <ConsortiumInvitationPage />, access: 'signedIn', titleKey: 'consortium.invitation.title' },
];
