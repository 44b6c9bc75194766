import './organization.css';
export { OrganizationKindLabel } from './components/OrganizationKindLabel';
export { OrganizationProfileFields } from './components/OrganizationProfileFields';
export { VerificationBadge } from './components/VerificationBadge';
export { VerificationPanel } from './components/VerificationPanel';
export { kindKey, organizationName, SELF_SERVICE_KINDS } from './model/labels';
export { organizationRoutes } from './routes';
