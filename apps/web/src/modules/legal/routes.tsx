import type { AppRoute } from '@/shared/routing/route-types';
import { lazyPage } from '@/shared/routing/lazy-page';

const LegalDocumentPage = lazyPage(() => import('./components/LegalDocumentPage'), 'LegalDocumentPage');

export const legalRoutes: AppRoute[] = [{ path: 'legal/:kind', element: <LegalDocumentPage />, access: 'public', titleKey: 'legal.title' }];
