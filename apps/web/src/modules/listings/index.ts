import './listings.css';
export { LatestListings } from './components/LatestListings';
export { ListingCard } from './components/ListingCard';
export { creatableKind } from './model/labels';
export { listingRoutes } from './routes';
