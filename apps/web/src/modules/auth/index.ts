export { EmailVerificationBanner } from './components/EmailVerificationBanner';
export { SignOutButton } from './components/SignOutButton';
export { UpdateMyLocaleMutation } from './graphql/operations';
export { authRoutes } from './routes';
