import './trust.css';
export { trustRoutes } from './routes';
export { OrganizationTrustBox } from './components/OrganizationTrustBox';
