export { DemandBidsSection } from './components/DemandBidsSection';
export { OrganizationReviews } from './components/OrganizationReviews';
