import './bids.css';
export { DemandBidsSection } from './components/DemandBidsSection';
export { bidRoutes } from './routes';
