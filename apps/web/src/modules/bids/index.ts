export { DemandBidsSection } from './components/DemandBidsSection';
export { bidRoutes } from './routes';
