import './stats.css';
export { statsRoutes } from './routes';
