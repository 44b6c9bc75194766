import './reviews.css';
export { OrganizationReviews } from './components/OrganizationReviews';
export { OrganizationReputationQuery, ReviewsOfQuery, SubmitReviewMutation } from './graphql/operations';
export { CRITERION_KEYS, SIDE_CRITERIA } from './model/labels';
