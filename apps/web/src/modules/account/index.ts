import './two-factor.css';
export { accountRoutes } from './routes';
