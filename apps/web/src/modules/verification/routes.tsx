import type { AppRoute } from '@/shared/routing/route-types';
import { VerificationQueueCount } from './components/VerificationQueueCount';
import { VerificationQueuePage } from './components/VerificationQueuePage';
import { VerificationReviewPage } from './components/VerificationReviewPage';

export const verificationRoutes: AppRoute[] = [
  {
    path: 'staff/verification',
    element: <VerificationQueuePage />,
    access: 'staff',
    titleKey: 'verificationQueue.title',
    nav: { labelKey: 'nav.verification', order: 21, testId: 'nav-verification', badge: <VerificationQueueCount /> },
  },
  { path: 'staff/verification/:id', element: <VerificationReviewPage />, access: 'staff', titleKey: 'verificationReview.title' },
];
