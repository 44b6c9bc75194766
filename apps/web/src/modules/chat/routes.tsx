import type { AppRoute } from '@/shared/routing/route-types';
import { lazyPage } from '@/shared/routing/lazy-page';

const MessagesPage = lazyPage(() => import('./components/MessagesPage'), 'MessagesPage');

/** The header links to /messages itself (with the unread total), so these have no `nav` entry. */
export const chatRoutes: AppRoute[] = [
  { path: 'messages', element: <MessagesPage />, access: 'signedIn', titleKey: 'chat.title' },
  { path: 'messages/:conversationId', element: <MessagesPage />, access: 'signedIn', titleKey: 'chat.title' },
];
