import type { AppRoute } from '@/shared/routing/route-types';
import { lazyPage } from '@/shared/routing/lazy-page';

const SignInPage = lazyPage(() => import('./components/SignInPage'), 'SignInPage');
const SignUpPage = lazyPage(() => import('./components/SignUpPage'), 'SignUpPage');
const VerifyEmailPage = lazyPage(() => import('./components/VerifyEmailPage'), 'VerifyEmailPage');
const ForgotPasswordPage = lazyPage(() => import('./components/ForgotPasswordPage'), 'ForgotPasswordPage');
const ResetPasswordPage = lazyPage(() => import('./components/ResetPasswordPage'), 'ResetPasswordPage');

export const authRoutes: AppRoute[] = [
  {
    path: 'signin',
    element: <SignInPage />,
    access: 'signedOut',
    titleKey: 'signIn.title',
    nav: { labelKey: 'nav.signIn', order: 90, testId: 'nav-signin' },
  },
  {
    // Public (not signedOut-only): a signed-in user may open an invitation link.
    path: 'signup',
    element: <SignUpPage />,
    access: 'public',
    titleKey: 'signUp.title',
    nav: { labelKey: 'nav.signUp', order: 91, testId: 'nav-signup', showWhen: 'signedOut' },
  },
  {
    // The link of the verification mail: works signed in or out.
    path: 'verify-email',
    element: <VerifyEmailPage />,
    access: 'public',
    titleKey: 'verifyEmail.title',
  },
  // Password reset (#13 R): public, so that a mailed link also opens in a signed-in tab.
  { path: 'forgot-password', element: <ForgotPasswordPage />, access: 'public', titleKey: 'forgotPassword.title' },
  { path: 'reset-password', element: <ResetPasswordPage />, access: 'public', titleKey: 'resetPassword.title' },
];
