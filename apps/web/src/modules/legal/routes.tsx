import type { AppRoute } from '@/shared/routing/route-types';
import { LegalDocumentPage } from './components/LegalDocumentPage';

export const legalRoutes: AppRoute[] = [{ path: 'legal/:kind', element: <LegalDocumentPage />, access: 'public', titleKey: 'legal.title' }];
