import type { OrganizationKind } from '@/generated/graphql';
import type { NavViewer } from './route-types';

// Who a navigation link is for (`AppRoute.nav.audience`). The kinds follow the API's rules: demand
// authors (SME, public agency) and bidders (AI supplier, SI integrator) — bids.service BIDDER_KINDS.
const LISTING_AUTHORS: readonly OrganizationKind[] = ['SME', 'PUBLIC_AGENCY', 'AI_SUPPLIER', 'SI_INTEGRATOR'];
const BIDDERS: readonly OrganizationKind[] = ['AI_SUPPLIER', 'SI_INTEGRATOR'];

/** Members of the marketplace, not association staff (staff see the console instead). */
export const marketplaceMember = (v: NavViewer): boolean => !v.isStaff;

/** A member of an organization that registers demands or supplies. */
export const listingAuthor = (v: NavViewer): boolean => !v.isStaff && v.organizationKinds.some((k) => LISTING_AUTHORS.includes(k));

/** A member of an organization that can bid (or join a consortium). */
export const bidder = (v: NavViewer): boolean => !v.isStaff && v.organizationKinds.some((k) => BIDDERS.includes(k));
