import type { AppRoute } from '@/shared/routing/route-types';
import { lazyPage } from '@/shared/routing/lazy-page';

const AuditLogPage = lazyPage(() => import('./components/AuditLogPage'), 'AuditLogPage');

export const auditRoutes: AppRoute[] = [
  {
    path: 'staff/audit',
    element: <AuditLogPage />,
    access: 'staff',
    titleKey: 'auditLog.title',
    nav: { labelKey: 'nav.audit', order: 22, testId: 'nav-audit' },
  },
];
