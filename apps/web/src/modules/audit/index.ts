import './audit.css';
export { auditRoutes } from './routes';
