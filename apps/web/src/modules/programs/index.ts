import './programs.css';
export { EligiblePrograms } from './components/EligiblePrograms';
export { programRoutes } from './routes';
