import type { AppRoute } from '@/shared/routing/route-types';
import { CertificationQueueCount } from './components/CertificationQueueCount';
import { VerificationQueueCount } from './components/VerificationQueueCount';
import { lazyPage } from '@/shared/routing/lazy-page';

const CertificationQueuePage = lazyPage(() => import('./components/CertificationQueuePage'), 'CertificationQueuePage');
const CertificationReviewPage = lazyPage(() => import('./components/CertificationReviewPage'), 'CertificationReviewPage');
const VerificationQueuePage = lazyPage(() => import('./components/VerificationQueuePage'), 'VerificationQueuePage');
const VerificationReviewPage = lazyPage(() => import('./components/VerificationReviewPage'), 'VerificationReviewPage');

export const verificationRoutes: AppRoute[] = [
  {
    path: 'staff/verification',
    element: <VerificationQueuePage />,
    access: 'staff',
    titleKey: 'verificationQueue.title',
    nav: { labelKey: 'nav.verification', order: 21, testId: 'nav-verification', badge: <VerificationQueueCount /> },
  },
  { path: 'staff/verification/:id', element: <VerificationReviewPage />, access: 'staff', titleKey: 'verificationReview.title' },
  {
    path: 'staff/certifications',
    element: <CertificationQueuePage />,
    access: 'staff',
    titleKey: 'certificationQueue.title',
    nav: { labelKey: 'nav.certifications', order: 21.5, testId: 'nav-certifications', badge: <CertificationQueueCount /> },
  },
  { path: 'staff/certifications/:id', element: <CertificationReviewPage />, access: 'staff', titleKey: 'certificationReview.title' },
];
