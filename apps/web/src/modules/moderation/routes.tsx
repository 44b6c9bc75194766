import type { AppRoute } from '@/shared/routing/route-types';
import { MessageReportPage } from './components/MessageReportPage';
import { ModerationCount } from './components/ModerationCount';
import { ModerationPage } from './components/ModerationPage';

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
