import './listings.css';
export { LatestListings } from './components/LatestListings';
export { ListingCard } from './components/ListingCard';
export { OrganizationListingsSection } from './components/OrganizationListingsSection';
export { ProfileContactActions } from './components/ProfileContactActions';
export { creatableKind } from './model/labels';
export { listingRoutes } from './routes';
