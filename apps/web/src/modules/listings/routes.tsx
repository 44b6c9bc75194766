import type { AppRoute } from '@/shared/routing/route-types';
import { listingAuthor } from '@/shared/routing/nav-audience';
import { CurationQueueCount } from './curation/CurationQueueCount';
import { lazyPage } from '@/shared/routing/lazy-page';

const BrowseListingsPage = lazyPage(() => import('./components/BrowseListingsPage'), 'BrowseListingsPage');
const MyListingsPage = lazyPage(() => import('./components/MyListingsPage'), 'MyListingsPage');
const ListingDetailPage = lazyPage(() => import('./detail/ListingDetailPage'), 'ListingDetailPage');
const ListingEditorRoute = lazyPage(() => import('./editor/ListingEditorRoute'), 'ListingEditorRoute');
const CurationItemPage = lazyPage(() => import('./curation/CurationItemPage'), 'CurationItemPage');
const CurationQueuePage = lazyPage(() => import('./curation/CurationQueuePage'), 'CurationQueuePage');
const AasImportPage = lazyPage(() => import('./components/AasImportPage'), 'AasImportPage');
const ProhibitedKeywordsPage = lazyPage(() => import('./curation/ProhibitedKeywordsPage'), 'ProhibitedKeywordsPage');

export const listingRoutes: AppRoute[] = [
  {
    path: 'demands',
    element: <BrowseListingsPage kind="DEMAND" />,
    access: 'public',
    titleKey: 'browse.demands.title',
    nav: { labelKey: 'nav.demands', order: 1, testId: 'nav-demands' },
  },
  {
    path: 'supplies',
    element: <BrowseListingsPage kind="SUPPLY" />,
    access: 'public',
    titleKey: 'browse.supplies.title',
    nav: { labelKey: 'nav.supplies', order: 2, testId: 'nav-supplies' },
  },
  {
    path: 'listings/mine',
    element: <MyListingsPage />,
    access: 'signedIn',
    titleKey: 'mine.title',
    nav: { labelKey: 'nav.myListings', order: 5, testId: 'nav-my-listings', audience: listingAuthor },
  },
  // Both render ListingEditorRoute, so the editor survives the URL change after the first save.
  { path: 'listings/import-aas', element: <AasImportPage />, access: 'signedIn', titleKey: 'aasImport.title' },
  { path: 'listings/new', element: <ListingEditorRoute />, access: 'signedIn', titleKey: 'editor.newListing' },
  { path: 'listings/:id/edit', element: <ListingEditorRoute />, access: 'signedIn', titleKey: 'editor.editListing' },
  { path: 'listings/:id', element: <ListingDetailPage />, access: 'public', titleKey: 'listing.title' },
  {
    path: 'staff/review',
    element: <CurationQueuePage />,
    access: 'staff',
    titleKey: 'curation.title',
    nav: { labelKey: 'nav.review', order: 20, testId: 'nav-review', badge: <CurationQueueCount /> },
  },
  { path: 'staff/review/:id', element: <CurationItemPage />, access: 'staff', titleKey: 'curation.itemTitle' },
  { path: 'staff/prohibited-keywords', element: <ProhibitedKeywordsPage />, access: 'staff', titleKey: 'keywords.title' },
];
