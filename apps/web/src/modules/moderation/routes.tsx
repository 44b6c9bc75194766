import type { AppRoute } from '@/shared/routing/route-types';
import { ModerationCount } from './components/ModerationCount';
import { lazyPage } from '@/shared/routing/lazy-page';

const MessageReportPage = lazyPage(() => import('./components/MessageReportPage'), 'MessageReportPage');
const ModerationPage = lazyPage(() => import('./components/ModerationPage'), 'ModerationPage');

export const moderationRoutes: AppRoute[] = [
  {
    path: 'staff/moderation',
    element: <ModerationPage />,
    access: 'staff',
    titleKey: 'moderation.title',
    nav: { labelKey: 'nav.moderation', order: 23, testId: 'nav-moderation', badge: <ModerationCount /> },
  },
  { path: 'staff/moderation/messages/:reportId', element: <MessageReportPage />, access: 'staff', titleKey: 'moderation.context.title' },
];
