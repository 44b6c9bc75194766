import './search.css';
export { searchRoutes } from './routes';
