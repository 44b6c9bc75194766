import type { ReactNode } from 'react';
import type { OrganizationKind } from '@/generated/graphql';
import type { SimpleMessageKey } from '@/i18n';

/** Who is looking at the navigation (for `nav.audience`); anonymous visitors are not staff and have no organizations. */
export interface NavViewer {
  isStaff: boolean;
  organizationKinds: readonly OrganizationKind[];
}

/**
 * Who may open a route.
 * - `public`: everyone.
 * - `signedIn`: redirects to /signin?next=… when signed out.
 * - `signedOut`: open to everyone, listed in the navigation only when signed out.
 * - `staff`: signed-in users with the STAFF or ADMIN platform role.
 */
export type RouteAccess = 'public' | 'signedIn' | 'signedOut' | 'staff';

export interface AppRoute {
  /** Path below the layout, e.g. `signup`, `organization`, `demands/:id`; '' for the home page. */
  path: string;
  element: ReactNode;
  access: RouteAccess;
  /** Page title (document.title). */
  titleKey: SimpleMessageKey;
  /** Set to list the route in the header navigation. */
  nav?: {
    labelKey: SimpleMessageKey;
    /** Position in the navigation (ascending). */
    order: number;
    testId: string;
    /** When the link is listed; defaults to the route's `access`. */
    showWhen?: RouteAccess;
    /** Shown after the label, e.g. a queue's count (rendered only while the link is listed). */
    badge?: ReactNode;
    /**
     * false: listed in the header's "더보기" menu rather than in the row (the console's occasional pages), so that the
     * daily links keep one row at 1280 px. Default true.
     */
    inline?: boolean;
    /**
     * Narrows who sees the link beyond `showWhen` (e.g. "내 입찰" only for organizations that can bid; staff see the
     * console, not the marketplace authoring pages). Only hides the link: access stays with the route's `access`.
     */
    audience?: (viewer: NavViewer) => boolean;
  };
}
