import type { AppRoute } from '@/shared/routing/route-types';
import { lazyPage } from '@/shared/routing/lazy-page';

const StaffProgramsPage = lazyPage(() => import('./components/StaffProgramsPage'), 'StaffProgramsPage');
const VentureDeductionPage = lazyPage(() => import('./components/VentureDeductionPage'), 'VentureDeductionPage');
const VerifiedSuppliersPage = lazyPage(() => import('./components/VerifiedSuppliersPage'), 'VerifiedSuppliersPage');

export const programRoutes: AppRoute[] = [
  { path: 'tools/venture-deduction', element: <VentureDeductionPage />, access: 'public', titleKey: 'deduction.title' },
  {
    path: 'staff/programs',
    element: <StaffProgramsPage />,
    access: 'staff',
    titleKey: 'programs.staff.title',
    nav: { labelKey: 'nav.programs', order: 23.5, testId: 'nav-programs', inline: false },
  },
  {
    path: 'staff/suppliers',
    element: <VerifiedSuppliersPage />,
    access: 'staff',
    titleKey: 'suppliers.title',
    nav: { labelKey: 'nav.verifiedSuppliers', order: 24, testId: 'nav-verified-suppliers', inline: false },
  },
];
